/** The HTTP API against the real server: creating a café, join info, exports and their permissions. */
import { describe, expect, it } from 'vitest';
import { useServer } from './testing/fixture';
import { cafeSettings } from './testing/harness';

const server = useServer();

const post = (body: string) =>
  fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('creating a café over HTTP', () => {
  it('creates a café and returns its id, join code and facilitator token', async () => {
    const res = await post(JSON.stringify({ settings: cafeSettings() }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body.eventId).toMatch(/^[\w-]{12}$/);
    expect(body.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(body.facilitatorToken).toMatch(/^[\w-]{32}$/);
  });

  it.each([
    ['not JSON', '{nope', 400, 'not valid JSON'],
    ['no settings', '{}', 400, 'settings'],
    ['an empty title', JSON.stringify({ settings: cafeSettings({ title: '  ' }) }), 400, 'title'],
    ['no rounds', JSON.stringify({ settings: cafeSettings({ rounds: [] }) }), 400, 'rounds'],
    [
      'a 0-minute round',
      JSON.stringify({ settings: cafeSettings({ rounds: [{ question: 'Q', minutes: 0 }] }) }),
      400,
      'rounds.0.minutes',
    ],
    ['an unknown field', JSON.stringify({ settings: { ...cafeSettings(), colour: 'red' } }), 400, 'colour'],
    [
      'a huge body',
      JSON.stringify({ settings: cafeSettings({ purpose: 'x'.repeat(70_000) }) }),
      413,
      'too large',
    ],
  ])('refuses %s with a specific error', async (_what, body, status, words) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const reply = (await res.json()) as {
      ok: boolean;
      error: { message: string; issues?: { path: string }[] };
    };
    expect(reply.ok).toBe(false);
    const said = `${reply.error.message} ${JSON.stringify(reply.error.issues ?? [])}`;
    expect(said).toContain(words);
  });
});

describe('join information', () => {
  it('tells a phone the title, purpose and name rule before it joins', async () => {
    const cafe = await server.createCafe(cafeSettings({ identity: 'anonymous', purpose: 'Why we meet' }));
    const res = await fetch(`${server.url}/api/join/${cafe.joinCode.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      title: 'Test café',
      purpose: 'Why we meet',
      identity: 'anonymous',
    });
  });

  it('tells a phone what its privacy notice says and which optional questions it asks', async () => {
    const plain = await server.createCafe(cafeSettings());
    const info = async (code: string) =>
      (await (await fetch(`${server.url}/api/join/${code}`)).json()) as unknown;
    // The server's retention (RETENTION_DAYS, 365 unless set) is what the notice says.
    expect(await info(plain.joinCode)).toMatchObject({
      ok: true,
      retentionDays: 365,
      notice: '',
      groups: [],
      askNeeds: false,
      askFirstTime: false,
      openSpace: false,
    });
    const asking = await server.createCafe(
      cafeSettings({
        notice: 'Ask Sam at the door.',
        groups: ['Carer', 'Staff'],
        askNeeds: true,
        askFirstTime: true,
      }),
    );
    expect(await info(asking.joinCode)).toMatchObject({
      notice: 'Ask Sam at the door.',
      groups: ['Carer', 'Staff'],
      askNeeds: true,
      askFirstTime: true,
    });
  });

  it('says whether the event is letting new people in', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const info = async () =>
      (await (await fetch(`${server.url}/api/join/${cafe.joinCode}`)).json()) as unknown;
    expect(await info()).toMatchObject({ ok: true, open: true });
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    expect(await f.act('event.lock', { locked: true })).toMatchObject({ ok: true });
    expect(await info()).toMatchObject({ ok: true, open: false });
    expect(await f.act('event.lock', { locked: false })).toMatchObject({ ok: true });
    expect(await info()).toMatchObject({ ok: true, open: true });
  });

  it('says plainly when a code is unknown or malformed', async () => {
    const unknown = await fetch(`${server.url}/api/join/ZZZZZZ`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('ZZZZZZ');
    const bad = await fetch(`${server.url}/api/join/${encodeURIComponent('<script>')}`);
    expect(bad.status).toBe(400);
  });
});

describe('downloading the notes', () => {
  it('needs this café’s facilitator token', async () => {
    const cafe = await server.createCafe();
    const other = await server.createCafe();
    const url = `${server.url}/api/events/${cafe.eventId}/export.csv`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: 'Bearer short' } })).status).toBe(403);
    expect(
      (await fetch(url, { headers: { authorization: `Bearer ${other.facilitatorToken}` } })).status,
    ).toBe(403);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/csv');
    expect(ok.headers.get('content-disposition')).toContain('test-cafe-notes.csv');
    expect(await ok.text()).toContain('round,question,table,note,author');
  });

  it('answers unknown events and formats with 404', async () => {
    const cafe = await server.createCafe();
    const auth = { headers: { authorization: `Bearer ${cafe.facilitatorToken}` } };
    expect((await fetch(`${server.url}/api/events/${cafe.eventId}/export.pdf`, auth)).status).toBe(404);
    expect((await fetch(`${server.url}/api/events/nope/export.csv`, auth)).status).toBe(404);
    expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
  });
});
