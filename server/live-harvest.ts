/**
 * The live harvest view of each event, kept incrementally: one LiveThemer per question (and per
 * granularity asked for), fed only the notes it has not seen, so a new note joins a theme (or
 * waits) without reshuffling the themes already on the projector, and labels stay put. Small
 * groups are themed in one go until there are enough notes for live themes to be worth fixing.
 * The look across all questions is themed in one go, once per change to the event.
 */
import { acrossQuestions, type LiveGroup, liveThemes, themeGroup } from '../lib/harvest/actions';
import type { NoteGroup } from '../lib/harvest/groups';
import { LIVE_FIRST_THEMES, LiveThemer } from '../lib/harvest/theming';
import type { EventRoom } from './room';

interface GroupThemer {
  themer: LiveThemer;
  texts: Map<string, string>;
}

export interface LiveThemesQuery {
  /** -2 (fewest themes) to +2 (most); 0 by default. */
  granularity?: number;
  /** Theme every note as one group, across all questions. */
  across?: boolean;
}

const byRoom = new WeakMap<EventRoom, Map<string, GroupThemer>>();
const acrossByRoom = new WeakMap<EventRoom, { at: string; groups: LiveGroup[] }>();

export function liveThemesFor(
  room: EventRoom,
  { granularity = 0, across = false }: LiveThemesQuery = {},
): LiveGroup[] {
  if (across) {
    const at = `${room.state.seq}@${granularity}`;
    const cached = acrossByRoom.get(room);
    if (cached?.at === at) return cached.groups;
    const groups = acrossQuestions(room.state, granularity, room.services.vectors);
    acrossByRoom.set(room, { at, groups });
    return groups;
  }
  let groups = byRoom.get(room);
  if (!groups) {
    groups = new Map();
    byRoom.set(room, groups);
  }
  const known = groups;
  return liveThemes(room.state, (g: NoteGroup) => {
    const key = granularity ? `${g.key}@${granularity}` : g.key;
    if (g.notes.length < LIVE_FIRST_THEMES && !known.has(key))
      return themeGroup(g, granularity, room.services.vectors);
    let entry = known.get(key);
    if (!entry) {
      entry = {
        themer: new LiveThemer({
          question: g.question,
          ...(room.services.vectors ? { vectors: room.services.vectors } : {}),
          ...(granularity ? { granularity } : {}),
        }),
        texts: new Map(),
      };
      known.set(key, entry);
    }
    const present = new Set<string>();
    for (const n of g.notes) {
      present.add(n.id);
      if (entry.texts.get(n.id) !== n.text) {
        entry.themer.add({ id: n.id, text: n.text });
        entry.texts.set(n.id, n.text);
      }
    }
    // Withdrawn notes leave the live view too.
    for (const id of [...entry.texts.keys()]) {
      if (!present.has(id)) {
        entry.themer.remove(id);
        entry.texts.delete(id);
      }
    }
    return entry.themer.result();
  });
}
