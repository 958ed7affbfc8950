'use client';
import { useTranslations } from 'next-intl';
import { useId } from 'react';

/** The setting's name in the catalogue (ICU select keys cannot start with a minus sign). */
export const levelKey = (n: number) => (['m2', 'm1', 'z', 'p1', 'p2'] as const)[n + 2] ?? 'z';

/**
 * "Fewer themes ◂ setting ▸ More themes": how finely the machine themes a question, from -2
 * (fewest) to +2 (most). The buttons stop at the ends; `disabled` says why they cannot be used.
 */
export function Granularity({
  value,
  onChange,
  disabled,
}: {
  value: number;
  onChange: (next: number) => void;
  disabled?: string;
}) {
  const t = useTranslations('harvestConsole.granularity');
  const id = useId();
  const button =
    'min-h-9 rounded-lg border-2 border-stone-300 bg-white px-2 text-sm font-semibold hover:border-stone-500 disabled:cursor-not-allowed disabled:text-stone-500';
  return (
    <div className="flex flex-wrap items-center gap-1 text-sm" data-testid="granularity">
      <button
        type="button"
        className={button}
        disabled={!!disabled || value <= -2}
        aria-describedby={id}
        onClick={() => onChange(value - 1)}
      >
        <span aria-hidden="true">◂ </span>
        {t('fewer')}
      </button>
      <output id={id} className="px-1 text-stone-700" aria-live="polite">
        {t('setting', { level: levelKey(value) })}
      </output>
      <button
        type="button"
        className={button}
        disabled={!!disabled || value >= 2}
        aria-describedby={id}
        onClick={() => onChange(value + 1)}
      >
        {t('more')}
        <span aria-hidden="true"> ▸</span>
      </button>
      {disabled && <span className="text-stone-600">{disabled}</span>}
    </div>
  );
}
