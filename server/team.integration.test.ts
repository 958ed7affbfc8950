/**
 * The facilitator team over real sockets and HTTP: the organiser makes a co-facilitator's and a
 * projector's links; each opens the event with its own link and may do what its role allows;
 * revoking a link closes its screens at once and it opens nothing afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { Replies } from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import { STORES, useServer } from './testing/fixture';
import { type Client, cafeSettings, newToken } from './testing/harness';

describe.each(STORES)('a facilitator team on the %s store', (store) => {
  const server = useServer({ store });

  async function teamEvent() {
    const cafe = await server.runningCafe(cafeSettings({ tables: 1 }), ['Ann', 'Bo']);
    const made: Record<string, { token: string; linkId: string }> = {};
    for (const [role, label] of [
      ['cofacilitator', 'Sam'],
      ['projector', 'Hall screen'],
    ] as const) {
      const token = newToken();
      const reply = await cafe.f.act('link.create', { role, label, token });
      if (!reply.ok) throw new Error(reply.error.message);
      const rec = await cafe.f.waitFor((r) => r.type === 'link.created' && r.payload.label === label);
      made[role] = { token, linkId: rec.id };
    }
    return {
      cafe,
      co: made.cofacilitator ?? { token: '', linkId: '' },
      screen: made.projector ?? { token: '', linkId: '' },
    };
  }

  const openWith = async (eventId: string, token: string) => {
    const c = await server.connect();
    return { c, reply: await c.send('facilitate', { eventId, token }) };
  };

  it('lets each link in with its role; no screen is sent a token or its hash', async () => {
    const { cafe, co, screen } = await teamEvent();
    const sam = await openWith(cafe.eventId, co.token);
    expect(sam.reply).toMatchObject({
      ok: true,
      role: 'facilitator',
      organiser: false,
      link: { id: co.linkId, role: 'cofacilitator', label: 'Sam' },
    });
    const hall = await openWith(cafe.eventId, screen.token);
    expect(hall.reply).toMatchObject({ ok: true, role: 'projector', organiser: false });
    const organiser = await openWith(cafe.eventId, cafe.facilitatorToken);
    expect(organiser.reply).toMatchObject({ ok: true, role: 'facilitator', organiser: true, link: null });

    // The co-facilitator steers: an announcement reaches the phones. The projector steers nothing.
    expect(await sam.c.act('announce', { text: 'Ten minutes left' })).toMatchObject({ ok: true });
    await cafe.phone(0).client.waitFor((r) => r.type === 'announcement.made');
    expect(await hall.c.act('announce', { text: 'Hello' })).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'A projector link only shows the event; it cannot change anything.',
      },
    });
    // Only the organiser makes links.
    expect(
      await sam.c.act('link.create', { role: 'projector', label: 'Mine', token: newToken() }),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });

    // Every screen's catch-up: links without hashes, labels for the team only.
    const seen = async (c: Client) => {
      const r = (await c.send('sync', { since: 0 })) as Extract<Replies['sync'], { ok: true }>;
      return r.records.filter((x: EventRecord) => x.type === 'link.created');
    };
    for (const c of [sam.c, hall.c, organiser.c, cafe.f]) {
      const links = await seen(c);
      expect(links.map((l) => l.payload)).toEqual([
        { linkId: co.linkId, role: 'cofacilitator', label: 'Sam' },
        { linkId: screen.linkId, role: 'projector', label: 'Hall screen' },
      ]);
    }
    await cafe.phone(1).client.send('sync', { since: 0 });
    const phones = JSON.stringify([...cafe.phone(0).client.received, ...cafe.phone(1).client.received]);
    expect(phones).toContain('"linkId"');
    expect(phones).not.toContain('Hall screen');
    const everything = JSON.stringify([phones, cafe.f.received, sam.c.received, hall.c.received]);
    expect(everything).not.toContain('tokenHash');
    expect(everything).not.toContain(co.token);
  });

  it('gives downloads to facilitators, the live themes to the projector, and deleting to the organiser alone', async () => {
    const { cafe, co, screen } = await teamEvent();
    const path = `/api/events/${cafe.eventId}`;
    expect((await server.get(`${path}/export.csv`, co.token)).status).toBe(200);
    expect((await server.get(`${path}/export.csv`, screen.token)).status).toBe(403);
    expect((await server.get(`${path}/live-themes`, screen.token)).status).toBe(200);
    const del = (token: string) =>
      fetch(`${server.url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    const refused = await del(co.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'bad_token' } });
    expect((await server.get(`${path}/export.csv`, cafe.facilitatorToken)).status).toBe(200);
  });

  it('closes a revoked link’s screens at once, and opens nothing with it afterwards', async () => {
    const { cafe, co, screen } = await teamEvent();
    const sam = await openWith(cafe.eventId, co.token);
    const hall = await openWith(cafe.eventId, screen.token);
    const told = new Promise<{ message: string }>((resolve) => sam.c.socket.once('revoked', resolve));
    const closed = new Promise<string>((resolve) => sam.c.socket.once('disconnect', resolve));
    expect(await cafe.f.act('link.revoke', { linkId: co.linkId })).toMatchObject({ ok: true });
    expect((await told).message).toBe('This link was revoked by the organiser; ask them for a new one.');
    expect(await closed).toBe('io server disconnect');
    // The other link carries on.
    expect(hall.c.socket.connected).toBe(true);
    const again = await openWith(cafe.eventId, co.token);
    expect(again.reply).toMatchObject({
      ok: false,
      error: { code: 'bad_token', message: expect.stringContaining('revoked') },
    });
    expect((await server.get(`/api/events/${cafe.eventId}/export.csv`, co.token)).status).toBe(403);
  });

  it('types in a paper card from a helper’s link, for that table only, and marks it in the export', async () => {
    const cafe = await server.runningCafe(cafeSettings({ tables: 2 }), ['Ann', 'Bo', 'Cy', 'Di']);
    const token = newToken();
    expect(await cafe.f.act('link.create', { role: 'helper', label: 'Helper', token })).toMatchObject({
      ok: true,
    });
    const helper = await openWith(cafe.eventId, token);
    expect(helper.reply).toMatchObject({ ok: true, role: 'helper' });
    // A helper steers nothing.
    expect(await helper.c.act('round.pause', {})).toMatchObject({
      ok: false,
      error: { message: 'A helper’s link can type in paper notes and mark needs as met, nothing else.' },
    });
    const card = { text: 'Buses after nine, please', round: 0, table: 1, name: 'Ola' };
    expect(await helper.c.act('note.transcribe', card)).toMatchObject({ ok: true });
    const atOne = cafe.phones.filter((p) => cafe.tableOf(p) === 1);
    const atTwo = cafe.phones.filter((p) => cafe.tableOf(p) === 2);
    const isCard = (r: EventRecord) => r.type === 'note.posted' && r.payload.text === card.text;
    for (const p of atOne) {
      const rec = await p.client.waitFor(isCard);
      expect(rec.payload).toMatchObject({ source: 'paper', name: 'Ola' });
    }
    await cafe.f.waitFor(isCard);
    for (const p of atTwo) expect(p.client.received.some(isCard)).toBe(false);
    const csv = await (
      await server.get(`/api/events/${cafe.eventId}/export.csv`, cafe.facilitatorToken)
    ).text();
    expect(csv).toContain('"Buses after nine, please",Ola');
    expect(csv).toContain('paper card');
  });

  it('imports a spreadsheet of notes whole, or names every bad line and imports nothing', async () => {
    const cafe = await server.runningCafe(cafeSettings({ tables: 2 }), ['Ann', 'Bo']);
    const post = (body: string, token = cafe.facilitatorToken, type = 'text/csv') =>
      fetch(`${server.url}/api/events/${cafe.eventId}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    const head = async () => {
      const r = await cafe.f.send('sync', { since: 0 });
      return r.ok ? (r.records.at(-1)?.seq ?? 0) : -1;
    };
    const before = await head();
    const bad = await post('table,round,text\n1,1,Fine\n5,1,No such table\n1,3,No such round\n');
    expect(bad.status).toBe(400);
    const refusal = (await bad.json()) as { error: { message: string; issues: { message: string }[] } };
    expect(refusal.error.message).toBe(
      'Nothing was imported. Line 3: round 1 had 2 tables, so there is no table 5. Line 4: there is no round 3.',
    );
    expect(await head()).toBe(before);
    expect((await post('table,round,text\n1,1,x', newToken())).status).toBe(403);
    expect((await post('not csv', cafe.facilitatorToken, 'text/plain')).status).toBe(415);

    const good = await post(
      'Table,Round,Note,Name\n1,1,From the tablecloth,\n2,1,"From a card, typed up",Ola\n',
    );
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ ok: true, imported: 2 });
    const rec = await cafe.f.waitFor((r) => r.type === 'notes.imported');
    expect(rec.payload).toMatchObject({
      notes: [{ text: 'From the tablecloth' }, { text: 'From a card, typed up', name: 'Ola' }],
    });
    // Phones are not sent an import: it is for the organiser's harvest.
    await cafe.phone(0).client.send('sync', { since: 0 });
    expect(cafe.phone(0).client.received.some((r) => r.type === 'notes.imported')).toBe(false);
    const csv = await (
      await server.get(`/api/events/${cafe.eventId}/export.csv`, cafe.facilitatorToken)
    ).text();
    expect(csv).toContain('From the tablecloth,anonymous');
    expect(csv).toContain('imported');
  });
});
