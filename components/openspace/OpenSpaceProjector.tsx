'use client';
import { useEffect, useState } from 'react';
import { ranking } from '../../lib/openspace/reducer';
import { clockOf, nowAndNext, presenceCounts, sessionAt, slotLabel } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { activeCount } from '../../lib/view';
import { JoinQr } from '../projector/JoinQr';
import { AgendaWall } from './AgendaWall';
import { convenerNames } from './names';

/** The Open Space on the projector: the live agenda wall (or the live ranking), now and next, how to join. */
export function OpenSpaceProjector({ event, joinUrl }: { event: EventState; joinUrl: string | null }) {
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
  const announcement = os.announcements[os.announcements.length - 1];
  const people = activeCount(event);
  const titlesAt = (slot: number | null) =>
    slot === null
      ? []
      : settings.spaces.flatMap((sp, j) => {
          const s = sessionAt(os, slot, j);
          return s ? [`${s.title} (${sp.name})`] : [];
        });

  return (
    <main
      data-fixed-colours
      className="flex min-h-screen flex-col gap-[2vh] bg-stone-950 p-[2.5vh] text-white"
    >
      <header className="flex items-center justify-between gap-6">
        <div>
          <h1 className="text-[3.2vh] font-bold">{event.settings.title}</h1>
          <p className="text-[2.4vh] text-brand-100">{settings.theme}</p>
        </div>
        <p className="text-[2.6vh]" aria-live="polite">
          <span className="font-bold">{people}</span> {people === 1 ? 'person' : 'people'} here
          {os.marketplaceOpen && (
            <span className="ml-4 rounded-full bg-amber-400 px-3 py-1 font-bold text-stone-950">
              Marketplace open
            </span>
          )}
        </p>
      </header>
      {announcement && (
        <p
          role="status"
          className="rounded-2xl bg-amber-300 px-[2vh] py-[1vh] text-[2.8vh] font-semibold text-stone-950"
        >
          {announcement.text}
        </p>
      )}
      <div className="grid flex-1 grid-cols-[minmax(0,4fr)_minmax(0,1fr)] gap-[2vh]">
        <section className="rounded-3xl bg-white p-[1.5vh] text-stone-900">
          {os.stage === 'agenda' ? (
            <AgendaWall
              state={event}
              large
              highlightSlots={now !== null ? [now] : []}
              renderSession={(s) => (
                <div className="rounded-lg bg-brand-50 p-[0.8vh]" data-testid="wall-session">
                  <p className="text-[1.9vh] leading-tight font-bold">{s.title}</p>
                  <p className="text-[1.5vh] text-stone-700">by {convenerNames(event, s)}</p>
                  <p className="text-[1.6vh] font-semibold text-brand-700" data-testid="wall-count">
                    {counts[s.id] ?? 0} here
                  </p>
                </div>
              )}
            />
          ) : (
            <Ranking event={event} />
          )}
        </section>
        <aside className="flex flex-col gap-[2vh]">
          <div className="rounded-3xl bg-white p-[1.5vh] text-center text-stone-900">
            <p className="text-[2vh] font-semibold">Scan to join</p>
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
          <div className="rounded-3xl bg-stone-800 p-[1.5vh] text-[1.9vh]">
            <p className="font-bold text-brand-100">Now{now !== null ? ` · ${slotLabel(event, now)}` : ''}</p>
            <ul className="mt-1 space-y-1">
              {titlesAt(now).map((t) => (
                <li key={t}>{t}</li>
              ))}
              {titlesAt(now).length === 0 && <li className="opacity-80">No sessions right now</li>}
            </ul>
            <p className="mt-[1.5vh] font-bold text-brand-100">
              Next{next !== null ? ` · ${slotLabel(event, next)}` : ''}
            </p>
            <ul className="mt-1 space-y-1">
              {titlesAt(next).map((t) => (
                <li key={t}>{t}</li>
              ))}
              {titlesAt(next).length === 0 && <li className="opacity-80">Nothing later today</li>}
            </ul>
          </div>
        </aside>
      </div>
    </main>
  );
}

function Ranking({ event }: { event: EventState }) {
  const os = event.openSpace;
  if (!os) return null;
  const rows = ranking(os);
  const top = Math.max(1, ...rows.map((r) => r.dots));
  return (
    <div className="p-[1vh]">
      <h2 className="text-[3vh] font-bold">
        {os.stage === 'convergence' ? 'What matters most — vote with your dots' : 'Action planning'}
      </h2>
      <ol className="mt-[1.5vh] space-y-[1vh]">
        {rows.slice(0, 12).map((r, i) => (
          <li
            key={r.sessionId}
            className="grid grid-cols-[4vh_minmax(0,2fr)_minmax(0,3fr)_10vh] items-center gap-[1vh] text-[2.2vh]"
          >
            <span className="font-bold">{i + 1}.</span>
            <span className="truncate font-semibold">{os.sessions[r.sessionId]?.title}</span>
            <span
              className="h-[2.5vh] rounded bg-brand-600"
              style={{ width: `${(r.dots / top) * 100}%` }}
              aria-hidden="true"
            />
            <span>
              {r.dots} {r.dots === 1 ? 'dot' : 'dots'}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
