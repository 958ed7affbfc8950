'use client';
import { useEffect, useState } from 'react';
import type { RoundState } from '../../lib/state';
import { formatClock, remainingMs, WARNING_MS } from '../../lib/view';
import { useLive } from '../live/store';

/** Re-render every `ms` with the server's time (the phone's own clock may be wrong). */
export function useServerNow(ms = 500): number {
  const offset = useLive((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const t = setInterval(() => setNow(Date.now() + offset), ms);
    return () => clearInterval(t);
  }, [ms, offset]);
  return now;
}

/**
 * The round's clock. The visible digits tick every second, but screen readers only hear the
 * milestones (one minute left, time is up), through a polite live region.
 */
export function Timer({ round, size = 'md' }: { round: RoundState | undefined; size?: 'md' | 'xl' }) {
  const now = useServerNow();
  const left = remainingMs(round, now);
  if (left === null) return null;
  const warning = left <= WARNING_MS && left > 0;
  const over = left <= 0;
  const paused = round?.status === 'paused';
  const big = size === 'xl' ? 'text-[12vh] leading-none' : 'text-5xl';
  const tone = over ? 'text-red-700' : warning ? 'text-warn-600' : 'text-stone-900';
  const milestone = over ? 'Time is up for this round.' : warning ? 'One minute left in this round.' : '';
  return (
    <div className="text-center">
      <p className={`font-mono font-bold tabular-nums ${big} ${tone}`} aria-hidden="true">
        {over ? '0:00' : formatClock(left)}
      </p>
      <p className={`mt-1 font-semibold ${size === 'xl' ? 'text-3xl' : 'text-lg'} ${tone}`}>
        {paused ? 'Paused' : over ? 'Time is up' : warning ? 'One minute left' : 'Time left'}
      </p>
      <span className="sr-only" aria-live="polite">
        {milestone}
      </span>
    </div>
  );
}
