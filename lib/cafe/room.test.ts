/**
 * The room as the projector and the console see it: notes and hosts per table this round, the
 * tables that still need a host, the café's totals and the facilitator's next step. The café runs
 * through the server's own pipeline (three tables, two rounds).
 */
import { describe, expect, it } from 'vitest';
import { cafeSettings, EventUnderTest, MIN, PEOPLE } from '../testing/events';
import { cafeTotals, nextStep, roomTables, tablesWithoutHost } from './room';

/** Six people have joined; Ada hosts table 1 and Ben table 2; table 3 has no host. */
function lobby(): EventUnderTest {
  const ev = new EventUnderTest(cafeSettings());
  for (const [id, name] of PEOPLE.slice(0, 6)) ev.later(1_000).join(id, name);
  ev.facilitate('host.assign', { table: 1, participantId: 'p1' });
  ev.facilitate('host.assign', { table: 2, participantId: 'p2' });
  return ev;
}

describe('roomTables', () => {
  it('counts each table’s people and this round’s notes, and names its host', () => {
    const ev = lobby();
    expect(roomTables(ev.state)).toEqual([]);
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    ev.post('p1', 'Quiet places to sit');
    ev.post('p1', 'The allotments');
    const third = ev.state.rounds[0]?.seating ?? {};
    const atThree = Object.keys(third).find((pid) => third[pid] === 3);
    if (!atThree) throw new Error('nobody at table 3');
    ev.post(atThree, 'Trees in the middle of town');

    const tables = roomTables(ev.state);
    expect(tables.map((t) => t.table)).toEqual([1, 2, 3]);
    expect(tables.map((t) => t.notes)).toEqual([2, 0, 1]);
    expect(tables.map((t) => t.host)).toEqual(['p1', 'p2', null]);
    expect(tables.reduce((sum, t) => sum + t.people, 0)).toBe(6);
  });

  it('leaves out withdrawn notes, and starts each round’s counts afresh', () => {
    const ev = lobby();
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    const kept = ev.post('p1', 'Kept');
    const taken = ev.post('p1', 'Taken back');
    ev.run({ role: 'participant', id: 'p1' }, 'note.withdraw', { noteId: taken });
    expect(roomTables(ev.state)[0]?.notes).toBe(1);
    expect(ev.note(kept).withdrawn).toBe(false);

    ev.later(20 * MIN).facilitate('round.end');
    expect(roomTables(ev.state).map((t) => t.notes)).toEqual([0, 0, 0]);
    // An earlier round still answers for itself.
    expect(roomTables(ev.state, 0)[0]?.notes).toBe(1);
  });

  it('does not count a host who has left', () => {
    const ev = lobby();
    ev.facilitate('seating.plan');
    ev.facilitate('participant.remove', { participantId: 'p2' });
    expect(roomTables(ev.state).map((t) => t.host)).toEqual(['p1', null, null]);
  });
});

describe('tablesWithoutHost', () => {
  it('flags the tables with no host once people are seated, and clears when one is chosen', () => {
    const ev = lobby();
    // Before seating, volunteers may still fill the tables: nothing to flag yet.
    expect(tablesWithoutHost(ev.state)).toEqual([]);
    ev.facilitate('seating.plan');
    expect(tablesWithoutHost(ev.state)).toEqual([3]);
    ev.facilitate('round.start');
    expect(tablesWithoutHost(ev.state)).toEqual([3]);
    ev.facilitate('host.assign', { table: 3, participantId: 'p3' });
    expect(tablesWithoutHost(ev.state)).toEqual([]);
  });

  it('flags a table whose host has gone, for the next round too', () => {
    const ev = lobby();
    ev.facilitate('host.assign', { table: 3, participantId: 'p3' });
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    ev.facilitate('participant.remove', { participantId: 'p2' });
    expect(tablesWithoutHost(ev.state)).toEqual([2]);
    ev.later(20 * MIN).facilitate('round.end');
    expect(ev.state.current).toBe(1);
    expect(tablesWithoutHost(ev.state)).toEqual([2]);
  });

  it('flags nothing once the café is over', () => {
    const ev = lobby();
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    ev.later(20 * MIN).facilitate('round.end');
    ev.facilitate('round.start');
    ev.later(15 * MIN).facilitate('round.end');
    expect(tablesWithoutHost(ev.state)).toEqual([]);
  });
});

describe('nextStep', () => {
  it('says the one next step at every point of the café, ending with the harvest', () => {
    const ev = lobby();
    const steps = [nextStep(ev.state)];
    ev.facilitate('seating.plan');
    steps.push(nextStep(ev.state));
    ev.facilitate('round.start');
    steps.push(nextStep(ev.state));
    ev.later(MIN).facilitate('round.pause');
    steps.push(nextStep(ev.state));
    ev.facilitate('round.resume');
    ev.later(20 * MIN).facilitate('round.end');
    steps.push(nextStep(ev.state));
    ev.facilitate('round.start');
    steps.push(nextStep(ev.state));
    ev.later(15 * MIN).facilitate('round.end');
    steps.push(nextStep(ev.state));
    expect(steps).toEqual([
      { kind: 'seat', round: 0 },
      { kind: 'start', round: 0 },
      { kind: 'end', round: 0 },
      { kind: 'resume', round: 0 },
      { kind: 'start', round: 1 },
      { kind: 'end', round: 1 },
      { kind: 'harvest' },
    ]);
  });
});

describe('cafeTotals', () => {
  it('counts everyone who took part (also those who left) and every note still standing', () => {
    const ev = lobby();
    ev.facilitate('seating.plan');
    ev.facilitate('round.start');
    ev.post('p1', 'One');
    const two = ev.post('p2', 'Two');
    ev.post('p2', 'Three');
    ev.run({ role: 'participant', id: 'p2' }, 'note.withdraw', { noteId: two });
    ev.facilitate('participant.remove', { participantId: 'p6' });
    expect(cafeTotals(ev.state)).toEqual({ tookPart: 6, here: 5, notes: 2, tables: 3 });
  });
});
