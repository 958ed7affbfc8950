/**
 * Harvest theming benchmark on IBM Debater ArgKP (train split, ../shared/data/argkp-train).
 * Each (topic, stance) is one café question; its arguments are the notes; a note's true theme is its
 * key point when it matches exactly one (only those notes are scored; unthemed notes count as
 * singletons). Reports per-question Adjusted Rand Index, mean ARI and NMI, themes found vs key points,
 * time per 1,000 notes, and the time to theme one group of 10,000 notes.
 * Key-point labels are used only for scoring here, never by the engine.
 *
 *   npm run bench:harvest [-- --no-vectors] [-- --quiet]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { type NoteInput, type ThemingOptions, themeNotes } from '../lib/harvest/theming';
import { adjustedRandIndex, normalizedMutualInfo } from '../lib/harvest/theming-metrics';
import { loadWordVectors } from '../server/word-vectors';

const dataDir = path.resolve(import.meta.dirname, '../../shared/data/argkp-train');

interface Question {
  topic: string;
  stance: string;
  notes: NoteInput[];
  /** note id -> key point id, for notes matching exactly one key point */
  truth: Map<string, string>;
  keyPoints: number;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(dataDir, file)), { columns: true, skip_empty_lines: true, bom: true });
}

function loadQuestions(): Question[] {
  const args = readCsv('arguments_train.csv');
  const keyPoints = readCsv('key_points_train.csv');
  const matches = new Map<string, string[]>();
  for (const row of readCsv('labels_train.csv')) {
    if (row.label !== '1') continue;
    const list = matches.get(row.arg_id ?? '') ?? [];
    list.push(row.key_point_id ?? '');
    matches.set(row.arg_id ?? '', list);
  }
  const questions = new Map<string, Question>();
  const keyOf = (topic: string, stance: string) => `${topic}\u0000${stance}`;
  for (const row of args) {
    const topic = row.topic ?? '';
    const stance = row.stance ?? '';
    let q = questions.get(keyOf(topic, stance));
    if (!q) {
      q = { topic, stance, notes: [], truth: new Map(), keyPoints: 0 };
      questions.set(keyOf(topic, stance), q);
    }
    const id = row.arg_id ?? '';
    q.notes.push({ id, text: row.argument ?? '' });
    const m = matches.get(id);
    if (m && m.length === 1) q.truth.set(id, m[0] as string);
  }
  for (const kp of keyPoints) {
    const q = questions.get(keyOf(kp.topic ?? '', kp.stance ?? ''));
    if (q) q.keyPoints++;
  }
  return [...questions.values()].sort(
    (a, b) => a.topic.localeCompare(b.topic) || a.stance.localeCompare(b.stance),
  );
}

/** ARI and NMI over the scored notes of one question; an unthemed note is its own singleton. */
function score(q: Question, themeOf: Map<string, string>) {
  const truth: string[] = [];
  const predicted: string[] = [];
  for (const [id, kp] of q.truth) {
    truth.push(kp);
    predicted.push(themeOf.get(id) ?? `single:${id}`);
  }
  return { ari: adjustedRandIndex(truth, predicted), nmi: normalizedMutualInfo(truth, predicted) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

function run(questions: Question[], options: Omit<ThemingOptions, 'question'>, verbose: boolean) {
  const rows: string[] = [];
  const aris: number[] = [];
  const nmis: number[] = [];
  let found = 0;
  let keyPoints = 0;
  let notes = 0;
  let ms = 0;
  let unthemedScored = 0;
  let scored = 0;
  for (const q of questions) {
    const started = performance.now();
    const result = themeNotes(q.notes, { ...options, question: q.topic });
    ms += performance.now() - started;
    const themeOf = new Map<string, string>();
    for (const t of result.themes) for (const id of t.noteIds) themeOf.set(id, t.id);
    for (const id of q.truth.keys()) if (!themeOf.has(id)) unthemedScored++;
    scored += q.truth.size;
    const { ari, nmi } = score(q, themeOf);
    aris.push(ari);
    nmis.push(nmi);
    found += result.themes.length;
    keyPoints += q.keyPoints;
    notes += q.notes.length;
    const name = `${q.topic.slice(0, 48)} (${q.stance === '1' ? 'pro' : 'con'})`;
    rows.push(
      `${name.padEnd(56)} ${String(q.notes.length).padStart(5)} ${String(q.truth.size).padStart(6)} ${ari.toFixed(3).padStart(6)} ${nmi.toFixed(3).padStart(6)} ${String(result.themes.length).padStart(6)} ${String(q.keyPoints).padStart(4)}  ${result.themes
        .slice(0, 3)
        .map((t) => t.label)
        .join(' | ')}`,
    );
  }
  if (verbose) {
    console.log(
      `${'question'.padEnd(56)} ${'notes'.padStart(5)} ${'scored'.padStart(6)} ${'ARI'.padStart(6)} ${'NMI'.padStart(6)} ${'themes'.padStart(6)} ${'KPs'.padStart(4)}  top labels`,
    );
    for (const r of rows) console.log(r);
  }
  return { aris, nmis, found, keyPoints, notes, ms, unthemedScored, scored };
}

/** 10,000 notes in one group: the ArgKP arguments, then copies with one word dropped (near-duplicates). */
function tenThousand(questions: Question[]): NoteInput[] {
  const all = questions.flatMap((q) => q.notes);
  const out: NoteInput[] = [];
  for (let i = 0; out.length < 10_000; i++) {
    const base = all[i % all.length] as NoteInput;
    if (i < all.length) {
      out.push(base);
      continue;
    }
    const words = base.text.split(/\s+/);
    words.splice((i * 7919) % words.length, 1);
    out.push({ id: `syn_${i}`, text: words.join(' ') });
  }
  return out;
}

function main() {
  if (!existsSync(path.join(dataDir, 'arguments_train.csv'))) {
    console.log('../shared/data/argkp-train not found: harvest benchmark skipped');
    return;
  }
  const argv = process.argv.slice(2);
  const quiet = argv.includes('--quiet');
  const started = performance.now();
  const vectors = argv.includes('--no-vectors') ? undefined : loadWordVectors();
  const vectorMs = performance.now() - started;
  const questions = loadQuestions();
  // Warm-up: loads the wink-nlp model once, so the timings below are per-note work.
  const warm = performance.now();
  themeNotes([{ id: 'w', text: 'warm up the language model' }]);
  const modelMs = performance.now() - warm;

  console.log(
    `ArgKP train: ${questions.length} questions (topic × stance), ${questions.reduce((s, q) => s + q.notes.length, 0)} notes; ` +
      `word vectors: ${vectors ? `${vectors.size} words × ${vectors.dims} (loaded in ${vectorMs.toFixed(0)} ms)` : 'none'}; model load ${modelMs.toFixed(0)} ms\n`,
  );
  const r = run(questions, { vectors }, !quiet);
  console.log('\nSummary');
  console.log(
    `  mean ARI              ${mean(r.aris).toFixed(3)}  (sd ${sd(r.aris).toFixed(3)} over ${r.aris.length} questions)`,
  );
  console.log(`  mean NMI              ${mean(r.nmis).toFixed(3)}`);
  console.log(
    `  themes found / KPs    ${r.found} / ${r.keyPoints}  (per question ${(r.found / questions.length).toFixed(1)} vs ${(r.keyPoints / questions.length).toFixed(1)})`,
  );
  console.log(
    `  scored notes unthemed ${r.unthemedScored} of ${r.scored} (${((100 * r.unthemedScored) / r.scored).toFixed(1)}%)`,
  );
  console.log(
    `  time                  ${((1000 * r.ms) / r.notes).toFixed(1)} ms per 1,000 notes (${r.ms.toFixed(0)} ms for ${r.notes})`,
  );
  if (vectors) {
    const lexical = run(questions, {}, false);
    console.log(
      `  without word vectors  mean ARI ${mean(lexical.aris).toFixed(3)}, NMI ${mean(lexical.nmis).toFixed(3)}, themes ${lexical.found}`,
    );
  }
  const big = tenThousand(questions);
  const t0 = performance.now();
  const res = themeNotes(big, { vectors });
  const bigMs = performance.now() - t0;
  const dupes = res.themes.reduce((s, t) => s + Object.keys(t.duplicates).length, 0);
  console.log(
    `  10,000 notes, 1 group ${bigMs.toFixed(0)} ms (${res.themes.length} themes, ${res.unthemed.length} unthemed, ${dupes} duplicate groups)`,
  );
}

main();
