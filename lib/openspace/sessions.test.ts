/**
 * The Open Space as the server runs it: every command goes through the same steps as the server
 * (look up, check who may ask, validate, decide, number the record, reduce), so these tests see
 * what a facilitator and the people walking between sessions would see.
 */

import { describe, expect, it } from 'vitest';
import { currentAnnouncement } from '../announcements';
import { foldLog, reduce } from '../reducer';
import { noteById } from '../state';
import {
  COFFEE,
  EventUnderTest,
  FACILITATOR,
  GARDEN,
  HALL,
  LIBRARY,
  MIDDAY,
  MIN,
  MORNING,
  marketplace,
  OPEN_SPACE_PEOPLE,
  openSpaceSettings,
  person,
  SHORT_CAFE,
} from '../testing/events';
import { nextStep, projectorPhase } from './view';

describe('moving between the café and the Open Space', () => {
  const both = () => openSpaceSettings(SHORT_CAFE);

  it('starts with the café when there is one, and the facilitator switches to the Open Space and back', () => {
    const ev = new EventUnderTest(both());
    expect(ev.state.part).toBe('cafe');
    const rec = ev.facilitate('event.part', { part: 'openSpace' });
    expect(rec).toMatchObject({ type: 'event.part', payload: { part: 'openSpace' }, actor: FACILITATOR });
    expect(ev.state.part).toBe('openSpace');
    ev.facilitate('event.part', { part: 'cafe' });
    expect(ev.state.part).toBe('cafe');
  });

  it('an Open-Space-only event starts in the Open Space', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    expect(ev.state.part).toBe('openSpace');
    expect(ev.os).toMatchObject({ marketplaceOpen: false, stage: 'agenda', sessionOrder: [] });
  });

  it('refuses to leave the café while a round is running or paused, and allows it once the round ends', () => {
    const ev = new EventUnderTest(both());
    for (const [id, name] of OPEN_SPACE_PEOPLE) ev.join(id, name);
    ev.facilitate('seating.plan', {});
    ev.later(MIN).facilitate('round.start', {});
    const running = ev.refusal(FACILITATOR, 'event.part', { part: 'openSpace' });
    expect(running.code).toBe('wrong_state');
    expect(running.message).toMatch(/End the café round/);
    ev.later(MIN).facilitate('round.pause', {});
    expect(ev.refusal(FACILITATOR, 'event.part', { part: 'openSpace' }).code).toBe('wrong_state');
    ev.later(MIN).facilitate('round.end', {});
    ev.facilitate('event.part', { part: 'openSpace' });
    expect(ev.state.part).toBe('openSpace');
  });

  it('refuses a part the event does not have', () => {
    const osOnly = new EventUnderTest(openSpaceSettings());
    const noCafe = osOnly.refusal(FACILITATOR, 'event.part', { part: 'cafe' });
    expect(noCafe).toMatchObject({ code: 'wrong_state', message: 'This event has no café.' });

    const cafeOnly = new EventUnderTest(openSpaceSettings({ ...SHORT_CAFE, openSpace: null }));
    expect(cafeOnly.state.openSpace).toBeNull();
    const noOs = cafeOnly.refusal(FACILITATOR, 'event.part', { part: 'openSpace' });
    expect(noOs).toMatchObject({ code: 'wrong_state', message: 'This event has no Open Space.' });
    // Nor can anything Open Space happen there.
    expect(cafeOnly.refusal(FACILITATOR, 'marketplace.open', {}).code).toBe('wrong_state');
  });

  it('only the facilitator switches parts', () => {
    const ev = new EventUnderTest(both());
    ev.join('p1', 'Ada');
    expect(ev.refusal(person('p1'), 'event.part', { part: 'openSpace' }).code).toBe('not_allowed');
  });
});

describe('the marketplace', () => {
  it('is closed at first; the facilitator opens and closes it', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    ev.join('p1', 'Ada');
    expect(ev.os.marketplaceOpen).toBe(false);
    ev.facilitate('marketplace.open', {});
    expect(ev.os.marketplaceOpen).toBe(true);
    ev.facilitate('marketplace.close', {});
    expect(ev.os.marketplaceOpen).toBe(false);
    expect(ev.refusal(person('p1'), 'marketplace.open', {}).code).toBe('not_allowed');
  });

  it('refuses proposals from participants while it is closed, but a facilitator may still add one', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    ev.join('p1', 'Ada');
    const closed = ev.refusal(person('p1'), 'session.propose', {
      title: 'Safe routes to school',
      description: '',
      anonymous: false,
    });
    expect(closed.code).toBe('wrong_state');
    expect(closed.message).toMatch(/marketplace is closed/);

    const id = ev.propose(null, 'Welcome and how the day works');
    expect(ev.session(id)).toMatchObject({ title: 'Welcome and how the day works', conveners: [] });
  });

  it('puts a new proposal on the marketplace with its convener, off the wall until placed', () => {
    const ev = marketplace();
    ev.later(MIN);
    const rec = ev.run(person('p1'), 'session.propose', {
      title: '  Safe routes to school  ',
      description: 'Walking buses, crossings.',
      anonymous: false,
    });
    expect(rec.type).toBe('session.proposed');
    expect(ev.os.sessionOrder).toEqual([rec.id]);
    expect(ev.session(rec.id)).toEqual({
      id: rec.id,
      title: 'Safe routes to school',
      description: 'Walking buses, crossings.',
      conveners: ['p1'],
      anonymous: false,
      slot: null,
      space: null,
      interested: [],
      reporters: [],
      report: null,
      mergedInto: null,
      cancelled: false,
      proposedAt: ev.now,
    });
  });

  it('refuses a proposal without a title', () => {
    const ev = marketplace();
    const err = ev.refusal(person('p1'), 'session.propose', {
      title: '   ',
      description: '',
      anonymous: false,
    });
    expect(err.code).toBe('invalid_message');
  });

  it('lets people choose to stay anonymous when the event leaves it to them', () => {
    const ev = marketplace();
    const hidden = ev.propose('p1', 'Who owns the pavements?', { anonymous: true });
    const named = ev.propose('p2', 'Benches everywhere');
    expect(ev.session(hidden)).toMatchObject({ anonymous: true, conveners: ['p1'] });
    expect(ev.session(named).anonymous).toBe(false);
  });

  it('makes every proposal anonymous in an anonymous event, whatever was asked', () => {
    const ev = marketplace(openSpaceSettings({ identity: 'anonymous' }));
    const id = ev.propose('p1', 'Who owns the pavements?', { anonymous: false });
    expect(ev.session(id).anonymous).toBe(true);
  });

  it('refuses an anonymous proposal in an event that asks conveners for their names', () => {
    const ev = new EventUnderTest(openSpaceSettings({ identity: 'named' }));
    ev.join('p1', 'Ada');
    ev.facilitate('marketplace.open', {});
    const err = ev.refusal(person('p1'), 'session.propose', {
      title: 'Who owns the pavements?',
      description: '',
      anonymous: true,
    });
    expect(err).toMatchObject({
      code: 'not_allowed',
      message: 'This event asks conveners to give their name.',
    });
    const id = ev.propose('p1', 'Who owns the pavements?', { anonymous: false });
    expect(ev.session(id).anonymous).toBe(false);
  });

  describe('putting your own proposal on the wall (self-scheduling)', () => {
    it('places it straight into a free slot and space', () => {
      const ev = marketplace();
      const id = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: LIBRARY });
      expect(ev.session(id)).toMatchObject({ slot: MORNING, space: LIBRARY });
    });

    it('refuses a break', () => {
      const ev = marketplace();
      const err = ev.refusal(person('p1'), 'session.propose', {
        title: 'Safe routes to school',
        description: '',
        anonymous: false,
        slot: COFFEE,
        space: GARDEN,
      });
      expect(err).toMatchObject({
        code: 'wrong_state',
        message: '11:00–11:30 is a break; choose another time.',
      });
    });

    it('refuses a place already taken, saying where and by what', () => {
      const ev = marketplace();
      ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: LIBRARY });
      const err = ev.refusal(person('p1'), 'session.propose', {
        title: 'Safe routes to school',
        description: '',
        anonymous: false,
        slot: MORNING,
        space: LIBRARY,
      });
      expect(err).toMatchObject({
        code: 'wrong_state',
        message: 'Library at 10:00 is taken by “Benches everywhere”.',
      });
      // The same space later in the day is free.
      const id = ev.propose('p1', 'Safe routes to school', { slot: MIDDAY, space: LIBRARY });
      expect(ev.session(id)).toMatchObject({ slot: MIDDAY, space: LIBRARY });
    });

    it('refuses half a place, or a place that does not exist', () => {
      const ev = marketplace();
      const half = ev.refusal(person('p1'), 'session.propose', {
        title: 'Safe routes to school',
        description: '',
        anonymous: false,
        slot: MORNING,
      });
      expect(half.code).toBe('invalid_message');
      const noSlot = ev.refusal(person('p1'), 'session.propose', {
        title: 'Safe routes to school',
        description: '',
        anonymous: false,
        slot: 7,
        space: GARDEN,
      });
      expect(noSlot).toMatchObject({ code: 'not_found', message: 'There is no time slot 8.' });
      const noSpace = ev.refusal(person('p1'), 'session.propose', {
        title: 'Safe routes to school',
        description: '',
        anonymous: false,
        slot: MORNING,
        space: 5,
      });
      expect(noSpace).toMatchObject({ code: 'not_found', message: 'There is no space 6.' });
    });

    it('is refused when the facilitator places sessions at this event, though the facilitator still can', () => {
      const ev = marketplace(openSpaceSettings({}, { selfScheduling: false }));
      const err = ev.refusal(person('p1'), 'session.propose', {
        title: 'Safe routes to school',
        description: '',
        anonymous: false,
        slot: MORNING,
        space: GARDEN,
      });
      expect(err.code).toBe('not_allowed');
      expect(err.message).toMatch(/facilitator places sessions/);
      // Proposing without a place is still fine, and the facilitator may place directly.
      ev.propose('p1', 'Safe routes to school');
      const id = ev.propose(null, 'Opening circle notes', { slot: MORNING, space: GARDEN });
      expect(ev.session(id)).toMatchObject({ slot: MORNING, space: GARDEN });
    });
  });
});

describe('changing a proposal', () => {
  it('lets its convener and the facilitator edit it, and nobody else', () => {
    const ev = marketplace();
    const id = ev.propose('p1', 'Safe routes');
    ev.run(person('p1'), 'session.edit', {
      sessionId: id,
      title: 'Safe routes to school',
      description: 'Walking buses',
    });
    expect(ev.session(id)).toMatchObject({ title: 'Safe routes to school', description: 'Walking buses' });
    ev.facilitate('session.edit', {
      sessionId: id,
      title: 'Safe routes to school (ages 5–11)',
      description: 'x',
    });
    expect(ev.session(id).title).toBe('Safe routes to school (ages 5–11)');
    const err = ev.refusal(person('p2'), 'session.edit', {
      sessionId: id,
      title: 'Mine now',
      description: '',
    });
    expect(err).toMatchObject({ code: 'not_allowed' });
    expect(
      ev.refusal(person('p1'), 'session.edit', { sessionId: 'nope', title: 'x', description: '' }).code,
    ).toBe('not_found');
  });

  it('refuses to edit a cancelled session', () => {
    const ev = marketplace();
    const id = ev.propose('p1', 'Safe routes');
    ev.run(person('p1'), 'session.cancel', { sessionId: id });
    const err = ev.refusal(person('p1'), 'session.edit', {
      sessionId: id,
      title: 'Back again',
      description: '',
    });
    expect(err).toMatchObject({ code: 'wrong_state', message: 'That session was cancelled.' });
  });
});

describe('the agenda wall', () => {
  it('the facilitator moves anyone’s session to a free place', () => {
    const ev = marketplace();
    const id = ev.propose('p1', 'Safe routes to school');
    const rec = ev.facilitate('session.move', { sessionId: id, slot: MIDDAY, space: HALL });
    expect(rec).toMatchObject({
      type: 'session.moved',
      payload: { sessionId: id, slot: MIDDAY, space: HALL, swappedWith: null },
    });
    expect(ev.session(id)).toMatchObject({ slot: MIDDAY, space: HALL });
    ev.facilitate('session.move', { sessionId: id, slot: MORNING, space: GARDEN });
    expect(ev.session(id)).toMatchObject({ slot: MORNING, space: GARDEN });
  });

  it('a convener moves their own session when self-scheduling is on, but not other people’s', () => {
    const ev = marketplace();
    const mine = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const theirs = ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: GARDEN });
    ev.run(person('p1'), 'session.move', { sessionId: mine, slot: MORNING, space: HALL });
    expect(ev.session(mine)).toMatchObject({ slot: MORNING, space: HALL });
    const err = ev.refusal(person('p1'), 'session.move', {
      sessionId: theirs,
      slot: MORNING,
      space: LIBRARY,
    });
    expect(err).toMatchObject({
      code: 'not_allowed',
      message: 'Only a facilitator can move other people’s sessions.',
    });
  });

  it('a convener cannot move even their own session when the facilitator places sessions', () => {
    const ev = marketplace(openSpaceSettings({}, { selfScheduling: false }));
    const mine = ev.propose('p1', 'Safe routes to school');
    const err = ev.refusal(person('p1'), 'session.move', { sessionId: mine, slot: MORNING, space: HALL });
    expect(err.code).toBe('not_allowed');
    ev.facilitate('session.move', { sessionId: mine, slot: MORNING, space: HALL });
    expect(ev.session(mine)).toMatchObject({ slot: MORNING, space: HALL });
  });

  it('refuses a taken place with a message that offers swapping; asking to swap swaps the two', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: LIBRARY });
    const err = ev.refusal(FACILITATOR, 'session.move', { sessionId: a, slot: MIDDAY, space: LIBRARY });
    expect(err.code).toBe('wrong_state');
    expect(err.message).toBe(
      'Library at 11:30 is taken by “Benches everywhere”. Choose a free place, or swap the two sessions.',
    );
    expect(err.message).toMatch(/swap/);

    const rec = ev.facilitate('session.move', { sessionId: a, slot: MIDDAY, space: LIBRARY, swap: true });
    expect(rec.payload).toEqual({ sessionId: a, slot: MIDDAY, space: LIBRARY, swappedWith: b });
    expect(ev.session(a)).toMatchObject({ slot: MIDDAY, space: LIBRARY });
    expect(ev.session(b)).toMatchObject({ slot: MORNING, space: GARDEN });
  });

  it('swapping an unplaced session into a taken place takes the other one off the wall', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const b = ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: LIBRARY });
    ev.facilitate('session.move', { sessionId: a, slot: MIDDAY, space: LIBRARY, swap: true });
    expect(ev.session(a)).toMatchObject({ slot: MIDDAY, space: LIBRARY });
    expect(ev.session(b)).toMatchObject({ slot: null, space: null });
  });

  it('only a facilitator may swap with somebody else’s session; a convener may swap their own two', () => {
    const ev = marketplace();
    const mine = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const alsoMine = ev.propose('p1', 'Crossing times', { slot: MIDDAY, space: HALL });
    ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: LIBRARY });
    const err = ev.refusal(person('p1'), 'session.move', {
      sessionId: mine,
      slot: MIDDAY,
      space: LIBRARY,
      swap: true,
    });
    expect(err).toMatchObject({
      code: 'not_allowed',
      message: 'Only a facilitator can swap with somebody else’s session.',
    });
    ev.run(person('p1'), 'session.move', { sessionId: mine, slot: MIDDAY, space: HALL, swap: true });
    expect(ev.session(mine)).toMatchObject({ slot: MIDDAY, space: HALL });
    expect(ev.session(alsoMine)).toMatchObject({ slot: MORNING, space: GARDEN });
  });

  it('takes a session off the wall with no slot and no space, freeing its place', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    ev.facilitate('session.move', { sessionId: a, slot: null, space: null });
    expect(ev.session(a)).toMatchObject({ slot: null, space: null });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: GARDEN });
    expect(ev.session(b)).toMatchObject({ slot: MORNING, space: GARDEN });
  });

  it('refuses a move that gives only a slot or only a space', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const onlySlot = ev.refusal(FACILITATOR, 'session.move', { sessionId: a, slot: MIDDAY, space: null });
    expect(onlySlot).toMatchObject({
      code: 'invalid_message',
      message: 'Give both a time slot and a space, or neither.',
    });
    const onlySpace = ev.refusal(FACILITATOR, 'session.move', { sessionId: a, slot: null, space: HALL });
    expect(onlySpace.code).toBe('invalid_message');
  });

  it('refuses a move to where the session already is, or into a break', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const same = ev.refusal(FACILITATOR, 'session.move', { sessionId: a, slot: MORNING, space: GARDEN });
    expect(same).toMatchObject({ code: 'wrong_state', message: 'The session is already there.' });
    const unplaced = ev.propose('p2', 'Benches everywhere');
    expect(
      ev.refusal(FACILITATOR, 'session.move', { sessionId: unplaced, slot: null, space: null }).code,
    ).toBe('wrong_state');
    const coffee = ev.refusal(FACILITATOR, 'session.move', { sessionId: a, slot: COFFEE, space: GARDEN });
    expect(coffee.message).toMatch(/is a break/);
  });
});

describe('merging two sessions about the same thing', () => {
  /** Ada's and Ben's sessions, each with interest, a reporter, people present and dots. */
  function twoSimilar() {
    const ev = marketplace();
    const keep = ev.propose('p1', 'Safe routes to school', { description: 'Walking buses' });
    const gone = ev.propose('p2', 'Kids walking alone', {
      slot: MIDDAY,
      space: HALL,
      description: 'Crossings',
    });
    ev.run(person('p3'), 'session.interest', { sessionId: keep, interested: true });
    ev.run(person('p3'), 'session.interest', { sessionId: gone, interested: true });
    ev.run(person('p4'), 'session.interest', { sessionId: gone, interested: true });
    ev.run(person('p1'), 'session.handover', { sessionId: keep, participantId: 'p5' });
    ev.run(person('p2'), 'session.handover', { sessionId: gone, participantId: 'p4' });
    ev.run(person('p3'), 'presence.here', { sessionId: gone });
    ev.run(person('p4'), 'presence.here', { sessionId: gone });
    ev.run(person('p5'), 'presence.here', { sessionId: keep });
    ev.facilitate('stage.set', { stage: 'convergence' });
    ev.run(person('p3'), 'vote.cast', { sessionId: keep });
    ev.run(person('p3'), 'vote.cast', { sessionId: gone });
    ev.run(person('p4'), 'vote.cast', { sessionId: gone });
    ev.run(person('p4'), 'vote.cast', { sessionId: gone });
    return { ev, keep, gone };
  }

  it('keeps both conveners and joins interest, reporters and descriptions', () => {
    const { ev, keep, gone } = twoSimilar();
    const rec = ev.facilitate('session.merge', { sessionId: gone, into: keep });
    expect(rec.payload).toEqual({ sessionId: gone, into: keep });
    expect(ev.session(keep)).toMatchObject({
      conveners: ['p1', 'p2'],
      interested: ['p3', 'p4'],
      reporters: ['p5', 'p4'],
      description: 'Walking buses\n\nCrossings',
      mergedInto: null,
    });
    expect(ev.session(gone)).toMatchObject({ mergedInto: keep, slot: null, space: null });
  });

  it('moves the people present and their dots to the kept session', () => {
    const { ev, keep, gone } = twoSimilar();
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    expect(ev.here(keep)).toEqual(['p3', 'p4', 'p5']);
    expect(ev.here(gone)).toEqual([]);
    expect(ev.os.votes).toEqual({ p3: { [keep]: 2 }, p4: { [keep]: 2 } });
  });

  it('an unplaced kept session takes the other’s place on the wall', () => {
    const { ev, keep, gone } = twoSimilar();
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    expect(ev.session(keep)).toMatchObject({ slot: MIDDAY, space: HALL });
  });

  it('a placed kept session keeps its own place', () => {
    const ev = marketplace();
    const keep = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const gone = ev.propose('p2', 'Kids walking alone', { slot: MIDDAY, space: HALL });
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    expect(ev.session(keep)).toMatchObject({ slot: MORNING, space: GARDEN });
    // The merged-away session's place is free again.
    const next = ev.propose('p3', 'Dog walkers', { slot: MIDDAY, space: HALL });
    expect(ev.session(next)).toMatchObject({ slot: MIDDAY, space: HALL });
  });

  it('refuses merging a session with itself, or with one merged or cancelled already', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const b = ev.propose('p2', 'Kids walking alone');
    const c = ev.propose('p3', 'School gates');
    const d = ev.propose('p5', 'Lollipop people');
    expect(ev.refusal(FACILITATOR, 'session.merge', { sessionId: a, into: a })).toMatchObject({
      code: 'invalid_message',
      message: 'Choose two different sessions to merge.',
    });
    ev.facilitate('session.merge', { sessionId: b, into: a });
    expect(ev.refusal(FACILITATOR, 'session.merge', { sessionId: b, into: c })).toMatchObject({
      code: 'wrong_state',
      message: 'That session was merged into another one.',
    });
    expect(ev.refusal(FACILITATOR, 'session.merge', { sessionId: c, into: b }).code).toBe('wrong_state');
    ev.facilitate('session.cancel', { sessionId: d });
    expect(ev.refusal(FACILITATOR, 'session.merge', { sessionId: d, into: c })).toMatchObject({
      code: 'wrong_state',
      message: 'That session was cancelled.',
    });
    expect(ev.refusal(FACILITATOR, 'session.merge', { sessionId: c, into: d }).code).toBe('wrong_state');
    expect(ev.refusal(FACILITATOR, 'session.merge', { sessionId: c, into: 'nope' }).code).toBe('not_found');
  });

  it('only the facilitator merges', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const b = ev.propose('p1', 'Kids walking alone');
    expect(ev.refusal(person('p1'), 'session.merge', { sessionId: b, into: a }).code).toBe('not_allowed');
  });
});

describe('cancelling a session', () => {
  it('its convener or the facilitator cancels it: it leaves the wall and the people there are free', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: GARDEN });
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    ev.run(person('p4'), 'presence.here', { sessionId: b });
    expect(ev.refusal(person('p2'), 'session.cancel', { sessionId: a }).code).toBe('not_allowed');
    ev.run(person('p1'), 'session.cancel', { sessionId: a });
    expect(ev.session(a)).toMatchObject({ cancelled: true, slot: null, space: null });
    expect(ev.os.presence).toEqual({ p4: b });
    ev.facilitate('session.cancel', { sessionId: b });
    expect(ev.session(b).cancelled).toBe(true);
    expect(ev.os.presence).toEqual({});
    expect(ev.refusal(FACILITATOR, 'session.cancel', { sessionId: b }).code).toBe('wrong_state');
    // The freed place can be taken.
    const c = ev.propose('p5', 'Dog walkers', { slot: MORNING, space: GARDEN });
    expect(ev.session(c)).toMatchObject({ slot: MORNING, space: GARDEN });
  });
});

describe('showing interest', () => {
  it('marks and unmarks interest, and marking twice counts once', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p2'), 'session.interest', { sessionId: a, interested: true });
    ev.run(person('p3'), 'session.interest', { sessionId: a, interested: true });
    const before = ev.state.openSpace;
    ev.run(person('p2'), 'session.interest', { sessionId: a, interested: true });
    expect(ev.session(a).interested).toEqual(['p2', 'p3']);
    expect(ev.state.openSpace).toBe(before);
    ev.run(person('p2'), 'session.interest', { sessionId: a, interested: false });
    ev.run(person('p2'), 'session.interest', { sessionId: a, interested: false });
    expect(ev.session(a).interested).toEqual(['p3']);
  });

  it('is for participants, on live sessions', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    expect(ev.refusal(FACILITATOR, 'session.interest', { sessionId: a, interested: true }).code).toBe(
      'not_allowed',
    );
    ev.facilitate('session.cancel', { sessionId: a });
    expect(ev.refusal(person('p2'), 'session.interest', { sessionId: a, interested: true }).code).toBe(
      'wrong_state',
    );
    expect(ev.refusal(person('p2'), 'session.interest', { sessionId: 'nope', interested: true }).code).toBe(
      'not_found',
    );
  });
});

describe('the law of two feet: “I’m here”', () => {
  it('counts each person in one session at a time; moving on never counts them twice', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: LIBRARY });
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    ev.run(person('p4'), 'presence.here', { sessionId: a });
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    expect(ev.here(a)).toEqual(['p3', 'p4']);
    ev.later(20 * MIN).run(person('p3'), 'presence.here', { sessionId: b });
    expect(ev.here(a)).toEqual(['p4']);
    expect(ev.here(b)).toEqual(['p3']);
    expect(Object.keys(ev.os.presence).sort()).toEqual(['p3', 'p4']);
  });

  it('saying “I’m nowhere” leaves the session', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    ev.run(person('p3'), 'presence.here', { sessionId: null });
    expect(ev.here(a)).toEqual([]);
    expect(ev.os.presence).toEqual({});
  });

  it('a phone gone quiet past the timeout no longer counts', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    ev.run(person('p4'), 'presence.here', { sessionId: a });
    ev.later(10 * MIN).clearPresence('p3');
    expect(ev.here(a)).toEqual(['p4']);
    // Clearing someone who is nowhere changes nothing.
    const before = ev.state.openSpace;
    ev.clearPresence('p5');
    expect(ev.state.openSpace).toBe(before);
    // The person is still in the event and can say where they are again.
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    expect(ev.here(a)).toEqual(['p3', 'p4']);
  });

  it('someone who leaves the event is no longer counted', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    ev.run(person('p4'), 'presence.here', { sessionId: a });
    ev.run(person('p3'), 'participant.leave', {});
    expect(ev.here(a)).toEqual(['p4']);
    ev.facilitate('participant.remove', { participantId: 'p4' });
    expect(ev.here(a)).toEqual([]);
  });

  it('refuses being in a session that was cancelled or merged away, and is for participants only', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const b = ev.propose('p2', 'Kids walking alone');
    const c = ev.propose('p5', 'Dog walkers');
    ev.facilitate('session.merge', { sessionId: b, into: a });
    ev.facilitate('session.cancel', { sessionId: c });
    expect(ev.refusal(person('p3'), 'presence.here', { sessionId: b }).code).toBe('wrong_state');
    expect(ev.refusal(person('p3'), 'presence.here', { sessionId: c }).code).toBe('wrong_state');
    expect(ev.refusal(person('p3'), 'presence.here', { sessionId: 'nope' }).code).toBe('not_found');
    expect(ev.refusal(FACILITATOR, 'presence.here', { sessionId: a }).code).toBe('not_allowed');
  });
});

describe('writing the session report', () => {
  const REPORT = {
    keyPoints: 'Walking buses work when parents rota.',
    questions: 'Who insures the volunteers?',
    actions: 'Ask the council for a crossing warden.',
    attendance: 12,
    names: 'Ada, Chen',
  };

  it('conveners, the people they hand it to, and facilitators write it; others are refused', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const err = ev.refusal(person('p3'), 'session.report', { sessionId: a, ...REPORT });
    expect(err.code).toBe('not_allowed');
    expect(err.message).toMatch(/conveners, the people they chose, or a facilitator/);

    ev.run(person('p1'), 'session.handover', { sessionId: a, participantId: 'p3' });
    expect(ev.session(a).reporters).toEqual(['p3']);
    ev.later(MIN).run(person('p3'), 'session.report', { sessionId: a, ...REPORT });
    expect(ev.session(a).report).toEqual({ ...REPORT, updatedAt: ev.now });

    ev.later(MIN).run(person('p1'), 'session.report', { sessionId: a, ...REPORT, attendance: 13 });
    expect(ev.session(a).report?.attendance).toBe(13);
    ev.later(MIN).facilitate('session.report', { sessionId: a, ...REPORT, names: '' });
    expect(ev.session(a).report).toEqual({ ...REPORT, names: '', updatedAt: ev.now });

    // Someone else still cannot.
    expect(ev.refusal(person('p4'), 'session.report', { sessionId: a, ...REPORT }).code).toBe('not_allowed');
  });

  it('only conveners and facilitators hand it over, to someone in the event who cannot write it yet', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    expect(ev.refusal(person('p2'), 'session.handover', { sessionId: a, participantId: 'p2' }).code).toBe(
      'not_allowed',
    );
    ev.facilitate('session.handover', { sessionId: a, participantId: 'p2' });
    expect(ev.refusal(person('p1'), 'session.handover', { sessionId: a, participantId: 'p2' })).toMatchObject(
      {
        code: 'wrong_state',
        message: 'That person can already write the report.',
      },
    );
    expect(ev.refusal(person('p1'), 'session.handover', { sessionId: a, participantId: 'p1' }).code).toBe(
      'wrong_state',
    );
    ev.run(person('p5'), 'participant.leave', {});
    expect(ev.refusal(person('p1'), 'session.handover', { sessionId: a, participantId: 'p5' }).code).toBe(
      'not_found',
    );
    expect(ev.refusal(person('p1'), 'session.handover', { sessionId: a, participantId: 'nobody' }).code).toBe(
      'not_found',
    );
  });

  it('refuses a report for a cancelled session', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p1'), 'session.cancel', { sessionId: a });
    expect(ev.refusal(person('p1'), 'session.report', { sessionId: a, ...REPORT }).code).toBe('wrong_state');
  });
});

describe('announcements', () => {
  it('the facilitator announces to everyone; participants cannot; an empty one is refused', () => {
    const ev = marketplace();
    ev.later(MIN);
    const rec = ev.facilitate('announce', { text: 'Lunch is in the Hall at 12:30.' });
    expect(ev.state.announcements).toEqual([
      { id: rec.id, text: 'Lunch is in the Hall at 12:30.', at: ev.now, clearedAt: null },
    ]);
    expect(ev.refusal(person('p1'), 'announce', { text: 'Free cake!' }).code).toBe('not_allowed');
    expect(ev.refusal(FACILITATOR, 'announce', { text: '   ' }).code).toBe('invalid_message');
    expect(ev.state.announcements).toHaveLength(1);
  });

  it('a new announcement replaces the one showing; clearing it leaves nothing showing, not the older one', () => {
    const ev = marketplace();
    const lunch = ev.later(MIN).facilitate('announce', { text: 'Lunch is in the Hall at 12:30.' });
    expect(currentAnnouncement(ev.state)?.id).toBe(lunch.id);
    const moved = ev.later(MIN).facilitate('announce', { text: 'Lunch has moved to the Garden.' });
    expect(currentAnnouncement(ev.state)?.text).toBe('Lunch has moved to the Garden.');
    ev.later(MIN).facilitate('announcement.clear', { announcementId: moved.id });
    expect(currentAnnouncement(ev.state)).toBeUndefined();
    expect(ev.state.announcements.map((a) => a.clearedAt)).toEqual([null, ev.now]);
    // A fresh one shows again.
    ev.later(MIN).facilitate('announce', { text: 'Closing circle in five minutes.' });
    expect(currentAnnouncement(ev.state)?.text).toBe('Closing circle in five minutes.');
  });

  it('clearing all takes every announcement off; a phone folding the log sees the same', () => {
    const ev = marketplace();
    ev.facilitate('announce', { text: 'Tea is ready.' });
    ev.facilitate('announce', { text: 'Lunch at one.' });
    const rec = ev.later(MIN).facilitate('announcement.clear', { announcementId: null });
    expect(rec.payload).toEqual({ announcementId: null });
    expect(ev.state.announcements.every((a) => a.clearedAt === ev.now)).toBe(true);
    expect(currentAnnouncement(ev.state)).toBeUndefined();
    const phone = foldLog(ev.log);
    expect(phone && currentAnnouncement(phone)).toBeUndefined();
  });

  it('refuses to clear what is not there, or twice, or for a participant, changing nothing', () => {
    const ev = marketplace();
    expect(ev.refusal(FACILITATOR, 'announcement.clear', { announcementId: null })).toMatchObject({
      code: 'wrong_state',
      message: 'There is no announcement to clear.',
    });
    const rec = ev.facilitate('announce', { text: 'Tea is ready.' });
    expect(ev.refusal(FACILITATOR, 'announcement.clear', { announcementId: 'nope' }).code).toBe('not_found');
    expect(ev.refusal(person('p1'), 'announcement.clear', { announcementId: rec.id }).code).toBe(
      'not_allowed',
    );
    expect(ev.refusalRaw(FACILITATOR, 'announcement.clear', {}).code).toBe('invalid_message');
    ev.facilitate('announcement.clear', { announcementId: rec.id });
    expect(ev.refusal(FACILITATOR, 'announcement.clear', { announcementId: rec.id })).toMatchObject({
      code: 'wrong_state',
      message: 'That announcement was already cleared.',
    });
    expect(ev.refusal(FACILITATOR, 'announcement.clear', { announcementId: null }).code).toBe('wrong_state');
  });
});

describe('the console’s next step', () => {
  it('opens the marketplace, closes it, then moves on: never “open the marketplace” again', () => {
    const ev = new EventUnderTest(openSpaceSettings());
    expect(nextStep(ev.os)).toBe('openMarketplace');
    expect(projectorPhase(ev.os)).toBe('joining');
    ev.facilitate('marketplace.open', {});
    expect(nextStep(ev.os)).toBe('closeMarketplace');
    expect(projectorPhase(ev.os)).toBe('joining');
    ev.facilitate('marketplace.close', {});
    expect(nextStep(ev.os)).toBe('convergence');
    expect(projectorPhase(ev.os)).toBe('sessions');
    ev.facilitate('stage.set', { stage: 'convergence' });
    expect(nextStep(ev.os)).toBe('actions');
    expect(projectorPhase(ev.os)).toBe('convergence');
    ev.facilitate('stage.set', { stage: 'actions' });
    expect(nextStep(ev.os)).toBe('proceedings');
    expect(projectorPhase(ev.os)).toBe('actions');
  });

  it('after a reopened marketplace closes again, the next step is still the dot votes', () => {
    const ev = marketplace();
    ev.facilitate('marketplace.close', {});
    ev.facilitate('marketplace.open', {});
    expect(nextStep(ev.os)).toBe('closeMarketplace');
    ev.facilitate('marketplace.close', {});
    expect(nextStep(ev.os)).toBe('convergence');
  });
});

describe('notes written in a session', () => {
  it('land in the session, open to anyone there', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const rec = ev.later(MIN).run(person('p3'), 'note.post', { text: 'Rota for walking buses', session: a });
    expect(noteById(ev.state, rec.id)).toMatchObject({
      authorId: 'p3',
      table: 0,
      round: -1,
      session: a,
      text: 'Rota for walking buses',
      withdrawn: false,
    });
  });

  it('a note for a session merged since lands in the merged session', () => {
    const ev = marketplace();
    const keep = ev.propose('p1', 'Safe routes to school');
    const gone = ev.propose('p2', 'Kids walking alone');
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    const rec = ev.run(person('p3'), 'note.post', { text: 'Written offline', session: gone });
    expect(rec.payload).toMatchObject({ session: keep });
    expect(noteById(ev.state, rec.id)?.session).toBe(keep);
  });

  it('follows a chain of merges to the session that is still on the agenda', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    const b = ev.propose('p2', 'Kids walking alone');
    const c = ev.propose('p3', 'School gates');
    ev.facilitate('session.merge', { sessionId: a, into: b });
    ev.facilitate('session.merge', { sessionId: b, into: c });
    const rec = ev.run(person('p4'), 'note.post', { text: 'Written before both merges', session: a });
    expect(rec.payload).toMatchObject({ session: c });
  });

  it('refuses a note whose session was merged into one cancelled since', () => {
    const ev = marketplace();
    const d = ev.propose('p1', 'Safe routes to school');
    const e = ev.propose('p2', 'Kids walking alone');
    ev.facilitate('session.merge', { sessionId: d, into: e });
    ev.facilitate('session.cancel', { sessionId: e });
    expect(ev.refusal(person('p3'), 'note.post', { text: 'Too late', session: d }).code).toBe('not_found');
  });

  it('merging keeps both reports', () => {
    const ev = marketplace();
    const keep = ev.propose('p1', 'Safe routes to school');
    const gone = ev.propose('p2', 'Kids walking alone');
    const report = { questions: '', actions: '', names: '' };
    ev.run(person('p1'), 'session.report', {
      sessionId: keep,
      keyPoints: 'Walking buses',
      attendance: 4,
      ...report,
    });
    ev.run(person('p2'), 'session.report', {
      sessionId: gone,
      keyPoints: 'Crossings',
      attendance: 3,
      ...report,
    });
    ev.facilitate('session.merge', { sessionId: gone, into: keep });
    expect(ev.session(keep).report).toMatchObject({ keyPoints: 'Walking buses\n\nCrossings', attendance: 7 });
  });

  it('refuses a note for a cancelled or unknown session', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p1'), 'session.cancel', { sessionId: a });
    expect(ev.refusal(person('p3'), 'note.post', { text: 'Too late', session: a })).toMatchObject({
      code: 'not_found',
      message: 'There is no such session.',
    });
    expect(ev.refusal(person('p3'), 'note.post', { text: 'Where?', session: 'nope' }).code).toBe('not_found');
  });
});

describe('people who left', () => {
  it('cannot propose, edit, show interest, say where they are, write notes or reports', () => {
    const ev = marketplace();
    const mine = ev.propose('p1', 'Safe routes to school');
    const other = ev.propose('p2', 'Benches everywhere');
    ev.run(person('p1'), 'participant.leave', {});
    const leftMessage = 'You have left this event; join again to take part.';
    expect(
      ev.refusal(person('p1'), 'session.propose', { title: 'Again', description: '', anonymous: false }),
    ).toMatchObject({ code: 'not_allowed', message: leftMessage });
    expect(
      ev.refusal(person('p1'), 'session.edit', { sessionId: mine, title: 'Changed', description: '' }).code,
    ).toBe('not_allowed');
    expect(
      ev.refusal(person('p1'), 'session.move', { sessionId: mine, slot: MORNING, space: GARDEN }).code,
    ).toBe('not_allowed');
    expect(ev.refusal(person('p1'), 'session.cancel', { sessionId: mine }).code).toBe('not_allowed');
    expect(ev.refusal(person('p1'), 'session.interest', { sessionId: other, interested: true }).code).toBe(
      'not_allowed',
    );
    expect(ev.refusal(person('p1'), 'presence.here', { sessionId: other }).code).toBe('not_allowed');
    expect(ev.refusal(person('p1'), 'note.post', { text: 'Hello', session: other }).code).toBe('not_allowed');
    expect(
      ev.refusal(person('p1'), 'session.report', {
        sessionId: mine,
        keyPoints: 'x',
        questions: '',
        actions: '',
        attendance: null,
        names: '',
      }).code,
    ).toBe('not_allowed');
    // Someone who never joined is treated the same way.
    expect(ev.refusal(person('stranger'), 'presence.here', { sessionId: other }).code).toBe('not_allowed');
  });

  it('can take part again after joining again', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school');
    ev.run(person('p3'), 'participant.leave', {});
    ev.join('p3', 'Chen');
    ev.run(person('p3'), 'presence.here', { sessionId: a });
    expect(ev.here(a)).toEqual(['p3']);
  });
});

describe('the log', () => {
  it('applying the same record twice changes nothing', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MIDDAY, space: GARDEN });
    const records = [
      ev.run(person('p3'), 'session.interest', { sessionId: a, interested: true }),
      ev.run(person('p3'), 'presence.here', { sessionId: a }),
      ev.facilitate('session.move', { sessionId: a, slot: MIDDAY, space: GARDEN, swap: true }),
      ev.facilitate('announce', { text: 'Tea is ready.' }),
      ev.facilitate('session.merge', { sessionId: b, into: a }),
      ev.clearPresence('p3'),
      ev.run(person('p4'), 'note.post', { text: 'Benches by the school', session: a }),
    ];
    const state = ev.state;
    for (const rec of records) expect(reduce(state, rec)).toBe(state);
    expect(ev.state.announcements).toHaveLength(1);
    expect(ev.session(a).interested).toEqual(['p3']);
  });

  it('folding the whole log from the start gives the same state', () => {
    const ev = marketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere');
    ev.run(person('p3'), 'presence.here', { sessionId: b });
    ev.facilitate('session.merge', { sessionId: b, into: a });
    ev.run(person('p4'), 'note.post', { text: 'Benches by the school', session: a });
    expect(foldLog(ev.log)).toEqual(ev.state);
  });
});
