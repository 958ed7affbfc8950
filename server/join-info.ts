/**
 * The join screen's details for the phone page's first render (see `lib/join-info.ts`): the same
 * public facts `GET /api/join/<code>` answers with.
 */
import type { JoinInfo } from '../lib/join-info';
import { asksFirstTime, asksNeeds, groupsOf } from '../lib/people/about';
import { JoinCodeSchema } from '../lib/protocol';
import type { EventState } from '../lib/state';
import type { Events } from './events';

/** What the join screen shows for an event, with the server's retention for its privacy notice. */
export function joinInfoOf(state: EventState, code: string, retentionDays: number): JoinInfo {
  const { title, purpose, identity } = state.settings;
  return {
    code,
    title,
    purpose,
    identity,
    open: !state.locked,
    retentionDays,
    notice: state.settings.notice ?? '',
    groups: groupsOf(state.settings),
    askNeeds: asksNeeds(state.settings),
    askFirstTime: asksFirstTime(state.settings),
    openSpace: state.settings.openSpace !== null,
  };
}

export function joinInfoLookup(events: Events, retentionDays: number) {
  return async (raw: string): Promise<JoinInfo | null> => {
    const code = JoinCodeSchema.safeParse(raw);
    if (!code.success) return null;
    const eventId = await events.store.eventIdByJoinCode(code.data);
    const room = eventId ? await events.get(eventId) : null;
    if (!room) return null;
    return joinInfoOf(room.state, code.data, retentionDays);
  };
}
