/** The live harvest on the projector does not jump around as notes keep arriving. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  Client,
  cafeSettings,
  createCafe,
  newToken,
  type ServerProcess,
  startServer,
} from './testing/harness';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

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

it('keeps every live theme, its id and its name when another note arrives', async () => {
  const cafe = await createCafe(
    server.url,
    cafeSettings({ tables: 1, rounds: [{ question: 'What would help?', minutes: 30 }] }),
  );
  const f = await Client.connect(server.url);
  await f.send('facilitate', { eventId: cafe.eventId, token: cafe.facilitatorToken });
  const phones: Client[] = [];
  for (let i = 0; i < 3; i++) {
    const c = await Client.connect(server.url);
    const joined = await c.send('join', { code: cafe.joinCode, name: null, token: newToken() });
    if (!joined.ok) throw new Error('join failed');
    phones.push(c);
  }
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
  for (const c of [f, ...phones]) c.close();
});
