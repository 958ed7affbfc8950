/**
 * Clustering agreement scores used to judge harvest theming against a human harvest:
 * Adjusted Rand Index (Hubert & Arabie 1985) and Normalised Mutual Information (arithmetic-mean
 * normalisation, as scikit-learn's default). Both take two label arrays of equal length, where equal
 * labels mean "same group". Pure functions, no dependencies, so they can be checked by hand.
 */

/** Contingency table of two labelings plus its row and column sums. */
function contingency(a: readonly (string | number)[], b: readonly (string | number)[]) {
  if (a.length !== b.length) throw new Error(`label arrays differ in length (${a.length} vs ${b.length})`);
  const rowOf = new Map<string | number, number>();
  const colOf = new Map<string | number, number>();
  const cells = new Map<string, { row: number; col: number; count: number }>();
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    let r = rowOf.get(x);
    if (r === undefined) {
      r = rows.length;
      rowOf.set(x, r);
      rows.push(0);
    }
    let c = colOf.get(y);
    if (c === undefined) {
      c = cols.length;
      colOf.set(y, c);
      cols.push(0);
    }
    rows[r] = (rows[r] ?? 0) + 1;
    cols[c] = (cols[c] ?? 0) + 1;
    const key = `${r},${c}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { row: r, col: c, count: 1 });
  }
  return { n: a.length, rows, cols, cells: [...cells.values()] };
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/**
 * Adjusted Rand Index: 1 for identical partitions, about 0 for chance agreement, can be negative.
 * When the expected index equals its maximum (e.g. both labelings put everything in one group, or
 * both are all singletons) the partitions are identical and the score is 1, as in scikit-learn.
 */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const { n, rows, cols, cells } = contingency(a, b);
  if (n <= 1) return 1;
  let index = 0;
  for (const cell of cells) index += pairs(cell.count);
  let sumRows = 0;
  for (const v of rows) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of cols) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * Normalised Mutual Information, MI / mean(H(a), H(b)), in [0, 1]. Two one-group labelings agree
 * perfectly (1); if only one of them has a single group there is no information shared (0).
 */
export function normalizedMutualInfo(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): number {
  const { n, rows, cols, cells } = contingency(a, b);
  if (n === 0) return 1;
  const ha = entropy(rows, n);
  const hb = entropy(cols, n);
  if (ha === 0 && hb === 0) return 1;
  if (ha === 0 || hb === 0) return 0;
  let mi = 0;
  for (const { row, col, count } of cells) {
    mi += (count / n) * Math.log((n * count) / ((rows[row] ?? 1) * (cols[col] ?? 1)));
  }
  return Math.max(0, Math.min(1, mi / ((ha + hb) / 2)));
}
