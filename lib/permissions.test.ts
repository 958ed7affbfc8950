/**
 * The permissions matrix: every action in the registry, tried by every kind of sender, against a
 * table written out by hand. A cell is `ok` (accepted), `role` (refused because that kind of
 * sender may never send it) or the code the action's own rules refuse it with. A new action
 * without a row, or a change to who may do what, fails here.
 *
 * Each cell runs on a fresh copy of one event (a café with an Open Space after it), through the
 * same pipeline as the server's `act`; refusals must leave the event exactly as it was. Who
 * receives which notes is the second table, at the end.
 *
 * A connection that has not joined, and another event's facilitator link, never get this far:
 * the server refuses them before any action is looked at (server/permissions.integration.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, findCommand } from './commands';
import type { ActionError } from './errors';
import { isRoleRefusal } from './pipeline';
import type { Actor } from './records';
import {
  cafeSettings,
  EventUnderTest,
  FACILITATOR,
  GARDEN,
  HALL,
  LIBRARY,
  MIDDAY,
  MIN,
  MORNING,
  OPEN_SPACE,
  person,
  QUESTION_1,
  QUESTION_2,
  RecordLog,
  SYSTEM,
  T0,
} from './testing/events';
import { canSee, type Viewer } from './visibility';

// --- The event every cell starts from ---------------------------------------------------------

/**
 * The kinds of sender, each one person in the event below (the stranger never joined it: that is
 * how someone from another event looks here, since a connection only ever acts on its own event).
 */
const SENDERS = {
  participant: person('ada'), // sits at table 1, wrote n-ada
  host: person('ben'), // hosts table 2 and sits there, wrote n-ben
  convener: person('chen'), // sits at table 1; proposed s-chen and the action a-chen
  reporter: person('di'), // sits at table 2; Chen handed her the report of s-chen
  left: person('eli'), // sat at table 1, wrote n-eli, then left
  stranger: person('zed'), // never joined this event
  facilitator: FACILITATOR,
  cofacilitator: { role: 'facilitator', link: 'lnk-co' },
  helper: { role: 'helper', link: 'lnk-help' },
  projector: { role: 'projector', link: 'lnk-proj' },
} satisfies Record<string, Actor>;
type Sender = keyof typeof SENDERS;

const ROUND_1 = { question: QUESTION_1, minutes: 20 };
const ROUND_2 = { question: QUESTION_2, minutes: 15 };

/**
 * Round 1 of the café is running at two tables; the Open Space's marketplace is open with two
 * sessions on the wall (Chen's, and one the facilitator put up) and one action plan (Chen's).
 */
function baseLog({ selfScheduling = true } = {}): RecordLog {
  const log = new RecordLog(T0);
  const settings = cafeSettings({
    tables: 2,
    rounds: [ROUND_1, ROUND_2],
    openSpace: { ...OPEN_SPACE, selfScheduling },
  });
  log.add('event.created', { eventId: 'evt_permissions', joinCode: 'PERM42', settings });
  for (const [id, name] of [
    ['ada', 'Ada'],
    ['ben', 'Ben'],
    ['chen', 'Chen'],
    ['di', 'Di'],
    ['eli', 'Eli'],
  ] as const)
    log.add('participant.joined', { participantId: id, name, table: null }, person(id));
  // The organiser's team: a co-facilitator, a helper and the hall's projector, each by a link.
  for (const [linkId, role, label] of [
    ['lnk-co', 'cofacilitator', 'Sam, co-facilitator'],
    ['lnk-help', 'helper', 'Tables 1–2 helper'],
    ['lnk-proj', 'projector', 'Hall screen'],
  ] as const)
    log.add('link.created', { linkId, role, label, tokenHash: `hash-of-${linkId}` });
  log.add('host.assigned', { table: 2, participantId: 'ben' });
  log.add('seating.planned', {
    round: 0,
    tableCount: 2,
    hosts: { 2: 'ben' },
    seating: { ada: 1, chen: 1, eli: 1, ben: 2, di: 2 },
  });
  log.add('round.started', { round: 0, startedAt: T0, endsAt: T0 + 20 * MIN });
  log.add('note.posted', { table: 1, round: 0, text: 'More benches by the pond' }, person('ada'), 'n-ada');
  log.add('note.posted', { table: 2, round: 0, text: 'Safer crossings' }, person('ben'), 'n-ben');
  log.add('note.posted', { table: 1, round: 0, text: 'Benches in the shade' }, person('eli'), 'n-eli');
  log.add('participant.left', { participantId: 'eli' }, person('eli'));
  log.add('marketplace.opened', {});
  const wall = { description: '', anonymous: false };
  log.add(
    'session.proposed',
    { sessionId: 's-chen', title: 'Car-free Sundays', ...wall, slot: MORNING, space: GARDEN },
    person('chen'),
    's-chen',
  );
  log.add(
    'session.proposed',
    { sessionId: 's-fac', title: 'Bus routes', ...wall, slot: MIDDAY, space: GARDEN },
    FACILITATOR,
    's-fac',
  );
  log.add('session.reporter', { sessionId: 's-chen', participantId: 'di' }, person('chen'));
  log.add(
    'action.proposed',
    { actionId: 'a-chen', sessionId: 's-chen', title: 'Ask the council', nextStep: '', due: null },
    person('chen'),
    'a-chen',
  );
  return log;
}

/** What some actions need first, written into the log as the server would have written it. */
const BEFORE = {
  /** Round 1 ended; round 2 is seated (hosts stay) but not started. */
  roundOver: (log: RecordLog) =>
    log.add('round.ended', {
      round: 0,
      endedAt: T0 + 21 * MIN,
      next: { round: 1, tableCount: 2, hosts: { 2: 'ben' }, seating: { ada: 2, chen: 2, ben: 2, di: 1 } },
    }),
  paused: (log: RecordLog) => log.add('round.paused', { round: 0, remainingMs: 5 * MIN }),
  /** A third round, after round 2: two rounds still to come. */
  thirdRound: (log: RecordLog) =>
    log.add('round.added', { round: 2, question: 'What will you do first?', minutes: 10 }),
  marketClosed: (log: RecordLog) => log.add('marketplace.closed', {}),
  convergence: (log: RecordLog) => log.add('stage.changed', { stage: 'convergence' }),
  /** Convergence, and every active person has put a dot on Chen's session. */
  dots: (log: RecordLog) => {
    log.add('stage.changed', { stage: 'convergence' });
    for (const id of ['ada', 'ben', 'chen', 'di'])
      log.add('vote.cast', { participantId: id, sessionId: 's-chen' }, person(id));
  },
  actionPlanning: (log: RecordLog) => log.add('stage.changed', { stage: 'actions' }),
  /** Two themes for round 1's question: "Benches" (Ada's and Eli's notes) and "Crossings" (Ben's). */
  harvest: (log: RecordLog) =>
    log.add('harvest.started', {
      themes: [
        { id: 'r1:benches', group: QUESTION_1, label: 'Benches', noteIds: ['n-ada', 'n-eli'] },
        { id: 'r1:crossings', group: QUESTION_1, label: 'Crossings', noteIds: ['n-ben'] },
      ],
      unthemed: [],
      votesPerPerson: 3,
    }),
  /** The harvest, and "Benches" has a commitment. */
  committed: (log: RecordLog) => {
    BEFORE.harvest(log);
    log.add('commitment.set', { themeId: 'r1:benches', what: 'Ten benches', who: 'Parks team', due: null });
  },
  harvestVoting: (log: RecordLog) => {
    BEFORE.harvest(log);
    log.add('harvest.voting', { open: true });
  },
  announced: (log: RecordLog) => log.add('announcement.made', { text: 'Lunch is ready' }),
  /** A facilitator removed Ben's note as off topic. */
  removed: (log: RecordLog) => log.add('note.removed', { noteId: 'n-ben', reason: 'off_topic' }),
  /** A facilitator removed Ben's note for naming someone: its words are gone. */
  erased: (log: RecordLog) => log.add('note.removed', { noteId: 'n-ben', reason: 'personal_details' }),
  /** Chen's report proposes an action, and action planning is open. */
  reportedActions: (log: RecordLog) => {
    log.add(
      'session.reported',
      { sessionId: 's-chen', report: { ...REPORT, actions: 'Map the quiet streets' } },
      person('chen'),
    );
    log.add('stage.changed', { stage: 'actions' });
  },
  /** Fay joined late and said a step-free way in would help her take part. */
  needsTold: (log: RecordLog) =>
    log.add(
      'participant.joined',
      { participantId: 'fay', name: 'Fay', table: null, needs: ['step_free'] },
      person('fay'),
    ),
  /** A facilitator opened the evaluation. */
  evaluationOpen: (log: RecordLog) => log.add('evaluation.opened', { open: true }),
  /** The evaluation is open and Ada has answered it. */
  evaluationAnswered: (log: RecordLog) => {
    log.add('evaluation.opened', { open: true });
    log.add(
      'evaluation.answered',
      { key: 'k-ada', answers: { listened: 4 }, open: '' },
      person('ada'),
      'k-ada',
    );
  },
} satisfies Record<string, (log: RecordLog) => unknown>;

interface Case {
  payload: unknown;
  before?: keyof typeof BEFORE;
  selfScheduling?: false;
}

const REPORT = { keyPoints: 'Start with one street', questions: '', actions: '', attendance: 6, names: '' };
const PLAN = { title: 'Write to the council', nextStep: 'Draft it on Monday', due: null };

/** Each row of the matrix: an action (the first word) and the payload and moment it is tried with. */
const CASES: Record<string, Case> = {
  'seating.plan': { payload: {}, before: 'roundOver' },
  'round.start': { payload: {}, before: 'roundOver' },
  'round.pause': { payload: {} },
  'round.resume': { payload: {}, before: 'paused' },
  'round.extend': { payload: { minutes: 5 } },
  'round.end': { payload: {} },
  'round.edit the running round': { payload: { round: 0, question: 'What do you love most?', minutes: 25 } },
  'round.edit round 1 (ended)': { payload: { round: 0, minutes: 25 }, before: 'roundOver' },
  'round.add': { payload: { question: 'What will you do first?', minutes: 10 } },
  'round.add before round 1 (running)': { payload: { question: 'Too late', minutes: 10, position: 0 } },
  'round.remove round 2': { payload: { round: 1 } },
  'round.remove round 1 (running)': { payload: { round: 0 } },
  'round.move round 3 before round 2': { payload: { round: 2, to: 1 }, before: 'thirdRound' },
  'round.move round 2 before round 1': { payload: { round: 1, to: 0 } },
  'tables.set': { payload: { tables: 3 } },
  'participant.leave': { payload: {} },
  'participant.remove (Ada)': { payload: { participantId: 'ada' } },
  'host.volunteer': { payload: { volunteering: true } },
  'host.assign (table 1 to Ada)': { payload: { table: 1, participantId: 'ada' } },
  'person.move (Ada to table 2)': { payload: { participantId: 'ada', table: 2 } },
  'person.move (Ada to table 3, none)': { payload: { participantId: 'ada', table: 3 } },
  'person.keep (Ada at table 1)': { payload: { participantId: 'ada', table: 1 } },
  'needs.met (Fay’s step-free way in)': { payload: { participantId: 'fay', met: true }, before: 'needsTold' },
  'needs.met (Ada’s, who asked nothing)': { payload: { participantId: 'ada', met: true } },
  'note.post at table 1, round 1': { payload: { text: 'Trees', round: 0, table: 1 } },
  'note.post at table 2, round 1': { payload: { text: 'Trees', round: 0, table: 2 } },
  'note.post in round 2 (not seated)': { payload: { text: 'Trees', round: 1, table: 1 } },
  'note.post in a session': { payload: { text: 'Close the high street', session: 's-chen' } },
  'note.post without a name at table 1': { payload: { text: 'Trees', round: 0, table: 1, anonymous: true } },
  'note.edit Ada’s note': { payload: { noteId: 'n-ada', text: 'Benches and bins' } },
  'note.edit Eli’s note (she left)': { payload: { noteId: 'n-eli', text: 'Shade' } },
  'note.withdraw Ada’s note': { payload: { noteId: 'n-ada' } },
  'note.withdraw Eli’s note (she left)': { payload: { noteId: 'n-eli' } },
  'event.part': { payload: { part: 'openSpace' }, before: 'roundOver' },
  'marketplace.open': { payload: {} },
  'marketplace.close': { payload: {} },
  'session.propose': { payload: { title: 'Shade trees', description: '', anonymous: false } },
  'session.propose on the wall': {
    payload: { title: 'Shade trees', description: '', anonymous: false, slot: MIDDAY, space: HALL },
  },
  'session.propose (market closed)': {
    payload: { title: 'Shade trees', description: '', anonymous: false },
    before: 'marketClosed',
  },
  'session.propose on the wall (no self)': {
    payload: { title: 'Shade trees', description: '', anonymous: false, slot: MIDDAY, space: HALL },
    selfScheduling: false,
  },
  'session.edit Chen’s session': {
    payload: { sessionId: 's-chen', title: 'Car-free days', description: '' },
  },
  'session.edit the facilitator’s': { payload: { sessionId: 's-fac', title: 'Buses', description: '' } },
  'session.move Chen’s session': { payload: { sessionId: 's-chen', slot: MIDDAY, space: LIBRARY } },
  'session.move Chen’s, swapping': {
    payload: { sessionId: 's-chen', slot: MIDDAY, space: GARDEN, swap: true },
  },
  'session.move Chen’s (no self)': {
    payload: { sessionId: 's-chen', slot: MIDDAY, space: LIBRARY },
    selfScheduling: false,
  },
  'session.merge': { payload: { sessionId: 's-fac', into: 's-chen' } },
  'session.cancel Chen’s session': { payload: { sessionId: 's-chen' } },
  'session.interest': { payload: { sessionId: 's-chen', interested: true } },
  'presence.here': { payload: { sessionId: 's-chen' } },
  'session.handover Chen’s, to Ada': { payload: { sessionId: 's-chen', participantId: 'ada' } },
  'session.report Chen’s session': { payload: { sessionId: 's-chen', ...REPORT } },
  announce: { payload: { text: 'Lunch is ready' } },
  'stage.set': { payload: { stage: 'convergence' } },
  'vote.cast': { payload: { sessionId: 's-chen' }, before: 'convergence' },
  'vote.remove': { payload: { sessionId: 's-chen' }, before: 'dots' },
  'action.propose': { payload: { sessionId: 's-chen', ...PLAN }, before: 'actionPlanning' },
  'action.edit Chen’s action': { payload: { actionId: 'a-chen', ...PLAN } },
  'action.signup to Chen’s action': { payload: { actionId: 'a-chen', signedUp: true } },
  'harvest.start': { payload: { votesPerPerson: 3 } },
  'theme.rename': { payload: { themeId: 'r1:benches', label: 'Seats' }, before: 'harvest' },
  'theme.merge': { payload: { themeId: 'r1:crossings', into: 'r1:benches' }, before: 'harvest' },
  'theme.split': {
    payload: { themeId: 'r1:benches', noteIds: ['n-eli'], label: 'Shade' },
    before: 'harvest',
  },
  'theme.create from Ben’s note': {
    payload: { label: 'Crossings by hand', noteIds: ['n-ben'] },
    before: 'harvest',
  },
  'theme.create under round 1’s question': {
    payload: { question: QUESTION_1, label: 'Shade', noteIds: ['n-eli'] },
    before: 'harvest',
  },
  'theme.create under round 2’s question': {
    payload: { question: QUESTION_2, label: 'Shade', noteIds: ['n-eli'] },
    before: 'harvest',
  },
  'harvest.move-note': { payload: { noteId: 'n-ben', themeId: 'r1:benches' }, before: 'harvest' },
  'harvest.hide-note': { payload: { noteId: 'n-ada', hidden: true }, before: 'harvest' },
  'harvest.quote-note': { payload: { noteId: 'n-ada', quoted: true }, before: 'harvest' },
  'theme.respond': { payload: { themeId: 'r1:benches', text: 'Ten benches' }, before: 'harvest' },
  'commitment.set': {
    payload: { themeId: 'r1:benches', what: 'Ten benches', who: 'Parks team', due: '2026-06-30' },
    before: 'harvest',
  },
  'commitment.update': {
    payload: { themeId: 'r1:benches', status: 'in_progress', note: 'Ordered' },
    before: 'committed',
  },
  'commitment.update (none yet)': {
    payload: { themeId: 'r1:benches', status: 'done', note: '' },
    before: 'harvest',
  },
  'harvest.voting': { payload: { open: true }, before: 'harvest' },
  'harvest.vote': { payload: { themeId: 'r1:benches', dot: 1 }, before: 'harvestVoting' },
  'harvest.publish': { payload: { published: true }, before: 'harvest' },
  'announcement.clear': { payload: { announcementId: null }, before: 'announced' },
  'action.adopt from Chen’s report': {
    payload: { sessionId: 's-chen', text: 'Map the quiet streets' },
    before: 'reportedActions',
  },
  'projector.show': { payload: { view: 'harvest' } },
  'projector.theme': { payload: { themeId: 'r1:benches', shown: true }, before: 'harvest' },
  'projector.all-themes': { payload: { all: true }, before: 'harvest' },
  'harvest.retheme': { payload: { group: 'r1', granularity: -1 }, before: 'harvest' },
  'event.lock': { payload: { locked: true } },
  'link.create': {
    payload: { role: 'helper', label: 'Table helper', token: 'aNewHelperTokenOf32Characters___' },
  },
  'link.revoke (the helper’s)': { payload: { linkId: 'lnk-help' } },
  'note.transcribe at table 2, round 1': {
    payload: { text: 'From a card', round: 0, table: 2, name: 'Ola' },
  },
  'note.transcribe at table 3 (none)': { payload: { text: 'From a card', round: 0, table: 3 } },
  'notes.import': {
    payload: {
      notes: [
        { table: 1, round: 0, text: 'Typed up from the tablecloth' },
        { session: 's-chen', text: 'From the flipchart' },
      ],
    },
  },
  'notes.import (round 2 not seated)': { payload: { notes: [{ table: 1, round: 1, text: 'Too soon' }] } },
  'note.remove Ada’s note': { payload: { noteId: 'n-ada', reason: 'off_topic' } },
  'note.remove Ben’s note (removed)': {
    payload: { noteId: 'n-ben', reason: 'offensive' },
    before: 'removed',
  },
  'note.restore Ben’s note (removed)': { payload: { noteId: 'n-ben' }, before: 'removed' },
  'note.restore Ada’s note (not removed)': { payload: { noteId: 'n-ada' } },
  'note.restore an erased note, no text': { payload: { noteId: 'n-ben' }, before: 'erased' },
  'space.add': { payload: { name: 'Courtyard', capacity: 12, notes: 'step-free, hearing loop' } },
  'space.edit the Garden': { payload: { space: GARDEN, name: 'Rose garden', capacity: 8, notes: '' } },
  'slot.add': { payload: { start: '13:00', end: '14:00', label: 'Afternoon', isBreak: false } },
  'evaluation.set': { payload: { statements: ['welcome', 'worth_it'], open: 'What would you keep?' } },
  'evaluation.set (answered)': {
    payload: { statements: ['welcome'], open: '' },
    before: 'evaluationAnswered',
  },
  'evaluation.open': { payload: { open: true } },
  'evaluation.open (open already)': { payload: { open: true }, before: 'evaluationOpen' },
  'evaluation.answer': { payload: { answers: { listened: 4 }, open: 'More time' }, before: 'evaluationOpen' },
  'evaluation.answer (closed)': { payload: { answers: { listened: 4 } } },
  'results.set': { payload: { where: 'At the Tuesday drop-in', by: '2025-07-31' } },
  'results.set (a date before the event)': { payload: { where: '', by: '2024-01-31' } },
};

// --- The matrix, by hand ----------------------------------------------------------------------

/*
 * Read a row as: "when <column> sends <action>, the answer is <cell>". Hosting a table gives no
 * extra action (a host's privilege is reading: see the second table); a convener's and a
 * reporter's are their session's; an owner's is their action plan.
 */
const MATRIX = `
| action                                | participant | host        | convener    | reporter    | left        | stranger    | facilitator     | cofacilitator   | helper      | projector |
| seating.plan                          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.start                           | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.pause                           | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.resume                          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.extend                          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.end                             | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| participant.leave                     | ok          | ok          | ok          | ok          | wrong_state | wrong_state | role            | role            | role        | role      |
| participant.remove (Ada)              | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| host.volunteer                        | ok          | ok          | ok          | ok          | wrong_state | wrong_state | role            | role            | role        | role      |
| host.assign (table 1 to Ada)          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| person.move (Ada to table 2)          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| person.move (Ada to table 3, none)    | role        | role        | role        | role        | role        | role        | not_found       | not_found       | role        | role      |
| person.keep (Ada at table 1)          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| needs.met (Fay’s step-free way in)    | role        | role        | role        | role        | role        | role        | ok              | ok              | ok          | role      |
| needs.met (Ada’s, who asked nothing)  | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | wrong_state | role      |
| note.post at table 1, round 1         | ok          | not_allowed | ok          | not_allowed | not_allowed | not_allowed | role            | role            | role        | role      |
| note.post at table 2, round 1         | not_allowed | ok          | not_allowed | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| note.post in round 2 (not seated)     | wrong_state | wrong_state | wrong_state | wrong_state | not_allowed | not_allowed | role            | role            | role        | role      |
| note.post in a session                | ok          | ok          | ok          | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| note.post without a name at table 1   | ok          | not_allowed | ok          | not_allowed | not_allowed | not_allowed | role            | role            | role        | role      |
| note.edit Ada’s note                  | ok          | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | role            | role            | role        | role      |
| note.edit Eli’s note (she left)       | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | role            | role            | role        | role      |
| note.withdraw Ada’s note              | ok          | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| note.withdraw Eli’s note (she left)   | not_allowed | not_allowed | not_allowed | not_allowed | ok          | not_allowed | ok              | ok              | role        | role      |
| event.part                            | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| marketplace.open                      | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| marketplace.close                     | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| session.propose                       | ok          | ok          | ok          | ok          | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.propose on the wall           | ok          | ok          | ok          | ok          | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.propose (market closed)       | wrong_state | wrong_state | wrong_state | wrong_state | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.propose on the wall (no self) | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.edit Chen’s session           | not_allowed | not_allowed | ok          | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.edit the facilitator’s        | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.move Chen’s session           | not_allowed | not_allowed | ok          | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.move Chen’s, swapping         | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.move Chen’s (no self)         | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.merge                         | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| session.cancel Chen’s session         | not_allowed | not_allowed | ok          | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.interest                      | ok          | ok          | ok          | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| presence.here                         | ok          | ok          | ok          | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| session.handover Chen’s, to Ada       | not_allowed | not_allowed | ok          | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| session.report Chen’s session         | not_allowed | not_allowed | ok          | ok          | not_allowed | not_allowed | ok              | ok              | role        | role      |
| announce                              | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| stage.set                             | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| vote.cast                             | ok          | ok          | ok          | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| vote.remove                           | ok          | ok          | ok          | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| action.propose                        | ok          | ok          | ok          | ok          | not_allowed | not_allowed | ok              | ok              | role        | role      |
| action.edit Chen’s action             | not_allowed | not_allowed | ok          | not_allowed | not_allowed | not_allowed | ok              | ok              | role        | role      |
| action.signup to Chen’s action        | ok          | ok          | wrong_state | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| harvest.start                         | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.rename                          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.merge                           | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.split                           | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.create from Ben’s note          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.create under round 1’s question | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.create under round 2’s question | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| harvest.move-note                     | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| harvest.hide-note                     | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| harvest.quote-note                    | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| theme.respond                         | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| commitment.set                        | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| commitment.update                     | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| commitment.update (none yet)          | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| harvest.voting                        | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| harvest.vote                          | ok          | ok          | ok          | ok          | not_allowed | not_allowed | role            | role            | role        | role      |
| harvest.publish                       | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| announcement.clear                    | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| action.adopt from Chen’s report       | ok          | ok          | ok          | ok          | not_allowed | not_allowed | ok              | ok              | role        | role      |
| projector.show                        | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| projector.theme                       | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| projector.all-themes                  | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| harvest.retheme                       | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| event.lock                            | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| link.create                           | role        | role        | role        | role        | role        | role        | ok              | not_allowed     | role        | role      |
| link.revoke (the helper’s)            | role        | role        | role        | role        | role        | role        | ok              | not_allowed     | role        | role      |
| note.transcribe at table 2, round 1   | not_allowed | ok          | not_allowed | not_allowed | not_allowed | not_allowed | ok              | ok              | ok          | role      |
| note.transcribe at table 3 (none)     | wrong_state | wrong_state | wrong_state | wrong_state | wrong_state | wrong_state | wrong_state     | wrong_state     | wrong_state | role      |
| notes.import                          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| notes.import (round 2 not seated)     | role        | role        | role        | role        | role        | role        | invalid_message | invalid_message | role        | role      |
| note.remove Ada’s note                | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| note.remove Ben’s note (removed)      | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| note.restore Ben’s note (removed)     | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| note.restore Ada’s note (not removed) | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| note.restore an erased note, no text  | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| space.add                             | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| space.edit the Garden                 | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| slot.add                              | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.edit the running round          | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.edit round 1 (ended)            | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| round.add                             | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.add before round 1 (running)    | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| round.remove round 2                  | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.remove round 1 (running)        | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| round.move round 3 before round 2     | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| round.move round 2 before round 1     | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| tables.set                            | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| evaluation.set                        | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| evaluation.set (answered)             | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| evaluation.open                       | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| evaluation.open (open already)        | role        | role        | role        | role        | role        | role        | wrong_state     | wrong_state     | role        | role      |
| evaluation.answer                     | ok          | ok          | ok          | ok          | ok          | not_allowed | role            | role            | role        | role      |
| evaluation.answer (closed)            | wrong_state | wrong_state | wrong_state | wrong_state | wrong_state | not_allowed | role            | role            | role        | role      |
| results.set                           | role        | role        | role        | role        | role        | role        | ok              | ok              | role        | role      |
| results.set (a date before the event) | role        | role        | role        | role        | role        | role        | invalid_message | invalid_message | role        | role      |
`;

type Cell = 'ok' | 'role' | ActionError['code'];

/** Splits a table written as `| a | b |` lines into its header and rows of trimmed cells. */
function parseTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  const [header = [], ...rows] = lines;
  return { header, rows };
}

const table = parseTable(MATRIX);
const COLUMNS = table.header.slice(1) as Sender[];
const EXPECTED = new Map(
  table.rows.map(([name = '', ...cells]) => [
    name,
    Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])) as Record<Sender, Cell>,
  ]),
);
const commandOf = (caseName: string) => caseName.split(' ')[0] ?? '';

/** A fresh copy of the event, brought to the moment the case needs. */
function eventFor(c: Case): EventUnderTest {
  const log = baseLog({ selfScheduling: c.selfScheduling ?? true });
  if (c.before) BEFORE[c.before](log);
  const created = log.records[0];
  if (created?.type !== 'event.created') throw new Error('the log must start with event.created');
  const ev = new EventUnderTest(created.payload.settings, { eventId: 'evt_permissions', joinCode: 'PERM42' });
  ev.log.splice(0, ev.log.length, ...log.records);
  ev.state = log.state();
  ev.now = (log.records.at(-1)?.at ?? T0) + MIN;
  return ev;
}

function outcome(c: Case, command: string, actor: Actor): Cell {
  const ev = eventFor(c);
  const before = ev.state;
  const length = ev.log.length;
  const out = ev.attemptRaw(actor, command, c.payload);
  if (out.ok) {
    expect(out.record.actor).toEqual(actor);
    return 'ok';
  }
  // A refused action leaves the event exactly as it was.
  expect(ev.state).toBe(before);
  expect(ev.log).toHaveLength(length);
  return isRoleRefusal(out.error) ? 'role' : out.error.code;
}

describe('the permissions matrix', () => {
  it('has a column for every kind of sender and a row for every case', () => {
    expect(COLUMNS).toEqual(Object.keys(SENDERS));
    expect([...EXPECTED.keys()].sort()).toEqual(Object.keys(CASES).sort());
    for (const [name, row] of EXPECTED)
      for (const cell of Object.values(row)) expect(cell, name).toMatch(/^[a-z_]+$/);
  });

  it('covers every action in the registry, and only those', () => {
    const covered = new Set(Object.keys(CASES).map(commandOf));
    expect([...covered].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('has somebody who may do each action', () => {
    for (const name of COMMAND_NAMES) {
      const rows = [...EXPECTED].filter(([caseName]) => commandOf(caseName) === name);
      expect(
        rows.some(([, row]) => Object.values(row).includes('ok')),
        name,
      ).toBe(true);
    }
  });

  it.each(Object.entries(CASES))('%s', (name, c) => {
    const command = commandOf(name);
    const seen = Object.fromEntries(COLUMNS.map((col) => [col, outcome(c, command, SENDERS[col])]));
    expect(seen).toEqual(EXPECTED.get(name));
  });

  it('lets no action be sent as the server itself', () => {
    for (const [name, c] of Object.entries(CASES)) {
      expect(findCommand(commandOf(name))?.roles, name).not.toContain('system');
      expect(outcome(c, commandOf(name), SYSTEM), name).toBe('role');
    }
  });
});

// --- Who receives which notes -------------------------------------------------------------------

/**
 * Round 2 is running: Ada and Chen moved to table 2 with Ben (who still hosts it), Di to table 1,
 * where she became the host during the round. Di wrote at table 1 and Chen at table 2 in round 2;
 * Ada wrote a note in Chen's session and edited her round-1 note.
 */
function roundTwoLog(): RecordLog {
  const log = baseLog();
  BEFORE.roundOver(log);
  log.add('round.started', { round: 1, startedAt: T0 + 22 * MIN, endsAt: T0 + 37 * MIN });
  log.add('host.assigned', { table: 1, participantId: 'di' });
  log.add('note.posted', { table: 1, round: 1, text: 'A crossing by the school' }, person('di'), 'n-di');
  log.add('note.posted', { table: 2, round: 1, text: 'Fewer cars' }, person('chen'), 'n-chen');
  log.add(
    'note.posted',
    { table: 0, round: -1, text: 'Start small', session: 's-chen' },
    person('ada'),
    'n-s',
  );
  log.add('note.edited', { noteId: 'n-ada', text: 'Benches and bins' }, person('ada'), 'e-ada');
  log.add('announcement.made', { text: 'Ten minutes left' }, FACILITATOR, 'announce');
  log.add('note.removed', { noteId: 'n-chen', reason: 'off_topic' }, FACILITATOR, 'r-chen');
  return log;
}

const VIEWERS = {
  ada: { role: 'participant', id: 'ada' }, // table 1, then table 2
  ben: { role: 'participant', id: 'ben' }, // table 2 both rounds, its host throughout
  chen: { role: 'participant', id: 'chen' }, // table 1, then table 2
  di: { role: 'participant', id: 'di' }, // table 2, then table 1 as its host
  eli: { role: 'participant', id: 'eli' }, // table 1 in round 1, then left
  zed: { role: 'participant', id: 'zed' }, // never joined
  facilitator: { role: 'facilitator' },
} satisfies Record<string, Viewer>;

/*
 * `x`: the record reaches that viewer (live and in a sync); `-`: it never does. Di sees what round
 * 1 wrote at table 1 only because she hosts it now; Eli keeps her round-1 table after leaving.
 */
const DELIVERY = `
| record                             | ada | ben | chen | di | eli | zed | facilitator |
| n-ada  (round 1, table 1, by Ada)  | x   | -   | x    | x  | x   | -   | x           |
| n-ben  (round 1, table 2, by Ben)  | -   | x   | -    | x  | -   | -   | x           |
| n-eli  (round 1, table 1, by Eli)  | x   | -   | x    | x  | x   | -   | x           |
| n-di   (round 2, table 1, by Di)   | -   | -   | -    | x  | -   | -   | x           |
| n-chen (round 2, table 2, by Chen) | x   | x   | x    | -  | -   | -   | x           |
| n-s    (Chen’s session, by Ada)    | x   | x   | x    | x  | x   | x   | x           |
| e-ada  (Ada edits n-ada)           | x   | -   | x    | x  | x   | -   | x           |
| r-chen (n-chen removed)            | x   | x   | x    | -  | -   | -   | x           |
| announce (event-wide)              | x   | x   | x    | x  | x   | x   | x           |
`;

describe('who receives which notes', () => {
  const delivery = parseTable(DELIVERY);
  const columns = delivery.header.slice(1) as (keyof typeof VIEWERS)[];
  const log = roundTwoLog();
  const state = log.state();

  it('has a column for every viewer', () => {
    expect(columns).toEqual(Object.keys(VIEWERS));
  });

  it.each(delivery.rows)('%s', (name, ...cells) => {
    const rec = log.records.find((r) => r.id === name.split(' ')[0]);
    if (!rec) throw new Error(`no record ${name}`);
    const seen = columns.map((v) => (canSee(state, VIEWERS[v], rec) ? 'x' : '-'));
    expect(seen).toEqual(cells);
  });
});
