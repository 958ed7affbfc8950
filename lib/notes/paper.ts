/**
 * Notes that were not written on a phone. During the event a helper, a table's host or a
 * facilitator types in someone's paper card: it belongs to that table and round, has no author,
 * and carries a name only if the person gave one. Afterwards the facilitators import notes (a
 * spreadsheet; tablecloths and flipcharts typed up), all in one record: every row is checked and
 * one bad row refuses the whole import, naming each bad row.
 */
import { z } from 'zod';
import { command, type Decision, draft } from '../command';
import { type ActionError, fail } from '../errors';
import { LIMITS } from '../limits';
import { resolveSession } from '../openspace/sessions';
import type { ImportedNote } from '../records';
import { type EventState, personById } from '../state';
import { humanText, requiredText } from '../text';
import { tablesIn } from '../view';

const NoteText = requiredText(LIMITS.note, 'a note cannot be empty');
/** A name given on a paper card: blank means none. */
const GivenName = humanText(LIMITS.name).optional();
const RoundIndex = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.rounds - 1);
const TableNumber = z.number().int().min(1).max(LIMITS.tables);

/**
 * How many tables a round used: none before it is seated, else as many as its seating had
 * (`tablesIn`; older logs: the current count) and never fewer than the highest table anyone sat
 * at or hosted.
 */
export function tablesUsedIn(state: EventState, round: number): number {
  const r = state.rounds[round];
  if (!r || r.status === 'pending') return 0;
  let most = tablesIn(state, round);
  for (const t of Object.values(r.seating)) most = Math.max(most, t);
  for (const t of Object.keys(r.hosts)) most = Math.max(most, Number(t));
  return most;
}

/** Why a note cannot belong to this table in this round (1-based words), or null if it can. */
function badPlace(state: EventState, round: number, table: number): string | null {
  const r = state.rounds[round];
  if (!r) return `there is no round ${round + 1}`;
  if (r.status === 'pending') return `round ${round + 1} has not been seated yet`;
  const tables = tablesUsedIn(state, round);
  if (table > tables)
    return `round ${round + 1} had ${tables === 1 ? 'one table' : `${tables} tables`}, so there is no table ${table}`;
  return null;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const TableRowSchema = z.strictObject({
  table: TableNumber,
  round: RoundIndex,
  text: NoteText,
  name: GivenName,
});
export const SessionRowSchema = z.strictObject({
  session: z.string().min(1).max(64),
  text: NoteText,
  name: GivenName,
});
export const ImportRowSchema = z.union([TableRowSchema, SessionRowSchema]);
export type ImportRow = z.output<typeof ImportRowSchema>;

/**
 * Check every row against the event; the notes to import, or every bad row's problem (row
 * numbers from 1, as a person counts them).
 */
export function checkImport(
  state: EventState,
  rows: readonly ImportRow[],
  rowName: (i: number) => string = (i) => `Row ${i + 1}`,
): { ok: true; notes: ImportedNote[] } | { ok: false; issues: { path: string; message: string }[] } {
  const issues: { path: string; message: string }[] = [];
  const notes: ImportedNote[] = [];
  const anonymous = state.settings.identity === 'anonymous';
  /** What is wrong with one row, or null once its note is taken. */
  const why = (row: ImportRow): string | null => {
    const name = row.name?.trim() ? row.name.trim() : null;
    if (name && anonymous) return 'this event is anonymous, so notes carry no names';
    if ('session' in row) {
      const s = state.openSpace ? resolveSession(state.openSpace, row.session) : undefined;
      if (!s || s.cancelled) return `there is no session "${row.session.slice(0, 40)}"`;
      notes.push({ table: 0, round: -1, session: s.id, text: row.text, name });
      return null;
    }
    const bad = badPlace(state, row.round, row.table);
    if (bad) return bad;
    notes.push({ table: row.table, round: row.round, session: null, text: row.text, name });
    return null;
  };
  rows.forEach((row, i) => {
    const problem = why(row);
    if (problem) issues.push({ path: `notes.${i}`, message: `${rowName(i)}: ${problem}.` });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, notes };
}

/** A refusal naming the first bad rows, with every one in `issues`. */
function importRefusal(issues: { path: string; message: string }[]): Decision {
  const shown = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` And ${issues.length - 3} more.` : '';
  const error: ActionError = {
    code: 'invalid_message',
    message: `Nothing was imported. ${shown.join(' ')}${more}`,
    issues,
  };
  return { ok: false, error };
}

export const paperCommands = {
  'note.transcribe': command({
    schema: z.strictObject({ text: NoteText, round: RoundIndex, table: TableNumber, name: GivenName }),
    roles: ['facilitator', 'helper', 'participant'],
    decide: ({ text, round, table, name }, { state, actor }) => {
      const bad = badPlace(state, round, table);
      if (bad) return fail('wrong_state', `${capitalised(bad)}.`);
      if (actor.role === 'participant') {
        if (personById(state, actor.id)?.left !== false)
          return fail('not_allowed', 'You have left this event; join again to type in notes.');
        const hosts = state.rounds[round]?.hosts ?? {};
        const current = round === state.current ? state.hosts : {};
        if (hosts[String(table)] !== actor.id && current[String(table)] !== actor.id)
          return fail(
            'not_allowed',
            `Only table ${table}'s host, a helper or a facilitator can type in its paper notes.`,
          );
      }
      const given = name?.trim() ? name.trim() : null;
      if (given && state.settings.identity === 'anonymous')
        return fail('not_allowed', 'This event is anonymous, so paper notes carry no names.');
      return draft('note.posted', { table, round, text, source: 'paper', ...(given ? { name: given } : {}) });
    },
  }),
  'notes.import': command({
    schema: z.strictObject({ notes: z.array(ImportRowSchema).min(1).max(LIMITS.importNotes) }),
    roles: ['facilitator'],
    decide: ({ notes }, { state }) => {
      const checked = checkImport(state, notes);
      if (!checked.ok) return importRefusal(checked.issues);
      return draft('notes.imported', { notes: checked.notes });
    },
  }),
};
