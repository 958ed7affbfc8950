import { describe, expect, it } from 'vitest';
import { encounterStats, planSeating, type Seating, seatLateArrival, suggestTableCount } from './seating';

const names = (n: number, prefix = 'p'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);

/** The first `tables` people host tables 1..tables. */
const firstAsHosts = (people: string[], tables: number): Record<number, string> => {
  const hosts: Record<number, string> = {};
  people.slice(0, tables).forEach((id, i) => {
    hosts[i + 1] = id;
  });
  return hosts;
};

/** Plans `rounds` rounds one after another, as the facilitator would, feeding back the history. */
function planEvent(
  people: string[],
  tables: number,
  rounds: number,
  hosts: Record<number, string>,
  seed = 'ev',
) {
  const history: Seating[] = [];
  for (let r = 0; r < rounds; r++) {
    history.push(planSeating({ people, tableCount: tables, hosts, history, seed: `${seed}:${r}` }));
  }
  return history;
}

function tableSizes(seating: Seating, tables: number): number[] {
  const sizes = new Array<number>(tables).fill(0);
  for (const t of Object.values(seating)) sizes[t - 1] = (sizes[t - 1] ?? 0) + 1;
  return sizes;
}

function expectValidSeating(seating: Seating, people: string[], tables: number): void {
  expect(Object.keys(seating).sort()).toEqual([...new Set(people)].sort());
  for (const t of Object.values(seating)) {
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(1);
    expect(t).toBeLessThanOrEqual(tables);
  }
  const n = new Set(people).size;
  for (const size of tableSizes(seating, tables)) {
    expect(size).toBeGreaterThanOrEqual(Math.floor(n / tables));
    expect(size).toBeLessThanOrEqual(Math.ceil(n / tables));
  }
}

/** Pairs of non-hosts who shared a table more than once. */
function nonHostRepeatPairs(rounds: Seating[], hosts: Record<number, string>): number {
  const hostIds = new Set(Object.values(hosts));
  const onlyGuests = rounds.map((s) =>
    Object.fromEntries(Object.entries(s).filter(([id]) => !hostIds.has(id))),
  );
  return encounterStats(onlyGuests).repeatPairs;
}

describe('planSeating', () => {
  it('seats every participant exactly once, at a table that exists', () => {
    const people = names(23);
    const seating = planSeating({
      people: [...people, people[0] ?? ''],
      tableCount: 5,
      hosts: {},
      history: [],
      seed: 'x',
    });
    expectValidSeating(seating, people, 5);
  });

  it('keeps every host at their own table, round after round', () => {
    const people = names(30);
    const hosts = { 1: 'p0010', 2: 'p0003', 4: 'p0027', 6: 'p0001' };
    const rounds = planEvent(people, 6, 4, hosts);
    for (const seating of rounds) {
      for (const [table, host] of Object.entries(hosts)) expect(seating[host]).toBe(Number(table));
    }
  });

  it('balances table sizes, counting hosts as people', () => {
    for (const [n, tables, hostCount] of [
      [23, 5, 5],
      [24, 6, 6],
      [31, 7, 3],
      [10, 4, 0],
      [200, 40, 40],
      [7, 3, 3],
    ] as const) {
      const people = names(n);
      const rounds = planEvent(people, tables, 3, firstAsHosts(people, hostCount));
      for (const seating of rounds) expectValidSeating(seating, people, tables);
    }
  });

  it('24 people at 6 hosted tables for 3 rounds: nobody meets anyone twice, nobody returns to a table', () => {
    const people = names(24);
    const hosts = firstAsHosts(people, 6);
    const rounds = planEvent(people, 6, 3, hosts);
    expect(nonHostRepeatPairs(rounds, hosts)).toBe(0);
    const stats = encounterStats(rounds, hosts);
    expect(stats.repeatTableVisits).toBe(0);
    // Hosts are only met at their own table, so no revisits also means no host is met twice.
    expect(stats.repeatPairs).toBe(0);
  });

  it('200 people at 40 hosted tables for 4 rounds: no pair ever meets twice', () => {
    const people = names(200);
    const hosts = firstAsHosts(people, 40);
    const rounds = planEvent(people, 40, 4, hosts);
    expect(encounterStats(rounds, hosts).repeatPairs).toBe(0);
  });

  it('gives the same plan for the same seed, whatever order people are listed in', () => {
    const people = names(40);
    const hosts = firstAsHosts(people, 8);
    const history = planEvent(people, 8, 2, hosts);
    const input = { people, tableCount: 8, hosts, history, seed: 'event-1:2' };
    const plan = planSeating(input);
    expect(planSeating(input)).toEqual(plan);
    expect(planSeating({ ...input, people: [...people].reverse() })).toEqual(plan);
    expect(planSeating({ ...input, seed: 'event-2:2' })).not.toEqual(plan);
  });

  it('does not seat people who left, and their past seats do not get in the way', () => {
    const people = names(20);
    const hosts = { ...firstAsHosts(people, 4), 5: 'gone-host' };
    const history = planEvent([...people, 'gone-host', 'gone-guest'], 5, 2, hosts);
    expect(history[0]?.['gone-guest']).toBeDefined();
    const seating = planSeating({ people, tableCount: 5, hosts, history, seed: 'r3' });
    expectValidSeating(seating, people, 5);
    expect(seating['gone-host']).toBeUndefined();
    expect(seating['gone-guest']).toBeUndefined();
    expect(encounterStats([...history, seating], hosts).repeatPairs).toBe(0);
  });

  it('seats late joiners (no history) together with everyone else', () => {
    const early = names(40);
    const hosts = firstAsHosts(early, 8);
    const history = planEvent(early, 8, 2, hosts);
    const people = [...early, ...names(8, 'late')];
    const seating = planSeating({ people, tableCount: 8, hosts, history, seed: 'r3' });
    expectValidSeating(seating, people, 8);
    expect(encounterStats([...history, seating], hosts).repeatPairs).toBe(0);
  });

  it('leaves tables empty when there are fewer people than tables', () => {
    const people = ['ann', 'bob', 'cy'];
    const seating = planSeating({ people, tableCount: 5, hosts: { 4: 'bob' }, history: [], seed: 's' });
    expectValidSeating(seating, people, 5);
    expect(seating.bob).toBe(4);
    expect(new Set(Object.values(seating)).size).toBe(3);
  });

  it('returns an empty plan when nobody is there', () => {
    expect(planSeating({ people: [], tableCount: 3, hosts: { 1: 'x' }, history: [], seed: 's' })).toEqual({});
  });

  it('copes with the number of tables changing between rounds', () => {
    const people = names(24);
    const history = planEvent(people, 6, 2, firstAsHosts(people, 6));
    const hosts = firstAsHosts(people, 4);
    const seating = planSeating({ people, tableCount: 4, hosts, history, seed: 'r3' });
    expectValidSeating(seating, people, 4);
    for (const [table, host] of Object.entries(hosts)) expect(seating[host]).toBe(Number(table));
  });

  it('ignores hosts who are absent or whose table no longer exists', () => {
    const people = names(12);
    const hosts = { 1: 'absent', 2: 'p0002', 9: 'p0003' };
    const seating = planSeating({ people, tableCount: 3, hosts, history: [], seed: 's' });
    expectValidSeating(seating, people, 3);
    expect(seating.p0002).toBe(2);
    expect(seating.absent).toBeUndefined();
  });

  it('when repeats are forced, gets down to the counting lower bound', () => {
    for (const [n, tables, rounds] of [
      [4, 2, 4],
      [9, 3, 5],
    ] as const) {
      const stats = encounterStats(planEvent(names(n), tables, rounds, {}));
      expect(stats.lowerBound).toBeGreaterThan(0);
      expect(stats.repeatPairs).toBe(stats.lowerBound);
    }
  });

  it('6 people, 2 tables, 3 rounds: as few repeats as any plan can have (the bound is not reachable)', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f'];
    const splits: Seating[] = [];
    for (let mask = 0; mask < 64; mask++) {
      const atOne = people.filter((_, i) => mask & (1 << i));
      if (atOne.length !== 3 || !(mask & 1)) continue;
      splits.push(Object.fromEntries(people.map((id) => [id, atOne.includes(id) ? 1 : 2])));
    }
    let bestPossible = Number.POSITIVE_INFINITY;
    for (const a of splits)
      for (const b of splits)
        for (const c of splits) bestPossible = Math.min(bestPossible, encounterStats([a, b, c]).repeatPairs);

    const stats = encounterStats(planEvent(people, 2, 3, {}));
    expect(stats.lowerBound).toBe(3);
    expect(bestPossible).toBe(5);
    expect(stats.repeatPairs).toBe(bestPossible);
  });
});

describe('planSeating with people kept at a table', () => {
  it('places kept people at their table every round, and still mixes everyone else', () => {
    const people = names(24);
    const hosts = firstAsHosts(people, 6);
    // A step-free seat at table 3 and an interpreter's table 5, with the person they interpret for.
    const kept = { p0020: 3, p0021: 5, p0022: 5 };
    const history: Seating[] = [];
    for (let r = 0; r < 3; r++) {
      const seating = planSeating({ people, tableCount: 6, hosts, kept, history, seed: `kept:${r}` });
      expectValidSeating(seating, people, 6);
      for (const [id, table] of Object.entries(kept)) expect(seating[id]).toBe(table);
      history.push(seating);
    }
    // The only people who meet again are those fixed at one table together: table 3's host and
    // p0020, and table 5's host, p0021 and p0022 (four pairs, meeting again in rounds 2 and 3).
    expect(encounterStats(history).repeatPairs).toBe(4 * 2);
  });

  it('is deterministic, whatever order the pins are listed in', () => {
    const people = names(30);
    const input = { people, tableCount: 5, hosts: {}, history: [], seed: 'same' };
    const one = planSeating({ ...input, kept: { p0001: 2, p0009: 4 } });
    expect(planSeating({ ...input, kept: { p0009: 4, p0001: 2 } })).toEqual(one);
    expect(one.p0001).toBe(2);
    expect(one.p0009).toBe(4);
  });

  it('puts someone kept at a table the seating lacks at its highest table', () => {
    const seating = planSeating({
      people: names(10),
      tableCount: 2,
      hosts: {},
      kept: { p0003: 7 },
      history: [],
      seed: 'x',
    });
    expect(seating.p0003).toBe(2);
  });

  it('leaves a host at the table they host, and ignores pins of people not there', () => {
    const seating = planSeating({
      people: names(9),
      tableCount: 3,
      hosts: { 1: 'p0001' },
      kept: { p0001: 3, gone: 2, p0002: 0 },
      history: [],
      seed: 'y',
    });
    expect(seating.p0001).toBe(1);
    expect(seating).not.toHaveProperty('gone');
    expectValidSeating(seating, names(9), 3);
  });
});

describe('seatLateArrival', () => {
  it('sends a late arrival to the least-full table', () => {
    const seating = { a: 1, b: 1, c: 2, d: 3, e: 3 };
    expect(seatLateArrival(seating, 'new', 3, [])).toBe(2);
  });

  it('between equally full tables, picks the one with fewer people they met before', () => {
    const seating = { a: 1, b: 1, c: 2, d: 2 };
    const history: Seating[] = [{ new: 1, a: 1, c: 2 }];
    expect(seatLateArrival(seating, 'new', 2, history)).toBe(2);
    expect(seatLateArrival(seating, 'new', 2, [{ new: 1, c: 1 }])).toBe(1);
  });

  it('otherwise takes the lowest table number', () => {
    expect(seatLateArrival({ a: 1, b: 2 }, 'new', 3, [])).toBe(3);
    expect(seatLateArrival({ a: 1, b: 2, c: 3 }, 'new', 3, [])).toBe(1);
  });

  it('does not count people who left as taking a seat', () => {
    const seating = { a: 1, gone1: 1, gone2: 1, b: 2, c: 2 };
    expect(seatLateArrival(seating, 'new', 2, [])).toBe(2);
    expect(seatLateArrival(seating, 'new', 2, [], new Set(['a', 'b', 'c']))).toBe(1);
  });

  it('keeps someone who already has a seat in this round where they are', () => {
    expect(seatLateArrival({ a: 1, b: 2, back: 2 }, 'back', 2, [])).toBe(2);
  });
});

describe('encounterStats', () => {
  it('counts repeated pairs and table revisits on a small hand-made event', () => {
    const rounds: Seating[] = [
      { a: 1, b: 1, c: 2, d: 2 },
      { a: 1, b: 1, c: 2, d: 2 }, // a-b and c-d meet again; b, c, d sit where they sat
      { a: 1, c: 1, b: 2, d: 2 }, // new pairs, but d is at table 2 for the third time
    ];
    expect(encounterStats(rounds, { 1: 'a' })).toEqual({
      repeatPairs: 2,
      repeatTableVisits: 4,
      lowerBound: 0,
    });
    // Without hosts, a's two returns to table 1 count as well.
    expect(encounterStats(rounds).repeatTableVisits).toBe(6);
  });

  it('counts a pair that meets k times as k-1 repeats', () => {
    const rounds: Seating[] = [
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 1, y: 1 },
    ];
    // Both return to table 1 in round 3.
    expect(encounterStats(rounds)).toEqual({ repeatPairs: 2, repeatTableVisits: 2, lowerBound: 2 });
  });

  it('has a lower bound above zero when repeats cannot be avoided', () => {
    // 6 people at 2 tables of 3: each person has 6 tablemate seats over 3 rounds but only 5 others.
    const rounds: Seating[] = [
      { a: 1, b: 1, c: 1, d: 2, e: 2, f: 2 },
      { a: 1, b: 1, d: 1, c: 2, e: 2, f: 2 },
      { a: 1, c: 1, d: 1, b: 2, e: 2, f: 2 },
    ];
    const stats = encounterStats(rounds);
    expect(stats.lowerBound).toBe(3);
    expect(stats.repeatPairs).toBeGreaterThanOrEqual(stats.lowerBound);
  });

  it('only counts people as available in rounds they attended', () => {
    // c only arrives after a and b have left, so a and b had nobody else to meet.
    const rounds: Seating[] = [{ a: 1, b: 1 }, { a: 1, b: 1 }, { c: 1 }];
    expect(encounterStats(rounds)).toMatchObject({ repeatPairs: 1, lowerBound: 1 });
  });
});

describe('suggestTableCount', () => {
  it('uses one table for small groups and never less than one', () => {
    for (const n of [0, 1, 4, 6]) expect(suggestTableCount(n)).toBe(1);
    expect(suggestTableCount(-3)).toBe(1);
  });

  it('aims for tables of about five', () => {
    expect(suggestTableCount(10)).toBe(2);
    expect(suggestTableCount(25)).toBe(5);
    expect(suggestTableCount(200)).toBe(40);
  });

  it('keeps every table between 4 and 6 people whenever that is possible', () => {
    expect(suggestTableCount(7)).toBe(2); // 3 + 4 beats a single table of 7
    for (let n = 8; n <= 2000; n++) {
      const t = suggestTableCount(n);
      expect(Math.floor(n / t)).toBeGreaterThanOrEqual(4);
      expect(Math.ceil(n / t)).toBeLessThanOrEqual(6);
    }
  });
});
