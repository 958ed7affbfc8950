'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

const linkStyle =
  'inline-flex min-h-11 items-center rounded-lg border-2 border-stone-300 bg-white px-4 py-2 font-semibold hover:border-stone-500';

/**
 * After (or before) the event: set the next one up like this one, and put several events'
 * harvests into one report. Copying needs the organiser's link, so only the organiser is offered it;
 * its token goes to the set-up page in the #fragment, as every facilitator link carries it.
 */
export function ReuseEvent({
  eventId,
  token,
  organiser,
}: {
  eventId: string;
  token: string;
  organiser: boolean;
}) {
  const t = useTranslations('console.reuse');
  return (
    <section aria-labelledby="reuse-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="reuse-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      {organiser && (
        <>
          <p className="text-stone-700">{t('copyHelp')}</p>
          <Link href={`/new?from=${encodeURIComponent(eventId)}#${token}`} className={`mt-2 ${linkStyle}`}>
            {t('copy')}
          </Link>
        </>
      )}
      <p className="mt-3 text-stone-700">{t('seriesHelp')}</p>
      <Link href="/series" className={`mt-2 ${linkStyle}`}>
        {t('series')}
      </Link>
    </section>
  );
}
