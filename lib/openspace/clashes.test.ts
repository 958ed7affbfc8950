/**
 * Problems on the agenda wall a facilitator should see at a glance: a convener due in two places
 * at once, a space booked twice, a session more people want than its space holds. The wall is
 * built through the same steps as the server (look up, check who may ask, validate, decide,
 * number the record, reduce).
 */
import { describe, expect, it } from 'vitest';
import type { EventState } from '../state';
import {
  EventUnderTest,
  FACILITATOR,
  MIDDAY,
  MORNING,
  marketplace,
  openSpaceSettings,
  PEOPLE,
  person,
  SHORT_CAFE,
} from '../testing/events';
import { findClashes } from './clashes';

/** Five spaces of different sizes, the Hall without a limit (the slots are OPEN_SPACE's). */
const SPACES = [
  { name: 'Porch', capacity: 2, notes: '' },
  { name: 'Garden', capacity: 3, notes: 'bring a coat' },
  { name: 'Library', capacity: 10, notes: 'has a screen' },
  { name: 'Studio', capacity: 5, notes: '' },
  { name: 'Hall', capacity: null, notes: 'step-free access' },
];
const PORCH = 0;
const GARDEN = 1;
const LIBRARY = 2;
const STUDIO = 3;
const HALL = 4;

/** Eight people have joined and the facilitator has opened the marketplace. */
const crowdedMarketplace = () => marketplace(openSpaceSettings({}, { spaces: SPACES }), PEOPLE.slice(0, 8));

/** The people in `pids` say they want to go to the session. */
function interest(ev: EventUnderTest, sessionId: string, pids: string[]) {
  for (const pid of pids) ev.run(person(pid), 'session.interest', { sessionId, interested: true });
}

describe('a clean wall', () => {
  it('shows no clashes when every session has its own place, convener and room enough', () => {
    const ev = crowdedMarketplace();
    expect(findClashes(ev.state)).toEqual([]);
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: LIBRARY });
    // Ada convenes again later in the day, which is fine.
    ev.propose('p1', 'Crossing times', { slot: MIDDAY, space: GARDEN });
    // Not yet on the wall: nothing to clash with.
    const c = ev.propose('p3', 'Dog walkers');
    interest(ev, a, ['p3', 'p4', 'p5']);
    interest(ev, b, ['p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    interest(ev, c, ['p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(findClashes(ev.state)).toEqual([]);
  });

  it('an event without an Open Space has no wall and no clashes', () => {
    const ev = new EventUnderTest(openSpaceSettings({ ...SHORT_CAFE, openSpace: null }));
    expect(findClashes(ev.state)).toEqual([]);
  });
});

describe('a convener due in two places at once', () => {
  it('is flagged when the same person convenes two sessions in the same slot', () => {
    const ev = crowdedMarketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p1', 'Crossing times', { slot: MORNING, space: LIBRARY });
    expect(findClashes(ev.state)).toEqual([
      { kind: 'convener', participantId: 'p1', slot: MORNING, sessionIds: [a, b] },
    ]);
    // Moving one of them to the afternoon clears it.
    ev.run(person('p1'), 'session.move', { sessionId: b, slot: MIDDAY, space: LIBRARY });
    expect(findClashes(ev.state)).toEqual([]);
  });

  it('appears when a merge makes someone the convener of a session at the same time as their own', () => {
    const ev = crowdedMarketplace();
    const chens = ev.propose('p3', 'Dog walkers', { slot: MORNING, space: STUDIO });
    const adas = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const chensOther = ev.propose('p3', 'Kids walking alone');
    ev.facilitate('session.merge', { sessionId: chensOther, into: adas });
    expect(findClashes(ev.state)).toEqual([
      { kind: 'convener', participantId: 'p3', slot: MORNING, sessionIds: [chens, adas] },
    ]);
  });

  it('goes away when one of the sessions is cancelled', () => {
    const ev = crowdedMarketplace();
    ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const b = ev.propose('p1', 'Crossing times', { slot: MORNING, space: LIBRARY });
    ev.run(person('p1'), 'session.cancel', { sessionId: b });
    expect(findClashes(ev.state)).toEqual([]);
  });
});

describe('a session more people want than its space holds', () => {
  it('is flagged with the free bigger spaces in that slot, smallest first, unlimited last', () => {
    const ev = crowdedMarketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    interest(ev, a, ['p2', 'p3', 'p4', 'p5']);
    expect(findClashes(ev.state)).toEqual([
      {
        kind: 'over-capacity',
        sessionId: a,
        interested: 4,
        capacity: 3,
        freeBiggerSpaces: [STUDIO, LIBRARY, HALL],
      },
    ]);
  });

  it('leaves out spaces taken in that slot, and spaces too small for the crowd', () => {
    const ev = crowdedMarketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const benches = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: STUDIO });
    // The Library is busy only at midday, so it is still free in the morning.
    ev.propose('p3', 'Dog walkers', { slot: MIDDAY, space: LIBRARY });
    interest(ev, a, ['p2', 'p3', 'p4', 'p5']);
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: a, interested: 4, capacity: 3, freeBiggerSpaces: [LIBRARY, HALL] },
    ]);
    interest(ev, a, ['p6', 'p7', 'p8']);
    ev.run(person('p2'), 'session.move', { sessionId: benches, slot: MIDDAY, space: STUDIO });
    // Seven people: the Studio (5) is free again but too small; the Porch (2) never fits.
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: a, interested: 7, capacity: 3, freeBiggerSpaces: [LIBRARY, HALL] },
    ]);
  });

  it('suggests nothing when every bigger space is taken', () => {
    const ev = crowdedMarketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: PORCH });
    ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: GARDEN });
    ev.propose('p3', 'Dog walkers', { slot: MORNING, space: LIBRARY });
    ev.propose('p5', 'Crossing times', { slot: MORNING, space: STUDIO });
    ev.propose('p6', 'Street trees', { slot: MORNING, space: HALL });
    interest(ev, a, ['p2', 'p3', 'p4']);
    expect(findClashes(ev.state)).toEqual([
      { kind: 'over-capacity', sessionId: a, interested: 3, capacity: 2, freeBiggerSpaces: [] },
    ]);
  });

  it('is not flagged when interest just fills the space, or when the space has no limit', () => {
    const ev = crowdedMarketplace();
    const full = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: GARDEN });
    const hall = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: HALL });
    interest(ev, full, ['p2', 'p3', 'p4']);
    interest(ev, hall, ['p1', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(findClashes(ev.state)).toEqual([]);
  });

  it('is not flagged for sessions that are not on the wall', () => {
    const ev = crowdedMarketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MORNING, space: PORCH });
    interest(ev, a, ['p2', 'p3', 'p4']);
    expect(findClashes(ev.state)).toHaveLength(1);
    ev.facilitate('session.move', { sessionId: a, slot: null, space: null });
    expect(findClashes(ev.state)).toEqual([]);
  });
});

describe('a space booked twice', () => {
  it('is flagged, though the commands never allow it (a wall edited by hand)', () => {
    const ev = crowdedMarketplace();
    const a = ev.propose('p1', 'Safe routes to school', { slot: MIDDAY, space: LIBRARY });
    const b = ev.propose('p2', 'Benches everywhere', { slot: MORNING, space: STUDIO });
    ev.propose('p3', 'Dog walkers', { slot: MORNING, space: HALL });
    expect(ev.refusal(FACILITATOR, 'session.move', { sessionId: b, slot: MIDDAY, space: LIBRARY }).code).toBe(
      'wrong_state',
    );
    const os = ev.os;
    const doubled: EventState = {
      ...ev.state,
      openSpace: {
        ...os,
        sessions: { ...os.sessions, [b]: { ...ev.session(b), slot: MIDDAY, space: LIBRARY } },
      },
    };
    expect(findClashes(doubled)).toEqual([
      { kind: 'double-booked', slot: MIDDAY, space: LIBRARY, sessionIds: [a, b] },
    ]);
    // A cancelled session in the same place is no clash.
    const cancelled: EventState = {
      ...doubled,
      openSpace: {
        ...os,
        sessions: {
          ...os.sessions,
          [b]: { ...ev.session(b), slot: MIDDAY, space: LIBRARY, cancelled: true },
        },
      },
    };
    expect(findClashes(cancelled)).toEqual([]);
  });
});
