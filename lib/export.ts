/**
 * The café's notes as files an organiser can keep: Markdown to read, CSV for spreadsheets, JSON
 * for programs. A pure fold over the event's state; withdrawn notes and notes the
 * facilitators removed are left out.
 */
import { spreadsheetCsv } from './csv';
import { mdText, readableTime } from './markdown';
import { groupCountsOf } from './people/about';
import type { GroupCounts } from './protocol';
import { type EventState, liveNotes, type Note, peopleOf, personById, shownAuthor } from './state';

export interface ExportedNote {
  id: string;
  round: number;
  question: string;
  table: number;
  text: string;
  author: string;
  /** Where the words came from: a phone, a paper card typed in on the day, or an import afterwards. */
  source: NoteSource;
  writtenAt: string;
  editedAt: string | null;
}

export interface ExportedCafe {
  title: string;
  purpose: string;
  exportedAt: string;
  participants: {
    joined: number;
    named: number;
    anonymous: number;
    /**
     * "I'm here as…" as counts only (when the event asks it): no note, name or row is ever
     * exported beside a group, and nobody's access needs are exported at all.
     */
    groups?: GroupCounts;
  };
  rounds: {
    round: number;
    question: string;
    minutes: number;
    tables: { table: number; host: string | null; notes: ExportedNote[] }[];
  }[];
}

export type NoteSource = 'phone' | 'paper' | 'import';
export const sourceOf = (note: Note): NoteSource => note.source ?? 'phone';
/** How a note's source reads in a spreadsheet or a report. */
export const SOURCE_WORDS: Record<NoteSource, string> = {
  phone: 'phone',
  paper: 'paper card',
  import: 'imported',
};

const iso = (ms: number) => new Date(ms).toISOString();

function authorOf(state: EventState, note: Note): string {
  if (note.source) return note.givenName ?? 'anonymous';
  const author = shownAuthor(note);
  if (!author) return 'anonymous';
  return personById(state, author)?.name ?? 'anonymous';
}

/** Notes grouped by round, then table (tables in number order, notes in the order written). */
export function exportCafe(state: EventState, now: number): ExportedCafe {
  const live = liveNotes(state);
  const people = peopleOf(state);
  const rounds = state.settings.rounds.map((r, i) => {
    const inRound = live.filter((n) => n.round === i);
    const tables = [...new Set(inRound.map((n) => n.table))].sort((a, b) => a - b);
    const hostOf = (table: number) => {
      const pid = state.rounds[i]?.hosts[String(table)];
      return pid ? (personById(state, pid)?.name ?? 'anonymous') : null;
    };
    return {
      round: i + 1,
      question: r.question,
      minutes: r.minutes,
      tables: tables.map((table) => ({
        table,
        host: hostOf(table),
        notes: inRound
          .filter((n) => n.table === table)
          .map((n) => ({
            id: n.id,
            round: i + 1,
            question: r.question,
            table,
            text: n.text,
            author: authorOf(state, n),
            source: sourceOf(n),
            writtenAt: iso(n.postedAt),
            editedAt: n.editedAt === null ? null : iso(n.editedAt),
          })),
      })),
    };
  });
  const groups = groupCountsOf(state);
  return {
    title: state.settings.title,
    purpose: state.settings.purpose,
    exportedAt: iso(now),
    participants: {
      joined: people.length,
      named: people.filter((p) => p.name).length,
      anonymous: people.filter((p) => !p.name).length,
      ...(groups ? { groups } : {}),
    },
    rounds,
  };
}

export const toJson = (cafe: ExportedCafe): string => `${JSON.stringify(cafe, null, 2)}\n`;

/** One row per note. Every cell goes through `csvCell`, so no spreadsheet runs any of them. */
export function toCsv(cafe: ExportedCafe): string {
  const rows = cafe.rounds.flatMap((r) =>
    r.tables.flatMap((t) =>
      t.notes.map((n) => [
        n.round,
        n.question,
        n.table,
        n.text,
        n.author,
        n.writtenAt,
        n.editedAt ?? '',
        n.id,
        SOURCE_WORDS[n.source],
      ]),
    ),
  );
  return spreadsheetCsv(
    ['round', 'question', 'table', 'note', 'author', 'written_at', 'edited_at', 'note_id', 'source'],
    rows,
  );
}

const SOURCE_NOTES: Record<NoteSource, string> = {
  phone: '',
  paper: ' (from a paper card)',
  import: ' (imported)',
};

/** "I'm here as…" in a report: one count per group, and how many did not say. */
function groupLines(groups: GroupCounts | undefined, esc: (s: string) => string): string[] {
  if (!groups) return [];
  const counts = groups.groups.map((g) => `${esc(g.label)}: ${g.count}`);
  return [`I’m here as… ${[...counts, `not said: ${groups.notSaid}`].join('; ')}.`, ''];
}

/** Markdown that reads well as plain text: note text is escaped only where it would become markup. */
export function toMarkdown(cafe: ExportedCafe): string {
  // Every line of a note stays inside its list item.
  const esc = (s: string) => mdText(s, { indent: '  ' });
  const out: string[] = [`# ${esc(cafe.title)}`, ''];
  if (cafe.purpose) out.push(esc(cafe.purpose), '');
  const total = cafe.rounds.reduce((n, r) => n + r.tables.reduce((m, t) => m + t.notes.length, 0), 0);
  out.push(
    `${cafe.participants.joined} people took part (${cafe.participants.anonymous} anonymously); ${total} notes.`,
    '',
    ...groupLines(cafe.participants.groups, esc),
    `Exported ${readableTime(cafe.exportedAt)}.`,
    '',
  );
  for (const r of cafe.rounds) {
    out.push(`## Round ${r.round}: ${esc(r.question)}`, '');
    if (r.tables.length === 0) out.push('_No notes in this round._', '');
    for (const t of r.tables) {
      out.push(`### Table ${t.table}${t.host ? ` (host: ${esc(t.host)})` : ''}`, '');
      for (const n of t.notes)
        out.push(
          `- ${esc(n.text)}${n.author !== 'anonymous' ? ` — ${esc(n.author)}` : ''}${SOURCE_NOTES[n.source]}`,
        );
      out.push('');
    }
  }
  return out.join('\n');
}
