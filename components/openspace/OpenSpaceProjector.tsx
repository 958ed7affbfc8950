'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ranking } from '../../lib/openspace/reducer';
import { clockOf, nowAndNext, presenceCounts, projectorPhase, sessionAt } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { activeCount } from '../../lib/view';
import { useIsolate } from '../i18n/bidi';
import { formatDay } from '../i18n/dates';
import { usePersonName } from '../i18n/names';
import { useConvenerNames, usePlaceNames } from '../i18n/openspace';
import { JoinQr } from '../projector/JoinQr';
import { ProjectorAnnouncement } from '../projector/ProjectorAnnouncement';
import { AgendaWall } from './AgendaWall';

/** The Open Space on the projector: the live agenda wall (or the live ranking), now and next, how to join. */
export function OpenSpaceProjector({ event, joinUrl }: { event: EventState; joinUrl: string | null }) {
  const t = useTranslations('spaceConsole');
  const convenerNames = useConvenerNames();
  const places = usePlaceNames();
  const isolate = useIsolate();
  const [clock, setClock] = useState(() => clockOf(new Date()));
  useEffect(() => {
    const t = setInterval(() => setClock(clockOf(new Date())), 15_000);
    return () => clearInterval(t);
  }, []);
  const os = event.openSpace;
  const settings = event.settings.openSpace;
  if (!os || !settings) return null;
  const counts = presenceCounts(os);
  const { now, next } = nowAndNext(event, clock);
  const phase = projectorPhase(os);
  const bigQr = phase === 'joining';
  const people = activeCount(event);
  // Each with its space's access notes: people choose where to go next by them.
  const titlesAt = (slot: number | null) =>
    slot === null
      ? []
      : settings.spaces.flatMap((_, j) => {
          const s = sessionAt(os, slot, j);
          return s
            ? [
                t('projector.titleInSpace', {
                  title: isolate(s.title),
                  space: places.spaceWithNotes(event, j),
                }),
              ]
            : [];
        });

  return (
    <main
      data-fixed-colours
      className="flex h-screen flex-col gap-[2vh] overflow-hidden bg-stone-950 p-[2.5vh] text-white"
      data-phase={phase}
    >
      <header className="flex items-center justify-between gap-6">
        <div className="min-w-0">
          <h1 className="text-[3.2vh] font-bold" dir="auto">
            {event.settings.title}
          </h1>
          <p className="text-[2.4vh] text-brand-100" dir="auto">
            {settings.theme}
          </p>
        </div>
        <div className="flex items-center gap-[2vh]">
          <p className="text-[2.6vh]" aria-live="polite">
            {t.rich('projector.people', { count: people, b: (c) => <span className="font-bold">{c}</span> })}
            {os.marketplaceOpen && (
              <span className="ms-4 rounded-full bg-amber-400 px-3 py-1 font-bold text-stone-950">
                {t('projector.marketplaceOpen')}
              </span>
            )}
          </p>
          {!bigQr && (
            // Latecomers can still join: a small code in the corner, out of the way of the content.
            <div
              className="flex items-center gap-[1vh] rounded-2xl bg-white p-[0.8vh] text-stone-900"
              data-testid="corner-code"
            >
              {joinUrl && <JoinQr url={joinUrl} className="aspect-square h-[8vh]" />}
              <div className="text-center">
                <p className="text-[1.6vh] font-semibold">{t('projector.join')}</p>
                <p
                  className="font-mono text-[2.6vh] leading-none font-bold tracking-widest"
                  data-testid="join-code"
                >
                  {event.joinCode}
                </p>
              </div>
            </div>
          )}
        </div>
      </header>
      <ProjectorAnnouncement event={event} />
      <div
        className={`grid min-h-0 flex-1 gap-[2vh] ${phase === 'joining' || phase === 'sessions' ? 'grid-cols-[minmax(0,4fr)_minmax(0,1fr)]' : 'grid-cols-1'}`}
      >
        <section
          className="min-h-0 overflow-hidden rounded-3xl bg-white p-[1.5vh] text-stone-900"
          data-testid="projector-main"
        >
          {phase === 'actions' ? (
            <ActionPlans event={event} />
          ) : os.stage === 'agenda' ? (
            <AgendaWall
              state={event}
              large
              highlightSlots={now !== null ? [now] : []}
              renderSession={(s) => (
                <div className="rounded-lg bg-brand-50 p-[0.8vh]" data-testid="wall-session">
                  <p className="text-[1.9vh] leading-tight font-bold" dir="auto">
                    {s.title}
                  </p>
                  <p className="text-[1.5vh] text-stone-700">
                    {t('by', { names: isolate(convenerNames(event, s)) })}
                  </p>
                  <p className="text-[1.6vh] font-semibold text-brand-700" data-testid="wall-count">
                    {t('projector.here', { count: counts[s.id] ?? 0 })}
                  </p>
                </div>
              )}
            />
          ) : (
            <Ranking event={event} />
          )}
        </section>
        {(phase === 'joining' || phase === 'sessions') && (
          <aside className="flex min-h-0 flex-col gap-[2vh] overflow-hidden">
            {bigQr && (
              <div className="rounded-3xl bg-white p-[1.5vh] text-center text-stone-900" data-testid="big-qr">
                <p className="text-[2vh] font-semibold">{t('projector.scan')}</p>
                {joinUrl && (
                  <JoinQr url={joinUrl} className="mx-auto mt-[1vh] aspect-square w-full max-w-[24vh]" />
                )}
                <p
                  className="mt-[1vh] font-mono text-[4.5vh] leading-none font-bold tracking-widest"
                  data-testid="join-code"
                >
                  {event.joinCode}
                </p>
              </div>
            )}
            <div className="rounded-3xl bg-stone-800 p-[1.5vh] text-[1.9vh]">
              <p className="font-bold text-brand-100">
                {now !== null ? t('projector.nowAt', { slot: places.slot(event, now) }) : t('projector.now')}
              </p>
              <ul className="mt-1 space-y-1">
                {titlesAt(now).map((title) => (
                  <li key={title}>{title}</li>
                ))}
                {titlesAt(now).length === 0 && <li className="opacity-80">{t('projector.noneNow')}</li>}
              </ul>
              <p className="mt-[1.5vh] font-bold text-brand-100">
                {next !== null
                  ? t('projector.nextAt', { slot: places.slot(event, next) })
                  : t('projector.next')}
              </p>
              <ul className="mt-1 space-y-1">
                {titlesAt(next).map((title) => (
                  <li key={title}>{title}</li>
                ))}
                {titlesAt(next).length === 0 && <li className="opacity-80">{t('projector.nothingLater')}</li>}
              </ul>
            </div>
          </aside>
        )}
      </div>
    </main>
  );
}

function Ranking({ event }: { event: EventState }) {
  const t = useTranslations('spaceConsole.projector');
  const os = event.openSpace;
  if (!os) return null;
  const rows = ranking(os);
  const top = Math.max(1, ...rows.map((r) => r.dots));
  return (
    <div className="p-[1vh]">
      <h2 className="text-[3vh] font-bold">{t('vote')}</h2>
      <ol className="mt-[1.5vh] space-y-[1vh]">
        {rows.slice(0, 12).map((r, i) => (
          <li
            key={r.sessionId}
            className="grid grid-cols-[4vh_minmax(0,2fr)_minmax(0,3fr)_14vh] items-center gap-[1vh] text-[2.2vh]"
          >
            <span className="font-bold">{i + 1}.</span>
            <span className="truncate font-semibold" dir="auto">
              {os.sessions[r.sessionId]?.title}
            </span>
            <span
              className="h-[2.5vh] rounded bg-brand-600"
              style={{ width: `${(r.dots / top) * 100}%` }}
              aria-hidden="true"
            />
            <span className="whitespace-nowrap">{t('dots', { count: r.dots })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** How many plans fit on one screen at once (two columns of cards); the rest are on every phone. */
const PLANS_ON_SCREEN = 8;

/** Action planning on the projector: the plans people have made, with their owners and sources. */
function ActionPlans({ event }: { event: EventState }) {
  const t = useTranslations('spaceConsole.projector');
  const format = useFormatter();
  const nameOf = usePersonName();
  const isolate = useIsolate();
  const os = event.openSpace;
  if (!os) return null;
  const plans = os.actionOrder.flatMap((id) => {
    const a = os.actions[id];
    return a ? [a] : [];
  });
  const shown = plans.slice(0, PLANS_ON_SCREEN);
  return (
    <div className="flex h-full min-h-0 flex-col p-[1vh]">
      <h2 className="text-[3vh] font-bold">{t('actionPlans')}</h2>
      {plans.length === 0 ? (
        <p className="mt-[2vh] text-[2.6vh] text-stone-700">{t('noActions')}</p>
      ) : (
        <ul
          className="mt-[1.5vh] grid min-h-0 grid-cols-2 content-start gap-[1.5vh]"
          data-testid="projector-plans"
        >
          {shown.map((a) => (
            <li key={a.id} className="min-w-0 rounded-2xl bg-brand-50 p-[1.2vh]" data-testid="projector-plan">
              <p className="line-clamp-2 text-[2.4vh] leading-tight font-bold break-words" dir="auto">
                {a.title}
              </p>
              <p className="mt-[0.5vh] truncate text-[1.8vh] text-stone-700">
                {t('from', { session: isolate(os.sessions[a.sessionId]?.title ?? '') })}
              </p>
              <p className="truncate text-[1.9vh]">
                {a.owners.length
                  ? t('owners', {
                      names: format.list(
                        a.owners.map((pid) => isolate(nameOf(event, pid))),
                        { type: 'conjunction' },
                      ),
                    })
                  : t('ownersWanted')}
                {a.due && (
                  <span className="ms-[1vh] font-semibold">
                    {t('due', { date: formatDay(format, a.due) })}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {plans.length > shown.length && (
        <p className="mt-[1vh] text-[2vh] text-stone-700">
          {t('more', { count: plans.length - shown.length })}
        </p>
      )}
    </div>
  );
}
