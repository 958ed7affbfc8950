#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: typecheck, lint, unit and integration tests (Vitest,
# against real server processes and private redis-servers), the production build, and the
# end-to-end tests in Debian's Chromium (Playwright).
#
# The machine this runs on has two cores. The browser tests spend much of their time waiting on
# pages, sockets and timers, and so do Vitest's suites on servers and faults, so two lines run
# side by side: the build and the browser tests (two files at a time) in the foreground, and
# Vitest, typecheck and lint in the background. The background's output is printed when it finishes; the script fails if
# either line fails. Each Vitest file keeps a process of its own: with one process for all
# (--no-isolate) the modules load once (a minute of CPU less), but in a fresh clone a plain unit
# test late in the run then took 20-40 s instead of 3, slowed by what the server suites before it
# had left in the process.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh || exit 1

unit_log=$(mktemp -t cafe-vitest-XXXXXX.log)
# Vitest first: the typecheck and lint are short and can wait, while the build beside them is on
# the way to the browser tests, the longer line. Every step runs, so one run reports every failure.
(
  failed=0
  npx vitest run --maxWorkers=1 || failed=1
  npm run --silent typecheck || failed=1
  npm run --silent lint || failed=1
  exit "$failed"
) >"$unit_log" 2>&1 &
unit_pid=$!
stop_unit() { kill "$unit_pid" 2>/dev/null; wait "$unit_pid" 2>/dev/null; }
trap stop_unit INT TERM

front=0
npm run --silent build && npm run --silent e2e || front=$?

wait "$unit_pid"
unit=$?
echo
echo "── Typecheck, lint, Vitest (unit and integration) ─────────────────────────"
cat "$unit_log"
rm -f "$unit_log"

[ "$front" -eq 0 ] || echo "npm test: the build or the browser tests failed (exit $front)" >&2
[ "$unit" -eq 0 ] || echo "npm test: the typecheck, lint, unit or integration tests failed (exit $unit)" >&2
[ "$front" -eq 0 ] && [ "$unit" -eq 0 ]
