'use client';
import { useTranslations } from 'next-intl';
import { useLive } from '../live/store';
import { PaperCardForm } from './PaperCardForm';

/**
 * "Type in a paper card": the form and the cards this screen typed in. The console offers it to
 * the facilitators; a helper's screen is built around it, with words of its own.
 */
export function PaperCardPanel({
  eventId,
  words = 'paper',
}: {
  eventId: string;
  words?: 'paper' | 'helper';
}) {
  const t = useTranslations(`console.${words}`);
  const linkId = useLive((s) => s.team?.linkId ?? 'organiser');
  return (
    <section
      aria-labelledby="paper-card-h"
      className={`space-y-3 rounded-2xl border-2 bg-white p-4 ${words === 'helper' ? 'border-brand-100' : 'border-stone-200'}`}
    >
      <h2 id="paper-card-h" className={words === 'helper' ? 'text-xl font-bold' : 'text-lg font-bold'}>
        {t('heading')}
      </h2>
      <p className="text-stone-700">{t('help')}</p>
      <PaperCardForm keepAs={`cafe:paper:${eventId}:${linkId}`} list />
    </section>
  );
}
