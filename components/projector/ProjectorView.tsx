'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { activeCount, phaseOf } from '../../lib/view';
import { useFacilitatorToken } from '../facilitator/useFacilitatorToken';
import { HarvestProjector } from '../harvest/HarvestProjector';
import { ToldProjector } from '../harvest/ToldProjector';
import { useRefusalText } from '../i18n/errors';
import { useLive } from '../live/store';
import { useConnection } from '../live/useConnection';
import { OpenSpaceProjector } from '../openspace/OpenSpaceProjector';
import { Timer } from '../ui/Timer';
import { JoinQr, useJoinUrl } from './JoinQr';
import { useProjectorChoice } from './useProjectorChoice';

/** The second window, on the projector: how to join, the question, the timer, how many are in. */
export function ProjectorView({ eventId }: { eventId: string }) {
  const t = useTranslations('projector');
  const tc = useTranslations('connection');
  const say = useRefusalText();
  const { token, ready } = useFacilitatorToken(eventId);
  const identity = useMemo(
    () => (token ? ({ kind: 'facilitator', eventId, token } as const) : null),
    [eventId, token],
  );
  useConnection(identity);
  const event = useLive((s) => s.event);
  const fatal = useLive((s) => s.fatal);
  const joinUrl = useJoinUrl(event?.joinCode ?? '');
  const view = useProjectorChoice(event);

  if ((ready && !token) || fatal) {
    return <main className="p-10 text-2xl">{fatal ? say(fatal) : t('openFromConsole')}</main>;
  }
  if (!event) return <main className="p-10 text-2xl">{tc('connecting')}</main>;

  if (view === 'harvest' && token) return <HarvestProjector event={event} eventId={eventId} token={token} />;
  if (view === 'told') return <ToldProjector event={event} />;
  if (event.part === 'openSpace') return <OpenSpaceProjector event={event} joinUrl={joinUrl} />;
  const phase = phaseOf(event);
  const total = event.settings.rounds.length;
  const roundIndex = phase.kind === 'lobby' ? 0 : phase.kind === 'finished' ? total - 1 : phase.round;
  const question = event.settings.rounds[roundIndex]?.question ?? '';
  const people = activeCount(event);
  const displayUrl = joinUrl?.replace(/^https?:\/\//, '') ?? '';

  let headline: string;
  switch (phase.kind) {
    case 'lobby':
      headline = t('join');
      break;
    case 'seated':
      headline = phase.round === 0 ? t('takeSeat') : t('roundOver', { round: phase.round });
      break;
    case 'running':
    case 'paused':
      headline = t('roundOf', { round: phase.round + 1, total });
      break;
    case 'finished':
      headline = t('thanks');
      break;
  }

  return (
    <main data-fixed-colours className="flex min-h-screen flex-col bg-stone-950 p-[3vh] text-white">
      <header className="flex items-center justify-between gap-6">
        <h1 className="text-[3.5vh] font-bold" dir="auto">
          {event.settings.title}
        </h1>
        <p className="text-[3vh]" aria-live="polite">
          {t.rich('peopleHere', {
            count: people,
            b: (chunks) => <span className="font-bold">{chunks}</span>,
          })}
        </p>
      </header>
      <div className="mt-[3vh] grid flex-1 grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-[4vh]">
        <section className="flex flex-col justify-center">
          <p className="text-[4vh] font-semibold text-brand-100" aria-live="polite">
            {headline}
          </p>
          {phase.kind !== 'finished' && (
            <p className="mt-[3vh] text-[6vh] leading-tight font-bold" dir="auto">
              {question}
            </p>
          )}
          {(phase.kind === 'running' || phase.kind === 'paused') && (
            <div className="mt-[5vh] rounded-3xl bg-white p-[3vh] text-stone-900">
              <Timer round={event.rounds[phase.round]} size="xl" />
            </div>
          )}
        </section>
        <aside className="flex flex-col items-center justify-center rounded-3xl bg-white p-[3vh] text-stone-900">
          <p className="text-[3vh] font-semibold">{t('scan')}</p>
          {joinUrl && <JoinQr url={joinUrl} className="mt-[2vh] aspect-square w-full max-w-[45vh]" />}
          <p className="mt-[2vh] text-center">
            {t.rich('howToJoin', {
              address: displayUrl.replace(/\/j\/\w+$/, ''),
              code: event.joinCode,
              small: (chunks) => <span className="mt-[1vh] block text-[2.6vh] first:mt-0">{chunks}</span>,
              site: (chunks) => (
                <span className="block text-[3vh] font-semibold break-all" dir="ltr">
                  {chunks}
                </span>
              ),
              big: (chunks) => (
                <span
                  className="block font-mono text-[9vh] leading-none font-bold tracking-widest"
                  dir="ltr"
                  data-testid="join-code"
                >
                  {chunks}
                </span>
              ),
            })}
          </p>
        </aside>
      </div>
    </main>
  );
}
