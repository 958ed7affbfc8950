/**
 * A spreadsheet of notes to import (CSV, UTF-8, first line the column names), read into the rows
 * `notes.import` takes. Columns, in any order and any case: `text` (or `note`), then `table` and
 * `round` (a café note; rounds counted from 1, as people count them) or `session` (an Open Space
 * session's title or id), and `name` (optional). Each problem names its line as the spreadsheet
 * numbers it (the column names are line 1).
 */
import { parse } from 'csv-parse/sync';
import { LIMITS } from '../limits';
import type { OpenSpaceState } from '../openspace/state';
import { type ImportRow, SessionRowSchema, TableRowSchema } from './paper';

export type CsvRows =
  | { ok: true; rows: ImportRow[] }
  | { ok: false; issues: { path: string; message: string }[] };

export const lineOf = (i: number) => `Line ${i + 2}`;

const COLUMNS = ['text', 'note', 'table', 'round', 'session', 'name'] as const;

/** A session named by its title (case and spacing aside) or its id. */
function sessionIdOf(os: OpenSpaceState | null, named: string): string {
  if (!os) return named;
  const want = named.trim().toLowerCase().replace(/\s+/g, ' ');
  const byTitle = Object.values(os.sessions).find(
    (s) => !s.cancelled && s.title.trim().toLowerCase().replace(/\s+/g, ' ') === want,
  );
  return byTitle?.id ?? named.trim();
}

export function readImportCsv(text: string, os: OpenSpaceState | null): CsvRows {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (err) {
    const at = (err as { lines?: number }).lines;
    return {
      ok: false,
      issues: [{ path: 'csv', message: `The file is not readable as CSV${at ? ` (near line ${at})` : ''}.` }],
    };
  }
  const [header = [], ...data] = records;
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (name: (typeof COLUMNS)[number]) => names.indexOf(name);
  const textAt = col('text') >= 0 ? col('text') : col('note');
  if (textAt < 0)
    return {
      ok: false,
      issues: [{ path: 'csv', message: 'Line 1 must name the columns, with one called "text" (or "note").' }],
    };
  if (col('session') < 0 && (col('table') < 0 || col('round') < 0))
    return {
      ok: false,
      issues: [
        { path: 'csv', message: 'Line 1 must name a "table" and a "round" column, or a "session" column.' },
      ],
    };
  if (data.length === 0)
    return { ok: false, issues: [{ path: 'csv', message: 'The file has no notes in it.' }] };
  if (data.length > LIMITS.importNotes)
    return {
      ok: false,
      issues: [
        { path: 'csv', message: `One import takes at most ${LIMITS.importNotes} notes; split the file.` },
      ],
    };
  const rows: ImportRow[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const [i, cells] of data.entries()) {
    const cell = (at: number) => (at >= 0 ? (cells[at] ?? '').trim() : '');
    const bad = (message: string) =>
      issues.push({ path: `notes.${i}`, message: `${lineOf(i)}: ${message}.` });
    const session = cell(col('session'));
    const name = cell(col('name'));
    const text = cells[textAt] ?? '';
    const given = name ? { name } : {};
    const table = wholeNumber(cell(col('table')));
    const round = wholeNumber(cell(col('round')));
    if (!session && (Number.isNaN(table) || Number.isNaN(round))) {
      bad('table and round must be whole numbers (or give a session)');
      continue;
    }
    if (!session && (round < 1 || table < 1)) {
      bad('tables and rounds are counted from 1');
      continue;
    }
    const parsed = session
      ? SessionRowSchema.safeParse({ session: sessionIdOf(os, session), text, ...given })
      : TableRowSchema.safeParse({ table, round: round - 1, text, ...given });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'row';
      bad(`${field === 'round' ? 'round (counted from 1)' : field}: ${issue?.message ?? 'not valid'}`);
      continue;
    }
    rows.push(parsed.data);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

function wholeNumber(s: string): number {
  return /^\d{1,6}$/.test(s) ? Number(s) : Number.NaN;
}
