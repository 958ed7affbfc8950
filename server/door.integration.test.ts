/**
 * At the door, over real sockets on both stores: a phone joins with "I'm here as…" and access
 * needs. The organiser, a co-facilitator and a helper see the needs and the counts per group; a
 * projector link and a tablemate's phone never receive either, live or on catching up, and no
 * screen is ever sent anyone's group.
 */
import { describe, expect, it } from 'vitest';
import type { GroupCounts, Replies } from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import { STORES, useServer } from './testing/fixture';
import { type Client, cafeSettings, newToken } from './testing/harness';

type Synced = Extract<Replies['sync'], { ok: true }>;

describe.each(STORES)('joining with a group and needs on the %s store', (store) => {
  const server = useServer({ store });

  /** Round 1 running at one table with Ann; a co-facilitator's, a helper's and a projector's screens open. */
  async function door() {
    const cafe = await server.runningCafe(
      cafeSettings({ tables: 1, groups: ['Person who uses services', 'Carer', 'Staff'], askNeeds: true }),
      ['Ann'],
    );
    const screens: Record<string, Client> = {};
    for (const role of ['cofacilitator', 'helper', 'projector'] as const) {
      const token = newToken();
      const made = await cafe.f.act('link.create', { role, label: role, token });
      if (!made.ok) throw new Error(made.error.message);
      screens[role] = await server.facilitator(cafe.eventId, token);
    }
    const pushes = new Map<Client, { present: number; groups?: GroupCounts }[]>();
    for (const c of [cafe.f, ...Object.values(screens), cafe.phone(0).client]) {
      const list: { present: number; groups?: GroupCounts }[] = [];
      pushes.set(c, list);
      c.socket.on('people', (p: { present: number; groups?: GroupCounts }) => list.push(p));
    }
    const screen = (role: string) => {
      const c = screens[role];
      if (!c) throw new Error(`no ${role} screen`);
      return c;
    };
    return {
      cafe,
      co: screen('cofacilitator'),
      helper: screen('helper'),
      projector: screen('projector'),
      pushes,
    };
  }

  const joinOf = (id: string) => (r: EventRecord) =>
    r.type === 'participant.joined' && r.payload.participantId === id;

  it('the team sees the needs and the counts; the projector and a tablemate see neither', async () => {
    const { cafe, co, helper, projector, pushes } = await door();
    const cy = await server.connect();
    const joined = await cy.send('join', {
      code: cafe.joinCode,
      name: 'Cy',
      token: newToken(),
      group: 'Carer',
      needs: ['step_free', 'other'],
      needsOther: 'A chair near the door',
    });
    if (!joined.ok) throw new Error(joined.error.message);
    const ann = cafe.phone(0).client;

    // Live: the team's screens but the projector's receive the needs; no screen the group.
    for (const c of [cafe.f, co, helper]) {
      const rec = await c.waitFor(joinOf(joined.participantId));
      expect(rec.payload).toMatchObject({
        needs: ['step_free', 'other'],
        needsOther: 'A chair near the door',
      });
      expect(rec.payload).not.toHaveProperty('group');
    }
    // Ann sits at Cy's table: she is told Cy joined it, and nothing more.
    for (const c of [projector, ann]) {
      const rec = await c.waitFor(joinOf(joined.participantId));
      expect(rec.payload).not.toHaveProperty('needs');
      expect(rec.payload).not.toHaveProperty('needsOther');
      expect(rec.payload).not.toHaveProperty('group');
    }

    // Catching up: the same.
    const sync = async (c: Client) => (await c.send('sync', { since: 0 })) as Synced;
    const counts = {
      groups: [
        { label: 'Person who uses services', count: 0 },
        { label: 'Carer', count: 1 },
        { label: 'Staff', count: 0 },
      ],
      notSaid: 1,
    };
    for (const c of [cafe.f, co, helper]) {
      const r = await sync(c);
      expect(r.records.find(joinOf(joined.participantId))?.payload).toMatchObject({
        needs: ['step_free', 'other'],
      });
      expect(r.groups).toEqual(counts);
    }
    for (const c of [projector, ann, cy]) {
      const r = await sync(c);
      expect(r.groups).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('A chair near the door');
    }
    for (const c of [cafe.f, co, helper, projector, ann, cy]) {
      const r = await sync(c);
      for (const rec of [...r.records, ...r.backfill, ...c.received])
        if (rec.type === 'participant.joined') expect(rec.payload).not.toHaveProperty('group');
    }
    expect(JSON.stringify(projector.received)).not.toContain('A chair near the door');
    expect(JSON.stringify(ann.received)).not.toContain('A chair near the door');

    // The head count that follows a join: with the counts per group for the team only.
    const pushed = async (c: Client) => {
      // An earlier count (Ann's join) may still be on its way: wait for the one that counts Cy.
      const list = pushes.get(c) ?? [];
      for (let i = 0; i < 200 && !list.some((p) => p.present === 2); i++)
        await new Promise((r) => setTimeout(r, 20));
      return list.find((p) => p.present === 2);
    };
    expect(await pushed(cafe.f)).toEqual({ present: 2, groups: counts });
    expect(await pushed(helper)).toEqual({ present: 2, groups: counts });
    expect(await pushed(projector)).toEqual({ present: 2 });
    expect(await pushed(ann)).toEqual({ present: 2 });
  });

  it('refuses a group the event does not offer, plainly, and lets the person in without one', async () => {
    const { cafe } = await door();
    const phone = await server.connect();
    const token = newToken();
    expect(await phone.send('join', { code: cafe.joinCode, name: 'Di', token, group: 'Mayor' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_message',
        message: '“Mayor” is not one of this event’s choices; pick one of the list or “Rather not say”.',
      },
    });
    expect(await phone.send('join', { code: cafe.joinCode, name: 'Di', token })).toMatchObject({ ok: true });
  });
});
