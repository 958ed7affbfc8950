/**
 * CSV for spreadsheets, one writer for every download: csv-stringify quotes as RFC 4180 says, a
 * byte order mark tells Excel the file is UTF-8, lines end in CRLF, and every text cell is made
 * safe. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or their full-width
 * forms, or one of them after spaces or a control character, or a tab or carriage return) as a
 * formula, so such a cell gets a `'` in front; that includes ids, which phones choose.
 */
import { stringify } from 'csv-stringify/sync';
import { printableText } from './clean-text';

// biome-ignore lint/suspicious/noControlCharactersInRegex: a cell starting with a control character is what is caught
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/** One cell as a spreadsheet should show it: printable, and never a formula. */
export function csvCell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  const text = printableText(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV file with a header row of `columns`, then `rows`, every cell through `csvCell`. */
export function spreadsheetCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    {
      header: true,
      columns: [...columns],
      bom: true,
      // A note may hold line breaks; quote them so every spreadsheet keeps the note in one cell.
      quoted_match: /[\r\n]/,
      record_delimiter: 'windows',
    },
  );
}
