/**
 * Letting the event loop breathe. Work that never waits on I/O (the embedded store answers
 * synchronously) runs back to back in one turn of the loop when many requests arrive together:
 * three hundred catch-ups read in one go, or a queue of joins. `breathe` lets such work go on
 * while the loop has had a turn in the last BREATH_MS; after that, callers wait in line and are
 * let through one per turn of the loop, so timers, pings and other sockets are served between
 * them. (Letting every waiter through at once would only move the pile-up to the next turn.)
 */
const BREATH_MS = 5;
let lastTurn = performance.now();
const waiting: (() => void)[] = [];
let scheduled = false;

function nextTurn() {
  scheduled = false;
  lastTurn = performance.now();
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(nextTurn);
}

export function breathe(): Promise<void> {
  if (waiting.length === 0 && performance.now() - lastTurn < BREATH_MS) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}
