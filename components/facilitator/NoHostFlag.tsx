'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { tablesWithoutHost } from '../../lib/cafe/room';
import { useLive } from '../live/store';

/** A warning sign, so the flag is not told by its colour alone. */
export function WarningIcon({ className = 'size-5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={`shrink-0 ${className}`} fill="none">
      <path d="M12 3 2 21h20L12 3Z" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M12 10v5M12 18v.5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * Tables with no host in the round people sit in now (or are about to): without one, nobody
 * tells the next group what was said there. Says which tables, and what to do about it.
 */
export function NoHostFlag() {
  const event = useLive((s) => s.event);
  const t = useTranslations('console.round');
  const format = useFormatter();
  const missing = event ? tablesWithoutHost(event) : [];
  if (missing.length === 0) return null;
  return (
    <div
      className="mt-4 flex gap-3 rounded-xl border-2 border-amber-600 bg-amber-50 p-3 text-amber-950"
      data-testid="no-host"
    >
      <WarningIcon className="mt-0.5 size-6" />
      <div>
        <p className="font-bold">
          {t('noHost', {
            count: missing.length,
            tables: format.list(missing.map(String), { type: 'conjunction' }),
          })}
        </p>
        <p className="mt-1">{t('noHostHelp')}</p>
      </div>
    </div>
  );
}
