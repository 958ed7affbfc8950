'use client';
import { useTranslations } from 'next-intl';
import { useLive } from '../live/store';
import { PaperCardForm } from './PaperCardForm';

/** The console's "Type in a paper card": the helper's form, for the facilitators. */
export function PaperCardPanel({ eventId }: { eventId: string }) {
  const t = useTranslations('console.paper');
  const linkId = useLive((s) => s.team?.linkId ?? 'organiser');
  return (
    <section
      aria-labelledby="paper-card-h"
      className="space-y-3 rounded-2xl border-2 border-stone-200 bg-white p-4"
    >
      <h2 id="paper-card-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-600">{t('help')}</p>
      <PaperCardForm keepAs={`cafe:paper:${eventId}:${linkId}`} list />
    </section>
  );
}
