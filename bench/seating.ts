/**
 * Seating planner benchmark: plans whole events round by round (as the facilitator would) and
 * reports how often people meet again and how long planning took.
 * Run with: npx tsx bench/seating.ts
 */
import { performance } from 'node:perf_hooks';
import { encounterStats, planSeating, type Seating } from '../lib/seating';

interface Scenario {
  people: number;
  tables: number;
  rounds: number;
  hosts: number;
}

const scenarios: Scenario[] = [
  { people: 24, tables: 6, rounds: 3, hosts: 6 },
  { people: 200, tables: 40, rounds: 4, hosts: 40 },
  { people: 2000, tables: 400, rounds: 4, hosts: 400 },
];

function run({ people: n, tables, rounds, hosts: hostCount }: Scenario) {
  const people = Array.from({ length: n }, (_, i) => `p${i + 1}`);
  const hosts: Record<number, string> = {};
  for (let t = 1; t <= hostCount; t++) hosts[t] = people[t - 1] ?? '';
  const history: Seating[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    history.push(planSeating({ people, tableCount: tables, hosts, history, seed: `bench:${r}` }));
  }
  const ms = performance.now() - started;
  return { ...encounterStats(history, hosts), ms };
}

const header = [
  'people',
  'tables',
  'rounds',
  'repeat pairs',
  'lower bound',
  'table revisits',
  'total ms',
  'ms/round',
];
const rows: string[][] = [];
for (const s of scenarios) {
  const r = run(s);
  rows.push([
    String(s.people),
    String(s.tables),
    String(s.rounds),
    String(r.repeatPairs),
    String(r.lowerBound),
    String(r.repeatTableVisits),
    r.ms.toFixed(1),
    (r.ms / s.rounds).toFixed(1),
  ]);
}

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
