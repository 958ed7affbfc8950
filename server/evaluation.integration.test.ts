/**
 * The evaluation at the end, over real sockets: the organiser opens it, two phones answer (one of
 * them twice), and the console counts two answers, live and on catching up, without ever being
 * told whose they are. A third phone never receives anyone's answer; each person's own phone
 * knows its own. The harvest report gives the counts and the open answers, and no names.
 */
import { describe, expect, it } from 'vitest';
import { tallyEvaluation } from '../lib/evaluation/state';
import type { EventRecord } from '../lib/records';
import { EventSettingsSchema } from '../lib/settings';
import { STORES, stateSeenBy, useServer } from './testing/fixture';
import { cafeSettings, newToken } from './testing/harness';

describe.each(STORES)('the evaluation on the %s store', (store) => {
  const server = useServer({ store });

  it('counts two phones’ answers on the console, with no names, and a third phone hears nothing', async () => {
    const settings = EventSettingsSchema.parse({
      ...cafeSettings({ tables: 1 }),
      evaluation: { statements: ['listened', 'welcome'], open: 'What one thing would you change?' },
    });
    const cafe = await server.runningCafe(settings, ['Ann Quill', 'Bo Reed', 'Cy Marsh']);
    const [ann, bo, cy] = [cafe.phone(0), cafe.phone(1), cafe.phone(2)];
    const token = newToken();
    expect(await cafe.f.act('link.create', { role: 'projector', label: 'Hall', token })).toMatchObject({
      ok: true,
    });
    const hall = await server.facilitator(cafe.eventId, token);

    const answer = { answers: { listened: 4, welcome: 5 }, open: 'Longer rounds' };
    expect(await ann.client.act('evaluation.answer', answer)).toMatchObject({
      ok: false,
      error: { code: 'wrong_state' },
    });
    expect(await cafe.f.act('evaluation.open', { open: true })).toMatchObject({ ok: true });
    for (const c of [ann.client, bo.client, cy.client, hall])
      await c.waitFor((r) => r.type === 'evaluation.opened');

    expect(await ann.client.act('evaluation.answer', answer, `eval_${store}_ann1`)).toMatchObject({
      ok: true,
    });
    expect(await bo.client.act('evaluation.answer', { answers: { listened: 2 } })).toMatchObject({
      ok: true,
    });
    // Ann changes her mind: her answer is replaced, not counted twice.
    expect(
      await ann.client.act('evaluation.answer', { answers: { listened: 5, welcome: 5 }, open: 'Nothing' }),
    ).toMatchObject({ ok: true });

    const answered = (r: EventRecord) => r.type === 'evaluation.answered';
    for (const c of [cafe.f, hall]) {
      await c.waitFor((r) => answered(r) && (r.payload as { open: string }).open === 'Nothing');
      const live = c.received.filter(answered);
      expect(live).toHaveLength(3);
      for (const r of live) {
        expect(r.actor).toEqual({ role: 'anonymous' });
        expect(r.people).toBeUndefined();
      }
      const state = await stateSeenBy(c);
      const tally = tallyEvaluation(state);
      expect(tally.answers).toBe(2);
      expect(tally.statements).toEqual([
        { id: 'listened', counts: [0, 1, 0, 0, 1], answered: 2, agree: 50 },
        { id: 'welcome', counts: [0, 0, 0, 0, 1], answered: 1, agree: 100 },
      ]);
      expect(tally.open).toEqual(['Nothing']);
      const seen = JSON.stringify([...c.received.filter(answered), state.evaluation]);
      for (const p of [ann, bo]) expect(seen).not.toContain(p.id);
    }

    // Each person's own phone knows its answer; the third phone is never sent anyone's.
    const own = await stateSeenBy(ann.client);
    expect(own.evaluation.by[ann.id]).toBe(`eval_${store}_ann1`);
    expect(Object.keys(own.evaluation.answers)).toEqual([`eval_${store}_ann1`]);
    const sync = await cy.client.send('sync', { since: 0 });
    if (!sync.ok) throw new Error(sync.error.message);
    const third = [...cy.client.received, ...sync.records, ...sync.backfill];
    expect(third.filter(answered)).toEqual([]);
    expect(tallyEvaluation(await stateSeenBy(cy.client)).answers).toBe(0);

    // Once anyone has answered, what it asks stays; the report counts, and names nobody.
    expect(await cafe.f.act('evaluation.set', { statements: [], open: '' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state' },
    });
    expect(await cafe.f.act('harvest.start', { votesPerPerson: 3 })).toMatchObject({ ok: true });
    const report = await (
      await server.get(`/api/events/${cafe.eventId}/harvest.md`, cafe.facilitatorToken)
    ).text();
    expect(report).toContain('2 people answered the evaluation');
    expect(report).toContain('“Nothing”');
    for (const name of ['Ann Quill', 'Bo Reed'])
      expect(report.split('## Evaluation')[1] ?? '').not.toContain(name);
  });
});
