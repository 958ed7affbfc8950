'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useMemo, useState } from 'react';
import { liveSummary } from '../../lib/harvest/summary';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { AcrossQuestions } from './AcrossQuestions';
import { Curation } from './Curation';
import { Granularity } from './Granularity';
import { HarvestSummary } from './HarvestSummary';
import { ProjectorControl } from './ProjectorControl';
import { useLiveThemes } from './useLiveThemes';
import { useHarvestWords } from './view';

/** The organiser's harvest: live themes, then curation, voting, exports and publishing. */
export function HarvestConsole({ eventId, token }: { eventId: string; token: string }) {
  const event = useLive((s) => s.event);
  if (!event) return null;
  return (
    <div className="space-y-6">
      <ProjectorControl event={event} eventId={eventId} token={token} />
      {event.harvest ? (
        <Curation event={event} eventId={eventId} token={token} />
      ) : (
        <LivePreview eventId={eventId} token={token} />
      )}
    </div>
  );
}

function LivePreview({ eventId, token }: { eventId: string; token: string }) {
  const t = useTranslations('harvestConsole');
  const words = useHarvestWords();
  const send = useSend();
  const event = useLive((s) => s.event);
  const [granularity, setGranularity] = useState(0);
  const groups = useLiveThemes(eventId, token, 5_000, granularity ? `granularity=${granularity}` : '');
  const summary = useMemo(() => (event && groups ? liveSummary(event, groups) : []), [event, groups]);
  const [dots, setDots] = useState('3');
  function start(e: FormEvent) {
    e.preventDefault();
    send('harvest.start', { votesPerPerson: Math.min(20, Math.max(1, Number(dots) || 3)), granularity });
  }
  return (
    <div className="space-y-4">
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-lg font-bold">{t('live.heading')}</h2>
        <p className="text-stone-700">{t('live.intro')}</p>
        <form onSubmit={start} className="mt-3 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2">
            {t('live.dotsPerPerson')}
            <input
              type="number"
              min={1}
              max={20}
              value={dots}
              onChange={(e) => setDots(e.target.value)}
              className="w-20 rounded-lg border-2 border-stone-400 px-2 py-1"
            />
          </label>
          <Granularity value={granularity} onChange={setGranularity} />
          <Button type="submit">{t('live.start')}</Button>
        </form>
      </section>
      <HarvestSummary summary={summary} />
      <AcrossQuestions eventId={eventId} token={token} />
      {groups === null && <p>{t('live.working')}</p>}
      {groups?.length === 0 && <p className="text-stone-600">{t('live.noNotes')}</p>}
      {groups?.map((g) => (
        <section
          key={g.question}
          className="rounded-2xl border-2 border-stone-200 bg-white p-4"
          data-testid="live-group"
        >
          <h3 className="text-lg font-bold" dir="auto">
            {g.question}
          </h3>
          <p className="text-stone-600">
            {t('live.groupCounts', { notes: g.notes, themes: g.themes.length, unthemed: g.unthemed })}
          </p>
          <ul className="mt-2 grid gap-2 md:grid-cols-2 xl:grid-cols-3">
            {g.themes.map((theme) => (
              <li key={theme.id} className="min-w-0 rounded-lg bg-brand-50 p-3" data-testid="live-theme">
                <p className="font-bold" dir="auto">
                  {theme.label}
                </p>
                <p className="text-sm text-stone-700">
                  {t('words.themeFrom', { notes: theme.notes, spread: words.spreadFromWords(theme.spread) })}
                </p>
                <ul className="mt-1 list-disc ps-5 text-sm">
                  {theme.examples.map((x) => (
                    <li key={x} className="break-words" dir="auto">
                      {x}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
