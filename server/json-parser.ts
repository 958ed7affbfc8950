/**
 * Socket.IO's packet codec, minus one cost: the stock encoder searches every outgoing packet, all
 * the way down, for binary attachments before writing it as JSON. This server never sends binary
 * (records, replies and pushes are plain JSON), so the search is wasted work on every push and
 * every catch-up answer. The packets written are the same text the stock encoder writes for them,
 * so every Socket.IO client reads them as before; incoming packets use the stock decoder.
 */
import { Decoder, type Packet, PacketType, protocol } from 'socket.io-parser';

export class JsonEncoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += packet.id;
    if (packet.data !== undefined && packet.data !== null) text += JSON.stringify(packet.data);
    return [text];
  }
}

/** The `parser` option of the Socket.IO server. */
export const jsonParser = { protocol, PacketType, Encoder: JsonEncoder, Decoder };
