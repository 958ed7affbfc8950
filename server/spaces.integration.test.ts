/**
 * Changing the wall while the Open Space runs, over real sockets against the real server process
 * on both stores: during the marketplace the facilitator adds a space and an early time slot and a
 * phone proposes a session into them, and a space renamed reaches the phone as it happens.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../lib/records';
import type { EventSettings } from '../lib/settings';
import { STORES, stateSeenBy, useServer } from './testing/fixture';

/** Two session slots and two spaces; the phones may put their own sessions on the wall. */
const SETTINGS: EventSettings = {
  title: 'Riverside Open Space',
  purpose: '',
  tables: null,
  rounds: [],
  identity: 'choice',
  openSpace: {
    theme: 'What shall we do about the river?',
    slots: [
      { start: '10:00', end: '11:00', isBreak: false, label: '' },
      { start: '11:00', end: '12:00', isBreak: false, label: '' },
    ],
    spaces: [
      { name: 'Garden', capacity: 20, notes: '' },
      { name: 'Library', capacity: null, notes: 'has a screen' },
    ],
    selfScheduling: true,
    votesPerPerson: 3,
  },
};

const COURTYARD = { name: 'Courtyard', capacity: 12, notes: 'step-free, hearing loop' };
const EARLY = { start: '09:00', end: '10:00', label: 'Early', isBreak: false };
/** The indexes the new space and slot get: after the two of each set up. */
const NEW = 2;

describe.each(STORES)('changing the wall on the %s store', (store) => {
  const server = useServer({ store });

  it('a space and a slot added during the marketplace take a phone’s proposal; a renamed space reaches the phone', async () => {
    const event = await server.createCafe(SETTINGS);
    const f = await server.facilitator(event.eventId, event.facilitatorToken);
    const ann = await server.phone(event.joinCode, 'Ann');
    expect(await f.act('marketplace.open', {})).toMatchObject({ ok: true });
    const session = (title: string, slot: number, space: number) => ({
      title,
      description: '',
      anonymous: false,
      slot,
      space,
    });
    expect(await ann.client.act('session.propose', session('Trees', 0, 0), 'session-trees')).toMatchObject({
      ok: true,
    });

    expect(await f.act('space.add', COURTYARD)).toMatchObject({ ok: true });
    expect(await f.act('slot.add', EARLY)).toMatchObject({ ok: true });
    // What the server refuses leaves the wall as it was.
    expect(await f.act('space.add', { ...COURTYARD, name: 'garden' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_message', message: 'There is already a space called “Garden”.' },
    });
    expect(await f.act('slot.add', { ...EARLY, start: '09:30', end: '10:30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    const added = (r: EventRecord) => r.type === 'space.added' || r.type === 'slot.added';
    await ann.client.waitFor((r) => r.type === 'slot.added');
    expect(ann.client.received.filter(added).map((r) => r.payload)).toEqual([
      { space: NEW, ...COURTYARD },
      { slot: NEW, ...EARLY },
    ]);

    // The phone puts a session in the new space at the new, earliest time.
    expect(
      await ann.client.act('session.propose', session('Bikes', NEW, NEW), 'session-bikes'),
    ).toMatchObject({
      ok: true,
    });

    const renamed = {
      space: NEW,
      name: 'Inner courtyard',
      capacity: 10,
      notes: 'step-free, hearing loop, shade',
    };
    expect(await f.act('space.edit', renamed)).toMatchObject({ ok: true });
    const pushed = await ann.client.waitFor((r) => r.type === 'space.edited');
    expect(pushed.payload).toEqual(renamed);

    // What the phone holds: the wall grown and renamed, and every session where it was put.
    const seen = await stateSeenBy(ann.client);
    expect(seen.settings.openSpace?.spaces).toEqual([
      ...(SETTINGS.openSpace?.spaces ?? []),
      { name: 'Inner courtyard', capacity: 10, notes: 'step-free, hearing loop, shade' },
    ]);
    expect(seen.settings.openSpace?.slots).toEqual([...(SETTINGS.openSpace?.slots ?? []), EARLY]);
    expect(seen.openSpace?.sessions['session-trees']).toMatchObject({ slot: 0, space: 0 });
    expect(seen.openSpace?.sessions['session-bikes']).toMatchObject({ slot: NEW, space: NEW });
    expect(seen.settings).toEqual((await stateSeenBy(f)).settings);
  });
});
