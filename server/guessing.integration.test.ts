/**
 * Guessing secrets against the real server: join codes, event ids and facilitator links. A wrong
 * guess tells nothing it should not, and an address that keeps guessing is refused every look-up
 * for a while, right or wrong, over HTTP and the socket alike (GUESS_LIMITS in lib/limits.ts).
 */
import { describe, expect, it } from 'vitest';
import { GUESS_LIMITS } from '../lib/limits';
import { Guesses, networkOf } from './rate-limit';
import { useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

describe('the guess budget', () => {
  it('counts wrong guesses per address and per network, and refuses once either is spent', () => {
    expect(networkOf('192.0.2.17')).toBe('192.0.2.0/24');
    expect(networkOf('::ffff:192.0.2.17')).toBe('192.0.2.0/24');
    expect(networkOf('2001:db8:1:2:a:b:c:d')).toBe('2001:db8:1:2::/64');
    const guesses = new Guesses();
    for (let i = 0; i < GUESS_LIMITS.address.points; i++) guesses.failed('192.0.2.17');
    expect(guesses.allowed('192.0.2.17')).toBe(false);
    // A neighbour on the same network still has budget, until the network's is spent too.
    expect(guesses.allowed('192.0.2.18')).toBe(true);
    for (let n = 18; guesses.allowed(`192.0.2.${n}`); n++)
      for (let i = 0; i < 5; i++) guesses.failed(`192.0.2.${n}`);
    expect(guesses.allowed('192.0.2.250')).toBe(false);
    expect(guesses.allowed('198.51.100.1')).toBe(true);
  });

  it('allows several look-ups at once only while the budget holds a wrong guess for each', () => {
    const guesses = new Guesses();
    const { points } = GUESS_LIMITS.address;
    expect(guesses.allowed('203.0.113.5', points)).toBe(true);
    expect(guesses.allowed('203.0.113.5', points + 1)).toBe(false);
    guesses.failed('203.0.113.5');
    expect(guesses.allowed('203.0.113.5', points)).toBe(false);
    expect(guesses.allowed('203.0.113.5', points - 1)).toBe(true);
    expect(guesses.allowed('203.0.113.5')).toBe(true);
  });
});

describe('guessing against the server', () => {
  const server = useServer();

  it('answers a missing event and a wrong facilitator link alike', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const c = await server.connect();
    const wrongToken = await c.send('facilitate', { eventId: cafe.eventId, token: newToken() });
    const missing = await (await server.connect()).send('facilitate', {
      eventId: 'evt_doesnotexist',
      token: cafe.facilitatorToken,
    });
    expect(wrongToken).toEqual({
      ok: false,
      error: { code: 'bad_token', message: 'This facilitator link is not valid.' },
    });
    expect(missing).toEqual(wrongToken);
  });

  it('takes a token only as "Authorization: Bearer <token>"', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const path = `${server.url}/api/events/${cafe.eventId}/export.json`;
    const as = (authorization: string) => fetch(path, { headers: { authorization } });
    expect((await as(`Bearer ${cafe.facilitatorToken}`)).status).toBe(200);
    expect((await as(cafe.facilitatorToken)).status).toBe(403);
    expect((await as(`Basic ${cafe.facilitatorToken}`)).status).toBe(403);
  });

  it('refuses every look-up from an address that keeps guessing join codes, right ones too', async () => {
    const cafe = await server.createCafe(cafeSettings());
    const codes = Array.from({ length: 40 }, (_, i) => `ZQ${String(1000 + i)}`).filter(
      (c) => c !== cafe.joinCode,
    );
    let wrong = 0;
    for (const code of codes) {
      const res = await fetch(`${server.url}/api/join/${code}`);
      if (res.status === 429) break;
      expect(res.status).toBe(404);
      wrong++;
    }
    // The tests before this one guessed wrong three times from this address.
    expect(wrong).toBeLessThanOrEqual(GUESS_LIMITS.address.points);
    const refused = await fetch(`${server.url}/api/join/${cafe.joinCode}`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const phone = await server.connect();
    expect(await phone.send('join', { code: cafe.joinCode, name: null, token: newToken() })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    expect(
      await (await server.connect()).send('facilitate', {
        eventId: cafe.eventId,
        token: cafe.facilitatorToken,
      }),
    ).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
