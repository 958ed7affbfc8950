/**
 * The live harvest view of each event, kept incrementally: one LiveThemer per question, fed only
 * the notes it has not seen, so a new note joins a theme (or waits) without reshuffling the
 * themes already on the projector, and labels stay put. Small groups are themed in one go until
 * there are enough notes for live themes to be worth fixing.
 */
import { currentWordVectors, type LiveGroup, liveThemes, themeGroup } from '../lib/harvest/actions';
import type { NoteGroup } from '../lib/harvest/groups';
import { LIVE_FIRST_THEMES, LiveThemer } from '../lib/harvest/theming';
import type { EventRoom } from './room';

interface GroupThemer {
  themer: LiveThemer;
  texts: Map<string, string>;
}

const byRoom = new WeakMap<EventRoom, Map<string, GroupThemer>>();

export function liveThemesFor(room: EventRoom): LiveGroup[] {
  let groups = byRoom.get(room);
  if (!groups) {
    groups = new Map();
    byRoom.set(room, groups);
  }
  const known = groups;
  return liveThemes(room.state, (g: NoteGroup) => {
    if (g.notes.length < LIVE_FIRST_THEMES && !known.has(g.key)) return themeGroup(g);
    let entry = known.get(g.key);
    if (!entry) {
      entry = {
        themer: new LiveThemer({ question: g.question, vectors: currentWordVectors() }),
        texts: new Map(),
      };
      known.set(g.key, entry);
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
