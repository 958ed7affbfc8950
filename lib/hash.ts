/**
 * A fast, deterministic string hash, the same on every server and phone: for seeds and for
 * spreading ids over buckets, never for anything secret.
 */

/** FNV-1a, then a final mix so that strings differing in one character diverge immediately. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
