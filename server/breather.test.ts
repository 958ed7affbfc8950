/** The breather lets work run in short spells and waiters through one per turn of the loop. */
import { describe, expect, it } from 'vitest';
import { breathe } from './breather';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('breathe', () => {
  it('gives timers a turn between waiters that each work a while, never all at once', async () => {
    const order: string[] = [];
    // Let the loop turn, then work past a breath, so the waiters below queue whatever the clock
    // said when this file was loaded.
    await new Promise((r) => setImmediate(r));
    busy(6);
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer');
        resolve();
      }, 0),
    );
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        await breathe();
        busy(4);
        order.push(`w${i}`);
      }),
    );
    await timer;
    // Six waiters of 4 ms each: the timer ran before the last of them, not after all six.
    expect(order.indexOf('timer')).toBeGreaterThan(-1);
    expect(order.indexOf('timer')).toBeLessThan(order.length - 1);
    expect(order.filter((x) => x !== 'timer')).toHaveLength(6);
  });

  it('costs nothing while the loop has had a turn just now', async () => {
    await breathe();
    let sync = false;
    const p = breathe().then(() => {
      sync = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(sync).toBe(true);
    await p;
  });
});
