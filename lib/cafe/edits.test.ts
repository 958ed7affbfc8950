/**
 * Changing the café while it runs: a round reworded or made longer or shorter, rounds added,
 * removed and reordered among those still to come, and the number of tables for the next
 * seating. Every command goes through the server's pipeline (lib/testing/events.ts).
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../records';
import { foldLog, reduce } from '../reducer';
import type { EventSettings } from '../settings';
import { noteCount } from '../state';
import {
  cafeSettings,
  EventUnderTest,
  FACILITATOR,
  MIN,
  openSpaceSettings,
  PEOPLE,
  person,
  QUESTION_1,
  QUESTION_2,
} from '../testing/events';
import { hostTables, nextTableCount, notesAt, phaseOf, remainingMs } from '../view';
import { roomTables } from './room';

const QUESTION_3 = 'What will you do first?';

/** Nine people in a café of three tables and two rounds (20 and 15 minutes). */
function lobby(settings: EventSettings = cafeSettings()): EventUnderTest {
  const ev = new EventUnderTest(settings);
  for (const [id, name] of PEOPLE) ev.later(1_000).join(id, name);
  return ev;
}

/** Round 1 running, started one minute after seating. */
function running(settings?: EventSettings): EventUnderTest {
  const ev = lobby(settings);
  ev.facilitate('seating.plan');
  ev.later(MIN).facilitate('round.start');
  return ev;
}

const questions = (ev: EventUnderTest) => ev.state.settings.rounds.map((r) => r.question);

/** The two lists that describe the rounds always have one entry per round. */
function expectAligned(ev: EventUnderTest) {
  expect(ev.state.rounds).toHaveLength(ev.state.settings.rounds.length);
  // A phone that folds the log from the start holds the same rounds.
  const phone = foldLog(ev.log);
  expect(phone?.settings.rounds).toEqual(ev.state.settings.rounds);
  expect(phone?.rounds).toEqual(ev.state.rounds);
}

describe('round.edit', () => {
  it('rewords the running round without touching its timer', () => {
    const ev = running();
    const endsAt = ev.state.rounds[0]?.endsAt;
    const rec = ev.later(MIN).facilitate('round.edit', { round: 0, question: 'What do you love most here?' });
    expect(rec.payload).toEqual({
      round: 0,
      question: 'What do you love most here?',
      minutes: 20,
      endsAt,
      remainingMs: null,
    });
    expect(ev.state.settings.rounds[0]).toEqual({ question: 'What do you love most here?', minutes: 20 });
    expect(ev.state.rounds[0]?.endsAt).toBe(endsAt);
    expectAligned(ev);
  });

  it('moves the running round’s end by the change in minutes', () => {
    const ev = running();
    const endsAt = ev.state.rounds[0]?.endsAt ?? 0;
    ev.later(5 * MIN).facilitate('round.edit', { round: 0, minutes: 25 });
    expect(ev.state.rounds[0]?.endsAt).toBe(endsAt + 5 * MIN);
    expect(remainingMs(ev.state.rounds[0], ev.now)).toBe(20 * MIN);
    ev.facilitate('round.edit', { round: 0, minutes: 22 });
    expect(ev.state.rounds[0]?.endsAt).toBe(endsAt + 2 * MIN);
    expect(ev.state.settings.rounds[0]?.minutes).toBe(22);
  });

  it('makes time up now when the shorter round would have ended already, never earlier', () => {
    const ev = running();
    ev.later(15 * MIN).facilitate('round.edit', { round: 0, minutes: 10 });
    expect(ev.state.rounds[0]?.endsAt).toBe(ev.now);
    expect(remainingMs(ev.state.rounds[0], ev.now)).toBe(0);
  });

  it('leaves a timer already past its end as it is when only the question changes', () => {
    const ev = running();
    const endsAt = ev.state.rounds[0]?.endsAt;
    ev.later(25 * MIN).facilitate('round.edit', { round: 0, question: 'Anything else?' });
    expect(ev.state.rounds[0]?.endsAt).toBe(endsAt);
  });

  it('changes a paused round’s time left, never below zero', () => {
    const ev = running();
    ev.later(10 * MIN).facilitate('round.pause');
    expect(ev.state.rounds[0]?.remainingMs).toBe(10 * MIN);
    const rec = ev.later(MIN).facilitate('round.edit', { round: 0, minutes: 23 });
    expect(rec.payload).toMatchObject({ endsAt: null, remainingMs: 13 * MIN });
    expect(ev.state.rounds[0]?.remainingMs).toBe(13 * MIN);
    ev.facilitate('round.edit', { round: 0, minutes: 5 });
    expect(ev.state.rounds[0]?.remainingMs).toBe(0);
    ev.later(MIN).facilitate('round.resume');
    expect(ev.state.rounds[0]?.endsAt).toBe(ev.now);
  });

  it('sets the question and minutes of a round to come, which it then starts with', () => {
    const ev = running();
    ev.facilitate('round.edit', { round: 1, question: 'What would you change?', minutes: 12 });
    expect(ev.state.rounds[1]?.status).toBe('pending');
    ev.later(MIN).facilitate('round.end');
    ev.later(MIN).facilitate('round.start');
    expect(ev.state.rounds[1]?.endsAt).toBe(ev.now + 12 * MIN);
    expect(questions(ev)).toEqual([QUESTION_1, 'What would you change?']);
  });

  it('changes a seated round before it starts', () => {
    const ev = lobby();
    ev.facilitate('seating.plan');
    ev.facilitate('round.edit', { round: 0, minutes: 30 });
    ev.later(MIN).facilitate('round.start');
    expect(ev.state.rounds[0]?.endsAt).toBe(ev.now + 30 * MIN);
  });

  it('refuses an ended round, a round the café does not have, no change and an Open Space', () => {
    const ev = running();
    ev.later(MIN).facilitate('round.end');
    expect(ev.refusal(FACILITATOR, 'round.edit', { round: 0, question: 'Again?' })).toEqual({
      code: 'wrong_state',
      message: 'Round 1 has ended, so it can no longer be changed.',
    });
    expect(ev.refusal(FACILITATOR, 'round.edit', { round: 2, minutes: 5 })).toEqual({
      code: 'not_found',
      message: 'There is no round 3; this café has 2 rounds.',
    });
    expect(ev.refusal(FACILITATOR, 'round.edit', { round: 1, question: QUESTION_2, minutes: 15 })).toEqual({
      code: 'wrong_state',
      message: 'Round 2 already has that question and those minutes.',
    });
    const os = new EventUnderTest(openSpaceSettings());
    expect(os.refusal(FACILITATOR, 'round.edit', { round: 0, minutes: 5 })).toEqual({
      code: 'wrong_state',
      message: 'This event has no café rounds.',
    });
  });

  it('refuses what the event form refuses, and a participant', () => {
    const ev = running();
    for (const payload of [
      { round: 0 },
      { round: 0, question: '   ' },
      { round: 0, question: 'x'.repeat(301) },
      { round: 0, minutes: 0 },
      { round: 0, minutes: 181 },
      { round: 0, minutes: 2.5 },
      { round: -1, minutes: 5 },
      { round: 12, minutes: 5 },
      { round: 0, minutes: 5, extra: true },
    ])
      expect(ev.refusalRaw(FACILITATOR, 'round.edit', payload).code, JSON.stringify(payload)).toBe(
        'invalid_message',
      );
    expect(ev.refusalRaw(FACILITATOR, 'round.edit', { round: 0 }).message).toBe(
      'The round.edit action is not valid: give a new question, new minutes, or both.',
    );
    expect(ev.refusal(person('p1'), 'round.edit', { round: 0, minutes: 5 }).code).toBe('not_allowed');
  });
});

describe('round.add, round.remove and round.move', () => {
  it('adds a round after the last one, which the end of the round before seats', () => {
    const ev = running();
    const rec = ev.facilitate('round.add', { question: QUESTION_3, minutes: 10 });
    expect(rec.payload).toEqual({ round: 2, question: QUESTION_3, minutes: 10 });
    expect(questions(ev)).toEqual([QUESTION_1, QUESTION_2, QUESTION_3]);
    expect(ev.state.rounds[2]?.status).toBe('pending');
    expectAligned(ev);
    ev.later(MIN).facilitate('round.end');
    ev.later(MIN).facilitate('round.start');
    ev.later(MIN).facilitate('round.end');
    expect(phaseOf(ev.state)).toEqual({ kind: 'seated', round: 2 });
    ev.later(MIN).facilitate('round.start');
    expect(ev.state.rounds[2]?.endsAt).toBe(ev.now + 10 * MIN);
  });

  it('adds a round among those still to come', () => {
    const ev = running();
    ev.facilitate('round.add', { question: QUESTION_3, minutes: 10, position: 1 });
    expect(questions(ev)).toEqual([QUESTION_1, QUESTION_3, QUESTION_2]);
    expect(ev.state.settings.rounds[2]).toEqual({ question: QUESTION_2, minutes: 15 });
    expectAligned(ev);
  });

  it('adds rounds before anyone is seated, anywhere', () => {
    const ev = lobby();
    ev.facilitate('round.add', { question: QUESTION_3, minutes: 10, position: 0 });
    expect(questions(ev)).toEqual([QUESTION_3, QUESTION_1, QUESTION_2]);
    ev.facilitate('seating.plan');
    ev.later(MIN).facilitate('round.start');
    expect(ev.state.rounds[0]?.endsAt).toBe(ev.now + 10 * MIN);
  });

  it('refuses a place already seated, past the end, beyond the limit, once the café is over, and an Open Space', () => {
    const ev = running();
    expect(ev.refusal(FACILITATOR, 'round.add', { question: QUESTION_3, minutes: 10, position: 0 })).toEqual({
      code: 'wrong_state',
      message: 'Round 1 has already been seated; a new round can be round 2 or later.',
    });
    expect(ev.refusal(FACILITATOR, 'round.add', { question: QUESTION_3, minutes: 10, position: 3 })).toEqual({
      code: 'not_found',
      message: 'This café has 2 rounds, so a new one can be round 3 at the latest.',
    });
    expect(ev.refusalRaw(FACILITATOR, 'round.add', { question: '', minutes: 10 }).code).toBe(
      'invalid_message',
    );
    expect(ev.refusalRaw(FACILITATOR, 'round.add', { question: 'Q', minutes: 200 }).code).toBe(
      'invalid_message',
    );
    for (let i = 2; i < 12; i++) ev.facilitate('round.add', { question: `Question ${i + 1}`, minutes: 5 });
    expect(ev.state.rounds).toHaveLength(12);
    expect(ev.refusal(FACILITATOR, 'round.add', { question: QUESTION_3, minutes: 10 })).toEqual({
      code: 'wrong_state',
      message: 'A café has at most 12 rounds.',
    });

    const over = running(cafeSettings({ rounds: [{ question: QUESTION_1, minutes: 20 }] }));
    over.later(MIN).facilitate('round.end');
    expect(phaseOf(over.state)).toEqual({ kind: 'finished' });
    expect(over.refusal(FACILITATOR, 'round.add', { question: QUESTION_3, minutes: 10 })).toEqual({
      code: 'wrong_state',
      message: 'The café is over, so no more rounds can be added.',
    });
    const os = new EventUnderTest(openSpaceSettings());
    expect(os.refusal(FACILITATOR, 'round.add', { question: QUESTION_3, minutes: 10 }).code).toBe(
      'wrong_state',
    );
  });

  it('removes a round still to come; the last round’s end then finishes the café', () => {
    const ev = running();
    ev.facilitate('round.add', { question: QUESTION_3, minutes: 10 });
    ev.facilitate('round.remove', { round: 1 });
    expect(questions(ev)).toEqual([QUESTION_1, QUESTION_3]);
    ev.facilitate('round.remove', { round: 1 });
    expect(questions(ev)).toEqual([QUESTION_1]);
    expectAligned(ev);
    const end = ev.later(MIN).facilitate('round.end');
    expect(end.payload).toMatchObject({ next: null });
    expect(phaseOf(ev.state)).toEqual({ kind: 'finished' });
  });

  it('never touches a seated round, its notes, or the only round', () => {
    const ev = running();
    const table = ev.tableOf('p4');
    ev.post('p4', 'Benches by the pond');
    ev.later(MIN).facilitate('round.end');
    const notes = noteCount(ev.state);
    for (const round of [0, 1])
      expect(ev.refusal(FACILITATOR, 'round.remove', { round })).toEqual({
        code: 'wrong_state',
        message: `Round ${round + 1} has already been seated, so it cannot be removed; only rounds still to come can.`,
      });
    expect(ev.refusal(FACILITATOR, 'round.remove', { round: 2 }).code).toBe('not_found');
    expect(noteCount(ev.state)).toBe(notes);
    expect(notesAt(ev.state, table, 0).map((n) => n.text)).toEqual(['Benches by the pond']);

    const one = lobby(cafeSettings({ rounds: [{ question: QUESTION_1, minutes: 20 }] }));
    expect(one.refusal(FACILITATOR, 'round.remove', { round: 0 })).toEqual({
      code: 'wrong_state',
      message: 'A café needs at least one round, so its only round cannot be removed.',
    });
  });

  it('moves a round among those still to come, keeping its question and minutes with it', () => {
    const ev = running();
    ev.facilitate('round.add', { question: QUESTION_3, minutes: 10 });
    ev.facilitate('round.move', { round: 2, to: 1 });
    expect(ev.state.settings.rounds).toEqual([
      { question: QUESTION_1, minutes: 20 },
      { question: QUESTION_3, minutes: 10 },
      { question: QUESTION_2, minutes: 15 },
    ]);
    ev.facilitate('round.move', { round: 1, to: 2 });
    expect(questions(ev)).toEqual([QUESTION_1, QUESTION_2, QUESTION_3]);
    expectAligned(ev);
    expect(ev.refusal(FACILITATOR, 'round.move', { round: 1, to: 0 })).toEqual({
      code: 'wrong_state',
      message: 'Round 1 has already been seated; a round can only move among the rounds still to come.',
    });
    expect(ev.refusal(FACILITATOR, 'round.move', { round: 0, to: 2 }).code).toBe('wrong_state');
    expect(ev.refusal(FACILITATOR, 'round.move', { round: 1, to: 1 })).toEqual({
      code: 'wrong_state',
      message: 'That is already round 2.',
    });
    expect(ev.refusal(FACILITATOR, 'round.move', { round: 1, to: 3 }).code).toBe('not_found');
  });

  it('a forged record for a seated round changes nothing', () => {
    const ev = running();
    const base = { seq: ev.state.seq + 1, id: 'forged', at: ev.now, actor: FACILITATOR } as const;
    const removed = { ...base, type: 'round.removed', payload: { round: 0 } } as EventRecord;
    expect(reduce(ev.state, removed).rounds).toBe(ev.state.rounds);
    const moved = { ...base, type: 'round.moved', payload: { round: 1, to: 0 } } as EventRecord;
    expect(reduce(ev.state, moved).rounds).toBe(ev.state.rounds);
  });
});

describe('tables.set', () => {
  it('before seating: the count people will be seated at, even when it was to be worked out', () => {
    const ev = lobby(cafeSettings({ tables: null }));
    expect(nextTableCount(ev.state)).toBeNull();
    ev.facilitate('tables.set', { tables: 4 });
    expect(ev.state.tableCount).toBe(4);
    expect(nextTableCount(ev.state)).toBe(4);
    const plan = ev.facilitate('seating.plan');
    expect(plan.payload).toMatchObject({ tableCount: 4 });
    expect(new Set(Object.values(ev.seating()))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('during a round: the next round is seated at the new count, the running one keeps its tables', () => {
    const ev = running();
    ev.facilitate('tables.set', { tables: 2 });
    expect(ev.state.tableCount).toBe(3);
    expect(roomTables(ev.state)).toHaveLength(3);
    const end = ev.later(MIN).facilitate('round.end');
    expect(end.payload).toMatchObject({ next: { round: 1, tableCount: 2 } });
    expect(ev.state.tableCount).toBe(2);
    expect(new Set(Object.values(ev.seating(1)))).toEqual(new Set([1, 2]));
  });

  it('keeps every note where it was written, and round 1 keeps its three tables', () => {
    const ev = running();
    const atThree = PEOPLE.map(([id]) => id).find((id) => ev.tableOf(id) === 3) ?? '';
    ev.post(atThree, 'A crossing by the school');
    ev.facilitate('tables.set', { tables: 2 });
    ev.later(MIN).facilitate('round.end');
    expect(notesAt(ev.state, 3, 0).map((n) => n.text)).toEqual(['A crossing by the school']);
    expect(roomTables(ev.state, 0).map((t) => t.notes)).toEqual([0, 0, 1]);
    expect(roomTables(ev.state, 1)).toHaveLength(2);
    // Written offline in round 1 and sent now: it still lands at table 3 of round 1.
    ev.post(atThree, 'And a zebra crossing', { round: 0, table: 3 });
    expect(notesAt(ev.state, 3, 0)).toHaveLength(2);
  });

  it('a seated round keeps its seats until people are seated again', () => {
    const ev = lobby();
    ev.facilitate('seating.plan');
    ev.facilitate('tables.set', { tables: 5 });
    expect(ev.state.tableCount).toBe(3);
    expect(nextTableCount(ev.state)).toBe(5);
    ev.facilitate('seating.plan');
    expect(ev.state.tableCount).toBe(5);
    expect(ev.state.rounds[0]?.tables).toBe(5);
  });

  it('lets a host be chosen for a new table during the round', () => {
    const ev = running();
    expect(ev.refusal(FACILITATOR, 'host.assign', { table: 4, participantId: 'p5' }).code).toBe('not_found');
    ev.facilitate('tables.set', { tables: 4 });
    expect(hostTables(ev.state)).toBe(4);
    ev.facilitate('host.assign', { table: 4, participantId: 'p5' });
    ev.later(MIN).facilitate('round.end');
    expect(ev.seating(1).p5).toBe(4);
  });

  it('refuses the count it already has, no seating left, and an Open Space', () => {
    const ev = running();
    expect(ev.refusal(FACILITATOR, 'tables.set', { tables: 3 })).toEqual({
      code: 'wrong_state',
      message: 'The next seating already has 3 tables.',
    });
    expect(ev.refusalRaw(FACILITATOR, 'tables.set', { tables: 0 }).code).toBe('invalid_message');
    expect(ev.refusalRaw(FACILITATOR, 'tables.set', { tables: 201 }).code).toBe('invalid_message');
    ev.later(MIN).facilitate('round.end');
    ev.later(MIN).facilitate('round.start');
    expect(ev.refusal(FACILITATOR, 'tables.set', { tables: 2 })).toEqual({
      code: 'wrong_state',
      message: 'Every round has already been seated, so no seating is left to change.',
    });
    const os = new EventUnderTest(openSpaceSettings());
    expect(os.refusal(FACILITATOR, 'tables.set', { tables: 2 }).code).toBe('wrong_state');
  });
});
