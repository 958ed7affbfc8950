/**
 * Items with ids spread over a fixed number of buckets by a hash of the id, each bucket sorted by
 * id: the part of the notes' and the people's tables (lib/notes/table.ts, lib/people/table.ts)
 * that one state shares with the next. Putting an item copies its bucket and the bucket list,
 * never the other items. Arrays, not objects keyed by id: an engine copies an array of items many
 * times faster than an object with a key per item, and an id such as "__proto__" is only a string.
 * Also how each table's sorted list follows from its parent's (followedList).
 */
import { hashString } from './hash';

export const emptyBuckets = <T>(count: number): T[][] => Array.from({ length: count }, () => []);

const bucketOf = (buckets: readonly unknown[], id: string) => hashString(id) % buckets.length;

/** Where the item with this id is, or would go, in a bucket (sorted by id, in UTF-16 code units). */
function indexIn(bucket: readonly { id: string }[], id: string): number {
  let lo = 0;
  let hi = bucket.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bucket[mid]?.id ?? '') < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The item with this id, by own ids only ("constructor" finds nothing unless an item has it). */
export function findIn<T extends { id: string }>(buckets: readonly T[][], id: string): T | undefined {
  const bucket = buckets[bucketOf(buckets, id)] ?? [];
  const item = bucket[indexIn(bucket, id)];
  return item?.id === id ? item : undefined;
}

/** New buckets with `item` added, or in place of the item with its id. Never changes `buckets`. */
export function putIn<T extends { id: string }>(
  buckets: readonly T[][],
  item: T,
): { buckets: T[][]; replaces: boolean } {
  const i = bucketOf(buckets, item.id);
  const bucket = (buckets[i] ?? []).slice();
  const found = indexIn(bucket, item.id);
  const replaces = bucket[found]?.id === item.id;
  bucket.splice(found, replaces ? 1 : 0, item);
  const next = buckets.slice();
  next[i] = bucket;
  return { buckets: next, replaces };
}

/**
 * A table's list, sorted by `before`, worked out again from its parent's list after one item was
 * put: appended when it sorts last, or put in place of the item with its id (whose place in the
 * order has not changed). Null when neither holds: the caller works the list out afresh.
 */
export function followedList<T extends { id: string }>(
  list: readonly T[],
  item: T,
  replaces: boolean,
  before: (a: T, b: T) => boolean,
): T[] | null {
  if (!replaces) {
    const last = list.at(-1);
    return !last || before(last, item) ? list.concat([item]) : null;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = list[mid];
    if (m && before(m, item)) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo]?.id !== item.id) return null;
  const next = list.slice();
  next[lo] = item;
  return next;
}
