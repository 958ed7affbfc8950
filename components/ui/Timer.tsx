'use client';
import { useTranslations } from 'next-intl';
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
 * The round's clock. The visible digits tick every second and are hidden from screen readers,
 * which hear the milestones (one minute left, time is up) from the screen's Announcer instead.
 */
export function Timer({ round, size = 'md' }: { round: RoundState | undefined; size?: 'md' | 'xl' }) {
  const t = useTranslations('timer');
  const now = useServerNow();
  const left = remainingMs(round, now);
  if (left === null) return null;
  const warning = left <= WARNING_MS && left > 0;
  const over = left <= 0;
  const paused = round?.status === 'paused';
  const big = size === 'xl' ? 'text-[12vh] leading-none' : 'text-5xl';
  const tone = over ? 'text-red-700' : warning ? 'text-warn-600' : 'text-stone-900';
  return (
    <div className="text-center">
      <p className={`font-mono font-bold tabular-nums ${big} ${tone}`} aria-hidden="true" dir="ltr">
        {over ? '0:00' : formatClock(left)}
      </p>
      <p className={`mt-1 font-semibold ${size === 'xl' ? 'text-3xl' : 'text-lg'} ${tone}`}>
        {paused ? t('paused') : over ? t('up') : warning ? t('warn') : t('left')}
        {/* The ticking digits are hidden from screen readers; they get whole minutes instead. */}
        {!over && !warning && (
          <span className="sr-only">{t('minutes', { count: Math.ceil(left / 60_000) })}</span>
        )}
      </p>
    </div>
  );
}
