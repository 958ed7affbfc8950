/**
 * Harvest theming benchmark on IBM Debater ArgKP (train split, ../shared/data/argkp-train).
 * Each (topic, stance) is one café question; its arguments are the notes; a note's true theme is its
 * key point when it matches exactly one (only those notes are scored; unthemed notes count as
 * singletons). Reports per-question Adjusted Rand Index, mean ARI and NMI, themes found vs key points,
 * time per 1,000 notes, and the time to theme one group of 10,000 notes. Also: the same on small cafés
 * (40 notes drawn from each question), theme counts at each granularity, label quality (single-word
 * labels where a phrase exists, labels of one question sharing a word stem), and the themes of the
 * green-spaces café fixture (lib/testing/green-spaces.ts), per question and across questions.
 * Key-point labels are used only for scoring here, never by the engine.
 *
 *   npm run bench:harvest [-- --no-vectors] [-- --quiet]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import {
  GRANULARITY,
  type NoteInput,
  type ThemingOptions,
  type ThemingResult,
  themeAcrossQuestions,
  themeNotes,
} from '../lib/harvest/theming';
import { adjustedRandIndex, normalizedMutualInfo } from '../lib/harvest/theming-metrics';
import { analyse } from '../lib/harvest/theming-text';
import { GREEN_SPACES } from '../lib/testing/green-spaces';
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

/** Whether a note has a stretch of two or more content words not broken by punctuation. */
function hasPhrase(text: string): boolean {
  let run = 0;
  for (const t of analyse(text).tokens) {
    if (t.pos === 'PUNCT' || t.pos === 'SYM') run = 0;
    else if (t.term !== undefined && ++run >= 2) return true;
  }
  return false;
}

/** Label quality of one question's themes. */
function labelQuality(result: ThemingResult, textOf: Map<string, string>) {
  let single = 0;
  let singleWithPhrase = 0;
  const terms = result.themes.map((t) => new Set(analyse(t.label).terms));
  for (const t of result.themes) {
    if (t.label.trim().split(/\s+/).length > 1) continue;
    single++;
    if (t.noteIds.some((id) => hasPhrase(textOf.get(id) ?? ''))) singleWithPhrase++;
  }
  let sharedPairs = 0;
  for (let a = 0; a < terms.length; a++)
    for (let b = a + 1; b < terms.length; b++)
      if ([...(terms[a] as Set<string>)].some((x) => (terms[b] as Set<string>).has(x))) sharedPairs++;
  const commaLists = result.themes.filter((t) => t.label.includes(',')).length;
  return { labels: result.themes.length, single, singleWithPhrase, sharedPairs, commaLists };
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
  const quality = { labels: 0, single: 0, singleWithPhrase: 0, sharedPairs: 0, commaLists: 0 };
  for (const q of questions) {
    const started = performance.now();
    const result = themeNotes(q.notes, { ...options, question: q.topic });
    ms += performance.now() - started;
    const lq = labelQuality(result, new Map(q.notes.map((n) => [n.id, n.text])));
    for (const k of Object.keys(quality) as (keyof typeof quality)[]) quality[k] += lq[k];
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
  return { aris, nmis, found, keyPoints, notes, ms, unthemedScored, scored, quality };
}

/** A small café from each question: 40 of its notes, chosen by a hash of their ids (deterministic). */
function smallCafes(questions: Question[], size = 40): Question[] {
  const h = (s: string) => {
    let x = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
    return x >>> 0;
  };
  return questions.map((q) => {
    const notes = [...q.notes].sort((a, b) => h(a.id) - h(b.id) || (a.id < b.id ? -1 : 1)).slice(0, size);
    const ids = new Set(notes.map((n) => n.id));
    const truth = new Map([...q.truth].filter(([id]) => ids.has(id)));
    return { ...q, notes, truth, keyPoints: new Set(truth.values()).size };
  });
}

function greenSpaces(options: Omit<ThemingOptions, 'question'>) {
  console.log('\nGreen-spaces café (lib/testing/green-spaces.ts: 3 rounds, 36 notes)');
  const groups = GREEN_SPACES.map((r, q) => ({
    question: r.question,
    notes: r.notes.map(([table, text], i) => ({ id: `r${q + 1}-t${table}-${i + 1}`, text })),
  }));
  const textOf = new Map(groups.flatMap((g) => g.notes.map((n) => [n.id, n.text] as const)));
  let themes = 0;
  let unthemed = 0;
  const quality = { labels: 0, single: 0, singleWithPhrase: 0, sharedPairs: 0, commaLists: 0 };
  for (const g of groups) {
    const result = themeNotes(g.notes, { ...options, question: g.question });
    themes += result.themes.length;
    unthemed += result.unthemed.length;
    const lq = labelQuality(result, textOf);
    for (const k of Object.keys(quality) as (keyof typeof quality)[]) quality[k] += lq[k];
    console.log(`  ${g.question}`);
    for (const t of result.themes) console.log(`    ${t.label.padEnd(36)} ${t.noteIds.length} notes`);
    if (result.unthemed.length > 0) console.log(`    (not in a theme: ${result.unthemed.length})`);
  }
  console.log(
    `  per question: ${themes} themes, ${unthemed} of 36 notes unthemed; single-word labels ${quality.single} (${quality.singleWithPhrase} where a phrase exists), label pairs sharing a stem ${quality.sharedPairs}, comma lists ${quality.commaLists}`,
  );
  const across = themeAcrossQuestions(groups, options);
  console.log(`  across all questions: ${across.themes.length} themes, ${across.unthemed.length} unthemed`);
  for (const t of across.themes)
    console.log(
      `    ${t.label.padEnd(36)} ${t.noteIds.length} notes from round(s) ${t.questions.map((q) => q + 1).join(', ')}`,
    );
  const counts = [];
  for (let g = GRANULARITY.min; g <= GRANULARITY.max; g++)
    counts.push(
      groups.reduce(
        (s, gr) =>
          s + themeNotes(gr.notes, { ...options, question: gr.question, granularity: g }).themes.length,
        0,
      ),
    );
  console.log(`  themes at granularity ${GRANULARITY.min}..${GRANULARITY.max}: ${counts.join(' / ')}`);
}

function printQuality(q: ReturnType<typeof run>['quality']) {
  console.log(
    `  labels                ${q.labels}: single-word ${q.single} (${q.singleWithPhrase} where the notes have a phrase), pairs in one question sharing a stem ${q.sharedPairs}, comma lists ${q.commaLists}`,
  );
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
  printQuality(r.quality);
  const small = smallCafes(questions);
  const rs = run(small, { vectors }, false);
  console.log(
    `  small cafés (40 notes) mean ARI ${mean(rs.aris).toFixed(3)} (sd ${sd(rs.aris).toFixed(3)}), NMI ${mean(rs.nmis).toFixed(3)}, themes ${rs.found} / KPs ${rs.keyPoints}, scored unthemed ${rs.unthemedScored} of ${rs.scored}`,
  );
  const byLevel: string[] = [];
  let violations = 0;
  let previous: number[] | undefined;
  for (let g = GRANULARITY.min; g <= GRANULARITY.max; g++) {
    const counts = questions.map(
      (q) => themeNotes(q.notes, { vectors, question: q.topic, granularity: g }).themes.length,
    );
    const smallCounts = small.map(
      (q) => themeNotes(q.notes, { vectors, question: q.topic, granularity: g }).themes.length,
    );
    const all = [...counts, ...smallCounts];
    const before = previous;
    if (before) violations += all.filter((c, i) => c < (before[i] ?? 0)).length;
    previous = all;
    byLevel.push(
      `${g}: ${counts.reduce((a, b) => a + b, 0)} (small ${smallCounts.reduce((a, b) => a + b, 0)})`,
    );
  }
  console.log(
    `  themes by granularity ${byLevel.join(', ')}; non-monotone steps ${violations} of ${4 * 2 * questions.length}`,
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
  greenSpaces({ vectors });
}

main();
