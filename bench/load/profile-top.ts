/**
 * Where the time went in a V8 CPU profile (the .cpuprofile that `npm run bench:load -- --cpu-prof`
 * writes for the café server): the functions with the most self time, the most time including
 * what they called, and a timeline of busy time.
 *
 *   npx tsx bench/load/profile-top.ts <file.cpuprofile> [--from=µs --to=µs] [--rows=30] [--slice=5]
 *
 * --from/--to are CLOCK_MONOTONIC microseconds, the clock of the profile and of
 * process.hrtime; bench/load.ts prints them for its window and its round changes.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const file = process.argv[2];
const flags = new Map<string, number>();
for (const a of process.argv.slice(3)) {
  const m = /^--(from|to|rows|slice)=(\d+(?:\.\d+)?)$/.exec(a);
  if (m?.[1] && m[2]) flags.set(m[1], Number(m[2]));
}
if (!file || flags.size !== process.argv.length - 3) {
  console.error(
    'usage: npx tsx bench/load/profile-top.ts <file.cpuprofile> [--from=µs --to=µs] [--rows=30] [--slice=5]',
  );
  process.exit(2);
}
const rows = flags.get('rows') ?? 30;
const sliceUs = (flags.get('slice') ?? 5) * 1e6;
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const from = flags.get('from') ?? profile.startTime;
const to = flags.get('to') ?? profile.endTime;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const root = process.cwd();
const label = (n: ProfileNode) => {
  const f = n.callFrame;
  const where = f.url ? path.relative(root, f.url.replace(/^file:\/\//, '')) : '';
  return `${f.functionName || '(anonymous)'} ${where ? `${where}:${f.lineNumber + 1}` : ''}`.trim();
};
/** The distinct functions on a sample's stack (recursion counted once). */
function stack(id: number): string[] {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n) break;
    seen.add(label(n));
  }
  return [...seen];
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const WATCH =
  /^(recordsFor|roomsOf|placeSocket|record|writev|sqliteTransaction|planSeating|reduce|join|act) /;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const slices = new Map<number, { busy: number; fns: Map<string, number> }>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
let t = profile.startTime;
let total = 0;
let busy = 0;
for (let i = 0; i < samples.length; i++) {
  t += deltas[i] ?? 0;
  if (t < from || t > to) continue;
  const node = byId.get(samples[i] ?? 0);
  if (!node) continue;
  const dt = deltas[i + 1] ?? 0;
  total += dt;
  const l = label(node);
  self.set(l, (self.get(l) ?? 0) + dt);
  const fns = stack(node.id);
  for (const f of fns) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
  if (IDLE.has(node.callFrame.functionName)) continue;
  busy += dt;
  const k = Math.floor((t - from) / sliceUs);
  const slice = slices.get(k) ?? { busy: 0, fns: new Map<string, number>() };
  slice.busy += dt;
  for (const f of fns) if (WATCH.test(f)) slice.fns.set(f, (slice.fns.get(f) ?? 0) + dt);
  slices.set(k, slice);
}

const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [l, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(
      `${(v / 1000).toFixed(0).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${l}`,
    );
};
console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (not idle) ` +
    `= ${((100 * busy) / Math.max(1, total)).toFixed(0)}% of one core`,
);
show('Self time', self);
show('Inclusive time', inclusive);
console.log(`\nTimeline (${sliceUs / 1e6} s slices from --from; the largest of ${WATCH.source})`);
for (const [k, slice] of [...slices].sort((a, b) => a[0] - b[0])) {
  const top = [...slice.fns]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([l, v]) => `${l.split(' ')[0]} ${(v / 1000).toFixed(0)}`)
    .join(', ');
  console.log(
    `${String((k * sliceUs) / 1e6).padStart(5)} s  busy ${(slice.busy / 1000).toFixed(0).padStart(5)} ms  ${top}`,
  );
}
