/**
 * Closing the loop over real sockets: phones (the product's own client, with its saved copy) are
 * told where and when the results will be shared, live when the organiser changes it; the link to
 * "What you told us" appears on every joined phone the moment the harvest is published and goes
 * when it is taken down; and a phone whose page is opened again after the event, with the server
 * gone, still has it from its saved copy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resultsNews, resultsOf } from '../lib/harvest/results';
import { personById } from '../lib/state';
import { STORES, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';
import { SimPhone } from './testing/phone';

const DAY = 24 * 60 * 60 * 1000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const WHERE = 'on this page and at the Tuesday drop-in';

describe.each(STORES)('where and when the results will be shared, on the %s store', (store) => {
  const server = useServer({ store });
  const phones: SimPhone[] = [];
  afterAll(() => {
    for (const p of phones) p.close();
  });

  const phoneAt = (code: string, name: string) => {
    const p = new SimPhone({ kind: 'participant', code, token: newToken(), name }, server.url);
    phones.push(p);
    return p;
  };

  it('is set up with the event, and refused when its date makes no sense', async () => {
    const by = dayFromNow(30);
    const made = await server.createCafe({ ...cafeSettings(), results: { where: WHERE, by } });
    const f = await server.facilitator(made.eventId, made.facilitatorToken);
    const ada = phoneAt(made.joinCode, 'Ada');
    await ada.settled();
    const state = ada.state.event;
    if (!state) throw new Error('the phone has no event');
    expect(resultsOf(state)).toEqual({ where: WHERE, by });
    f.close();

    for (const bad of [dayFromNow(-3), dayFromNow(800)]) {
      const res = await fetch(`${server.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ settings: { ...cafeSettings(), results: { where: '', by: bad } } }),
      });
      expect(res.status).toBe(400);
      const reply = (await res.json()) as { error: { code: string; message: string; issues: unknown[] } };
      // Named as the settings' other issues are: settings.<field>.
      const why =
        bad < dayFromNow(0)
          ? `The date the results will be shared by must be on or after ${dayFromNow(-1)}.`
          : `The date the results will be shared by must be within two years (by ${dayFromNow(731)}).`;
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'invalid_message',
          message: `The event settings are not valid: settings.results.by: ${why}`,
          issues: [{ path: 'settings.results.by', message: why }],
        },
      });
    }
  });

  it('reaches phones live, and the told link comes and goes with publishing, on every phone', async () => {
    const made = await server.createCafe(cafeSettings({ tables: 1 }));
    const cafe = { ...made, f: await server.facilitator(made.eventId, made.facilitatorToken) };
    const [ada, ben] = [phoneAt(cafe.joinCode, 'Ada'), phoneAt(cafe.joinCode, 'Ben')];
    await Promise.all([ada.settled(), ben.settled()]);
    expect(await cafe.f.act('seating.plan', {})).toMatchObject({ ok: true });
    expect(await cafe.f.act('round.start', {})).toMatchObject({ ok: true });
    await ada.until((s) => s.event?.rounds[0]?.status === 'running', 10_000, 'round 1');
    const me = (p: SimPhone) => p.state.me ?? '';
    const news = (p: SimPhone) => (p.state.event ? resultsNews(p.state.event, me(p)) : undefined);
    expect(news(ada)).toBeNull();

    // Ben leaves: his phone says at once that the organiser has said nothing yet.
    ben.conn.send('participant.leave', {});
    await ben.until((s) => !!s.event && personById(s.event, me(ben))?.left === true, 10_000, 'leaving');
    expect(news(ben)).toEqual({ kind: 'untold' });

    // The organiser says where and when: every phone is told, without a reload.
    const by = dayFromNow(14);
    expect(await cafe.f.act('results.set', { where: WHERE, by })).toMatchObject({ ok: true });
    await ben.until((s) => s.event?.settings.results?.where === WHERE, 10_000, 'the results line');
    await ada.until((s) => s.event?.settings.results?.where === WHERE, 10_000, 'the results line');
    expect(news(ben)).toEqual({ kind: 'promised', results: { where: WHERE, by } });

    expect(await cafe.f.act('harvest.start', { votesPerPerson: 3 })).toMatchObject({ ok: true });
    expect(await cafe.f.act('harvest.publish', { published: true })).toMatchObject({ ok: true });
    const told = { kind: 'published', href: `/told/${cafe.eventId}`, results: { where: WHERE, by } };
    for (const p of [ada, ben]) {
      await p.until((s) => s.event?.harvest?.published === true, 10_000, 'publishing');
      expect(news(p)).toEqual(told);
    }

    expect(await cafe.f.act('harvest.publish', { published: false })).toMatchObject({ ok: true });
    for (const p of [ada, ben]) {
      await p.until((s) => s.event?.harvest?.published === false, 10_000, 'unpublishing');
      expect(news(p)).toEqual({ kind: 'promised', results: { where: WHERE, by } });
    }

    expect(await cafe.f.act('harvest.publish', { published: true })).toMatchObject({ ok: true });
    await ada.until((s) => s.event?.harvest?.published === true, 10_000, 'publishing again');
    await ada.settled();

    // After the event, the phone page is opened again from the home screen: the server is gone.
    await server.stop();
    const later = ada.reload();
    phones.push(later);
    expect(later.state.status).not.toBe('online');
    expect(later.state.event ? resultsNews(later.state.event, later.state.me ?? '') : null).toEqual(told);
    await server.start();
  });
});
