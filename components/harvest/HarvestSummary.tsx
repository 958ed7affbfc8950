'use client';
import { useTranslations } from 'next-intl';
import { commonGroundAt, type QuestionSummary } from '../../lib/harvest/summary';

/**
 * The harvest at a glance, above everything else: per question its main themes (size, spread and
 * one note that stands for each) and its common ground.
 */
export function HarvestSummary({ summary }: { summary: readonly QuestionSummary[] }) {
  const t = useTranslations('harvestConsole.summary');
  if (summary.length === 0) return null;
  return (
    <section aria-labelledby="harvest-summary" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="harvest-summary" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <div className="mt-2 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {summary.map((q) => (
          <section key={q.key} className="min-w-0" data-testid="summary-question">
            <h3 className="font-bold" dir="auto">
              {q.question}
            </h3>
            <p className="text-sm text-stone-700">
              {t('counts', { notes: q.notes, places: q.places, themes: q.themes })}
            </p>
            {q.main.length === 0 ? (
              <p className="text-sm text-stone-700">{t('noThemes')}</p>
            ) : (
              <ol className="mt-1 space-y-1 text-sm">
                {q.main.map((theme) => (
                  <li key={theme.id} className="min-w-0">
                    <span className="font-semibold" dir="auto">
                      {theme.label}
                    </span>{' '}
                    <span className="text-stone-700">
                      {t('size', { notes: theme.notes, places: theme.places, dots: theme.dots })}
                    </span>
                    {theme.note && (
                      <q className="block truncate text-stone-700" dir="auto" title={theme.note}>
                        {theme.note}
                      </q>
                    )}
                  </li>
                ))}
              </ol>
            )}
            <p className="mt-1 text-sm">
              <strong>{t('commonGround', { bar: commonGroundAt(q.places), places: q.places })}</strong>{' '}
              {q.commonGround.length === 0 ? (
                <span className="text-stone-700">{t('noCommonGround')}</span>
              ) : (
                <span data-testid="common-ground" dir="auto">
                  {q.commonGround.map((c) => c.label).join(' · ')}
                </span>
              )}
            </p>
          </section>
        ))}
      </div>
    </section>
  );
}
