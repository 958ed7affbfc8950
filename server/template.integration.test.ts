/**
 * Copying an event as a template over HTTP against the real server: only the organiser's link
 * reads the settings, and what it reads is what `POST /api/events` takes, so the copy is created
 * as set up (and starts empty).
 */
import { describe, expect, it } from 'vitest';
import { EventSettingsSchema } from '../lib/settings';
import type { TemplateSettings } from '../lib/template';
import { OPEN_SPACE, SHORT_CAFE } from '../lib/testing/events';
import { useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

// The refusals below are wrong guesses: this server's budget for them is raised.
const server = useServer({ env: { RATE_LIMIT_SCALE: '5' } });

const SETTINGS = EventSettingsSchema.parse({
  ...SHORT_CAFE,
  title: 'Carers’ café — Northfield',
  purpose: 'What would make caring easier?',
  identity: 'anonymous',
  openSpace: OPEN_SPACE,
  notice: 'Questions? Ask Sam at the desk.',
  groups: ['Carer', 'Staff'],
  askNeeds: true,
  askFirstTime: true,
  // Where the results are shared comes with the copy; by when is the new event's to say.
  results: { where: 'At the Tuesday drop-in', by: null },
  evaluation: { statements: ['listened'], open: 'What next?' },
});

const template = (eventId: string, token?: string) =>
  server.get(`/api/events/${eventId}/template.json`, token);

describe('an event as a template', () => {
  it('gives the organiser the settings, which create a new event set up the same way', async () => {
    const cafe = await server.runningCafe(SETTINGS, ['Margaret Oyelaran', null]);
    await cafe.phone(0).client.act('note.post', {
      text: 'A sitting service so I can get to my own appointments',
      round: 0,
      table: cafe.tableOf(cafe.phone(0)),
    });
    const res = await template(cafe.eventId, cafe.facilitatorToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { ok: true; settings: TemplateSettings };
    expect(body.settings).toEqual(SETTINGS);
    const text = JSON.stringify(body);
    for (const secret of ['Margaret', 'sitting service', cafe.joinCode, cafe.eventId, cafe.facilitatorToken])
      expect(text).not.toContain(secret);

    const copy = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { ...body.settings, title: `${body.settings.title} (copy)` } }),
    });
    expect(copy.status).toBe(201);
    const made = (await copy.json()) as { eventId: string; facilitatorToken: string };
    const again = (await (await template(made.eventId, made.facilitatorToken)).json()) as {
      settings: TemplateSettings;
    };
    expect(again.settings).toEqual({ ...SETTINGS, title: `${SETTINGS.title} (copy)` });
  });

  it('is refused to every other link, to no link, and for an event that is not there', async () => {
    const cafe = await server.runningCafe(cafeSettings(), ['Ann']);
    const co = newToken();
    expect(await cafe.f.act('link.create', { role: 'cofacilitator', label: 'Sam', token: co })).toMatchObject(
      {
        ok: true,
      },
    );
    const other = await server.createCafe(cafeSettings());
    for (const [who, token] of [
      ['no link', undefined],
      ['a co-facilitator', co],
      ['a phone', cafe.phone(0).token],
      ['another event’s organiser', other.facilitatorToken],
      ['a made-up token', newToken()],
    ] as const) {
      const res = await template(cafe.eventId, token);
      expect(res.status, who).toBe(403);
      expect(await res.json(), who).toMatchObject({
        ok: false,
        error: { code: 'bad_token', message: expect.stringContaining('organiser') },
      });
    }
    // An event that does not exist looks the same as a wrong link; an id that cannot be one is 404.
    expect((await template('evt_nosuchevent1', cafe.facilitatorToken)).status).toBe(403);
    expect((await template('no!', cafe.facilitatorToken)).status).toBe(404);
  });
});
