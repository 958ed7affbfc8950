/**
 * The wire format of docs/protocol.md section 1, spoken raw over a websocket by the load
 * benchmark's lean client (bench/load/wire.ts), against the real server: what someone writing
 * their own client from the docs would send and receive.
 */
import { nanoid } from 'nanoid';
import { describe, expect, it } from 'vitest';
import { Wire } from '../bench/load/wire';
import type { Replies } from '../lib/protocol';
import type { EventRecord } from '../lib/records';
import { useServer } from './testing/fixture';
import { cafeSettings } from './testing/harness';

describe('the Socket.IO wire format spoken raw', () => {
  const server = useServer({ store: 'sqlite' });

  it('joins with the catch-up, is acknowledged or refused, and hears a tablemate’s note', async () => {
    const cafe = await server.createCafe(cafeSettings({ tables: 1 }));
    const f = await server.facilitator(cafe.eventId, cafe.facilitatorToken);
    const ann = await server.phone(cafe.joinCode, 'Ann');
    expect((await f.act('seating.plan', {})).ok).toBe(true);
    expect((await f.act('round.start', {})).ok).toBe(true);

    const wire = await Wire.connect(server.url);
    const heard: EventRecord[] = [];
    wire.on('record', (rec: EventRecord) => heard.push(rec));
    const joined = (await wire
      .timeout(5_000)
      .emitWithAck('join', { code: cafe.joinCode, token: nanoid(32), since: 0 })) as Replies['join'];
    if (!joined.ok || !joined.catchUp) throw new Error(`join failed: ${JSON.stringify(joined)}`);
    // A late arrival during round 1 is seated by its own join record, in the catch-up.
    const mine = joined.catchUp.records.find(
      (r) => r.type === 'participant.joined' && r.payload.participantId === joined.participantId,
    );
    const table = mine?.type === 'participant.joined' ? mine.payload.table : null;
    expect(table).toEqual(expect.any(Number));

    // A refusal comes back as the acknowledgement, specific and harmless.
    const bad = (await wire
      .timeout(5_000)
      .emitWithAck('act', { id: 'x', type: 'note.post' })) as Replies['act'];
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_message' } });

    const posted = await new Promise<Replies['act']>((resolve, reject) =>
      wire.timeout(5_000).emit(
        'act',
        {
          id: `wire-${nanoid(10)}`,
          type: 'note.post',
          payload: { text: 'Said on the wire', round: 0, table },
        },
        (err, reply) => (err ? reject(err) : resolve(reply)),
      ),
    );
    expect(posted).toMatchObject({ ok: true, duplicate: false });

    // One table: Ann hears the raw client's note, and the raw client hears hers.
    await ann.client.waitFor((r) => r.type === 'note.posted' && r.payload.text === 'Said on the wire');
    expect((await ann.client.act('note.post', { text: 'Heard on the wire', round: 0, table })).ok).toBe(true);
    await expect
      .poll(() => heard.some((r) => r.type === 'note.posted' && r.payload.text === 'Heard on the wire'))
      .toBe(true);
    wire.close();
  });
});
