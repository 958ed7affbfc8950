/**
 * Numeric core of harvest theming: sparse and dense vectors, a pairwise similarity matrix in a typed
 * array, and average-linkage agglomerative clustering by the nearest-neighbour-chain algorithm
 * (Murtagh 1983), which gives exactly the clusters of naive average linkage in O(n²) time instead of
 * O(n³). Everything here is deterministic: ties are broken by index, never by chance.
 */

/** A sparse vector: term indices ascending, with their weights. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export function l2normalise(v: SparseVector): SparseVector {
  let s = 0;
  for (let i = 0; i < v.val.length; i++) s += (v.val[i] ?? 0) ** 2;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.val.length; i++) v.val[i] = (v.val[i] ?? 0) * inv;
  }
  return v;
}

export function normaliseDense<T extends Float32Array>(v: T): T {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] ?? 0) ** 2;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) * inv;
  }
  return v;
}

/**
 * Cosine similarities of all pairs, as a flat n×n Float32Array (the diagonal is 1). Sparse dot
 * products use a scattered dense copy of row i, so the cost is n² × (average terms per note).
 */
export function similarityMatrix(
  sparse: readonly SparseVector[],
  vocabSize: number,
  dense?: { vectors: readonly Float32Array[]; weight: number },
): Float32Array {
  const n = sparse.length;
  const S = new Float32Array(n * n);
  const scratch = new Float32Array(vocabSize);
  const ws = dense ? 1 - dense.weight : 1;
  for (let i = 0; i < n; i++) {
    const vi = sparse[i] as SparseVector;
    for (let k = 0; k < vi.idx.length; k++) scratch[vi.idx[k] as number] = vi.val[k] as number;
    S[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const vj = sparse[j] as SparseVector;
      let dot = 0;
      for (let k = 0; k < vj.idx.length; k++)
        dot += (scratch[vj.idx[k] as number] as number) * (vj.val[k] as number);
      let s = ws * dot;
      if (dense) {
        const a = dense.vectors[i] as Float32Array;
        const b = dense.vectors[j] as Float32Array;
        let d = 0;
        for (let k = 0; k < a.length; k++) d += (a[k] as number) * (b[k] as number);
        s += dense.weight * d;
      }
      S[i * n + j] = s;
      S[j * n + i] = s;
    }
    for (let k = 0; k < vi.idx.length; k++) scratch[vi.idx[k] as number] = 0;
  }
  return S;
}

/** One merge of the dendrogram: clusters `a` and `b` (representative item indices) at `similarity`. */
export interface Merge {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Average-linkage merges (weighted by item multiplicity, so a merged duplicate counts as many notes),
 * highest similarity first. `S` is consumed (overwritten with cluster-to-cluster similarities).
 */
export function averageLinkage(S: Float32Array, n: number, weights: ArrayLike<number>): Merge[] {
  const size = new Float64Array(n);
  for (let i = 0; i < n; i++) size[i] = weights[i] ?? 1;
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  let nextStart = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[nextStart]) nextStart++;
      chain.push(nextStart);
    }
    const a = chain[chain.length - 1] as number;
    const prev = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    // Nearest active neighbour of a; prefer the previous chain element on ties so the chain terminates.
    let best = -1;
    let bestSim = Number.NEGATIVE_INFINITY;
    const row = a * n;
    for (let j = 0; j < n; j++) {
      if (j === a || !active[j]) continue;
      const s = S[row + j] as number;
      if (s > bestSim || (s === bestSim && j === prev)) {
        best = j;
        bestSim = s;
      }
    }
    if (prev >= 0 && best === prev) {
      chain.pop();
      chain.pop();
      // Merge the pair into the lower index, so representatives are stable and deterministic.
      const keep = Math.min(a, prev);
      const drop = Math.max(a, prev);
      merges.push({ a: keep, b: drop, similarity: bestSim });
      const sk = size[keep] as number;
      const sd = size[drop] as number;
      for (let j = 0; j < n; j++) {
        if (!active[j] || j === keep || j === drop) continue;
        const v = ((S[keep * n + j] as number) * sk + (S[drop * n + j] as number) * sd) / (sk + sd);
        S[keep * n + j] = v;
        S[j * n + keep] = v;
      }
      size[keep] = sk + sd;
      active[drop] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  // The chain finds merges out of order; the dendrogram is read highest similarity first.
  // Stable sort keeps discovery order for equal heights, which is itself deterministic.
  return merges
    .map((m, order) => ({ m, order }))
    .sort((x, y) => y.m.similarity - x.m.similarity || x.order - y.order)
    .map((x) => x.m);
}

/** Union-find over item indices. */
export class DisjointSets {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    let c = i;
    while (this.parent[c] !== r) {
      const next = this.parent[c] as number;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

/** Cluster label (lowest member index) of each item after applying the first `count` merges. */
export function cutDendrogram(n: number, merges: readonly Merge[], count: number): Int32Array {
  const sets = new DisjointSets(n);
  for (let i = 0; i < count && i < merges.length; i++) {
    const m = merges[i] as Merge;
    sets.union(m.a, m.b);
  }
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = sets.find(i);
  return label;
}

/**
 * Number of clusters of at least `minSize` (by weight) after each prefix of merges: entry c is the
 * count after the first c merges (c = 0 … merges.length). One pass of union-find.
 */
export function bigClusterCounts(
  n: number,
  merges: readonly Merge[],
  weights: ArrayLike<number>,
  minSize: number,
): Int32Array {
  const sets = new DisjointSets(n);
  const mass = Float64Array.from({ length: n }, (_, i) => weights[i] ?? 1);
  const out = new Int32Array(merges.length + 1);
  let big = 0;
  for (let i = 0; i < n; i++) if ((mass[i] as number) >= minSize) big++;
  out[0] = big;
  merges.forEach((m, k) => {
    const a = sets.find(m.a);
    const b = sets.find(m.b);
    if (a !== b) {
      if ((mass[a] as number) >= minSize) big--;
      if ((mass[b] as number) >= minSize) big--;
      const total = (mass[a] as number) + (mass[b] as number);
      sets.union(a, b);
      mass[sets.find(a)] = total;
      if (total >= minSize) big++;
    }
    out[k + 1] = big;
  });
  return out;
}
