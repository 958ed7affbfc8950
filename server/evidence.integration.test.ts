/**
 * What the evidence section is built from, over real sockets on both stores: a phone's first
 * time and its language travel with its join and are only ever counted (no screen receives them,
 * live or on catching up), and the team's mark that someone's needs were met reaches the
 * organiser, co-facilitators and helpers alone (never the projector, never a phone). The
 * organiser's download counts them all; the published report leaves them out; neither names anyone.
 */
import { describe, expect, it } from 'vitest';
import type { HarvestReport } from '../lib/harvest/report';
import type { Replies } from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import { STORES, useServer } from './testing/fixture';
import { type Client, cafeSettings, newToken } from './testing/harness';

type Synced = Extract<Replies['sync'], { ok: true }>;

describe.each(STORES)('the evidence collected at the door on the %s store', (store) => {
  const server = useServer({ store });

  /**
   * Round 1 running at one table with Ann (who told nothing); a co-facilitator's, a helper's and
   * a projector's screens open; then Cy joins (first time, a Polish phone, a step-free way in)
   * and Di (been before, an Arabic phone).
   */
  async function door() {
    const cafe = await server.runningCafe(
      cafeSettings({ tables: 1, groups: ['Carer', 'Staff'], askNeeds: true, askFirstTime: true }),
      ['Ann'],
    );
    const screens: Client[] = [];
    for (const role of ['cofacilitator', 'helper', 'projector'] as const) {
      const token = newToken();
      const made = await cafe.f.act('link.create', { role, label: role, token });
      if (!made.ok) throw new Error(made.error.message);
      screens.push(await server.facilitator(cafe.eventId, token));
    }
    const [co, helper, projector] = screens as [Client, Client, Client];
    const join = async (name: string, about: Record<string, unknown>) => {
      const client = await server.connect();
      const reply = await client.send('join', { code: cafe.joinCode, name, token: newToken(), ...about });
      if (!reply.ok) throw new Error(reply.error.message);
      return { client, id: reply.participantId };
    };
    const cy = await join('Cy', { group: 'Carer', firstTime: true, language: 'pl', needs: ['step_free'] });
    const di = await join('Di', { firstTime: false, language: 'ar' });
    return { cafe, co, helper, projector, ann: cafe.phone(0).client, cy, di };
  }

  const joinOf = (id: string) => (r: EventRecord) =>
    r.type === 'participant.joined' && r.payload.participantId === id;
  const metOf = (id: string) => (r: EventRecord) => r.type === 'needs.met' && r.payload.participantId === id;
  const sync = async (c: Client) => (await c.send('sync', { since: 0 })) as Synced;

  it('no screen is told anyone’s first time or language, live or on catching up', async () => {
    const { cafe, co, helper, projector, ann, cy } = await door();
    for (const c of [cafe.f, co, helper, projector, ann]) {
      const rec = await c.waitFor(joinOf(cy.id));
      expect(rec.payload).not.toHaveProperty('firstTime');
      expect(rec.payload).not.toHaveProperty('language');
    }
    for (const c of [cafe.f, co, helper, projector, ann, cy.client]) {
      const r = await sync(c);
      for (const rec of [...r.records, ...r.backfill, ...c.received])
        if (rec.type === 'participant.joined') {
          expect(rec.payload).not.toHaveProperty('firstTime');
          expect(rec.payload).not.toHaveProperty('language');
        }
    }
  });

  it('needs met reach the organiser, co-facilitators and helpers, never the projector or a phone', async () => {
    const { cafe, co, helper, projector, ann, cy, di } = await door();
    expect(await helper.act('needs.met', { participantId: cy.id, met: true })).toMatchObject({ ok: true });
    for (const c of [cafe.f, co, helper])
      expect((await c.waitFor(metOf(cy.id))).payload).toEqual({ participantId: cy.id, met: true });
    // One later record that reaches everyone: whoever has it has everything sent before it.
    expect(await cafe.f.act('announce', { text: 'Tea in the hall' })).toMatchObject({ ok: true });
    for (const c of [projector, ann, cy.client, di.client]) {
      await c.waitFor((r) => r.type === 'announcement.made');
      expect(c.received.some(metOf(cy.id)), 'live').toBe(false);
      expect((await sync(c)).records.some(metOf(cy.id)), 'on catching up').toBe(false);
    }
    for (const c of [cafe.f, co, helper]) expect((await sync(c)).records.some(metOf(cy.id))).toBe(true);
    // Only the team may mark it; nobody else changes anything.
    for (const c of [projector, ann, cy.client])
      expect(await c.act('needs.met', { participantId: cy.id, met: false })).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
    expect(await cafe.f.act('needs.met', { participantId: di.id, met: true })).toEqual({
      ok: false,
      error: { code: 'wrong_state', message: 'Di did not say anything would help them take part.' },
    });
  });

  it('refuses a first time the event does not ask and a language it does not offer, plainly', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const phone = await server.connect();
    const token = newToken();
    expect(await phone.send('join', { code: cafe.joinCode, name: 'Eve', token, firstTime: true })).toEqual({
      ok: false,
      error: {
        code: 'invalid_message',
        message: 'This event does not ask whether this is your first event like this.',
      },
    });
    const bad = (await phone.raw('join', { code: cafe.joinCode, name: 'Eve', token, language: 'de' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(bad.error.message).toContain('language');
    // The language alone is every phone's to send, asked or not.
    expect(
      await phone.send('join', { code: cafe.joinCode, name: 'Eve', token, language: 'en' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('the download counts them all, the published report leaves them out, and neither names anyone', async () => {
    const { cafe, helper, ann } = await door();
    const cyId = (await cafe.f.waitFor((r) => r.type === 'participant.joined' && r.payload.name === 'Cy'))
      .payload as { participantId: string };
    expect(await helper.act('needs.met', { participantId: cyId.participantId, met: true })).toMatchObject({
      ok: true,
    });
    expect(await ann.act('note.post', { text: 'A ramp at the door', round: 0, table: 1 })).toMatchObject({
      ok: true,
    });
    expect(await cafe.f.act('harvest.start', { votesPerPerson: 3 })).toMatchObject({ ok: true });
    const res = await server.get(`/api/events/${cafe.eventId}/harvest.json`, cafe.facilitatorToken);
    expect(res.status).toBe(200);
    const report = (await res.json()) as HarvestReport;
    const under = (r: Pick<HarvestReport, 'evidence'>, heading: string) =>
      r.evidence.find((e) => e.heading === heading)?.points ?? [];
    expect(under(report, 'Inclusion')).toEqual(
      expect.arrayContaining([
        '3 people took part; 0 of them gave no name.',
        'Who they are here as: Carer (1), Staff (0) and not said (2).',
        'First event like this: 1 said it was their first, 1 had been to one before, 1 did not say.',
      ]),
    );
    expect(under(report, 'Support')).toEqual(
      expect.arrayContaining([
        'What would help people take part, as they told it at the door: step-free access (1).',
        'The team marked it as met for 1 of the 1 person who asked.',
        'The language each phone showed as its person joined: Polish (1) and Arabic (1).',
      ]),
    );
    expect(await cafe.f.act('harvest.publish', { published: true })).toMatchObject({ ok: true });
    const published = (await (await server.get(`/api/published/${cafe.eventId}`)).json()) as {
      report: Pick<HarvestReport, 'evidence'>;
    };
    const again = (await (
      await server.get(`/api/events/${cafe.eventId}/harvest.json`, cafe.facilitatorToken)
    ).json()) as HarvestReport;
    expect(under(again, 'Communication')).toContain(
      'The harvest was published back to participants as “What you told us”.',
    );
    // In a small event "step-free access (1)" points at one person: the public copy says nothing of
    // needs, whether they were met, phones' languages or first times; the rest is the organiser's own.
    const text = JSON.stringify(published.report.evidence);
    for (const words of [
      'What would help',
      'step-free',
      'marked it as met',
      'The language each',
      'First event',
    ])
      expect(text, words).not.toContain(words);
    // …and gives the groups' counts of 1 to 4 as "fewer than 5".
    expect(under(published.report, 'Inclusion')).toEqual(
      under(again, 'Inclusion')
        .filter((p) => !p.startsWith('First event'))
        .map((p) =>
          p === 'Who they are here as: Carer (1), Staff (0) and not said (2).'
            ? 'Who they are here as: Carer (fewer than 5), Staff (0) and not said (fewer than 5).'
            : p,
        ),
    );
    expect(under(published.report, 'Support')).toEqual(under(again, 'Support').slice(3));
    expect(under(published.report, 'Impact')).toEqual(under(again, 'Impact'));
    for (const name of ['Ann', 'Cy', 'Di']) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
  });
});
