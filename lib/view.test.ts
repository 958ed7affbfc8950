/**
 * What the screens show: the phase of the café, the round clock, who sits at a table and how a
 * person is named. The café is built from a hand-written log so each seat is known in advance.
 */
import { describe, expect, it } from 'vitest';
import { emptyPeople, withPerson } from './people/table';
import type { Actor } from './records';
import { EventSettingsSchema } from './settings';
import type { EventState, RoundState } from './state';
import { RecordLog } from './testing/events';
import {
  activeCount,
  displayName,
  formatClock,
  hostedTable,
  notesAt,
  phaseOf,
  remainingMs,
  tableMembers,
  tableOf,
} from './view';

const MIN = 60_000;
const T0 = Date.UTC(2025, 4, 17, 9, 0, 0);
const _FACILITATOR: Actor = { role: 'facilitator' };
const person = (id: string): Actor => ({ role: 'participant', id });

/** A café with two rounds of ten minutes and two tables; people join in the order given. */
function lobby(people: [string, string | null][] = []): RecordLog {
  const log = new RecordLog(T0);
  const settings = EventSettingsSchema.parse({
    title: 'Views',
    purpose: '',
    tables: 2,
    rounds: [
      { question: 'One?', minutes: 10 },
      { question: 'Two?', minutes: 10 },
    ],
    identity: 'choice',
  });
  log.add('event.created', { eventId: 'evt_view_test', joinCode: 'VIEW01', settings });
  for (const [id, name] of people) {
    log.add('participant.joined', { participantId: id, name, table: null }, person(id));
  }
  return log;
}

const FIVE: [string, string | null][] = [
  ['ann', 'Ann'],
  ['bo', 'Bo'],
  ['cy', null],
  ['di', 'Di'],
  ['ed', null],
];

/** Round 1 seated: Bo hosts table 1 (with Ann and Cy), Di hosts table 2 (with Ed). */
function seated(): RecordLog {
  const log = lobby(FIVE);
  log.add('seating.planned', {
    round: 0,
    tableCount: 2,
    hosts: { 1: 'bo', 2: 'di' },
    seating: { ann: 1, cy: 1, bo: 1, ed: 2, di: 2 },
  });
  return log;
}

const round = (patch: Partial<RoundState>): RoundState => ({
  status: 'pending',
  seating: {},
  hosts: {},
  startedAt: null,
  endsAt: null,
  remainingMs: null,
  endedAt: null,
  ...patch,
});

describe('phaseOf', () => {
  it('follows the café from the lobby to the end', () => {
    const log = seated();
    expect(phaseOf(lobby(FIVE).state())).toEqual({ kind: 'lobby' });
    expect(phaseOf(log.state())).toEqual({ kind: 'seated', round: 0 });
    log.add('round.started', { round: 0, startedAt: T0, endsAt: T0 + 10 * MIN });
    expect(phaseOf(log.state())).toEqual({ kind: 'running', round: 0 });
    log.add('round.paused', { round: 0, remainingMs: 4 * MIN });
    expect(phaseOf(log.state())).toEqual({ kind: 'paused', round: 0 });
    log.add('round.resumed', { round: 0, endsAt: T0 + 20 * MIN });
    expect(phaseOf(log.state())).toEqual({ kind: 'running', round: 0 });
    log.add('round.ended', {
      round: 0,
      endedAt: T0 + 20 * MIN,
      next: {
        round: 1,
        tableCount: 2,
        hosts: { 1: 'bo', 2: 'di' },
        seating: { ann: 2, cy: 2, bo: 1, ed: 1, di: 2 },
      },
    });
    expect(phaseOf(log.state())).toEqual({ kind: 'seated', round: 1 });
    log.add('round.started', { round: 1, startedAt: T0 + 21 * MIN, endsAt: T0 + 31 * MIN });
    expect(phaseOf(log.state())).toEqual({ kind: 'running', round: 1 });
    log.add('round.ended', { round: 1, endedAt: T0 + 31 * MIN, next: null });
    expect(phaseOf(log.state())).toEqual({ kind: 'finished' });
  });
});

describe('remainingMs', () => {
  it('counts down to the end time while the round runs, and below zero once time is up', () => {
    const r = round({ status: 'running', startedAt: T0, endsAt: T0 + 10 * MIN });
    expect(remainingMs(r, T0)).toBe(10 * MIN);
    expect(remainingMs(r, T0 + 9 * MIN + 30_000)).toBe(30_000);
    expect(remainingMs(r, T0 + 10 * MIN)).toBe(0);
    expect(remainingMs(r, T0 + 11 * MIN)).toBe(-MIN);
  });

  it('stands still while the round is paused', () => {
    const r = round({ status: 'paused', startedAt: T0, remainingMs: 4 * MIN });
    expect(remainingMs(r, T0)).toBe(4 * MIN);
    expect(remainingMs(r, T0 + 60 * MIN)).toBe(4 * MIN);
  });

  it('shows no clock before a round starts, after it ends, or for no round at all', () => {
    expect(remainingMs(round({ status: 'pending' }), T0)).toBeNull();
    expect(remainingMs(round({ status: 'seated' }), T0)).toBeNull();
    expect(remainingMs(round({ status: 'ended', startedAt: T0, endedAt: T0 + MIN }), T0)).toBeNull();
    expect(remainingMs(undefined, T0)).toBeNull();
  });

  it('reads the clock of a café as the reducer left it', () => {
    const log = seated();
    log.add('round.started', { round: 0, startedAt: T0, endsAt: T0 + 10 * MIN });
    const state = log.state();
    expect(remainingMs(state.rounds[state.current], T0 + 3 * MIN)).toBe(7 * MIN);
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, rounding up to the next whole second', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(9_000)).toBe('0:09');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(60_000)).toBe('1:00');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(12 * MIN + 5_000)).toBe('12:05');
    expect(formatClock(90 * MIN)).toBe('90:00');
  });

  it('shows how far over time the round is with a minus sign', () => {
    expect(formatClock(-30_000)).toBe('-0:30');
    expect(formatClock(-61_000)).toBe('-1:01');
    expect(formatClock(-1)).toBe('-0:01');
    expect(formatClock(-5 * MIN)).toBe('-5:00');
  });
});

describe('tableMembers', () => {
  it('lists the host first, then the others at the table', () => {
    const state = seated().state();
    const one = tableMembers(state, 1);
    expect(one[0]).toBe('bo');
    expect([...one].sort()).toEqual(['ann', 'bo', 'cy']);
    const two = tableMembers(state, 2);
    expect(two[0]).toBe('di');
    expect([...two].sort()).toEqual(['di', 'ed']);
  });

  it('leaves out people who left', () => {
    const log = seated();
    log.add('participant.left', { participantId: 'cy' }, person('cy'));
    expect([...tableMembers(log.state(), 1)].sort()).toEqual(['ann', 'bo']);
  });

  it('lists a table with no host in seating order and an empty table as empty', () => {
    const log = lobby(FIVE);
    log.add('seating.planned', {
      round: 0,
      tableCount: 3,
      hosts: {},
      seating: { ann: 1, bo: 1, cy: 2, di: 2, ed: 2 },
    });
    const state = log.state();
    expect([...tableMembers(state, 2)].sort()).toEqual(['cy', 'di', 'ed']);
    expect(tableMembers(state, 3)).toEqual([]);
  });

  it('answers for an earlier round when asked', () => {
    const log = seated();
    log.add('round.started', { round: 0, startedAt: T0, endsAt: T0 + 10 * MIN });
    log.add('round.ended', {
      round: 0,
      endedAt: T0 + 10 * MIN,
      next: {
        round: 1,
        tableCount: 2,
        hosts: { 1: 'bo', 2: 'di' },
        seating: { ann: 2, cy: 2, bo: 1, ed: 1, di: 2 },
      },
    });
    const state = log.state();
    expect([...tableMembers(state, 1, 0)].sort()).toEqual(['ann', 'bo', 'cy']);
    expect(tableMembers(state, 1)).toEqual(['bo', 'ed']);
    expect(tableMembers(state, 2)[0]).toBe('di');
  });
});

describe('where people sit', () => {
  it('knows each person’s table, who hosts what and how many are present', () => {
    const log = seated();
    log.add('participant.left', { participantId: 'ed' }, person('ed'));
    const state = log.state();
    expect(tableOf(state, 'ann')).toBe(1);
    expect(tableOf(state, 'nobody')).toBeNull();
    expect(tableOf(lobby(FIVE).state(), 'ann')).toBeNull();
    expect(hostedTable(state, 'di')).toBe(2);
    expect(hostedTable(state, 'ann')).toBeNull();
    expect(activeCount(state)).toBe(4);
  });

  it('lists the notes of one table in one round, in writing order, without withdrawn ones', () => {
    const log = seated();
    log.add('round.started', { round: 0, startedAt: T0, endsAt: T0 + 10 * MIN });
    log.add('note.posted', { table: 1, round: 0, text: 'First' }, person('ann'), 'n1');
    log.add('note.posted', { table: 2, round: 0, text: 'Elsewhere' }, person('ed'), 'n2');
    log.add('note.posted', { table: 1, round: 0, text: 'Second' }, person('cy'), 'n3');
    log.add('note.posted', { table: 1, round: 0, text: 'Oops' }, person('bo'), 'n4');
    log.add('note.withdrawn', { noteId: 'n4' }, person('bo'));
    const state = log.state();
    expect(notesAt(state, 1, 0).map((n) => n.text)).toEqual(['First', 'Second']);
    expect(notesAt(state, 2, 0).map((n) => n.id)).toEqual(['n2']);
    expect(notesAt(state, 1, 1)).toEqual([]);
    // Grouped once per state: asking again, for any table, walks nothing.
    expect(notesAt(state, 1, 0)).toBe(notesAt(state, 1, 0));
    // A later state regroups, and the earlier state's lists stay as they were.
    log.add('note.posted', { table: 1, round: 0, text: 'Third' }, person('di'), 'n5');
    const later = log.state();
    expect(notesAt(later, 1, 0).map((n) => n.text)).toEqual(['First', 'Second', 'Third']);
    expect(notesAt(state, 1, 0).map((n) => n.text)).toEqual(['First', 'Second']);
  });
});

describe('displayName', () => {
  it('shows a person’s name when they gave one', () => {
    const state = lobby(FIVE).state();
    expect(displayName(state, 'ann')).toBe('Ann');
    expect(displayName(state, 'di')).toBe('Di');
  });

  it('numbers people without a name by the order they joined', () => {
    const state = lobby([
      ['zed', null],
      ['amy', 'Amy'],
      ['bob', null],
      ['abe', null],
    ]).state();
    expect(displayName(state, 'zed')).toBe('Anonymous 1');
    expect(displayName(state, 'bob')).toBe('Anonymous 2');
    expect(displayName(state, 'abe')).toBe('Anonymous 3');
  });

  it('keeps the numbers when people join later or leave', () => {
    const log = lobby(FIVE);
    const before = ['cy', 'ed'].map((id) => displayName(log.state(), id));
    expect(before).toEqual(['Anonymous 1', 'Anonymous 2']);
    log.add('participant.left', { participantId: 'cy' }, person('cy'));
    log.add('participant.joined', { participantId: 'fay', name: null, table: null }, person('fay'));
    log.add('participant.joined', { participantId: 'aaa', name: null, table: null }, person('aaa'));
    const state = log.state();
    expect(['cy', 'ed', 'fay', 'aaa'].map((id) => displayName(state, id))).toEqual([
      'Anonymous 1',
      'Anonymous 2',
      'Anonymous 3',
      'Anonymous 4',
    ]);
  });

  it('keeps a returning person’s number', () => {
    const log = lobby(FIVE);
    log.add('participant.left', { participantId: 'cy' }, person('cy'));
    log.add('participant.joined', { participantId: 'cy', name: null, table: null }, person('cy'));
    expect(displayName(log.state(), 'cy')).toBe('Anonymous 1');
    expect(displayName(log.state(), 'ed')).toBe('Anonymous 2');
  });

  it('breaks ties between people who joined at the same moment by id', () => {
    const base = lobby().state();
    const at = T0 + MIN;
    const participant = (id: string) => ({ id, name: null, joinedAt: at, left: false, volunteer: false });
    const state: EventState = {
      ...base,
      participants: withPerson(withPerson(emptyPeople(), participant('mia')), participant('kai')),
    };
    expect(displayName(state, 'kai')).toBe('Anonymous 1');
    expect(displayName(state, 'mia')).toBe('Anonymous 2');
  });

  it('says just Anonymous for a note with no author or a person it does not know', () => {
    const state = lobby(FIVE).state();
    expect(displayName(state, null)).toBe('Anonymous');
    expect(displayName(state, 'stranger')).toBe('Anonymous');
  });
});
