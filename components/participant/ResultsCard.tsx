'use client';
/**
 * The phone's loop back to the people who took part (lib/harvest/results.ts): the link to "What
 * you told us" as soon as it is published, on every phone, and still there after the event (the
 * phone's saved copy keeps it, with no signal too); and at the phone's end, where and when the
 * results will be shared, or that the link will appear on this page.
 */
import { useFormatter, useTranslations } from 'next-intl';
import { type ResultsSettings, resultsNews } from '../../lib/harvest/results';
import type { EventState } from '../../lib/state';
import { formatDay } from '../i18n/dates';

/** "Read what you told us": the first thing on the phone once the harvest is published. */
export function ToldLink({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('toldLink');
  const news = resultsNews(event, me);
  if (news?.kind !== 'published') return null;
  return (
    <section
      aria-labelledby="told-link-h"
      className="rounded-2xl border-2 border-brand-600 bg-white p-4"
      data-testid="told-link-card"
    >
      <h2 id="told-link-h" className="text-xl font-bold">
        {t('heading')}
      </h2>
      <p className="mt-1 text-lg">{t('body')}</p>
      <a
        className="mt-3 inline-flex min-h-12 items-center rounded-xl bg-brand-700 px-4 py-3 text-lg font-semibold text-white underline"
        href={news.href}
        data-testid="told-link"
      >
        {t('link')}
      </a>
      {news.results && <WhereAndWhen results={news.results} />}
    </section>
  );
}

/** At the phone's end, before anything is published: where and when, or that the link will come here. */
export function ResultsPromise({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('results');
  const news = resultsNews(event, me);
  if (news?.kind !== 'promised' && news?.kind !== 'untold') return null;
  return (
    <section
      aria-labelledby="results-promise-h"
      className="rounded-2xl border-2 border-stone-200 bg-white p-4"
      data-testid="results-promise"
    >
      <h2 id="results-promise-h" className="text-xl font-bold">
        {t('heading')}
      </h2>
      {news.kind === 'promised' ? (
        <>
          <p className="mt-1 text-lg">{t('intro')}</p>
          <WhereAndWhen results={news.results} />
          <p className="mt-2 text-stone-700">{t('linkHere')}</p>
        </>
      ) : (
        <p className="mt-1 text-lg">{t('untold')}</p>
      )}
    </section>
  );
}

/** Where and by when, as the organiser wrote them (their words keep their own direction). */
function WhereAndWhen({ results }: { results: ResultsSettings }) {
  const t = useTranslations('results');
  const format = useFormatter();
  return (
    <dl className="mt-2 space-y-1 text-lg" data-testid="results-where-when">
      {results.where && (
        <div>
          <dt className="font-semibold">{t('whereLabel')}</dt>
          <dd className="break-words whitespace-pre-line" dir="auto">
            {results.where}
          </dd>
        </div>
      )}
      {results.by && (
        <div>
          <dt className="font-semibold">{t('byLabel')}</dt>
          <dd>{formatDay(format, results.by)}</dd>
        </div>
      )}
    </dl>
  );
}
