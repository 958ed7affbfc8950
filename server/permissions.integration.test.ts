/**
 * Who may do and read what, against the real server process over real sockets and HTTP: every
 * action's who-may-send check for every kind of connection, the rules that depend on who someone
 * is (their own note, their own table, a session they convene, an action plan they own), which
 * notes reach whom, every HTTP read with every kind of credential, and one event's people and
 * links against another event. Every refusal must leave both events' logs exactly as they were.
 *
 * One café with an Open Space after it (event A) runs from seating to the published harvest, as
 * it would on the day; event B is another café on the same server. lib/permissions.test.ts holds
 * the whole matrix of actions; this file checks the server applies it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../lib/commands';
import type { Need } from '../lib/people/needs';
import type { Replies } from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import type { EventSettings } from '../lib/settings';
import { STORES, useServer } from './testing/fixture';
import { type Client, cafeSettings, newToken } from './testing/harness';

// --- Who may send each action, by hand ---------------------------------------------------------

/** Written out by hand (lib/permissions.test.ts pins every case); a new action must be added here. */
const MAY_SEND: Record<CommandName, 'facilitator' | 'participant' | 'either'> = {
  'seating.plan': 'facilitator',
  'round.start': 'facilitator',
  'round.pause': 'facilitator',
  'round.resume': 'facilitator',
  'round.extend': 'facilitator',
  'round.end': 'facilitator',
  'round.edit': 'facilitator',
  'round.add': 'facilitator',
  'round.remove': 'facilitator',
  'round.move': 'facilitator',
  'tables.set': 'facilitator',
  'participant.leave': 'participant',
  'participant.remove': 'facilitator',
  'host.volunteer': 'participant',
  'host.assign': 'facilitator',
  'person.move': 'facilitator',
  'person.keep': 'facilitator',
  'needs.met': 'facilitator',
  'note.post': 'participant',
  'note.edit': 'participant',
  'note.withdraw': 'either',
  'event.part': 'facilitator',
  'marketplace.open': 'facilitator',
  'marketplace.close': 'facilitator',
  'session.propose': 'either',
  'session.edit': 'either',
  'session.move': 'either',
  'session.merge': 'facilitator',
  'session.cancel': 'either',
  'session.interest': 'participant',
  'presence.here': 'participant',
  'session.handover': 'either',
  'session.report': 'either',
  announce: 'facilitator',
  'stage.set': 'facilitator',
  'vote.cast': 'participant',
  'vote.remove': 'participant',
  'action.propose': 'either',
  'action.edit': 'either',
  'action.signup': 'participant',
  'harvest.start': 'facilitator',
  'theme.rename': 'facilitator',
  'theme.merge': 'facilitator',
  'theme.split': 'facilitator',
  'theme.create': 'facilitator',
  'harvest.move-note': 'facilitator',
  'harvest.hide-note': 'facilitator',
  'harvest.quote-note': 'facilitator',
  'theme.respond': 'facilitator',
  'commitment.set': 'facilitator',
  'commitment.update': 'facilitator',
  'harvest.voting': 'facilitator',
  'harvest.vote': 'participant',
  'harvest.publish': 'facilitator',
  'announcement.clear': 'facilitator',
  'action.adopt': 'either',
  'projector.show': 'facilitator',
  'projector.theme': 'facilitator',
  'projector.all-themes': 'facilitator',
  'harvest.retheme': 'facilitator',
  'event.lock': 'facilitator',
  'link.create': 'facilitator',
  'link.revoke': 'facilitator',
  'note.transcribe': 'either',
  'notes.import': 'facilitator',
  'note.remove': 'facilitator',
  'note.restore': 'facilitator',
  'space.add': 'facilitator',
  'space.edit': 'facilitator',
  'slot.add': 'facilitator',
  'evaluation.set': 'facilitator',
  'evaluation.open': 'facilitator',
  'evaluation.answer': 'participant',
  'results.set': 'facilitator',
};

describe.each(STORES)('permissions on the %s store', (store) => {
  // Rate limits are not under test here, and the sweep below sends every action from every kind
  // of connection within a few seconds.
  const server = useServer({ store, env: { RATE_LIMIT_SCALE: '20' } });
  const connect = () => server.connect();
  beforeAll(() => setUp());

  // --- The two events and the people in them -----------------------------------------------------

  const settingsA: EventSettings = cafeSettings({
    title: 'Riverside',
    tables: 2,
    askNeeds: true,
    openSpace: {
      theme: 'What shall we do about the river?',
      slots: [
        { start: '09:00', end: '10:00', isBreak: false, label: '' },
        { start: '10:00', end: '10:30', isBreak: true, label: 'Coffee' },
        { start: '10:30', end: '11:30', isBreak: false, label: '' },
      ],
      spaces: [
        { name: 'Garden', capacity: 20, notes: '' },
        { name: 'Library', capacity: null, notes: '' },
      ],
      selfScheduling: true,
      votesPerPerson: 3,
    },
  });

  /** The café's people, then Cyra, who comes for the Open Space: names the published page never holds. */
  const CAFE_NAMES = ['Aster Quill', 'Bram Oakes', 'Dov Penn', 'Eda Moss'];
  const NAMES = [...CAFE_NAMES, 'Cyra Lund'];

  /** Actions sent per connection before a fresh one is opened: well under any connection's budget. */
  const ACTS_PER_CONNECTION = 20;

  /** Someone who acts, from a fresh connection every few actions (each says who it is again). */
  class Sender {
    private client: Client | null = null;
    private sent = 0;
    constructor(
      readonly name: string,
      private readonly open: () => Promise<Client>,
    ) {}
    async act(type: string, payload: unknown, id?: string): Promise<Replies['act']> {
      if (!this.client || this.sent >= ACTS_PER_CONNECTION) {
        this.client?.close();
        this.client = await this.open();
        this.sent = 0;
      }
      this.sent++;
      return this.client.act(type, payload, id);
    }
  }

  interface Facilitator {
    eventId: string;
    joinCode: string;
    token: string;
    /** Listens only: what the console receives, and the log's head for "nothing changed". */
    observer: Client;
    sender: Sender;
  }

  interface Person {
    name: string;
    token: string;
    id: string;
    /** Listens only: what this person's phone receives. */
    observer: Client;
    sender: Sender;
  }

  async function createEvent(settings: EventSettings, name: string): Promise<Facilitator> {
    const e = await server.createCafe(settings);
    return {
      eventId: e.eventId,
      joinCode: e.joinCode,
      token: e.facilitatorToken,
      observer: await server.facilitator(e.eventId, e.facilitatorToken),
      sender: new Sender(name, () => server.facilitator(e.eventId, e.facilitatorToken)),
    };
  }

  async function joinAs(
    code: string,
    name: string,
    token = newToken(),
    about: { needs?: Need[] } = {},
  ): Promise<Person> {
    const observer = await connect();
    const reply = await observer.send('join', { code, name, token, ...about });
    if (!reply.ok) throw new Error(reply.error.message);
    const id = reply.participantId;
    const sender = new Sender(name, async () => {
      // The same phone coming back: the same person, and nothing new is written.
      const c = await connect();
      expect(await c.send('join', { code, token })).toMatchObject({ ok: true, participantId: id });
      return c;
    });
    return { name, token, id, observer, sender };
  }

  let A: Facilitator;
  let B: Facilitator;
  let ann: Person;
  let bram: Person; // hosts table 2 throughout
  let dov: Person;
  let eda: Person;
  let cyra: Person; // comes after the café; convenes a session
  let otherPerson: Person; // joined event B only
  /** Connected, but never said who it is. */
  let anonymous: Client;
  /** Tried to facilitate event A with event B's link, and was refused. */
  let impostor: Client;
  /** Chosen from round 1's seating: someone at table 1, and the one at table 2 who is not its host. */
  let p: Person;
  let q: Person;
  let round2Seats: Record<string, number> = {};

  async function setUp() {
    A = await createEvent(settingsA, 'A’s facilitator');
    B = await createEvent(cafeSettings({ title: 'Hilltop', tables: 1 }), 'B’s facilitator');
    [ann, bram, dov, eda] = (await Promise.all(CAFE_NAMES.map((n) => joinAs(A.joinCode, n)))) as [
      Person,
      Person,
      Person,
      Person,
    ];
    otherPerson = await joinAs(B.joinCode, 'Wren Holt');
    anonymous = await connect();
    impostor = await connect();
    expect(await impostor.send('facilitate', { eventId: A.eventId, token: B.token })).toMatchObject({
      ok: false,
      error: { code: 'bad_token' },
    });
    // Event B: its one round running, with a note of its own.
    await ok(B.sender, 'seating.plan', {});
    await ok(B.sender, 'round.start', {});
    await ok(
      otherPerson.sender,
      'note.post',
      { text: 'A bench on the hill', round: 0, table: 1 },
      'note-in-b',
    );
  }

  // --- Helpers: accepted, refused, and the logs' heads -------------------------------------------

  interface Acting {
    name: string;
    act(type: string, payload: unknown, id?: string): Promise<Replies['act']>;
  }

  /** The actions accepted so far: by the end, every action in the registry. */
  const accepted = new Set<string>();

  async function ok(who: Acting, type: CommandName, payload: unknown, id?: string) {
    const reply = await who.act(type, payload, id);
    expect(reply, `${who.name}: ${type}`).toMatchObject({ ok: true, duplicate: false });
    accepted.add(type);
  }

  /** The highest seq in an event's log, as its facilitator's console sees it. */
  async function head(e: Facilitator): Promise<number> {
    const reply = await e.observer.send('sync', { since: 0 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.records.at(-1)?.seq ?? 0;
  }
  const heads = async () => [await head(A), await head(B)];

  /** Refused with `code`, and neither event's log moved. */
  async function refused(who: Acting, type: string, payload: unknown, code: string, id?: string) {
    const before = await heads();
    const reply = await who.act(type, payload, id);
    expect(reply, `${who.name}: ${type}`).toMatchObject({ ok: false, error: { code } });
    expect(await heads(), `${who.name}: ${type} changed a log`).toEqual(before);
  }

  /** The records a facilitator's console holds now. */
  async function log(e: Facilitator): Promise<EventRecord[]> {
    const reply = await e.observer.send('sync', { since: 0 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.records;
  }

  /** Splits a table written as `| a | b |` lines into its header and rows of trimmed cells. */
  function parseTable(text: string): { header: string[]; rows: string[][] } {
    const [header = [], ...rows] = text
      .trim()
      .split('\n')
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    return { header, rows };
  }

  const REPORT = { keyPoints: 'Start with one street', questions: '', actions: '', attendance: 6, names: '' };
  const PLAN = { title: 'Write to the council', nextStep: 'Draft it on Monday', due: null };
  const HIDDEN = 'Ring me on 07700 900123 about the plots';

  // --- The story -----------------------------------------------------------------------------------

  describe('permissions against the real server', () => {
    it('a connection is only ever who it said it was, in the one event it said', async () => {
      const before = await heads();
      // Nobody yet: nothing can be read or done.
      expect(await anonymous.send('sync', { since: 0 })).toMatchObject({ error: { code: 'not_joined' } });
      expect(await anonymous.act('round.pause', {})).toMatchObject({ error: { code: 'not_joined' } });
      // A link of another event, a phone's token, or a made-up token is not this event's link.
      const tries = await connect();
      for (const [eventId, token] of [
        [A.eventId, B.token],
        [B.eventId, A.token],
        [A.eventId, ann.token],
        [A.eventId, newToken()],
      ] as const)
        expect(await tries.send('facilitate', { eventId, token })).toMatchObject({
          error: { code: 'bad_token' },
        });
      expect(await impostor.send('sync', { since: 0 })).toMatchObject({ error: { code: 'not_joined' } });
      expect(await impostor.act('round.pause', {})).toMatchObject({ error: { code: 'not_joined' } });
      // Once someone, always that someone: no second identity on the same connection.
      const desk = await server.facilitator(A.eventId, A.token);
      expect(await desk.send('facilitate', { eventId: B.eventId, token: B.token })).toMatchObject({
        error: { code: 'wrong_state' },
      });
      expect(await desk.send('join', { code: B.joinCode, token: newToken() })).toMatchObject({
        error: { code: 'wrong_state' },
      });
      const phone = await connect();
      expect(await phone.send('join', { code: B.joinCode, token: otherPerson.token })).toMatchObject({
        ok: true,
        participantId: otherPerson.id,
      });
      expect(await phone.send('facilitate', { eventId: A.eventId, token: A.token })).toMatchObject({
        error: { code: 'wrong_state' },
      });
      expect(await phone.send('join', { code: A.joinCode, token: newToken() })).toMatchObject({
        error: { code: 'wrong_state' },
      });
      expect(await heads()).toEqual(before);
    });

    it('the café: people write only at their own table and change only their own notes', async () => {
      await ok(A.sender, 'host.assign', { table: 2, participantId: bram.id });
      await ok(bram.sender, 'host.volunteer', { volunteering: true });
      await ok(A.sender, 'seating.plan', {});
      await ok(A.sender, 'round.start', {});
      const plan = (await log(A)).find((r) => r.type === 'seating.planned');
      if (plan?.type !== 'seating.planned') throw new Error('round 1 was not seated');
      const seat = (x: Person) => plan.payload.seating[x.id];
      expect(seat(bram)).toBe(2);
      const atTable1 = [ann, dov, eda].filter((x) => seat(x) === 1);
      const atTable2 = [ann, dov, eda].filter((x) => seat(x) === 2);
      // Four people at two tables, one of them Bram's: two at each.
      expect(atTable1).toHaveLength(2);
      expect(atTable2).toHaveLength(1);
      [p] = atTable1 as [Person];
      [q] = atTable2 as [Person];

      await ok(p.sender, 'note.post', { text: 'Benches by the river', round: 0, table: 1 }, 'note-r1-t1');
      await ok(
        q.sender,
        'note.post',
        { text: 'Safer crossings by the school', round: 0, table: 2 },
        'note-r1-t2',
      );
      // Notes for the harvest to theme later, each at its writer's own table.
      const fodder: [Person, string][] = [
        [ann, 'The weekly market with local bread and cheese'],
        [bram, 'Saturday market stalls selling local food'],
        [eda, 'A farmers market for local produce every week'],
        [dov, 'More buses in the evening'],
        [ann, 'Evening buses out to the villages'],
        [bram, 'Later buses in the evening for shift workers'],
        [p, HIDDEN],
      ];
      for (const [who, text] of fodder)
        await ok(
          who.sender,
          'note.post',
          { text, round: 0, table: seat(who) },
          text === HIDDEN ? 'note-hidden' : undefined,
        );

      // A host writes at their own table only; so does everyone else.
      await refused(bram.sender, 'note.post', { text: 'Mine', round: 0, table: 1 }, 'not_allowed');
      await refused(p.sender, 'note.post', { text: 'Mine', round: 0, table: 2 }, 'not_allowed');
      await refused(p.sender, 'note.post', { text: 'Early', round: 1, table: 1 }, 'wrong_state');
      // Someone else's note: not even its table's host may touch it.
      await refused(q.sender, 'note.edit', { noteId: 'note-r1-t1', text: 'Changed' }, 'not_allowed');
      await refused(q.sender, 'note.withdraw', { noteId: 'note-r1-t1' }, 'not_allowed');
      await refused(bram.sender, 'note.withdraw', { noteId: 'note-r1-t2' }, 'not_allowed');
      // Seats by hand are the facilitators': a move there and back, a pin set and cleared.
      await refused(p.sender, 'person.move', { participantId: p.id, table: 2 }, 'not_allowed');
      await refused(A.sender, 'person.move', { participantId: p.id, table: 1 }, 'wrong_state');
      await ok(A.sender, 'person.move', { participantId: p.id, table: 2 });
      await ok(A.sender, 'person.move', { participantId: p.id, table: 1 });
      await refused(q.sender, 'person.keep', { participantId: q.id, table: 2 }, 'not_allowed');
      await ok(A.sender, 'person.keep', { participantId: q.id, table: 2 });
      await ok(A.sender, 'person.keep', { participantId: q.id, table: null });
      // The author may take their note back, and so may the facilitator.
      await ok(p.sender, 'note.post', { text: 'Second thoughts', round: 0, table: 1 }, 'note-taken-back');
      await ok(p.sender, 'note.withdraw', { noteId: 'note-taken-back' });
      await ok(q.sender, 'note.post', { text: 'Off topic', round: 0, table: 2 }, 'note-removed');
      await ok(A.sender, 'note.withdraw', { noteId: 'note-removed' });
      // A paper card, typed in: by table 2's host or a facilitator, not by a guest at the table.
      const card = { text: 'From a paper card', round: 0, table: 2 };
      await refused(q.sender, 'note.transcribe', card, 'not_allowed');
      await ok(bram.sender, 'note.transcribe', card);
      await ok(A.sender, 'note.transcribe', { ...card, table: 1, name: 'Ola' });
      // Notes typed up from a tablecloth come in as one import, or not at all.
      await refused(p.sender, 'notes.import', { notes: [{ ...card }] }, 'not_allowed');
      await refused(A.sender, 'notes.import', { notes: [card, { ...card, table: 7 }] }, 'invalid_message');
      await ok(A.sender, 'notes.import', { notes: [card] });
      // A facilitator removes a note, with a reason, and puts it back; nobody else may.
      const moderated = 'note-moderated';
      await ok(q.sender, 'note.post', { text: 'Said something unkind', round: 0, table: 2 }, moderated);
      await refused(bram.sender, 'note.remove', { noteId: moderated, reason: 'offensive' }, 'not_allowed');
      await ok(A.sender, 'note.remove', { noteId: moderated, reason: 'offensive' });
      await refused(A.sender, 'note.remove', { noteId: moderated, reason: 'other' }, 'wrong_state');
      await refused(q.sender, 'note.edit', { noteId: moderated, text: 'Kinder now' }, 'wrong_state');
      await refused(q.sender, 'note.restore', { noteId: moderated }, 'not_allowed');
      await refused(A.sender, 'note.restore', { noteId: moderated, text: 'New words' }, 'wrong_state');
      await ok(A.sender, 'note.restore', { noteId: moderated });
      await refused(A.sender, 'note.restore', { noteId: moderated }, 'wrong_state');

      await ok(A.sender, 'round.pause', {});
      await ok(A.sender, 'round.resume', {});
      await ok(A.sender, 'round.extend', { minutes: 2 });
      // The plan changes while the round runs: new words and minutes, a round added, moved and
      // removed again, and a third table for the next seating, then back to two.
      await ok(A.sender, 'round.edit', { round: 0, question: 'What matters most to you?', minutes: 25 });
      await refused(p.sender, 'round.edit', { round: 0, minutes: 30 }, 'not_allowed');
      await ok(A.sender, 'round.add', { question: 'What will you do first?', minutes: 10 });
      await ok(A.sender, 'round.move', { round: 2, to: 1 });
      await ok(A.sender, 'round.remove', { round: 1 });
      await refused(A.sender, 'round.remove', { round: 0 }, 'wrong_state');
      await ok(A.sender, 'tables.set', { tables: 3 });
      await ok(A.sender, 'tables.set', { tables: 2 });
      await ok(A.sender, 'round.end', {});
      // Round 2 is seated: q becomes table 1's host, which moves q to table 1 for this round.
      await ok(A.sender, 'host.assign', { table: 1, participantId: q.id });
      const seated = (await log(A)).findLast((r) => r.type === 'round.ended');
      if (seated?.type !== 'round.ended' || !seated.payload.next) throw new Error('round 2 was not seated');
      round2Seats = seated.payload.next.seating;
      await ok(A.sender, 'round.start', {});
      await ok(q.sender, 'note.post', { text: 'A crossing by the school', round: 1, table: 1 }, 'note-r2-t1');
      await ok(bram.sender, 'note.post', { text: 'Fewer cars', round: 1, table: 2 }, 'note-r2-t2');
      await ok(p.sender, 'note.edit', { noteId: 'note-r1-t1', text: 'Benches and bins' }, 'edit-r1-t1');
      await ok(A.sender, 'round.end', {});
      // The evaluation: the facilitators choose what it asks and open it; a person answers, and
      // may answer again; once anyone has answered, what it asks stays as it is.
      const ask = { statements: ['listened', 'welcome'], open: 'What would you change?' };
      await refused(p.sender, 'evaluation.set', ask, 'not_allowed');
      await ok(A.sender, 'evaluation.set', ask);
      await refused(p.sender, 'evaluation.answer', { answers: { listened: 4 } }, 'wrong_state');
      await refused(p.sender, 'evaluation.open', { open: true }, 'not_allowed');
      await ok(A.sender, 'evaluation.open', { open: true });
      await refused(A.sender, 'evaluation.open', { open: true }, 'wrong_state');
      await refused(A.sender, 'evaluation.answer', { answers: { listened: 4 } }, 'not_allowed');
      await refused(p.sender, 'evaluation.answer', { answers: { worth_it: 4 } }, 'not_found');
      await ok(p.sender, 'evaluation.answer', { answers: { listened: 4 }, open: 'More time' });
      await ok(p.sender, 'evaluation.answer', { answers: { listened: 5 } });
      await refused(A.sender, 'evaluation.set', ask, 'wrong_state');
      // Where and when the results will be shared: the facilitators say, and may change it.
      const by = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      const results = { where: 'At the Tuesday drop-in', by };
      await refused(p.sender, 'results.set', results, 'not_allowed');
      await ok(A.sender, 'results.set', results);
      await refused(A.sender, 'results.set', { where: '', by: '2001-01-01' }, 'invalid_message');
    });

    it('the Open Space: conveners, the people they chose and owners, and nobody else', async () => {
      cyra = await joinAs(A.joinCode, 'Cyra Lund');
      await ok(A.sender, 'event.part', { part: 'openSpace' });
      await ok(A.sender, 'marketplace.open', {});
      const session = (title: string, place = {}) => ({ title, description: '', anonymous: false, ...place });
      await ok(
        cyra.sender,
        'session.propose',
        session('Car-free Sundays', { slot: 0, space: 0 }),
        'session-cyra',
      );
      await ok(A.sender, 'session.propose', session('Bus routes', { slot: 2, space: 0 }), 'session-fac');

      // Someone who does not convene Cyra's session cannot change it.
      const mine = { sessionId: 'session-cyra' };
      await refused(p.sender, 'session.edit', { ...mine, title: 'Mine now', description: '' }, 'not_allowed');
      await refused(p.sender, 'session.move', { ...mine, slot: 2, space: 1 }, 'not_allowed');
      await refused(p.sender, 'session.cancel', mine, 'not_allowed');
      await refused(p.sender, 'session.handover', { ...mine, participantId: p.id }, 'not_allowed');
      await refused(p.sender, 'session.report', { ...mine, ...REPORT }, 'not_allowed');
      // A convener's rights end at their own sessions.
      const theirs = { sessionId: 'session-fac' };
      await refused(
        cyra.sender,
        'session.edit',
        { ...theirs, title: 'Mine', description: '' },
        'not_allowed',
      );
      await refused(cyra.sender, 'session.move', { ...mine, slot: 2, space: 0, swap: true }, 'not_allowed');
      await ok(cyra.sender, 'session.edit', { ...mine, title: 'Car-free summer Sundays', description: '' });
      await ok(cyra.sender, 'session.move', { ...mine, slot: 0, space: 1 });
      // The convener hands the report to p, who may then write it; Bram still may not.
      await ok(cyra.sender, 'session.handover', { ...mine, participantId: p.id });
      await ok(p.sender, 'session.report', { ...mine, ...REPORT });
      await refused(bram.sender, 'session.report', { ...mine, ...REPORT }, 'not_allowed');

      await ok(p.sender, 'session.interest', { ...mine, interested: true });
      await ok(p.sender, 'presence.here', mine);
      await ok(
        bram.sender,
        'note.post',
        { text: 'Start with one street', session: 'session-cyra' },
        'note-session',
      );
      await ok(A.sender, 'announce', { text: 'Lunch at one' }, 'announce-lunch');
      // A participant cannot pass an action id of the facilitator's off as their own.
      await refused(p.sender, 'announce', { text: 'Free cake' }, 'invalid_message', 'announce-lunch');
      await refused(p.sender, 'announcement.clear', { announcementId: 'announce-lunch' }, 'not_allowed');
      await ok(A.sender, 'announcement.clear', { announcementId: 'announce-lunch' });
      // Only a facilitator shuts the doors to new people, and opens them again.
      await refused(p.sender, 'event.lock', { locked: true }, 'not_allowed');
      await ok(A.sender, 'event.lock', { locked: true });
      await ok(A.sender, 'event.lock', { locked: false });
      // Only the organiser makes and revokes team links; a co-facilitator steers but makes none.
      const coToken = newToken();
      await refused(
        p.sender,
        'link.create',
        { role: 'cofacilitator', label: 'Me', token: newToken() },
        'not_allowed',
      );
      await ok(A.sender, 'link.create', { role: 'cofacilitator', label: 'Sam', token: coToken }, 'link-sam');
      const sam = new Sender('Sam (co-facilitator)', () => server.facilitator(A.eventId, coToken));
      await refused(
        sam,
        'link.create',
        { role: 'projector', label: 'Mine', token: newToken() },
        'not_allowed',
      );
      await refused(sam, 'link.revoke', { linkId: 'link-sam' }, 'not_allowed');
      await ok(sam, 'announce', { text: 'Tea in the hall' });
      await refused(B.sender, 'link.revoke', { linkId: 'link-sam' }, 'not_found');
      await ok(A.sender, 'link.revoke', { linkId: 'link-sam' });

      // Only a facilitator changes the wall: a space and a slot added, a space renamed.
      const courtyard = { name: 'Courtyard', capacity: 12, notes: 'step-free' };
      await refused(cyra.sender, 'space.add', courtyard, 'not_allowed');
      await ok(A.sender, 'space.add', courtyard);
      await refused(A.sender, 'space.add', { ...courtyard, name: 'courtyard' }, 'invalid_message');
      await refused(p.sender, 'space.edit', { space: 2, ...courtyard, name: 'Yard' }, 'not_allowed');
      await ok(A.sender, 'space.edit', { space: 2, ...courtyard, name: 'Yard' });
      const afternoon = { start: '12:00', end: '13:00', label: '', isBreak: false };
      await refused(bram.sender, 'slot.add', afternoon, 'not_allowed');
      await refused(A.sender, 'slot.add', { ...afternoon, start: '11:00' }, 'invalid_message');
      await ok(A.sender, 'slot.add', afternoon);

      await ok(A.sender, 'marketplace.close', {});
      await refused(cyra.sender, 'session.propose', session('Too late'), 'wrong_state');
      await ok(A.sender, 'session.propose', session('Cycle paths'), 'session-extra');
      await ok(A.sender, 'session.merge', { sessionId: 'session-extra', into: 'session-fac' });

      await ok(A.sender, 'stage.set', { stage: 'convergence' });
      await ok(p.sender, 'vote.cast', theirs);
      await ok(p.sender, 'vote.remove', theirs);
      await ok(A.sender, 'stage.set', { stage: 'actions' });
      await ok(cyra.sender, 'action.propose', { ...mine, ...PLAN }, 'action-cyra');
      // Only owners change an action plan; signing up makes one an owner.
      await refused(p.sender, 'action.edit', { actionId: 'action-cyra', ...PLAN }, 'not_allowed');
      await ok(cyra.sender, 'action.edit', { actionId: 'action-cyra', ...PLAN, nextStep: 'Draft it today' });
      await ok(p.sender, 'action.signup', { actionId: 'action-cyra', signedUp: true });
      await ok(p.sender, 'action.edit', { actionId: 'action-cyra', ...PLAN, due: '2030-01-31' });
      // A proposed action from the session's report becomes a plan in one tap, once.
      await ok(p.sender, 'session.report', { ...mine, ...REPORT, actions: 'Count the cars on Sunday' });
      await ok(bram.sender, 'action.adopt', { ...mine, text: 'Count the cars on Sunday' });
      await refused(p.sender, 'action.adopt', { ...mine, text: 'Count the cars on Sunday' }, 'wrong_state');
      await ok(cyra.sender, 'session.cancel', mine);
    });

    it('someone who left, or was removed, can no longer take part', async () => {
      const [esme, fen] = await Promise.all([
        joinAs(A.joinCode, 'Esme Vale', undefined, { needs: ['quiet_space'] }),
        joinAs(A.joinCode, 'Fen Hale'),
      ]);
      // What would help Esme take part is the team's to mark as met, not hers or anyone else's.
      await refused(esme.sender, 'needs.met', { participantId: esme.id, met: true }, 'not_allowed');
      await ok(A.sender, 'needs.met', { participantId: esme.id, met: true });
      await refused(A.sender, 'needs.met', { participantId: fen.id, met: true }, 'wrong_state');
      await ok(esme.sender, 'participant.leave', {});
      await ok(A.sender, 'participant.remove', { participantId: fen.id });
      for (const gone of [esme, fen]) {
        await refused(
          gone.sender,
          'note.post',
          { text: 'Still here', session: 'session-fac' },
          'not_allowed',
        );
        await refused(
          gone.sender,
          'session.interest',
          { sessionId: 'session-fac', interested: true },
          'not_allowed',
        );
        await refused(
          gone.sender,
          'action.signup',
          { actionId: 'action-cyra', signedUp: true },
          'not_allowed',
        );
        await refused(gone.sender, 'host.volunteer', { volunteering: true }, 'wrong_state');
        await refused(gone.sender, 'participant.leave', {}, 'wrong_state');
        await refused(A.sender, 'participant.remove', { participantId: gone.id }, 'not_found');
      }
    });

    it('every action, from every kind of connection, passes or fails the who-may-send check', async () => {
      const kinds: [Acting, 'participant' | 'facilitator' | 'nobody'][] = [
        [p.sender, 'participant'],
        [bram.sender, 'participant'], // a host
        [cyra.sender, 'participant'], // a convener
        [A.sender, 'facilitator'],
        [new Sender('anonymous', connect), 'nobody'],
        [
          new Sender('impostor', async () => {
            const c = await connect();
            await c.send('facilitate', { eventId: A.eventId, token: B.token });
            return c;
          }),
          'nobody',
        ],
      ];
      expect(Object.keys(MAY_SEND).sort()).toEqual([...COMMAND_NAMES].sort());
      const before = await heads();
      // Every payload breaks every action's schema, so a sender who passes the check is told
      // `invalid_message` and nothing is ever written.
      const probe = { probe: 'not a field of any action' };
      for (const [who, kind] of kinds) {
        for (const type of COMMAND_NAMES) {
          const reply = await who.act(type, probe);
          const may = MAY_SEND[type] === 'either' || MAY_SEND[type] === kind;
          const expected =
            kind === 'nobody'
              ? { code: 'not_joined' }
              : may
                ? { code: 'invalid_message' }
                : {
                    code: 'not_allowed',
                    message:
                      kind === 'participant'
                        ? 'Only a facilitator can do that.'
                        : 'Only a participant can do that.',
                  };
          expect(reply, `${who.name}: ${type}`).toMatchObject({ ok: false, error: expected });
        }
      }
      expect(await heads()).toEqual(before);
    });

    it('another event’s facilitator and people cannot write to this event, nor this event’s to theirs', async () => {
      // A phone token used in another event is a stranger there: a new person, nobody's note.
      const again = await joinAs(A.joinCode, 'Wren Holt', otherPerson.token);
      expect(again.id).not.toBe(otherPerson.id);
      // A facilitator link used as a phone token elsewhere is just a phone.
      const linkAsPhone = await joinAs(B.joinCode, 'Link', A.token);

      await refused(B.sender, 'note.withdraw', { noteId: 'note-r1-t1' }, 'not_found');
      await refused(B.sender, 'participant.remove', { participantId: p.id }, 'not_found');
      await refused(B.sender, 'host.assign', { table: 1, participantId: p.id }, 'not_found');
      await refused(B.sender, 'session.cancel', { sessionId: 'session-fac' }, 'wrong_state');
      await refused(B.sender, 'harvest.hide-note', { noteId: 'note-r1-t1', hidden: true }, 'wrong_state');
      await refused(otherPerson.sender, 'note.edit', { noteId: 'note-r1-t1', text: 'Hijacked' }, 'not_found');
      await refused(otherPerson.sender, 'note.withdraw', { noteId: 'note-r1-t1' }, 'not_found');
      await refused(
        otherPerson.sender,
        'session.interest',
        { sessionId: 'session-fac', interested: true },
        'wrong_state',
      );
      await refused(again.sender, 'note.edit', { noteId: 'note-in-b', text: 'Hijacked' }, 'not_found');
      await refused(again.sender, 'note.withdraw', { noteId: 'note-in-b' }, 'not_found');
      await refused(linkAsPhone.sender, 'round.end', {}, 'not_allowed');
      await refused(linkAsPhone.sender, 'note.withdraw', { noteId: 'note-r1-t1' }, 'not_found');
    });

    /*
     * Which notes reach whom, by hand. `x`: pushed live and in every sync; `sync`: in a sync (and its
     * backfill) only, because it was written before the viewer could see it; `-`: never. `seat`: x
     * if p sat at that table in round 2, else -. q sat at table 2 in round 1 and became table 1's host
     * for round 2; Bram hosted table 2 throughout; Cyra came after the café and convenes a session.
     */
    const DELIVERY = `
| record       | facilitator | host | new host | participant | convener | other facilitator | other participant |
| note-r1-t1   | x           | -    | sync     | x           | -        | -                 | -                 |
| note-r1-t2   | x           | x    | x        | -           | -        | -                 | -                 |
| note-r2-t1   | x           | -    | x        | seat        | -        | -                 | -                 |
| note-r2-t2   | x           | x    | -        | seat        | -        | -                 | -                 |
| edit-r1-t1   | x           | -    | x        | x           | -        | -                 | -                 |
| note-session | x           | x    | x        | x           | x        | -                 | -                 |
| note-in-b    | -           | -    | -        | -           | -        | x                 | x                 |
`;

    it('notes reach their table, its host across rounds, their author and the facilitator; nothing crosses events', async () => {
      const table = parseTable(DELIVERY);
      const viewers: Record<string, Client> = {
        facilitator: A.observer,
        host: bram.observer,
        'new host': q.observer,
        participant: p.observer,
        convener: cyra.observer,
        'other facilitator': B.observer,
        'other participant': otherPerson.observer,
      };
      expect(table.header.slice(1)).toEqual(Object.keys(viewers));
      // One last record in each event: whoever has it has everything pushed before it.
      await ok(A.sender, 'announce', { text: 'Thank you all' }, 'last-in-a');
      await ok(B.sender, 'round.extend', { minutes: 1 }, 'last-in-b');
      const markers = new Set(table.rows.map(([id = '']) => id));
      const idsOf = (records: EventRecord[]) =>
        records
          .map((r) => r.id)
          .filter((id) => markers.has(id))
          .sort();

      for (const [column, viewer] of Object.entries(viewers)) {
        const last = column.startsWith('other') ? 'last-in-b' : 'last-in-a';
        await viewer.waitFor((r) => r.id === last);
        const want = (kinds: string[]) =>
          table.rows
            .filter((row) => {
              const cell = row[1 + table.header.slice(1).indexOf(column)] ?? '';
              const id = row[0] ?? '';
              if (cell === 'seat') return kinds.includes('x') && round2Seats[p.id] === Number(id.at(-1));
              return kinds.includes(cell);
            })
            .map(([id = '']) => id)
            .sort();
        const all = await viewer.send('sync', { since: 0 });
        if (!all.ok) throw new Error(all.error.message);
        // The same notes again as backfill, for a screen that already holds everything up to now.
        const since = all.records.at(-1)?.seq ?? 0;
        const caughtUp = await viewer.send('sync', { since });
        if (!caughtUp.ok) throw new Error(caughtUp.error.message);
        expect(idsOf(viewer.received), `${column}: live`).toEqual(want(['x']));
        expect(idsOf(all.records), `${column}: sync`).toEqual(want(['x', 'sync']));
        expect(idsOf(caughtUp.backfill), `${column}: backfill`).toEqual(want(['x', 'sync']));
      }

      // Not one record of either event reaches the other's screens, nor a connection that is nobody.
      const inA = new Set((await log(A)).map((r) => r.id));
      const inB = new Set((await log(B)).map((r) => r.id));
      for (const [column, viewer] of Object.entries(viewers)) {
        const foreign = column.startsWith('other') ? inA : inB;
        expect(viewer.received.filter((r) => foreign.has(r.id))).toEqual([]);
      }
      expect(anonymous.received).toEqual([]);
      expect(impostor.received).toEqual([]);
    });

    // --- HTTP -------------------------------------------------------------------------------------

    const CREDENTIALS = [
      'none',
      'participant',
      'other participant',
      'facilitator',
      'other facilitator',
    ] as const;
    const tokenOf = (c: (typeof CREDENTIALS)[number]) =>
      ({
        none: undefined,
        participant: p.token,
        'other participant': otherPerson.token,
        facilitator: A.token,
        'other facilitator': B.token,
      })[c];

    async function request(method: string, path: string, token?: string) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    }

    /** Every request in the table with every credential: the status, and the error code with it. */
    async function checkRequests(text: string) {
      const table = parseTable(text);
      expect(table.header.slice(1)).toEqual([...CREDENTIALS]);
      const before = await heads();
      for (const [what = '', ...cells] of table.rows) {
        const [method = 'GET', rawPath = ''] = what.split(' ');
        const path = rawPath
          .replace('{A}', A.eventId)
          .replace('{B}', B.eventId)
          .replace('{code}', A.joinCode);
        for (const [i, credential] of CREDENTIALS.entries()) {
          const want = cells[i];
          // `·`: not tried (the right link deleting its event is the deletion's own test).
          if (want === '·') continue;
          const res = await request(method, path, tokenOf(credential));
          expect(res.status, `${what} with ${credential}`).toBe(Number(want));
          const code = { 403: 'bad_token', 404: 'not_found' }[res.status];
          if (code)
            expect(JSON.parse(res.body), `${what} with ${credential}`).toMatchObject({ error: { code } });
        }
      }
      // Reading changes nothing, and refused deletions deleted nothing.
      expect(await heads()).toEqual(before);
    }

    it('every HTTP read, with every credential, before the harvest', async () => {
      await checkRequests(`
| request                         | none | participant | other participant | facilitator | other facilitator |
| GET /api/events/{A}/harvest.md  | 403  | 403         | 403               | 404         | 403               |
| GET /api/events/{A}/harvest.pdf | 403  | 403         | 403               | 404         | 403               |
| GET /api/events/{A}/live-themes | 403  | 403         | 403               | 200         | 403               |
| GET /api/published/{A}          | 404  | 404         | 404               | 404         | 404               |
`);
    });

    it('the harvest is curated by the facilitator only, and voted on by the people in the event', async () => {
      await ok(A.sender, 'harvest.start', { votesPerPerson: 3 });
      const started = (await log(A)).find((r) => r.type === 'harvest.started');
      if (started?.type !== 'harvest.started') throw new Error('the harvest did not start');
      const theme = started.payload.themes.find((t) => t.noteIds.length >= 2);
      if (!theme) throw new Error(`no theme of two notes or more: ${JSON.stringify(started.payload.themes)}`);
      const [first = '', second = ''] = theme.noteIds;
      await ok(A.sender, 'theme.rename', { themeId: theme.id, label: 'Markets' });
      await ok(A.sender, 'theme.respond', { themeId: theme.id, text: 'A market every Saturday' });
      await ok(A.sender, 'theme.split', { themeId: theme.id, noteIds: [first], label: 'Apart' }, 'split-off');
      await ok(A.sender, 'theme.merge', { themeId: 'split:split-off', into: theme.id });
      await ok(A.sender, 'harvest.move-note', { noteId: first, themeId: null });
      // A theme made by hand from a note in no theme; a participant may not make one.
      await refused(cyra.sender, 'theme.create', { label: 'Mine', noteIds: [first] }, 'not_allowed');
      await ok(A.sender, 'theme.create', { label: 'By hand', noteIds: [first] }, 'made-by-hand');
      await ok(A.sender, 'theme.rename', { themeId: 'new:made-by-hand', label: 'Made by hand' });
      await ok(A.sender, 'harvest.quote-note', { noteId: second, quoted: true });
      await ok(A.sender, 'harvest.hide-note', { noteId: 'note-hidden', hidden: true });
      await ok(A.sender, 'harvest.retheme', { group: null, granularity: 1 });
      await ok(A.sender, 'harvest.voting', { open: true });
      await ok(p.sender, 'harvest.vote', { themeId: theme.id, dot: 1 });
      // Nobody takes back a dot someone else gave.
      await refused(bram.sender, 'harvest.vote', { themeId: theme.id, dot: -1 }, 'not_found');
      await refused(cyra.sender, 'theme.rename', { themeId: theme.id, label: 'Mine' }, 'not_allowed');
      await ok(A.sender, 'harvest.publish', { published: true });
      // Weeks later, after publishing: what will be done, and what has happened since.
      await ok(A.sender, 'commitment.set', {
        themeId: theme.id,
        what: 'A market',
        who: 'Markets team',
        due: null,
      });
      await ok(A.sender, 'commitment.update', {
        themeId: theme.id,
        status: 'in_progress',
        note: 'Stalls booked',
      });
      await refused(
        cyra.sender,
        'commitment.update',
        { themeId: theme.id, status: 'done', note: '' },
        'not_allowed',
      );
      // What the projector shows is the facilitator's choice alone.
      await ok(A.sender, 'projector.show', { view: 'told' });
      await ok(A.sender, 'projector.theme', { themeId: theme.id, shown: true });
      await ok(A.sender, 'projector.all-themes', { all: true });
      await refused(cyra.sender, 'projector.show', { view: 'harvest' }, 'not_allowed');
    });

    it('every HTTP read, with every credential, once published; another event’s link opens nothing here', async () => {
      await checkRequests(`
| request                              | none | participant | other participant | facilitator | other facilitator |
| GET /api/info                        | 200  | 200         | 200               | 200         | 200               |
| GET /api/health                      | 200  | 200         | 200               | 200         | 200               |
| GET /api/join/{code}                 | 200  | 200         | 200               | 200         | 200               |
| GET /api/published/{A}               | 200  | 200         | 200               | 200         | 200               |
| GET /api/events/{A}/export.md        | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/export.csv       | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/export.json      | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/export.pdf       | 403  | 403         | 403               | 404         | 403               |
| GET /api/events/{A}/export.docx      | 403  | 403         | 403               | 404         | 403               |
| GET /api/events/{A}/proceedings.md   | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/proceedings.json | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/proceedings.csv  | 403  | 403         | 403               | 404         | 403               |
| GET /api/events/{A}/proceedings.pdf  | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/proceedings.docx | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/proceedings.docx?lang=ar | 403 | 403 | 403 | 200 | 403 |
| GET /api/events/{A}/proceedings.md?lang=de | 403 | 403 | 403 | 400 | 403 |
| GET /api/events/{A}/harvest.md       | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/harvest.csv      | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/harvest.json     | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/harvest.pdf      | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/harvest.docx     | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/live-themes      | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{A}/template.json    | 403  | 403         | 403               | 200         | 403               |
| GET /api/events/{B}/export.json      | 403  | 403         | 403               | 403         | 200               |
| GET /api/events/{B}/template.json    | 403  | 403         | 403               | 403         | 200               |
| GET /api/events/{B}/proceedings.md   | 403  | 403         | 403               | 403         | 404               |
| GET /api/events/{B}/harvest.md       | 403  | 403         | 403               | 403         | 404               |
| GET /api/events/{B}/live-themes      | 403  | 403         | 403               | 403         | 200               |
| DELETE /api/events/{A}               | 403  | 403         | 403               | ·           | 403               |
| DELETE /api/events/{B}               | 403  | 403         | 403               | 403         | ·                 |
`);
      // The public page holds no names and no hidden note; the facilitator's own copy has names.
      const page = await request('GET', `/api/published/${A.eventId}`);
      for (const words of [...NAMES, HIDDEN, 'Wren Holt']) expect(page.body).not.toContain(words);
      const own = await request('GET', `/api/events/${A.eventId}/export.csv`, A.token);
      expect(own.body).toContain(p.name);
      expect(own.body).not.toContain('A bench on the hill');
      // Taken down, the page is gone for everyone again.
      await ok(A.sender, 'harvest.publish', { published: false });
      for (const credential of CREDENTIALS)
        expect((await request('GET', `/api/published/${A.eventId}`, tokenOf(credential))).status).toBe(404);
    });

    it('every action in the registry was accepted from someone allowed to send it', () => {
      expect([...accepted].sort()).toEqual([...COMMAND_NAMES].sort());
    });
  });
});
