'use client';
/** The phone's language switch: every language named in itself, so anyone can find their own. */
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { dirOf, isLocale, LOCALE_NAMES, LOCALES } from '../../lib/i18n/locales';
import { useLocaleChoice } from './PersonalIntl';

export function LanguagePicker({ className = '' }: { className?: string }) {
  const choice = useLocaleChoice();
  const t = useTranslations('language');
  const id = useId();
  if (!choice) return null;
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      <label htmlFor={id} className="flex items-center gap-1 font-medium text-stone-700">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5 shrink-0"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z" />
        </svg>
        {t('label')}
      </label>
      <select
        id={id}
        value={choice.locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) choice.choose(e.target.value);
        }}
        className="min-h-11 rounded-lg border-2 border-stone-400 bg-white px-2 text-base"
        data-testid="language-picker"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l} dir={dirOf(l)}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {choice.unavailable && (
        <p role="alert" className="basis-full font-medium text-red-800">
          {t('unavailable', { language: LOCALE_NAMES[choice.unavailable] })}
        </p>
      )}
    </div>
  );
}
