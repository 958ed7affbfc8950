'use client';
import { useTranslations } from 'next-intl';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** For an event with both a café and an Open Space: which one every screen shows now. */
export function PartSwitch() {
  const part = useLive((s) => s.event?.part);
  const both = useLive((s) => !!s.event && s.event.settings.rounds.length > 0 && s.event.openSpace !== null);
  const send = useSend();
  const t = useTranslations('console.part');
  if (!both) return null;
  return (
    <section aria-labelledby="part-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="part-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-600">{t('help')}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant={part === 'cafe' ? 'primary' : 'secondary'}
          aria-pressed={part === 'cafe'}
          onClick={() => part !== 'cafe' && send('event.part', { part: 'cafe' })}
        >
          {t('cafe')}
        </Button>
        <Button
          variant={part === 'openSpace' ? 'primary' : 'secondary'}
          aria-pressed={part === 'openSpace'}
          onClick={() => part !== 'openSpace' && send('event.part', { part: 'openSpace' })}
        >
          {t('openSpace')}
        </Button>
      </div>
    </section>
  );
}
