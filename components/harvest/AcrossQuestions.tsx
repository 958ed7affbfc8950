'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useLiveThemes } from './useLiveThemes';
import { useHarvestWords } from './view';

/**
 * A read-only look at the machine's themes across every question at once (themed on the server
 * as one group, never recorded): to see what ran through the whole event. Curation stays per
 * question.
 */
export function AcrossQuestions({ eventId, token }: { eventId: string; token: string }) {
  const t = useTranslations('harvestConsole.across');
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-pressed={open}
        onClick={() => setOpen((o) => !o)}
        className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-3 font-semibold hover:border-stone-500 aria-pressed:border-brand-700 aria-pressed:bg-brand-50"
      >
        {t('show')}
      </button>
      {open && <AcrossThemes eventId={eventId} token={token} />}
    </div>
  );
}

function AcrossThemes({ eventId, token }: { eventId: string; token: string }) {
  const t = useTranslations('harvestConsole.across');
  const words = useHarvestWords();
  const groups = useLiveThemes(eventId, token, 15_000, 'across=1');
  const group = groups?.[0];
  return (
    <section
      aria-labelledby="across-heading"
      className="mt-3 rounded-2xl border-2 border-stone-200 bg-white p-4"
      data-testid="across"
    >
      <h2 id="across-heading" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-sm text-stone-700">{t('intro')}</p>
      {groups === null && <p>{t('working')}</p>}
      {groups !== null && !group && <p className="text-stone-700">{t('none')}</p>}
      {group && (
        <ul className="mt-2 grid gap-2 md:grid-cols-2 xl:grid-cols-3">
          {group.themes.map((theme) => (
            <li key={theme.id} className="min-w-0 rounded-lg bg-brand-50 p-2" data-testid="across-theme">
              <p className="font-bold" dir="auto">
                {theme.label}
              </p>
              <p className="text-sm text-stone-700">
                {t('themeFrom', { notes: theme.notes, spread: words.spreadFromWords(theme.spread) })}
              </p>
              {theme.examples[0] && (
                <q className="block truncate text-sm" dir="auto" title={theme.examples[0]}>
                  {theme.examples[0]}
                </q>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
