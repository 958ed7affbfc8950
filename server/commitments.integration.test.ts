/**
 * "You said, we did" over real sockets and HTTP, on both stores: after the café's last round and
 * after publishing, the organiser makes a theme's commitment and a co-facilitator adds two dated
 * updates; every screen receives them, and the published page shows the latest status with its
 * history (who is a team, never a person's name), while a theme without one says nothing.
 */
import { describe, expect, it } from 'vitest';
import type { HarvestReport } from '../lib/harvest/report';
import { STORES, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

type PublicReport = Omit<HarvestReport, 'notes'>;

describe.each(STORES)('commitments on the %s store', (store) => {
  const server = useServer({ store });

  it('are made and updated after the café and its publication, and the published page shows them', async () => {
    const cafe = await server.runningCafe(
      cafeSettings({ tables: 1, rounds: [{ question: 'What matters most?', minutes: 20 }] }),
      ['Ann', 'Bo'],
    );
    const [ann, bo] = [cafe.phone(0), cafe.phone(1)];
    for (const [p, text] of [
      [ann, 'More buses in the evening'],
      [bo, 'Evening buses out to the villages'],
      [ann, 'A zebra crossing outside the school'],
    ] as const)
      expect(await p.client.act('note.post', { text, round: 0, table: cafe.tableOf(p) })).toMatchObject({
        ok: true,
      });
    expect(await cafe.f.act('round.end', {})).toMatchObject({ ok: true });
    expect(await cafe.f.act('harvest.start', { votesPerPerson: 3 })).toMatchObject({ ok: true });
    expect(await cafe.f.act('harvest.publish', { published: true })).toMatchObject({ ok: true });
    const themes = (await stateSeenBy(cafe.f)).harvest?.themeOrder ?? [];
    const [theme = '', ...others] = themes;

    // A co-facilitator's link, as the organiser hands it out.
    const token = newToken();
    expect(await cafe.f.act('link.create', { role: 'cofacilitator', label: 'Sam', token })).toMatchObject({
      ok: true,
    });
    const sam = await server.facilitator(cafe.eventId, token);

    // Refused in plain words until there is something to update; the why is asked for.
    expect(await sam.act('commitment.update', { themeId: theme, status: 'done', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state', message: 'Say what you will do for this theme before adding an update.' },
    });
    expect(
      await ann.client.act('commitment.set', { themeId: theme, what: 'Mine', who: '', due: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(
      await cafe.f.act('commitment.set', { themeId: theme, what: 'Buses', who: '', due: '2026-02-30' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_message' } });

    const what = 'Ask the council for an evening bus';
    expect(
      await cafe.f.act('commitment.set', { themeId: theme, what, who: 'Transport team', due: '2026-09-30' }),
    ).toMatchObject({ ok: true });
    expect(
      await sam.act('commitment.update', { themeId: theme, status: 'in_progress', note: 'Met the council' }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await sam.act('commitment.update', { themeId: theme, status: 'not_possible', note: '' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_message',
        message: 'Say why it is not possible: the people who took part will read it.',
      },
    });
    expect(
      await sam.act('commitment.update', {
        themeId: theme,
        status: 'not_possible',
        note: 'No money this year',
      }),
    ).toMatchObject({ ok: true });

    // Every screen is told, phones too (the commitment is public once published).
    const last = (r: { type: string; payload: unknown }) =>
      r.type === 'commitment.updated' && (r.payload as { status: string }).status === 'not_possible';
    await ann.client.waitFor(last);
    await cafe.f.waitFor(last);
    const seen = (await stateSeenBy(bo.client)).harvest?.themes[theme]?.commitment;
    expect(seen).toMatchObject({ what, who: 'Transport team', due: '2026-09-30' });
    expect(seen?.updates.map((u) => u.status)).toEqual(['in_progress', 'not_possible']);

    // The published page: the latest status and its dated history, oldest first.
    const res = await server.get(`/api/published/${cafe.eventId}`);
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { ok: true; report: PublicReport };
    const shown = report.themes.find((t) => t.id === theme);
    expect(shown?.commitment).toMatchObject({
      what,
      who: 'Transport team',
      due: '2026-09-30',
      status: 'not_possible',
      history: [
        { status: 'in_progress', note: 'Met the council' },
        { status: 'not_possible', note: 'No money this year' },
      ],
    });
    const history = shown?.commitment?.history ?? [];
    expect((history[0]?.at ?? '') <= (history[1]?.at ?? '')).toBe(true);
    expect(shown?.commitment?.updatedAt).toBe(history[1]?.at);
    for (const id of others) expect(report.themes.find((t) => t.id === id)?.commitment ?? null).toBeNull();
    // No person's name anywhere on the page.
    expect(JSON.stringify(report)).not.toMatch(/Ann|"Bo"|Sam/);

    // The organiser's Markdown says the same.
    const md = await (
      await server.get(`/api/events/${cafe.eventId}/harvest.md`, cafe.facilitatorToken)
    ).text();
    expect(md).toContain(`**What we will do:** ${what}`);
    expect(md).toContain('- Who: Transport team');
    expect(md).toMatch(/- Status: Not possible \(updated /);
  });
});
