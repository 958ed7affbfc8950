/** How often phones are told the head count: once a second, and no more than ~1,000 messages a second in all. */
import { describe, expect, it } from 'vitest';
import { peopleEveryMs } from './socket';

describe('the head count push', () => {
  it('goes out once a second in an event of up to 1,000 connections', () => {
    expect(peopleEveryMs(0)).toBe(1_000);
    expect(peopleEveryMs(5)).toBe(1_000);
    expect(peopleEveryMs(1_000)).toBe(1_000);
  });

  it('goes out less often in a bigger one, so a process sends about 1,000 a second at most', () => {
    expect(peopleEveryMs(2_000)).toBe(2_000);
    expect(peopleEveryMs(5_000)).toBe(5_000);
    for (const n of [1_001, 1_500, 2_000, 10_000])
      expect((n * 1000) / peopleEveryMs(n)).toBeLessThanOrEqual(1_000);
  });
});
