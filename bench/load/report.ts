/** Prints the load benchmark's results: one table of figures, one of details, the targets. */
import type { BotsResult, Delay, PhaseResult } from './types';

/** The run name of the baseline that keeps the café's promises (--durable-baseline). */
export const DURABLE_BASELINE = 'ws durable baseline';
const RAW_BASELINE = 'ws baseline';

export interface RunRow {
  /** 'café', 'ws baseline' or 'café 2 proc + Redis'. */
  name: string;
  phones: number;
  /** Which of the --repeat runs of this kind and size (1 without --repeat). */
  rep?: number;
  result: BotsResult | null;
  error?: string;
  /** With --cpu-prof: where the café server wrote its profile. */
  profileDir?: string;
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '-');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}x` : '-');

/** The nearest-rank percentile of a few values (several round changes). */
function pct(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export const cpuPer1k = (w: PhaseResult) =>
  w.delivered > 0 ? (w.serverCpuMs * 1000) / w.delivered : Number.NaN;
const worstEld = (eld: Delay[]) =>
  eld.reduce(
    (w, d) => ({
      p50: Math.max(w.p50, d.p50),
      p99: Math.max(w.p99, d.p99),
      max: Math.max(w.max, d.max),
      mean: 0,
    }),
    {
      p50: 0,
      p99: 0,
      max: 0,
      mean: 0,
    },
  );
export const roundP = (r: BotsResult, p: number) => pct(r.roundChangeMs, p);
/** Some round change never reached every phone (so it has no last-recipient time). */
const incomplete = (r: BotsResult) => r.roundChangeMs.some((v) => !Number.isFinite(v));
export const redisHop = (r: BotsResult) =>
  r.window.sameProcess && r.window.otherProcess
    ? r.window.otherProcess.p50 - r.window.sameProcess.p50
    : Number.NaN;

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < rightFrom ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function figures(run: RunRow): string[] {
  const r = run.result;
  if (!r) return [run.name, String(run.phones), 'FAILED (below)'];
  const w = r.window;
  const eld = worstEld(w.eld);
  return [
    run.name,
    String(run.phones),
    `${w.delivered}/${w.expected}`,
    ms(w.latency.p50),
    ms(w.latency.p99),
    ms(w.latency.max),
    `${ms(roundP(r, 0.5))}${incomplete(r) ? '*' : ''}`,
    `${ms(roundP(r, 0.99))}${incomplete(r) ? '*' : ''}`,
    cpuPer1k(w).toFixed(1),
    `${ms(eld.p50)}/${ms(eld.p99)}/${ms(eld.max)}`,
    kb(r.heapPerPhone),
    `${w.botsCpuPct.toFixed(0)}%`,
  ];
}

/** The café's figures as multiples of the raw ws baseline's, in the same run. */
function againstBaseline(r: BotsResult, base: BotsResult) {
  return {
    cpu: cpuPer1k(r.window) / cpuPer1k(base.window),
    noteP99: r.window.latency.p99 / base.window.latency.p99,
    roundP99: roundP(r, 0.99) / roundP(base, 0.99),
    join: r.joinMs / base.joinMs,
    heap: r.heapPerPhone / base.heapPerPhone,
  };
}

type Ratios = ReturnType<typeof againstBaseline>;

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] ?? Number.NaN) : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
}

/**
 * The café against the baseline at `phones`, for each run with its own baseline run (--repeat
 * gives several), and their medians.
 */
function ratiosAt(
  runs: RunRow[],
  phones: number,
  baseline = RAW_BASELINE,
): { each: Ratios[]; median: Ratios } | null {
  const each: Ratios[] = [];
  for (const run of runs) {
    const r = run.result;
    if (run.phones !== phones || r?.kind !== 'cafe' || r.servers !== 1) continue;
    const base = runs.find(
      (x) => x.name === baseline && x.result?.kind === 'ws' && x.phones === phones && x.rep === run.rep,
    )?.result;
    if (base) each.push(againstBaseline(r, base));
  }
  if (each.length === 0) return null;
  const m = (f: (x: Ratios) => number) => median(each.map(f));
  return {
    each,
    median: {
      cpu: m((x) => x.cpu),
      noteP99: m((x) => x.noteP99),
      roundP99: m((x) => x.roundP99),
      join: m((x) => x.join),
      heap: m((x) => x.heap),
    },
  };
}

const ratiosText = (x: Ratios) =>
  `cpu=${x.cpu.toFixed(2)} note_p99=${x.noteP99.toFixed(2)} round_p99=${x.roundP99.toFixed(2)} ` +
  `join=${x.join.toFixed(2)} heap=${x.heap.toFixed(2)}`;

export function printReport(runs: RunRow[], settings: string, elapsedS: number) {
  const out: string[] = [];
  out.push('', `Load benchmark (${settings})`, '');
  const header = [
    'run',
    'phones',
    'delivered/expected',
    'note p50',
    'note p99',
    'note max',
    'round p50',
    'round p99',
    'CPU ms/1k deliv',
    'ELD p50/p99/max',
    'heap KB/phone',
    'bots CPU',
  ];
  const rows: string[][] = [];
  const byPhones = new Map<string, { phones: number; cafe?: RunRow; ws?: RunRow; durable?: RunRow }>();
  for (const run of runs) {
    if (run.name.includes('Redis')) continue;
    const key = `${run.phones}:${run.rep ?? 1}`;
    const entry = byPhones.get(key) ?? { phones: run.phones };
    if (run.name === DURABLE_BASELINE) entry.durable = run;
    else if (run.result?.kind === 'ws' || run.name.startsWith('ws')) entry.ws = run;
    else entry.cafe = run;
    byPhones.set(key, entry);
  }
  for (const { phones, cafe, ws, durable } of byPhones.values()) {
    if (cafe) rows.push(figures(cafe));
    for (const [base, label] of [
      [ws, '  ratio café/ws'],
      [durable, '  ratio café/durable'],
    ] as const) {
      if (!base) continue;
      rows.push(figures(base));
      const a = cafe?.result;
      const b = base.result;
      if (!a || !b) continue;
      rows.push([
        label,
        String(phones),
        '',
        ratio(a.window.latency.p50, b.window.latency.p50),
        ratio(a.window.latency.p99, b.window.latency.p99),
        ratio(a.window.latency.max, b.window.latency.max),
        ratio(roundP(a, 0.5), roundP(b, 0.5)),
        ratio(roundP(a, 0.99), roundP(b, 0.99)),
        ratio(cpuPer1k(a.window), cpuPer1k(b.window)),
        '',
        ratio(a.heapPerPhone, b.heapPerPhone),
        '',
      ]);
    }
  }
  for (const run of runs) if (run.name.includes('Redis')) rows.push(figures(run));
  out.push(table(header, rows));
  for (const run of runs)
    if (!run.result) out.push(`${run.name}, ${run.phones} phones, FAILED: ${run.error ?? '?'}`);
  out.push(
    '',
    'note p50/p99/max: one-way ms from a phone sending note.post to each tablemate receiving the record.',
    'round p50/p99: over the round changes, ms from the facilitator sending round.end until the LAST phone had round.ended',
    '  (* = some round change never reached every phone; the figure covers only the complete ones).',
    'CPU ms/1k deliv: server CPU (user+system, all server processes) over the window per 1,000 tablemate deliveries.',
    'ELD: event-loop delay beyond the 10 ms sampling timer, ms (worst server process). bots CPU: % of one core.',
    'heap KB/phone: (heapUsed after gc with every phone joined and seated - heapUsed before any phone) / phones.',
  );

  for (const run of runs) {
    const r = run.result;
    if (!r?.window.sameProcess || !r.window.otherProcess) continue;
    out.push(
      '',
      `Redis hop (${run.name}, ${run.phones} phones, half on each process): tablemates on the same process p50 ` +
        `${ms(r.window.sameProcess.p50)} ms (p99 ${ms(r.window.sameProcess.p99)}, n=${r.window.sameProcess.count}), ` +
        `on the other process p50 ${ms(r.window.otherProcess.p50)} ms (p99 ${ms(r.window.otherProcess.p99)}, ` +
        `n=${r.window.otherProcess.count}); hop = ${ms(redisHop(r))} ms p50. ` +
        `redis-server CPU over the window: ${(r.window.extraCpuMs[0] ?? 0).toFixed(0)} ms.`,
    );
  }

  const joining: string[][] = [];
  const rounds: string[][] = [];
  const errorLines: string[] = [];
  for (const run of runs) {
    const r = run.result;
    if (!r) continue;
    const rp = r.rounds;
    const eld = worstEld(rp.eld);
    joining.push([
      run.name,
      String(run.phones),
      String(r.events),
      (r.joinMs / 1000).toFixed(1),
      `${r.joinBotsCpuPct.toFixed(0)}%`,
      `${r.window.notes}/${r.window.notesFailed}`,
      String(r.window.deliveredViaSync),
      ms(r.window.maxSendLagMs),
      kb(r.rssPerPhone),
      r.window.extraCpuMs.length > 0 ? (r.window.extraCpuMs[0] ?? 0).toFixed(0) : '-',
    ]);
    rounds.push([
      run.name,
      String(run.phones),
      r.logRecords > 0 ? String(r.logRecords) : '-',
      r.roundChangeMs.map((v) => ms(v)).join(' '),
      ms(pct(r.roundChangeMedianMs, 0.5)),
      r.roundChangeBotsCpuPct.map((v) => v.toFixed(0)).join(' '),
      r.roundSyncsMs.map((v) => (v / 1000).toFixed(1)).join(' '),
      String(r.roundChangeMissing),
      `${rp.delivered}/${rp.expected}`,
      `${ms(rp.latency.p50)}/${ms(rp.latency.p99)}/${ms(rp.latency.max)}`,
      `${ms(eld.p99)}/${ms(eld.max)}`,
      `${rp.botsCpuPct.toFixed(0)}%`,
    ]);
    const errs = Object.entries(r.errors);
    if (errs.length > 0)
      errorLines.push(`  ${run.name} ${run.phones}: ${errs.map(([k, v]) => `${k} x${v}`).join(', ')}`);
  }
  out.push(
    '',
    'Joining and the window',
    table(
      [
        'run',
        'phones',
        'events',
        'join s',
        'bots CPU join',
        'notes/failed',
        'via sync',
        'max send lag ms',
        'rss KB/phone',
        'redis-server CPU ms',
      ],
      joining,
    ),
    'join s: connecting, joining and syncing every phone, batch by batch (one core of bots parsing every',
    'participant.joined push). notes/failed, via sync (deliveries that came in a sync answer) and send lag: the window.',
    '',
    'Round changes (notes keep flowing; every café phone syncs after its new seat, as the browser client does)',
    table(
      [
        'run',
        'phones',
        'log records',
        'each change: last phone ms',
        'median phone',
        'bots CPU % each',
        'sync storm s each',
        'missed',
        'delivered/exp',
        'note p50/p99/max',
        'ELD p99/max',
        'bots CPU',
      ],
      rounds,
    ),
    "log records: an event log's length when the changes began. bots CPU % each: the bots",
    'process from round.end to the last phone (near 100 = the load generator bounds the figure). sync storm s: from',
    "round.end until round.start was done and every phone's seat-change sync answered (round.start waits in the",
    "event's queue behind the syncs). ELD p99/max and note figures: the whole phase.",
  );
  if (errorLines.length > 0) out.push('', 'Errors and resends counted by the bots:', ...errorLines);

  // Targets, for reference only: the largest single-process café run against them.
  const cafeRuns = runs.filter((x) => x.result?.kind === 'cafe' && x.result.servers === 1);
  const big = cafeRuns.sort((a, b) => b.phones - a.phones)[0];
  const against = big ? ratiosAt(runs, big.phones) : null;
  const several = (against?.each.length ?? 0) > 1 ? ` (median of ${against?.each.length} runs)` : '';
  const redis = runs.find((x) => x.name.includes('Redis'))?.result;
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  if (big?.result) {
    const r = big.result;
    const lines: [boolean, string][] = [
      [r.window.latency.p99 <= 25, `note fan-out p99 <= 25 ms: ${ms(r.window.latency.p99)} ms`],
      [
        roundP(r, 0.99) <= 150 && !incomplete(r),
        `round-change last-recipient p99 <= 150 ms: ${ms(roundP(r, 0.99))} ms` +
          (incomplete(r)
            ? ` (${r.roundChangeMs.filter((v) => !Number.isFinite(v)).length} changes incomplete)`
            : ''),
      ],
      [
        r.window.delivered === r.window.expected &&
          r.window.notesFailed === 0 &&
          r.rounds.delivered === r.rounds.expected &&
          r.rounds.notesFailed === 0 &&
          r.roundChangeMissing === 0 &&
          !incomplete(r),
        `every message delivered: notes ${r.window.delivered}/${r.window.expected} in the window and ` +
          `${r.rounds.delivered}/${r.rounds.expected} during round changes, ` +
          `${r.window.notesFailed + r.rounds.notesFailed} refused or lost, ${r.roundChangeMissing} round.ended missed` +
          (incomplete(r)
            ? `, ${r.roundChangeMs.filter((v) => !Number.isFinite(v)).length} round changes not done`
            : ''),
      ],
    ];
    if (against) {
      const x = against.median;
      const fig = (v: number) => `${v.toFixed(2)}x${several}`;
      lines.push([x.cpu <= 1.5, `CPU per delivery within 1.5x of the ws baseline: ${fig(x.cpu)}`]);
      lines.push([x.noteP99 <= 1.5, `note p99 within 1.5x of the ws baseline: ${fig(x.noteP99)}`]);
      lines.push([x.roundP99 <= 1.5, `round change p99 within 1.5x of the ws baseline: ${fig(x.roundP99)}`]);
      lines.push([x.join <= 2, `joining every phone within 2x of the ws baseline: ${fig(x.join)}`]);
      lines.push([x.heap <= 2, `heap per phone within 2x of the ws baseline: ${fig(x.heap)}`]);
    } else lines.push([r.heapPerPhone <= 8 * 1024, `heap per phone <= 8 KB: ${kb(r.heapPerPhone)} KB`]);
    if (redis) lines.push([redisHop(redis) <= 1, `Redis hop <= 1 ms p50: ${ms(redisHop(redis))} ms`]);
    out.push('', `Targets (reference only, not asserted), for ${big.phones} phones on one process:`);
    for (const [ok, text] of lines) out.push(`  ${mark(ok)}  ${text}`);
  }

  const saturated = runs.filter(
    (x) => x.result && (x.result.window.botsCpuPct > 90 || x.result.rounds.botsCpuPct > 90),
  );
  for (const x of saturated) {
    const r = x.result;
    if (!r) continue;
    out.push(
      '',
      `WARNING: the load generator saturated a core in "${x.name}" with ${x.phones} phones ` +
        `(bots process CPU ${r.window.botsCpuPct.toFixed(0)}% of one core in the window, ` +
        `${r.rounds.botsCpuPct.toFixed(0)}% during round changes): its latencies include the bots' own queueing.`,
    );
  }
  out.push('', `Total time: ${(elapsedS / 60).toFixed(1)} min (${elapsedS.toFixed(0)} s).`);
  // The last line: the largest café runs on one process against the baseline, for scripts
  // (with --repeat, the medians, and every message of every run counted).
  if (big && against) {
    const all = runs.filter(
      (x) => x.phones === big.phones && x.result?.kind === 'cafe' && x.result.servers === 1,
    );
    const delivered = all.reduce(
      (n, x) => n + (x.result ? x.result.window.delivered + x.result.rounds.delivered : 0),
      0,
    );
    const expected = all.reduce(
      (n, x) => n + (x.result ? x.result.window.expected + x.result.rounds.expected : 0),
      0,
    );
    const durable = ratiosAt(runs, big.phones, DURABLE_BASELINE);
    if (durable)
      out.push(
        `against the durable ws baseline (every join and note committed first, a ping every 10 s), ` +
          `${durable.each.length > 1 ? `median of ${durable.each.length} runs` : 'one run'}:`,
        `  ratios café/durable ws @${big.phones}: ${ratiosText(durable.median)}`,
      );
    if (against.each.length > 1)
      for (const [i, x] of against.each.entries()) out.push(`  run ${i + 1}: ${ratiosText(x)}`);
    out.push(
      `ratios café/ws @${big.phones}: ${ratiosText(against.median)} delivered=${delivered}/${expected}`,
    );
  }
  console.log(out.join('\n'));
}
