/**
 * Announcements: a line from the facilitators to every phone and the projector ("Lunch has moved
 * to the Garden"), in a World Café and an Open Space alike. The newest one shows until it is
 * cleared or a newer one replaces it; clearing never brings an older one back.
 */
import { z } from 'zod';
import { command, draft } from './command';
import { fail } from './errors';
import { LIMITS } from './limits';
import type { RecordOf } from './records';
import type { EventState } from './state';
import { requiredText } from './text';

export interface Announcement {
  id: string;
  text: string;
  at: number;
  /** When a facilitator cleared it; a cleared announcement is no longer shown anywhere. */
  clearedAt: number | null;
}

/** The announcement every screen shows now, if any. */
export function currentAnnouncement(state: Pick<EventState, 'announcements'>): Announcement | undefined {
  const last = state.announcements[state.announcements.length - 1];
  return last && last.clearedAt === null ? last : undefined;
}

export const announcementCommands = {
  announce: command({
    schema: z.strictObject({
      text: requiredText(LIMITS.announcement, 'an announcement cannot be empty'),
    }),
    roles: ['facilitator'],
    decide: ({ text }) => draft('announcement.made', { text }),
  }),
  /** Takes an announcement off every phone and the projector; null clears whatever is showing. */
  'announcement.clear': command({
    schema: z.strictObject({ announcementId: z.string().min(1).max(64).nullable() }),
    roles: ['facilitator'],
    decide: ({ announcementId }, { state }) => {
      if (announcementId === null) {
        if (!state.announcements.some((a) => a.clearedAt === null))
          return fail('wrong_state', 'There is no announcement to clear.');
        return draft('announcement.cleared', { announcementId: null });
      }
      const a = state.announcements.find((x) => x.id === announcementId);
      if (!a) return fail('not_found', 'There is no such announcement.');
      if (a.clearedAt !== null) return fail('wrong_state', 'That announcement was already cleared.');
      return draft('announcement.cleared', { announcementId });
    },
  }),
};

export function reduceAnnouncements(
  state: EventState,
  rec: RecordOf<'announcement.made'> | RecordOf<'announcement.cleared'>,
): EventState {
  if (rec.type === 'announcement.made')
    return {
      ...state,
      announcements: [
        ...state.announcements,
        { id: rec.id, text: rec.payload.text, at: rec.at, clearedAt: null },
      ],
    };
  const { announcementId } = rec.payload;
  const clears = (a: Announcement) => a.clearedAt === null && (announcementId ?? a.id) === a.id;
  if (!state.announcements.some(clears)) return state;
  return {
    ...state,
    announcements: state.announcements.map((a) => (clears(a) ? { ...a, clearedAt: rec.at } : a)),
  };
}
