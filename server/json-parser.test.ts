/** The JSON-only encoder writes exactly what Socket.IO's own encoder writes for JSON packets. */
import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { JsonEncoder } from './json-parser';

const packets: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
  {
    type: PacketType.EVENT,
    nsp: '/',
    data: ['record', { seq: 1, payload: { text: 'é "q" \u2028' } }, { after: 0 }],
  },
  { type: PacketType.EVENT, nsp: '/', id: 12, data: ['join', { code: 'AB12CD' }] },
  { type: PacketType.ACK, nsp: '/', id: 7, data: [{ ok: false, error: { code: 'rate_limited' } }] },
  { type: PacketType.EVENT, nsp: '/other', id: 0, data: ['people', { present: 3 }] },
  { type: PacketType.DISCONNECT, nsp: '/' },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } },
];

describe('the JSON-only encoder', () => {
  it('writes the same text as the stock encoder for every packet the server sends', () => {
    for (const p of packets) expect(new JsonEncoder().encode(p)).toEqual(new Encoder().encode(p));
  });
});
