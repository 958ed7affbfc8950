/**
 * The Open Space over real sockets against the real server process: the marketplace, the agenda
 * wall, who may do what, merging, the law of two feet (presence), session notes, convergence
 * votes, action plans, the book of proceedings and resent actions.
 */
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { ranking } from '../lib/openspace/convergence';
import type { OpenSpaceState } from '../lib/openspace/state';
import type { EventRecord } from '../lib/records';
import { foldLog } from '../lib/reducer';
import type { EventSettings } from '../lib/settings';
import { type EventState, notesInOrder, peopleOf } from '../lib/state';
import { type Phone, STORES, useServer } from './testing/fixture';
import { type Client, newToken } from './testing/harness';

describe.each(STORES)('an Open Space on the %s store', (store) => {
  // Presence expires quickly, so the "who is here" checks need not wait long.
  const server = useServer({ store, env: { PRESENCE_TIMEOUT_MS: '400' } });
  const connect = () => server.connect();
  const facilitator = server.facilitator;
  const phone = server.phone;

  /** Slot 0 and 2 hold sessions, slot 1 is the coffee break; two spaces. */
  const openSpaceSettings = (): EventSettings => ({
    title: 'Greener town',
    purpose: 'Finding what we can do together',
    tables: null,
    rounds: [],
    identity: 'choice',
    openSpace: {
      theme: 'How do we make our town greener',
      slots: [
        { start: '09:00', end: '10:00', isBreak: false, label: 'Morning' },
        { start: '10:00', end: '10:30', isBreak: true, label: 'Coffee' },
        { start: '10:30', end: '11:30', isBreak: false, label: 'Late morning' },
      ],
      spaces: [
        { name: 'Garden', capacity: 20, notes: '' },
        { name: 'Library', capacity: null, notes: 'has a screen' },
      ],
      selfScheduling: true,
      votesPerPerson: 3,
    },
  });

  /** An Open Space only event, created over HTTP, opened by its facilitator, with four phones in. */
  async function openSpace({ marketplace = true } = {}) {
    const event = await server.createCafe(openSpaceSettings());
    const f = await facilitator(event.eventId, event.facilitatorToken);
    const phones: Phone[] = [];
    for (const name of ['Ann', 'Bo', 'Cy', 'Di']) phones.push(await phone(event.joinCode, name));
    if (marketplace) expect(await f.act('marketplace.open', {})).toMatchObject({ ok: true });
    const [a, b, c, d] = phones;
    if (!a || !b || !c || !d) throw new Error('no phones');
    return { event, f, phones, a, b, c, d };
  }

  /** The facilitator's whole log, folded the way every client folds it. */
  async function stateOf(
    f: Client,
  ): Promise<{ state: EventState; os: OpenSpaceState; records: EventRecord[] }> {
    const sync = await f.send('sync', { since: 0 });
    if (!sync.ok) throw new Error('sync failed');
    const state = foldLog(sync.records);
    if (!state?.openSpace) throw new Error('no Open Space state');
    return { state, os: state.openSpace, records: sync.records };
  }

  /** Propose a session and return its id (a session's id is the id of the action that proposed it). */
  async function propose(
    who: Client,
    title: string,
    place: { slot: number | null; space: number | null } = { slot: null, space: null },
  ) {
    const id = `s_${title.replace(/\W+/g, '_').slice(0, 40)}_${Math.random().toString(36).slice(2, 8)}`;
    const reply = await who.act(
      'session.propose',
      { title, description: '', anonymous: false, ...place },
      id,
    );
    expect(reply, `propose ${title}`).toMatchObject({ ok: true, duplicate: false });
    return id;
  }

  const refused = (code: string) => ({ ok: false, error: { code } });
  const isProposal = (sessionId: string) => (r: EventRecord) =>
    r.type === 'session.proposed' && r.payload.sessionId === sessionId;

  const report = (sessionId: string, keyPoints: string) => ({
    sessionId,
    keyPoints,
    questions: '',
    actions: '',
    attendance: 5,
    names: '',
  });

  describe('an Open Space over real sockets', () => {
    it('an Open Space only event is created over HTTP, opened by the facilitator, and phones join', async () => {
      const { f, phones } = await openSpace({ marketplace: false });
      const { state, os } = await stateOf(f);
      expect(state.settings.rounds).toEqual([]);
      expect(state.part).toBe('openSpace');
      expect(os.marketplaceOpen).toBe(false);
      expect(os.stage).toBe('agenda');
      expect(
        peopleOf(state)
          .map((p) => p.id)
          .sort(),
      ).toEqual(phones.map((p) => p.id).sort());
    });

    it('proposals are refused while the marketplace is closed, accepted once open, and everyone sees them live', async () => {
      const { f, phones, a } = await openSpace({ marketplace: false });
      const early = await a.client.act('session.propose', {
        title: 'Too early',
        description: '',
        anonymous: false,
      });
      expect(early).toMatchObject(refused('wrong_state'));

      expect(await f.act('marketplace.open', {})).toMatchObject({ ok: true });
      const id = await propose(a.client, 'Trees along the river');
      await f.waitFor(isProposal(id));
      for (const p of phones) await p.client.waitFor(isProposal(id));

      expect(await f.act('marketplace.close', {})).toMatchObject({ ok: true });
      const late = await a.client.act('session.propose', {
        title: 'Too late',
        description: '',
        anonymous: false,
      });
      expect(late).toMatchObject(refused('wrong_state'));
      const { os } = await stateOf(f);
      expect(os.sessionOrder).toEqual([id]);
      expect(os.sessions[id]?.conveners).toEqual([a.id]);
    });

    it('a phone places its proposal in a free place; a taken place and a break are refused', async () => {
      const { f, a, b } = await openSpace();
      const first = await propose(a.client, 'Community compost', { slot: 0, space: 0 });

      // Proposing straight into a taken place, or into the coffee break.
      expect(
        await b.client.act('session.propose', {
          title: 'Bike lanes',
          description: '',
          anonymous: false,
          slot: 0,
          space: 0,
        }),
      ).toMatchObject(refused('wrong_state'));
      expect(
        await b.client.act('session.propose', {
          title: 'Bike lanes',
          description: '',
          anonymous: false,
          slot: 1,
          space: 0,
        }),
      ).toMatchObject(refused('wrong_state'));

      // Proposing unplaced, then moving onto the wall.
      const second = await propose(b.client, 'Bike lanes');
      const move = (slot: number, space: number) =>
        b.client.act('session.move', { sessionId: second, slot, space });
      expect(await move(0, 0)).toMatchObject(refused('wrong_state'));
      expect(await move(1, 1)).toMatchObject(refused('wrong_state'));
      expect(await move(0, 1)).toMatchObject({ ok: true });

      const { os } = await stateOf(f);
      expect(os.sessions[first]).toMatchObject({ slot: 0, space: 0 });
      expect(os.sessions[second]).toMatchObject({ slot: 0, space: 1 });
    });

    it('a participant cannot move or merge someone else’s session, nor write its report unless handed it', async () => {
      const { f, a, b, c } = await openSpace();
      const mine = await propose(a.client, 'Rain gardens', { slot: 0, space: 0 });
      const theirs = await propose(b.client, 'Green roofs', { slot: 2, space: 0 });

      expect(await b.client.act('session.move', { sessionId: mine, slot: 2, space: 1 })).toMatchObject(
        refused('not_allowed'),
      );
      expect(
        await b.client.act('session.move', { sessionId: theirs, slot: 0, space: 0, swap: true }),
      ).toMatchObject(refused('not_allowed'));
      expect(await b.client.act('session.merge', { sessionId: theirs, into: mine })).toMatchObject(
        refused('not_allowed'),
      );
      expect(await c.client.act('session.report', report(mine, 'Not mine to write'))).toMatchObject(
        refused('not_allowed'),
      );

      // The convener hands the report to Cy, who can then write it; Bo still cannot.
      expect(await a.client.act('session.handover', { sessionId: mine, participantId: c.id })).toMatchObject({
        ok: true,
      });
      expect(await c.client.act('session.report', report(mine, 'Plant more trees'))).toMatchObject({
        ok: true,
      });
      expect(await b.client.act('session.report', report(mine, 'Hijacked'))).toMatchObject(
        refused('not_allowed'),
      );
      // Only a convener (or a facilitator) hands the report over.
      expect(await b.client.act('session.handover', { sessionId: mine, participantId: b.id })).toMatchObject(
        refused('not_allowed'),
      );

      const { os } = await stateOf(f);
      expect(os.sessions[mine]?.reporters).toEqual([c.id]);
      expect(os.sessions[mine]?.report?.keyPoints).toBe('Plant more trees');
    });

    it('the facilitator moves any session and swaps two; a taken place without swap is refused', async () => {
      const { f, a, b } = await openSpace();
      const one = await propose(a.client, 'Seed library', { slot: 0, space: 0 });
      const two = await propose(b.client, 'Repair cafe', { slot: 2, space: 1 });

      expect(await f.act('session.move', { sessionId: one, slot: 2, space: 0 })).toMatchObject({ ok: true });
      expect(await f.act('session.move', { sessionId: one, slot: 2, space: 1 })).toMatchObject(
        refused('wrong_state'),
      );
      expect(await f.act('session.move', { sessionId: one, slot: 1, space: 1 })).toMatchObject(
        refused('wrong_state'),
      );
      expect(await f.act('session.move', { sessionId: one, slot: 2, space: 1, swap: true })).toMatchObject({
        ok: true,
      });
      const moved = await b.client.waitFor(
        (r) => r.type === 'session.moved' && r.payload.sessionId === one && r.payload.swappedWith === two,
      );
      expect(moved.actor).toEqual({ role: 'facilitator' });

      const { os } = await stateOf(f);
      expect(os.sessions[one]).toMatchObject({ slot: 2, space: 1 });
      expect(os.sessions[two]).toMatchObject({ slot: 2, space: 0 });
    });

    it('only facilitators open the marketplace, announce and change the stage', async () => {
      const { f, phones, a } = await openSpace({ marketplace: false });
      for (const [type, payload] of [
        ['marketplace.open', {}],
        ['marketplace.close', {}],
        ['announce', { text: 'Lunch is ready' }],
        ['stage.set', { stage: 'convergence' }],
        ['session.merge', { sessionId: 'aaaaaaaa', into: 'bbbbbbbb' }],
        ['event.part', { part: 'openSpace' }],
      ] as const) {
        expect(await a.client.act(type, payload), type).toMatchObject(refused('not_allowed'));
      }
      expect(await f.act('announce', { text: 'Lunch is ready' })).toMatchObject({ ok: true });
      for (const p of phones)
        await p.client.waitFor((r) => r.type === 'announcement.made' && r.payload.text === 'Lunch is ready');
      expect(await f.act('stage.set', { stage: 'convergence' })).toMatchObject({ ok: true });
      expect(await f.act('stage.set', { stage: 'convergence' })).toMatchObject(refused('wrong_state'));
      const { os, state } = await stateOf(f);
      expect(os.stage).toBe('convergence');
      expect(os.marketplaceOpen).toBe(false);
      expect(state.announcements.map((x) => x.text)).toEqual(['Lunch is ready']);
    });

    it('a merge keeps both conveners, and the merged-in convener may then write the report', async () => {
      const { f, a, b } = await openSpace();
      const into = await propose(a.client, 'Urban bees', { slot: 0, space: 0 });
      const from = await propose(b.client, 'Pollinator meadows');
      expect(await f.act('session.merge', { sessionId: from, into })).toMatchObject({ ok: true });

      const { os, records } = await stateOf(f);
      expect(records.some((r) => r.type === 'session.merged' && r.payload.into === into)).toBe(true);
      expect(os.sessions[into]?.conveners).toEqual([a.id, b.id]);
      expect(os.sessions[from]?.mergedInto).toBe(into);
      expect(os.sessions[into]).toMatchObject({ slot: 0, space: 0 });

      expect(await b.client.act('session.report', report(into, 'Bees need flowers'))).toMatchObject({
        ok: true,
      });
      // The merged-away session is no longer on the agenda.
      expect(await b.client.act('session.report', report(from, 'Too late'))).toMatchObject(
        refused('wrong_state'),
      );
    });

    it('"I’m here" counts a person once, in their latest session, and a vanished phone stops counting', async () => {
      const { event, f, a, b, c } = await openSpace();
      const first = await propose(a.client, 'Car free Sundays', { slot: 0, space: 0 });
      const second = await propose(b.client, 'School gardens', { slot: 0, space: 1 });

      expect(await a.client.act('presence.here', { sessionId: first })).toMatchObject({ ok: true });
      expect(await a.client.act('presence.here', { sessionId: second })).toMatchObject({ ok: true });
      expect(await c.client.act('presence.here', { sessionId: first })).toMatchObject({ ok: true });
      for (const sessionId of [first, second])
        await b.client.waitFor(
          (r) =>
            r.type === 'presence.here' &&
            r.payload.participantId === a.id &&
            r.payload.sessionId === sessionId,
        );

      let { os } = await stateOf(f);
      const count = (o: OpenSpaceState, sessionId: string) =>
        Object.values(o.presence).filter((s) => s === sessionId).length;
      expect(os.presence[a.id]).toBe(second);
      expect(count(os, first)).toBe(1); // Cy only
      expect(count(os, second)).toBe(1); // Ann, once

      // Cy's phone drops and comes straight back: still counted. Ann's phone goes for good.
      c.client.close();
      const cAgain = await connect();
      expect(await cAgain.send('join', { code: event.joinCode, token: c.token })).toMatchObject({
        ok: true,
        participantId: c.id,
      });
      a.client.close();
      const cleared = await f.waitFor(
        (r) => r.type === 'presence.cleared' && r.payload.participantId === a.id,
        10_000,
      );
      expect(cleared.actor).toEqual({ role: 'system' });
      await b.client.waitFor((r) => r.type === 'presence.cleared' && r.payload.participantId === a.id);

      ({ os } = await stateOf(f));
      expect(Object.hasOwn(os.presence, a.id)).toBe(false);
      expect(count(os, second)).toBe(0);
      // Cy's phone went away before Ann's and came back in time, so Cy was never cleared.
      expect(os.presence[c.id]).toBe(first);
      expect(f.received.some((r) => r.type === 'presence.cleared' && r.payload.participantId === c.id)).toBe(
        false,
      );
    });

    it('notes written in a session reach every phone (session notes are event-wide)', async () => {
      const { f, phones, a } = await openSpace();
      const s = await propose(a.client, 'Tool sharing', { slot: 2, space: 0 });
      const author = phones[3];
      if (!author) throw new Error('no phones');
      expect(
        await author.client.act('note.post', { text: 'A shed by the station', session: s }),
      ).toMatchObject({
        ok: true,
      });
      const isNote = (r: EventRecord) =>
        r.type === 'note.posted' && r.payload.text === 'A shed by the station' && r.payload.session === s;
      await f.waitFor(isNote);
      for (const p of phones) await p.client.waitFor(isNote);
      expect(
        await author.client.act('note.post', { text: 'Nowhere', session: 'no_such_session' }),
      ).toMatchObject(refused('not_found'));
      const { state } = await stateOf(f);
      const notes = notesInOrder(state).filter((n) => n.session === s);
      expect(notes.map((n) => [n.text, n.authorId])).toEqual([['A shed by the station', author.id]]);
    });

    it('votes beyond the allowance are refused, a vote can be withdrawn, and the ranking follows the dots', async () => {
      const { f, a, b, c, d } = await openSpace();
      const low = await propose(a.client, 'Solar panels', { slot: 0, space: 0 });
      const top = await propose(b.client, 'Wild verges', { slot: 0, space: 1 });
      const mid = await propose(c.client, 'Water fountains', { slot: 2, space: 0 });

      expect(await a.client.act('vote.cast', { sessionId: top })).toMatchObject(refused('wrong_state'));
      expect(await f.act('stage.set', { stage: 'convergence' })).toMatchObject({ ok: true });

      // Ann: two dots on "top", one on "mid"; a fourth is refused until one is taken back.
      for (const s of [top, top, mid])
        expect(await a.client.act('vote.cast', { sessionId: s })).toMatchObject({ ok: true });
      expect(await a.client.act('vote.cast', { sessionId: low })).toMatchObject(refused('wrong_state'));
      expect(await a.client.act('vote.remove', { sessionId: low })).toMatchObject(refused('not_found'));
      expect(await a.client.act('vote.remove', { sessionId: mid })).toMatchObject({ ok: true });
      expect(await a.client.act('vote.cast', { sessionId: low })).toMatchObject({ ok: true });
      // Bo: "top" and "mid" twice. Cy and Di: "mid" once each.
      for (const s of [top, mid, mid])
        expect(await b.client.act('vote.cast', { sessionId: s })).toMatchObject({ ok: true });
      for (const p of [c, d])
        expect(await p.client.act('vote.cast', { sessionId: mid })).toMatchObject({ ok: true });
      // The facilitator has no dots.
      expect(await f.act('vote.cast', { sessionId: top })).toMatchObject(refused('not_allowed'));

      const { os } = await stateOf(f);
      expect(os.votes[a.id]).toEqual({ [top]: 2, [low]: 1 });
      // Proposed last, yet first: the ranking is by dots, not by agenda order.
      expect(ranking(os)).toEqual([
        { sessionId: mid, dots: 4, voters: 3 },
        { sessionId: top, dots: 3, voters: 2 },
        { sessionId: low, dots: 1, voters: 1 },
      ]);
    });

    it('a phone proposes an action in the actions stage and another signs up', async () => {
      const { f, a, b } = await openSpace();
      const s = await propose(a.client, 'Community orchard', { slot: 0, space: 0 });
      const plan = { sessionId: s, title: 'Find a plot', nextStep: 'Ask the council', due: '2027-03-31' };
      expect(await a.client.act('action.propose', plan)).toMatchObject(refused('wrong_state'));
      expect(await f.act('stage.set', { stage: 'actions' })).toMatchObject({ ok: true });
      expect(await a.client.act('action.propose', plan, 'act_orchard_plot')).toMatchObject({ ok: true });
      await b.client.waitFor(
        (r) => r.type === 'action.proposed' && r.payload.actionId === 'act_orchard_plot',
      );
      expect(
        await b.client.act('action.signup', { actionId: 'act_orchard_plot', signedUp: true }),
      ).toMatchObject({
        ok: true,
      });
      expect(
        await b.client.act('action.signup', { actionId: 'act_orchard_plot', signedUp: true }),
      ).toMatchObject(refused('wrong_state'));
      const { os } = await stateOf(f);
      expect(os.actionOrder).toEqual(['act_orchard_plot']);
      expect(os.actions.act_orchard_plot).toMatchObject({ ...plan, owners: [a.id, b.id] });
    });

    it('the proceedings hold every report, the convergence result and the action plans, for the facilitator only', async () => {
      const { event, f, a, b, c, d } = await openSpace();
      const trees = await propose(a.client, 'Street trees', { slot: 0, space: 0 });
      const ponds = await propose(b.client, 'Wildlife ponds', { slot: 2, space: 1 });
      const unreported = await propose(d.client, 'Allotments');
      expect(await a.client.act('session.report', report(trees, 'Plant oaks on every street'))).toMatchObject(
        {
          ok: true,
        },
      );
      expect(await b.client.act('session.handover', { sessionId: ponds, participantId: c.id })).toMatchObject(
        {
          ok: true,
        },
      );
      expect(
        await c.client.act('session.report', {
          ...report(ponds, 'Dig a pond in the park'),
          questions: 'Who looks after it',
        }),
      ).toMatchObject({ ok: true });

      expect(
        await d.client.act('note.post', { text: 'Ask the school to help', session: trees }),
      ).toMatchObject({
        ok: true,
      });

      expect(await f.act('stage.set', { stage: 'convergence' })).toMatchObject({ ok: true });
      for (const p of [a, b, c])
        expect(await p.client.act('vote.cast', { sessionId: ponds })).toMatchObject({ ok: true });
      expect(await d.client.act('vote.cast', { sessionId: trees })).toMatchObject({ ok: true });

      expect(await f.act('stage.set', { stage: 'actions' })).toMatchObject({ ok: true });
      expect(
        await c.client.act(
          'action.propose',
          { sessionId: ponds, title: 'Ask the parks team', nextStep: 'Write a letter', due: null },
          'act_ponds_letter',
        ),
      ).toMatchObject({ ok: true });
      expect(
        await d.client.act('action.signup', { actionId: 'act_ponds_letter', signedUp: true }),
      ).toMatchObject({
        ok: true,
      });

      const base = `${server.url}/api/events/${event.eventId}/proceedings`;
      const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

      const md = await fetch(`${base}.md`, auth(event.facilitatorToken));
      expect(md.status).toBe(200);
      expect(md.headers.get('content-type')).toContain('text/markdown');
      const text = await md.text();
      for (const words of [
        'Street trees',
        'Wildlife ponds',
        'Allotments',
        'Plant oaks on every street',
        'Dig a pond in the park',
        'Who looks after it',
        'Ask the school to help',
        '## Convergence: what matters most',
        '1. Wildlife ponds: 3 dots from 3 people',
        '2. Street trees: 1 dot from 1 person',
        '## Action plans',
        'Ask the parks team',
        'Write a letter',
        'Owners: Cy and Di',
      ])
        expect(text, words).toContain(words);

      const json = await fetch(`${base}.json`, auth(event.facilitatorToken));
      expect(json.status).toBe(200);
      const p = (await json.json()) as {
        sessions: {
          id: string;
          report: { keyPoints: string } | null;
          conveners: string[];
          notes: string[];
        }[];
        convergence: { sessionId: string; dots: number; voters: number }[];
        actions: { title: string; session: string; nextStep: string; owners: string[] }[];
      };
      const byId = Object.fromEntries(p.sessions.map((s) => [s.id, s]));
      expect(byId[trees]?.report?.keyPoints).toBe('Plant oaks on every street');
      expect(byId[ponds]?.report?.keyPoints).toBe('Dig a pond in the park');
      expect(byId[ponds]?.conveners).toEqual(['Bo']);
      expect(byId[trees]?.notes).toEqual(['Ask the school to help']);
      expect(byId[unreported]?.report).toBeNull();
      expect(p.convergence.slice(0, 2)).toEqual([
        expect.objectContaining({ sessionId: ponds, dots: 3, voters: 3 }),
        expect.objectContaining({ sessionId: trees, dots: 1, voters: 1 }),
      ]);
      expect(p.actions).toEqual([
        {
          title: 'Ask the parks team',
          session: 'Wildlife ponds',
          nextStep: 'Write a letter',
          due: null,
          owners: ['Cy', 'Di'],
        },
      ]);

      // Nobody else: no token, a phone's own token, a made-up one, or another event's facilitator.
      const other = await server.createCafe(openSpaceSettings());
      for (const fmt of ['md', 'json']) {
        expect((await fetch(`${base}.${fmt}`, auth(other.facilitatorToken))).status).toBe(403);
        expect((await fetch(`${base}.${fmt}`)).status).toBe(403);
        expect((await fetch(`${base}.${fmt}`, auth(a.token))).status).toBe(403);
        expect((await fetch(`${base}.${fmt}`, auth(newToken()))).status).toBe(403);
      }
    });

    /** A session with a report and an action plan: Ann convenes “Street trees”, Di signs up. */
    async function reportedDay() {
      const day = await openSpace();
      const { f, a, d } = day;
      const trees = await propose(a.client, 'Street trees', { slot: 0, space: 0 });
      expect(
        await a.client.act('session.report', {
          ...report(trees, 'Plant oaks on every street'),
          attendance: 7,
          names: 'Ann, Di',
        }),
      ).toMatchObject({ ok: true });
      expect(
        await d.client.act('note.post', { text: 'Ask the school to help', session: trees }),
      ).toMatchObject({
        ok: true,
      });
      expect(await f.act('stage.set', { stage: 'actions' })).toMatchObject({ ok: true });
      expect(
        await a.client.act(
          'action.propose',
          { sessionId: trees, title: 'Tree map', nextStep: 'Write to the council', due: '2026-07-01' },
          'act_tree_map',
        ),
      ).toMatchObject({ ok: true });
      expect(await d.client.act('action.signup', { actionId: 'act_tree_map', signedUp: true })).toMatchObject(
        {
          ok: true,
        },
      );
      return { ...day, trees };
    }

    it('the proceedings come as PDF and Word too, in English, Polish or Arabic, for the facilitators only', async () => {
      const { event, a } = await reportedDay();
      const base = `${server.url}/api/events/${event.eventId}/proceedings`;
      const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
      const get = (path: string, token = event.facilitatorToken) => fetch(`${base}${path}`, auth(token));

      const pdf = await get('.pdf?lang=pl');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toBe(
        'attachment; filename="greener-town-proceedings.pdf"',
      );
      const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      await parser.destroy();
      for (const words of [
        'księga podsumowań',
        'Street trees',
        'Plant oaks on every street',
        'Termin: środa, 1 lipca 2026',
      ])
        expect(text, words).toContain(words);

      const docx = await get('.docx?lang=ar');
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const zip = await JSZip.loadAsync(await docx.arrayBuffer());
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('كتاب الجلسات');
      expect(xml).toContain('<w:bidi/>');
      expect(xml).toContain('Plant oaks on every street');

      const md = await (await get('.md?lang=ar')).text();
      // People's English words sit between left-to-right marks in the Arabic book.
      expect(md).toContain('# \u200eGreener town\u200e: كتاب الجلسات');
      expect(md).toContain('المسؤولون: \u200eAnn\u200e و\u200eDi\u200e');
      // No language asked for: English.
      expect(await (await get('.md')).text()).toContain('# Greener town: book of proceedings');

      // A language not offered is refused, and said so; a CSV of the proceedings does not exist.
      for (const lang of ['de', 'EN', 'english']) {
        const bad = await get(`.pdf?lang=${lang}`);
        expect(bad.status, lang).toBe(400);
        expect(await bad.json()).toMatchObject({
          ok: false,
          error: { code: 'invalid_message', message: 'lang is one of en, pl, ar (the default is en).' },
        });
      }
      expect(await (await get('.csv')).json()).toMatchObject({
        error: { code: 'not_found', message: 'The proceedings come as PDF, Word, Markdown or JSON.' },
      });

      // Nobody else, in any language: no token, a phone's own, a made-up one, another event's
      // facilitator (few tries: each wrong one spends from this address's budget of guesses).
      const other = await server.createCafe(openSpaceSettings());
      expect((await get('.pdf', other.facilitatorToken)).status).toBe(403);
      expect((await fetch(`${base}.docx?lang=pl`)).status).toBe(403);
      expect((await get('.docx?lang=pl', a.token)).status).toBe(403);
      expect((await get('.md?lang=ar', newToken())).status).toBe(403);
    });

    it('once published, the public page carries the proceedings without a name or a note', async () => {
      const { event, f, trees } = await reportedDay();
      const page = () => server.get(`/api/published/${event.eventId}`);
      expect((await page()).status).toBe(404);
      expect(await f.act('harvest.start', { votesPerPerson: 3 })).toMatchObject({ ok: true });
      expect((await page()).status).toBe(404);
      expect(await f.act('harvest.publish', { published: true })).toMatchObject({ ok: true });

      const res = await page();
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as { proceedings: unknown };
      expect(body.proceedings).toEqual({
        theme: 'How do we make our town greener',
        sessions: [
          {
            id: trees,
            title: 'Street trees',
            description: '',
            when: '09:00–10:00',
            space: 'Garden',
            report: { keyPoints: 'Plant oaks on every street', questions: '', actions: '', attendance: 7 },
            plans: [{ title: 'Tree map', nextStep: 'Write to the council', due: '2026-07-01', owners: 2 }],
          },
        ],
      });
      // The names in the report and the owners' names are nowhere on the page.
      for (const name of ['Ann', 'Di']) expect(text, name).not.toMatch(new RegExp(`\\b${name}\\b`));

      // Taken down, it is gone with the harvest.
      expect(await f.act('harvest.publish', { published: false })).toMatchObject({ ok: true });
      expect((await page()).status).toBe(404);
    });

    it('a resent action id from the same phone creates no duplicate session', async () => {
      const { f, a, b } = await openSpace();
      const proposal = { title: 'Said once', description: '', anonymous: false };
      const first = await a.client.act('session.propose', proposal, 'resend_session_01');
      const again = await a.client.act('session.propose', proposal, 'resend_session_01');
      expect(first).toMatchObject({ ok: true, duplicate: false });
      expect(again).toMatchObject({ ok: true, duplicate: true });
      if (!first.ok || !again.ok) throw new Error('unreachable');
      expect(again.seq).toBe(first.seq);
      // Somebody else reusing the id is told so.
      expect(await b.client.act('session.propose', proposal, 'resend_session_01')).toMatchObject(
        refused('invalid_message'),
      );
      const { os, records } = await stateOf(f);
      expect(records.filter((r) => r.type === 'session.proposed')).toHaveLength(1);
      expect(os.sessionOrder).toEqual(['resend_session_01']);
      // The push may still be on its way (through Redis): wait for it, then make sure no second
      // copy follows.
      await expect.poll(() => a.client.received.filter(isProposal('resend_session_01')).length).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(a.client.received.filter(isProposal('resend_session_01'))).toHaveLength(1);
    });
  });
});
