/** The token buckets behind every rate limit (server/rate-limit.ts). */
import { describe, expect, it } from 'vitest';
import { Buckets } from './rate-limit';

describe('a token bucket', () => {
  it('gives `points` tokens at once, then one more every `ms / points`', () => {
    const b = new Buckets(3, 3_000, 0);
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0), b.take('a', 0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // Another key has a bucket of its own.
    expect(b.take('b', 0)).toBe(true);
    expect(b.take('a', 999)).toBe(false);
    expect(b.take('a', 1_000)).toBe(true);
    expect(b.take('a', 1_000)).toBe(false);
    // Refused takes spend nothing: a second later there is one again.
    expect(b.take('a', 2_000)).toBe(true);
  });

  it('refills to `points` and no further, however long it is left alone', () => {
    const b = new Buckets(3, 3_000, 0);
    for (let i = 0; i < 3; i++) b.take('a', 0);
    expect(b.has('a', 1_500)).toBe(true);
    expect(b.has('a', 1_500, 2)).toBe(false);
    expect(b.has('a', 3_000, 3)).toBe(true);
    const later = 60_000;
    expect([1, 2, 3, 4].map(() => b.take('a', later))).toEqual([true, true, true, false]);
  });

  it('answers `has` without spending, and starts afresh for a key it is told to forget', () => {
    const b = new Buckets(2, 1_000, 0);
    expect(b.has('a', 0, 2)).toBe(true);
    expect(b.has('a', 0, 3)).toBe(false);
    b.take('a', 0);
    b.take('a', 0);
    expect(b.has('a', 0)).toBe(false);
    b.forget('a');
    expect(b.has('a', 0, 2)).toBe(true);
  });

  it('keeps counting across the sweep of full buckets', () => {
    const b = new Buckets(2, 1_000, 0);
    b.take('idle', 0);
    b.take('busy', 900);
    b.take('busy', 900);
    // At 1,000 ms the sweep drops the idle key's bucket, full again; the busy one still lacks tokens.
    expect(b.take('other', 1_000)).toBe(true);
    expect(b.has('busy', 1_000, 2)).toBe(false);
    expect(b.has('idle', 1_000, 2)).toBe(true);
  });
});
