/** The live harvest on the projector does not jump around as notes keep arriving. */
import { describe, expect, it } from 'vitest';
import { STORES, useServer } from './testing/fixture';
import { type Client, cafeSettings } from './testing/harness';

const IDEAS = [
  'more buses to the hospital',
  'a bus stop outside the surgery',
  'evening buses for visiting times',
  'cheaper bus fares for carers',
  'lunch clubs so nobody eats alone',
  'befriending visits for people living alone',
  'a friendly face every week for lonely neighbours',
  'coffee mornings at the library to meet people',
  'longer GP appointments for complex needs',
  'see the same doctor each time',
  'phone appointments in the evening',
  'less waiting for a GP appointment',
];

describe.each(STORES)('the live harvest on the %s store', (store) => {
  const server = useServer({ store });

  it('keeps every live theme, its id and its name when another note arrives', async () => {
    const cafe = await server.createCafe(
      cafeSettings({ tables: 1, rounds: [{ question: 'What would help?', minutes: 30 }] }),
    );
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    const phones: Client[] = [];
    for (let i = 0; i < 3; i++) phones.push((await server.phone(cafe.joinCode)).client);
    await f.act('seating.plan', {});
    await f.act('round.start', {});
    let n = 0;
    const post = async (text: string) => {
      const reply = await phones[n++ % phones.length]?.act('note.post', { text, round: 0, table: 1 });
      expect(reply?.ok).toBe(true);
    };
    for (const text of [...IDEAS, ...IDEAS.map((t) => `${t}, please`)]) await post(text);

    const live = async () => {
      const res = await fetch(`${server.url}/api/events/${cafe.eventId}/live-themes`, {
        headers: { authorization: `Bearer ${cafe.facilitatorToken}` },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        groups: { themes: { id: string; label: string; notes: number }[] }[];
      };
      return body.groups[0]?.themes ?? [];
    };
    const before = await live();
    expect(before.length).toBeGreaterThan(0);
    await post('a minibus to the health centre on market day');
    const after = await live();
    for (const t of before) {
      const same = after.find((a) => a.id === t.id);
      expect(same?.label).toBe(t.label);
      expect(same?.notes).toBeGreaterThanOrEqual(t.notes);
    }
    const forbidden = await fetch(`${server.url}/api/events/${cafe.eventId}/live-themes`);
    expect(forbidden.status).toBe(403);
  });
});
