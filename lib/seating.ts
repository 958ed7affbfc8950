/**
 * Seating planner for World Café rounds.
 *
 * Each round everyone except a table's host moves on, and the point of moving is to meet new
 * people. This module decides who sits where so that people who already shared a table are kept
 * apart, and non-hosts avoid tables (hosts, notes) they have seen before. It is pure and
 * deterministic: the same input and seed always give the same plan, so tests and benchmarks can
 * rely on it. (The server still writes each plan into the log, so replay never re-plans.)
 */

import { hashString } from './hash';
import { groupByTable, tableIn } from './seats';

/** Participant ids are opaque strings; tables are numbered 1..tableCount. */
export type Seating = Record<string, number>; // participantId -> table number

export interface SeatingInput {
  people: string[]; // active participants to seat this round (includes hosts)
  tableCount: number; // >= 1
  hosts: Record<number, string>; // table -> participant id of its host (only hosts that are in `people` count; ignore others)
  /**
   * participant id -> the table they are kept at ("keep at this table": a step-free seat, an
   * interpreter's table). Placed there like hosts; a table beyond `tableCount` means the highest
   * table. A host stays at the table they host. Only people in `people` count.
   */
  kept?: Record<string, number>;
  history: Seating[]; // seatings of earlier rounds, oldest first (may mention people who left)
  seed: string; // e.g. eventId + round index; same input => same output
}

export interface EncounterStats {
  repeatPairs: number;
  repeatTableVisits: number;
  lowerBound: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness. Math.random would make plans impossible to reproduce from the event log.

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the exported functions.

/** Callers validate, but a bad table count must never crash a live event: treat it as 1 table. */
function normaliseTableCount(tableCount: number): number {
  return Number.isFinite(tableCount) && tableCount >= 1 ? Math.floor(tableCount) : 1;
}

const isTable = (t: unknown, tableCount: number): t is number =>
  typeof t === 'number' && Number.isInteger(t) && t >= 1 && t <= tableCount;

// ---------------------------------------------------------------------------------------------
// The planning problem, in index form so the search works on typed arrays instead of strings.

interface Problem {
  n: number;
  tables: number;
  /** Table (0-based) for hosts and kept people, -1 for people who move. */
  fixedTable: Int32Array;
  movable: number[];
  /**
   * People each person already shared a table with. Listed once however often they met: seating
   * a pair together again adds exactly one repeat encounter (as encounterStats counts them),
   * whether it is their second meeting or their third.
   */
  metWho: Int32Array[];
  /** Tables (0-based, within the current table count) each person sat at before, and how often. */
  visitTable: Int32Array[];
  visitTimes: Int32Array[];
  /** The same visits seen from the table's side, to score "who would revisit table a" quickly. */
  visitorWho: Int32Array[];
  visitorTimes: Int32Array[];
  minSize: number;
  /** How many tables get one person more than minSize. */
  extraSeats: number;
  /**
   * Revisits only matter once repeat pairs are equal, so one repeat pair must outweigh any
   * possible change in revisits caused by a single swap (at most 2 * history length).
   */
  weight: number;
}

function buildProblem(
  ids: string[],
  tables: number,
  hosts: Record<number, string>,
  kept: Record<string, number>,
  history: Seating[],
): Problem {
  const n = ids.length;
  const index = new Map<string, number>();
  for (const [i, id] of ids.entries()) index.set(id, i);

  const fixedTable = new Int32Array(n).fill(-1);
  const hostEntries = Object.entries(hosts)
    .map(([t, id]) => [Number(t), id] as const)
    .sort((x, y) => x[0] - y[0]);
  for (const [t, id] of hostEntries) {
    if (typeof id !== 'string' || !isTable(t, tables)) continue;
    const p = index.get(id);
    // Someone listed for two tables can only sit at one; the lower table number wins.
    if (p === undefined || fixedTable[p] !== -1) continue;
    fixedTable[p] = t - 1;
  }
  // Kept people next, in id order; a table the next seating lacks means its highest table.
  for (const id of Object.keys(kept).sort()) {
    const t = kept[id];
    const p = index.get(id);
    if (p === undefined || fixedTable[p] !== -1 || typeof t !== 'number' || !Number.isInteger(t) || t < 1)
      continue;
    fixedTable[p] = Math.min(t, tables) - 1;
  }
  const movable: number[] = [];
  for (let p = 0; p < n; p++) if (fixedTable[p] === -1) movable.push(p);

  // Past tables as lists of people still present; who met whom is derived from these below.
  const pastTables: number[][] = [];
  const satAt: number[][] = Array.from({ length: n }, () => []);
  const visits: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const round of history) {
    for (const [t, group] of groupByTable(round)) {
      const present: number[] = [];
      for (const id of group) {
        const p = index.get(id);
        if (p !== undefined) present.push(p);
      }
      if (present.length === 0) continue;
      for (const p of present) {
        satAt[p]?.push(pastTables.length);
        // Tables beyond today's table count no longer exist, so sitting there cannot be repeated.
        const pv = visits[p];
        if (pv && isTable(t, tables)) pv.set(t - 1, (pv.get(t - 1) ?? 0) + 1);
      }
      pastTables.push(present);
    }
  }
  // Marking with the person's own index dedupes without a Set per person, which matters when
  // huge tables make everyone meet nearly everyone.
  const mark = new Int32Array(n).fill(-1);
  const metWho: Int32Array[] = [];
  for (let p = 0; p < n; p++) {
    mark[p] = p;
    const who: number[] = [];
    for (const g of satAt[p] ?? []) {
      for (const q of pastTables[g] ?? []) {
        if (mark[q] === p) continue;
        mark[q] = p;
        who.push(q);
      }
    }
    metWho.push(Int32Array.from(who));
  }

  const toArrays = (m: Map<number, number> | undefined): [Int32Array, Int32Array] => {
    const keys = new Int32Array(m?.size ?? 0);
    const values = new Int32Array(m?.size ?? 0);
    let k = 0;
    for (const [key, value] of m ?? []) {
      keys[k] = key;
      values[k] = value;
      k++;
    }
    return [keys, values];
  };
  const visitTable: Int32Array[] = [];
  const visitTimes: Int32Array[] = [];
  const visitorLists: { who: number[]; times: number[] }[] = Array.from({ length: tables }, () => ({
    who: [],
    times: [],
  }));
  for (let p = 0; p < n; p++) {
    const [vt, vn] = toArrays(visits[p]);
    visitTable.push(vt);
    visitTimes.push(vn);
    for (let k = 0; k < vt.length; k++) {
      const list = visitorLists[vt[k] ?? 0];
      if (!list) continue;
      list.who.push(p);
      list.times.push(vn[k] ?? 0);
    }
  }

  return {
    n,
    tables,
    fixedTable,
    movable,
    metWho,
    visitTable,
    visitTimes,
    visitorWho: visitorLists.map((l) => Int32Array.from(l.who)),
    visitorTimes: visitorLists.map((l) => Int32Array.from(l.times)),
    minSize: Math.floor(n / tables),
    extraSeats: n % tables,
    weight: 2 * history.length + 1,
  };
}

// ---------------------------------------------------------------------------------------------
// A seating under construction, with per-person costs kept up to date so a swap is scored in O(1).

interface Arrangement {
  tableOf: Int32Array;
  members: number[][];
  /** Position of each person inside members[tableOf[p]], for O(1) removal. */
  slot: Int32Array;
  /** How many of this person's current tablemates they already met. */
  clash: Int32Array;
  /** Times this (non-host) person already sat at their current table. */
  revisit: Int32Array;
  pairCost: number;
  revisitCost: number;
}

function visitsAt(prob: Problem, p: number, t: number): number {
  const tables = prob.visitTable[p];
  const times = prob.visitTimes[p];
  if (!tables || !times) return 0;
  for (let k = 0; k < tables.length; k++) if (tables[k] === t) return times[k] ?? 0;
  return 0;
}

function clashAt(prob: Problem, arr: Arrangement, p: number, t: number, except: number): number {
  let sum = 0;
  for (const x of prob.metWho[p] ?? []) if (x !== except && arr.tableOf[x] === t) sum++;
  return sum;
}

/** Recomputed from scratch once per construction; the search then only applies deltas. */
function scoreArrangement(prob: Problem, arr: Arrangement): void {
  let pairs = 0;
  let revisits = 0;
  for (let p = 0; p < prob.n; p++) {
    const t = arr.tableOf[p] ?? -1;
    const c = clashAt(prob, arr, p, t, -1);
    arr.clash[p] = c;
    pairs += c;
    const v = prob.fixedTable[p] === -1 ? visitsAt(prob, p, t) : 0;
    arr.revisit[p] = v;
    revisits += v;
  }
  arr.pairCost = pairs / 2;
  arr.revisitCost = revisits;
}

/**
 * Greedy start: hosts and kept people first, then everyone else in seeded random order, each to the cheapest
 * table that still has room. Room is rationed so that sizes end up floor(n/T) or ceil(n/T).
 */
function construct(prob: Problem, rng: Rng, work: { done: number }): Arrangement {
  const { n, tables, minSize, extraSeats, weight } = prob;
  const arr: Arrangement = {
    tableOf: new Int32Array(n).fill(-1),
    members: Array.from({ length: tables }, () => []),
    slot: new Int32Array(n),
    clash: new Int32Array(n),
    revisit: new Int32Array(n),
    pairCost: 0,
    revisitCost: 0,
  };
  let bigTables = 0;
  const hasRoom = (size: number) => size < minSize || (size === minSize && bigTables < extraSeats);
  const place = (p: number, t: number) => {
    const m = arr.members[t];
    if (!m) return;
    if (m.length === minSize) bigTables++;
    arr.tableOf[p] = t;
    arr.slot[p] = m.length;
    m.push(p);
  };

  for (let p = 0; p < n; p++) {
    const t = prob.fixedTable[p] ?? -1;
    if (t >= 0) place(p, t);
  }

  const order = prob.movable.slice();
  shuffleInPlace(order, rng);
  const clashBy = new Int32Array(tables);
  const visitBy = new Int32Array(tables);
  for (const p of order) {
    const who = prob.metWho[p] ?? new Int32Array(0);
    const vt = prob.visitTable[p] ?? new Int32Array(0);
    const vn = prob.visitTimes[p] ?? new Int32Array(0);
    for (const x of who) {
      const t = arr.tableOf[x] ?? -1;
      if (t >= 0) clashBy[t] = (clashBy[t] ?? 0) + 1;
    }
    for (let k = 0; k < vt.length; k++) visitBy[vt[k] ?? 0] = vn[k] ?? 0;

    let best = -1;
    let bestKey = Number.POSITIVE_INFINITY;
    let bestSize = Number.POSITIVE_INFINITY;
    let ties = 0;
    for (let t = 0; t < tables; t++) {
      const size = arr.members[t]?.length ?? 0;
      if (!hasRoom(size)) continue;
      const key = (clashBy[t] ?? 0) * weight + (visitBy[t] ?? 0);
      // Among equally good tables prefer the emptier one, so later (more constrained) people
      // still find room at the tables that suit them.
      if (key < bestKey || (key === bestKey && size < bestSize)) {
        best = t;
        bestKey = key;
        bestSize = size;
        ties = 1;
      } else if (key === bestKey && size === bestSize) {
        ties++;
        if (rng() * ties < 1) best = t;
      }
    }

    for (let k = 0; k < who.length; k++) {
      const t = arr.tableOf[who[k] ?? 0] ?? -1;
      if (t >= 0) clashBy[t] = 0;
    }
    for (let k = 0; k < vt.length; k++) visitBy[vt[k] ?? 0] = 0;
    // The seat rationing guarantees a table with room while anyone is left unseated.
    place(p, Math.max(best, 0));
  }

  scoreArrangement(prob, arr);
  for (const who of prob.metWho) work.done += 2 * who.length;
  work.done += prob.movable.length * prob.tables;
  return arr;
}

/** Scratch buffers reused across the whole search to avoid allocating per step. */
interface Scratch {
  metP: Int32Array; // 1 for each person p met before
  clashA: Int32Array; // per person: how many people at p's table they met before
  visitA: Int32Array; // per person: times they sat at p's table
  clashP: Int32Array; // per table: how many people there p met before
  visitP: Int32Array; // per table: times p sat there
}

interface Step {
  key: number;
  dPairs: number;
  dRevisits: number;
  partner: number; // person to swap with, or -1 for a plain move
  table: number;
}

/**
 * The best swap or move for p (ties broken at random), or null if p has nowhere to go.
 * `work` is bumped by the number of array cells touched, which is what the budget limits.
 */
function bestStepFor(
  prob: Problem,
  arr: Arrangement,
  s: Scratch,
  p: number,
  rng: Rng,
  work: { done: number },
): Step | null {
  const a = arr.tableOf[p] ?? 0;
  const membersA = arr.members[a] ?? [];
  const who = prob.metWho[p] ?? new Int32Array(0);
  const vt = prob.visitTable[p] ?? new Int32Array(0);
  const vn = prob.visitTimes[p] ?? new Int32Array(0);
  const visitorsWho = prob.visitorWho[a] ?? new Int32Array(0);
  const visitorsTimes = prob.visitorTimes[a] ?? new Int32Array(0);

  for (const x of who) {
    s.metP[x] = 1;
    const t = arr.tableOf[x] ?? 0;
    s.clashP[t] = (s.clashP[t] ?? 0) + 1;
  }
  for (let k = 0; k < vt.length; k++) s.visitP[vt[k] ?? 0] = vn[k] ?? 0;
  for (const x of membersA) for (const y of prob.metWho[x] ?? []) s.clashA[y] = (s.clashA[y] ?? 0) + 1;
  for (let k = 0; k < visitorsWho.length; k++) s.visitA[visitorsWho[k] ?? 0] = visitorsTimes[k] ?? 0;
  // Big tables make these lists long (everyone met everyone), so they count towards the budget.
  for (const x of membersA) work.done += 2 * (prob.metWho[x]?.length ?? 0);
  work.done += prob.n + prob.tables + 4 * who.length + 2 * visitorsWho.length;

  const { weight, fixedTable } = prob;
  const clashNow = arr.clash[p] ?? 0;
  const visitNow = arr.revisit[p] ?? 0;
  // A plain move keeps sizes balanced only from a big table to a small one.
  const canLeave = membersA.length > prob.minSize;
  let best: Step | null = null;
  let ties = 0;
  const consider = (dPairs: number, dRevisits: number, partner: number, table: number) => {
    const key = dPairs * weight + dRevisits;
    if (best === null || key < best.key) {
      best = { key, dPairs, dRevisits, partner, table };
      ties = 1;
    } else if (key === best.key) {
      ties++;
      if (rng() * ties < 1) best = { key, dPairs, dRevisits, partner, table };
    }
  };

  for (let b = 0; b < prob.tables; b++) {
    if (b === a) continue;
    const membersB = arr.members[b] ?? [];
    const pairsIn = (s.clashP[b] ?? 0) - clashNow;
    const visitsIn = (s.visitP[b] ?? 0) - visitNow;
    if (canLeave && membersB.length < membersA.length) consider(pairsIn, visitsIn, -1, b);
    for (const q of membersB) {
      if (fixedTable[q] !== -1) continue;
      const m = s.metP[q] ?? 0;
      // clashA[q] still counts p, who is leaving table a; likewise clashP[b] counts q.
      const dPairs = pairsIn - 2 * m + (s.clashA[q] ?? 0) - (arr.clash[q] ?? 0);
      const dRevisits = visitsIn + (s.visitA[q] ?? 0) - (arr.revisit[q] ?? 0);
      consider(dPairs, dRevisits, q, b);
    }
  }

  for (const x of who) {
    s.metP[x] = 0;
    s.clashP[arr.tableOf[x] ?? 0] = 0;
  }
  for (let k = 0; k < vt.length; k++) s.visitP[vt[k] ?? 0] = 0;
  for (const x of membersA) for (const y of prob.metWho[x] ?? []) s.clashA[y] = 0;
  for (let k = 0; k < visitorsWho.length; k++) s.visitA[visitorsWho[k] ?? 0] = 0;
  return best;
}

/** Takes p out of its table's member list without leaving a hole. */
function detach(arr: Arrangement, p: number): void {
  const m = arr.members[arr.tableOf[p] ?? 0];
  if (!m) return;
  const i = arr.slot[p] ?? 0;
  const last = m.pop();
  if (last !== undefined && last !== p) {
    m[i] = last;
    arr.slot[last] = i;
  }
}

function attach(arr: Arrangement, p: number, t: number): void {
  const m = arr.members[t];
  if (!m) return;
  arr.tableOf[p] = t;
  arr.slot[p] = m.length;
  m.push(p);
}

/** Moves p to table `to`, updating the clash counts of everyone p leaves or joins. */
function relocate(prob: Problem, arr: Arrangement, p: number, to: number): void {
  const from = arr.tableOf[p] ?? 0;
  for (const x of prob.metWho[p] ?? []) {
    const t = arr.tableOf[x];
    if (t === from) arr.clash[x] = (arr.clash[x] ?? 0) - 1;
    else if (t === to) arr.clash[x] = (arr.clash[x] ?? 0) + 1;
  }
  detach(arr, p);
  attach(arr, p, to);
}

function applyStep(prob: Problem, arr: Arrangement, p: number, step: Step): void {
  const a = arr.tableOf[p] ?? 0;
  relocate(prob, arr, p, step.table);
  if (step.partner >= 0) relocate(prob, arr, step.partner, a);
  for (const x of step.partner >= 0 ? [p, step.partner] : [p]) {
    const t = arr.tableOf[x] ?? 0;
    arr.clash[x] = clashAt(prob, arr, x, t, x);
    arr.revisit[x] = visitsAt(prob, x, t);
  }
  arr.pairCost += step.dPairs;
  arr.revisitCost += step.dRevisits;
}

/**
 * Local search: repeatedly take someone who meets an old acquaintance or revisits a table and
 * make the best swap/move for them. Equal-cost (sideways) steps are taken too, because in tight
 * cases the way to a perfect plan crosses long plateaus. Stops when perfect, when several passes
 * bring no improvement, or when the work budget (linear in n) is spent.
 */
function improve(prob: Problem, arr: Arrangement, rng: Rng, work: { done: number }, limit: number): void {
  const s: Scratch = {
    metP: new Int32Array(prob.n),
    clashA: new Int32Array(prob.n),
    visitA: new Int32Array(prob.n),
    clashP: new Int32Array(prob.tables),
    visitP: new Int32Array(prob.tables),
  };
  const maxIdlePasses = 25;
  let idle = 0;
  while (idle < maxIdlePasses && work.done < limit && (arr.pairCost > 0 || arr.revisitCost > 0)) {
    const unhappy = prob.movable.filter((p) => (arr.clash[p] ?? 0) > 0 || (arr.revisit[p] ?? 0) > 0);
    shuffleInPlace(unhappy, rng);
    let improved = false;
    for (const p of unhappy) {
      if ((arr.clash[p] ?? 0) === 0 && (arr.revisit[p] ?? 0) === 0) continue;
      const step = bestStepFor(prob, arr, s, p, rng, work);
      if (step !== null && step.key <= 0) {
        applyStep(prob, arr, p, step);
        if (step.key < 0) improved = true;
      }
      if (work.done >= limit) break;
    }
    idle = improved ? 0 : idle + 1;
  }
}

const better = (x: Arrangement, y: Arrangement) =>
  x.pairCost < y.pairCost || (x.pairCost === y.pairCost && x.revisitCost < y.revisitCost);

/**
 * Plan one round. Hosts stay at their own table and kept people at theirs; everyone else is
 * placed to meet new people.
 */
export function planSeating(input: SeatingInput): Seating {
  const tables = normaliseTableCount(input.tableCount);
  const seen = new Set<string>();
  const people: string[] = [];
  for (const id of input.people) {
    if (typeof id === 'string' && !seen.has(id)) {
      seen.add(id);
      people.push(id);
    }
  }
  if (people.length === 0) return {};

  // Sorting first makes the plan depend on who is present, not on the order they were listed.
  const ids = people.slice().sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const prob = buildProblem(ids, tables, input.hosts ?? {}, input.kept ?? {}, input.history ?? []);
  const rng = mulberry32(hashString(String(input.seed)));

  // Counting work rather than time keeps the result deterministic while still bounding the
  // running time (a few tens of ms for 2,000 people); restarts share one overall budget.
  const maxAttempts = 6;
  const perAttempt = 300_000 + 2_000 * prob.n;
  const total = maxAttempts * perAttempt;
  const work = { done: 0 };
  let best: Arrangement | null = null;
  for (let attempt = 0; attempt < maxAttempts && work.done < total; attempt++) {
    const arr = construct(prob, rng, work);
    improve(prob, arr, rng, work, Math.min(total, work.done + perAttempt));
    if (best === null || better(arr, best)) best = arr;
    if (best.pairCost === 0 && best.revisitCost === 0) break;
  }

  const seating: Seating = {};
  const index = new Map<string, number>();
  for (const [i, id] of ids.entries()) index.set(id, i);
  for (const id of people) {
    const p = index.get(id) ?? 0;
    seating[id] = (best?.tableOf[p] ?? 0) + 1;
  }
  return seating;
}

/**
 * Assign one late arrival to a table for a round already planned: the least-full table; ties ->
 * the table where they would meet the fewest people they met before; then lowest table number.
 */
export function seatLateArrival(
  seating: Seating,
  person: string,
  tableCount: number,
  history: Seating[],
  activePeople?: Pick<ReadonlySet<string>, 'has'>,
): number {
  const tables = normaliseTableCount(tableCount);
  const already = tableIn(seating, person);
  if (isTable(already, tables)) return already;

  const metBefore = new Set<string>();
  for (const round of history) {
    const own = tableIn(round, person);
    if (own === undefined) continue;
    for (const [id, t] of Object.entries(round)) if (t === own && id !== person) metBefore.add(id);
  }

  const size = new Array<number>(tables).fill(0);
  const known = new Array<number>(tables).fill(0);
  for (const [id, t] of Object.entries(seating ?? {})) {
    // People who left free their seat, so they must not make a table look full.
    if (!isTable(t, tables) || id === person || (activePeople && !activePeople.has(id))) continue;
    size[t - 1] = (size[t - 1] ?? 0) + 1;
    if (metBefore.has(id)) known[t - 1] = (known[t - 1] ?? 0) + 1;
  }

  let best = 0;
  for (let t = 1; t < tables; t++) {
    const ds = (size[t] ?? 0) - (size[best] ?? 0);
    if (ds < 0 || (ds === 0 && (known[t] ?? 0) < (known[best] ?? 0))) best = t;
  }
  return best + 1;
}

/**
 * Count, over a list of round seatings, the pair encounters that repeat (each pair sharing a
 * table k>1 times counts k-1), revisits of the same table by non-hosts, and a counting lower
 * bound on repeatPairs (per person: max(0, sum over rounds of (tablemates that round) - (distinct
 * people available)) summed and halved, rounded up).
 *
 * "Available" means the other people present in at least one round this person attended: nobody
 * can meet more new people than that, so every tablemate beyond it must be a repeat.
 */
export function encounterStats(rounds: Seating[], hosts?: Record<number, string>): EncounterStats {
  const hostIds = new Set<string>(Object.values(hosts ?? {}).filter((id) => typeof id === 'string'));
  const pairs = new Map<string, Map<string, number>>();
  const visits = new Map<string, Map<number, number>>();
  const seats = new Map<string, number>(); // tablemate slots over all rounds
  const attended = new Map<string, number[]>();
  const rosters: string[][] = [];
  let repeatPairs = 0;
  let repeatTableVisits = 0;

  rounds.forEach((round, r) => {
    const roster: string[] = [];
    for (const [t, group] of groupByTable(round)) {
      group.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      for (let i = 0; i < group.length; i++) {
        const p = group[i] ?? '';
        roster.push(p);
        seats.set(p, (seats.get(p) ?? 0) + group.length - 1);
        const list = attended.get(p);
        if (list) list.push(r);
        else attended.set(p, [r]);
        let row = pairs.get(p);
        if (!row) {
          row = new Map();
          pairs.set(p, row);
        }
        for (let j = i + 1; j < group.length; j++) {
          const q = group[j] ?? '';
          const times = (row.get(q) ?? 0) + 1;
          row.set(q, times);
          if (times > 1) repeatPairs++;
        }
        if (!hostIds.has(p)) {
          let v = visits.get(p);
          if (!v) {
            v = new Map();
            visits.set(p, v);
          }
          const times = (v.get(t) ?? 0) + 1;
          v.set(t, times);
          if (times > 1) repeatTableVisits++;
        }
      }
    }
    rosters.push(roster);
  });

  // People with the same attendance pattern share the same pool, so count each pool once.
  const poolSize = new Map<string, number>();
  let excess = 0;
  for (const [p, roundsIn] of attended) {
    const key = roundsIn.join(',');
    let size = poolSize.get(key);
    if (size === undefined) {
      const pool = new Set<string>();
      for (const r of roundsIn) for (const id of rosters[r] ?? []) pool.add(id);
      size = pool.size;
      poolSize.set(key, size);
    }
    excess += Math.max(0, (seats.get(p) ?? 0) - (size - 1));
  }

  return { repeatPairs, repeatTableVisits, lowerBound: Math.ceil(excess / 2) };
}

/**
 * Suggested table count when the facilitator chose "work it out from the number of people":
 * tables of about 5 (4–6), at least 1. Ties go to fewer tables.
 */
export function suggestTableCount(people: number): number {
  const n = Number.isFinite(people) ? Math.max(0, Math.floor(people)) : 0;
  if (n <= 6) return 1;
  const fewest = Math.ceil(n / 6);
  const most = Math.floor(n / 4);
  // Only 7 people cannot be split into tables of 4–6; two small tables beat one table of 7.
  if (fewest > most) return fewest;
  let best = fewest;
  for (const t of [Math.floor(n / 5), Math.ceil(n / 5)]) {
    const c = Math.min(most, Math.max(fewest, t));
    if (Math.abs(n / c - 5) < Math.abs(n / best - 5) - 1e-12) best = c;
  }
  return best;
}
