/**
 * The join screen's details for the phone page's first render (see `lib/join-info.ts`): the same
 * public facts `GET /api/join/<code>` answers with.
 */
import type { JoinInfo } from '../lib/join-info';
import { JoinCodeSchema } from '../lib/protocol';
import type { Events } from './events';

export function joinInfoLookup(events: Events) {
  return async (raw: string): Promise<JoinInfo | null> => {
    const code = JoinCodeSchema.safeParse(raw);
    if (!code.success) return null;
    const eventId = await events.store.eventIdByJoinCode(code.data);
    const room = eventId ? await events.get(eventId) : null;
    if (!room) return null;
    const { title, purpose, identity } = room.state.settings;
    return { code: code.data, title, purpose, identity, open: !room.state.locked };
  };
}
