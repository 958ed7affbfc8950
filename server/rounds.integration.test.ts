/**
 * Changing a café while it runs, over real sockets against the real server process: the
 * facilitator rewords the live question and changes its minutes, and the phones hold the new
 * question and end time at once; a round is added and taken out again; an announcement reaches
 * a café's phones.
 */
import { describe, expect, it } from 'vitest';
import { currentAnnouncement } from '../lib/announcements';
import { STORES, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings } from './testing/harness';

const MIN = 60_000;

describe.each(STORES)('a café changed while it runs, on the %s store', (store) => {
  const server = useServer({ store });

  it('the live question and its minutes change on every phone; a round comes and goes', async () => {
    const cafe = await server.runningCafe(cafeSettings(), ['Ann', 'Bo']);
    const ann = cafe.phone(0).client;
    const before = await stateSeenBy(ann);
    const endsAt = before.rounds[0]?.endsAt ?? 0;

    const edit = await cafe.f.act('round.edit', {
      round: 0,
      question: 'What matters most to you?',
      minutes: 25,
    });
    expect(edit).toMatchObject({ ok: true });
    // Pushed to the phone as it happens, and in what it folds.
    const pushed = await ann.waitFor((r) => r.type === 'round.edited');
    expect(pushed.payload).toEqual({
      round: 0,
      question: 'What matters most to you?',
      minutes: 25,
      endsAt: endsAt + 5 * MIN,
      remainingMs: null,
    });
    const after = await stateSeenBy(ann);
    expect(after.settings.rounds[0]).toEqual({ question: 'What matters most to you?', minutes: 25 });
    expect(after.rounds[0]?.endsAt).toBe(endsAt + 5 * MIN);
    expect(after.rounds[0]?.status).toBe('running');

    expect(await cafe.f.act('round.add', { question: 'What will you do first?', minutes: 10 })).toMatchObject(
      {
        ok: true,
      },
    );
    await ann.waitFor((r) => r.type === 'round.added');
    expect((await stateSeenBy(ann)).settings.rounds.map((r) => r.question)).toEqual([
      'What matters most to you?',
      'What could we do?',
      'What will you do first?',
    ]);
    // The running round stays; the new one goes again.
    expect(await cafe.f.act('round.remove', { round: 0 })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state' },
    });
    expect(await cafe.f.act('round.remove', { round: 2 })).toMatchObject({ ok: true });
    await ann.waitFor((r) => r.type === 'round.removed');
    const bo = await stateSeenBy(cafe.phone(1).client);
    expect(bo.settings.rounds.map((r) => r.question)).toEqual([
      'What matters most to you?',
      'What could we do?',
    ]);
    expect(bo.rounds).toHaveLength(2);
  });

  it('an announcement reaches a café’s phones and goes when cleared', async () => {
    const cafe = await server.runningCafe(cafeSettings(), ['Cy']);
    const phone = cafe.phone(0).client;
    expect(await cafe.f.act('announce', { text: 'Tea is in the side room.' }, 'announce-tea')).toMatchObject({
      ok: true,
    });
    await phone.waitFor((r) => r.id === 'announce-tea');
    expect(currentAnnouncement(await stateSeenBy(phone))?.text).toBe('Tea is in the side room.');
    expect(await cafe.f.act('announcement.clear', { announcementId: 'announce-tea' })).toMatchObject({
      ok: true,
    });
    await phone.waitFor((r) => r.type === 'announcement.cleared');
    expect(currentAnnouncement(await stateSeenBy(phone))).toBeUndefined();
  });
});
