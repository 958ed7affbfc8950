#!/usr/bin/env bash
# What the test suite needs from Debian, installed when missing (CI and developers run as root):
# - chromium: the end-to-end tests drive Debian's Chromium (Playwright never downloads a browser);
# - poppler-utils: pdftoppm renders exported PDFs to PNG so tests can look at them;
# - redis-server: the Redis store and two-process tests start their own private server.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core fonts-noto-color-emoji)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Missing Debian packages for the tests: ${missing[*]} (install them with apt-get)" >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${missing[*]}…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
