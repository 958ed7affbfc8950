/**
 * Which notes are themed together: each café round's notes answer one question, and the Open
 * Space's session notes answer its theme. Theming within a question is both faster and better
 * than across questions (the same words mean different things under different questions).
 */
import { type EventState, liveNotes, type Note } from '../state';

export interface NoteGroup {
  key: string;
  question: string;
  notes: Note[];
}

export function noteGroups(state: EventState): NoteGroup[] {
  const live = liveNotes(state);
  const groups: NoteGroup[] = state.settings.rounds.map((r, i) => ({
    key: `r${i + 1}`,
    question: r.question,
    notes: live.filter((n) => n.session === null && n.round === i),
  }));
  if (state.settings.openSpace) {
    groups.push({
      key: 'os',
      question: state.settings.openSpace.theme,
      notes: live.filter((n) => n.session !== null),
    });
  }
  return groups.filter((g) => g.notes.length > 0);
}

/** The question a note answered (the group its themes belong to). */
export const questionOf = (state: EventState, n: Note) =>
  n.session !== null
    ? (state.settings.openSpace?.theme ?? '')
    : (state.settings.rounds[n.round]?.question ?? '');

/** Where a note was written, in words. */
export const placeName = (state: EventState, n: Note) =>
  n.session !== null
    ? `Session “${state.openSpace?.sessions[n.session]?.title ?? ''}”`
    : `Round ${n.round + 1}, table ${n.table}`;

/** The spread of a theme in words, from its notes' places: "3 tables", "2 sessions", "1 table and 1 session". */
export function spreadText(places: Iterable<string>): string {
  const keys = [...new Set(places)];
  const sessions = keys.filter((k) => k.startsWith('s:')).length;
  const tables = keys.length - sessions;
  const part = (n: number, one: string, many: string) => (n ? `${n} ${n === 1 ? one : many}` : '');
  return (
    [part(tables, 'table', 'tables'), part(sessions, 'session', 'sessions')].filter(Boolean).join(' and ') ||
    'nowhere yet'
  );
}

/** Where a note was written, for "how many tables or sessions a theme came from". */
export const placeOf = (n: Note) => (n.session !== null ? `s:${n.session}` : `t:${n.round}:${n.table}`);
