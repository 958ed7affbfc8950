'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cafeTotals, type RoomTable, roomTables } from '../../lib/cafe/room';
import type { EventState } from '../../lib/state';
import { activeCount, phaseOf } from '../../lib/view';
import { Timer } from '../ui/Timer';
import { JoinQr } from './JoinQr';
import { ProjectorAnnouncement } from './ProjectorAnnouncement';

/**
 * The café on the projector, one design per moment: in the lobby joining is what matters (a big
 * QR code and join code); when people are seated, finding their table and the next question;
 * during a round, the question, the timer and what each table has written, with a small corner
 * for latecomers; at the end, thanks, what the room did and what comes next. Sizes follow the
 * screen's height so it fits 1366×768 and 1920×1080 alike.
 */
export function CafeProjector({ event, joinUrl }: { event: EventState; joinUrl: string | null }) {
  const t = useTranslations('projector');
  const phase = phaseOf(event);
  const total = event.settings.rounds.length;
  const address = (joinUrl ?? '').replace(/^https?:\/\//, '').replace(/\/j\/\w+$/, '');
  const people = activeCount(event);
  const count = (size: string) => (
    <p className={`shrink-0 ${size}`} aria-live="polite">
      {t.rich('peopleHere', { count: people, b: (chunks) => <span className="font-bold">{chunks}</span> })}
    </p>
  );

  let body: ReactNode;
  let round: string | null = null;
  switch (phase.kind) {
    case 'lobby':
      body = <Lobby event={event} joinUrl={joinUrl} address={address} count={count('text-[4.5vh]')} />;
      break;
    case 'seated': {
      round = t('roundOf', { round: phase.round + 1, total });
      const question = event.settings.rounds[phase.round]?.question ?? '';
      body = (
        <>
          <div className="flex min-h-0 flex-1 items-center">
            <section>
              <p className="text-[8vh] leading-tight font-bold text-brand-100" aria-live="polite">
                {t('findTable')}
              </p>
              <p className="mt-[1.5vh] text-[3.6vh]">
                {phase.round === 0 ? t('takeSeat') : t('roundOver', { round: phase.round })}
              </p>
              {phase.round > 0 && <p className="mt-[1vh] text-[3vh] text-stone-300">{t('hostsStay')}</p>}
              <p className="mt-[5vh] text-[2.8vh] font-semibold text-brand-100">
                {t('questionFor', { round: phase.round + 1 })}
              </p>
              <Question text={question} scale={0.8} />
            </section>
          </div>
          <div className="flex items-end gap-[3vh]">
            <Tables tables={roomTables(event)} show="people" />
            <LateJoin joinUrl={joinUrl} address={address} code={event.joinCode} />
          </div>
        </>
      );
      break;
    }
    case 'running':
    case 'paused': {
      round = t('roundOf', { round: phase.round + 1, total });
      const question = event.settings.rounds[phase.round]?.question ?? '';
      body = (
        <>
          <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_auto] items-center gap-[4vh]">
            <Question text={question} />
            <div className="rounded-3xl bg-white px-[4vh] py-[3vh] text-stone-900">
              <Timer round={event.rounds[phase.round]} size="xl" />
            </div>
          </div>
          <div className="flex items-end gap-[3vh]">
            <Tables tables={roomTables(event)} show="notes" />
            <LateJoin joinUrl={joinUrl} address={address} code={event.joinCode} />
          </div>
        </>
      );
      break;
    }
    case 'finished':
      body = <Finished event={event} />;
      break;
  }

  return (
    <main data-fixed-colours className="flex h-dvh flex-col gap-[2.5vh] bg-stone-950 p-[3vh] text-white">
      <header className="flex items-center gap-[3vh]">
        <h1 className="min-w-0 grow truncate text-[3.4vh] font-bold" dir="auto">
          {event.settings.title}
        </h1>
        {round && (
          <p
            className="shrink-0 rounded-full bg-brand-100 px-[2vh] py-[0.5vh] text-[3vh] font-bold text-stone-950"
            aria-live="polite"
          >
            {round}
          </p>
        )}
        {phase.kind !== 'lobby' && phase.kind !== 'finished' && count('text-[3vh]')}
      </header>
      <ProjectorAnnouncement event={event} />
      {body}
    </main>
  );
}

/** Before round 1: how to join, as big as the screen allows, and how many are in already. */
function Lobby({
  event,
  joinUrl,
  address,
  count,
}: {
  event: EventState;
  joinUrl: string | null;
  address: string;
  count: ReactNode;
}) {
  const t = useTranslations('projector');
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_auto] items-center gap-[5vh]">
      <section>
        <p className="text-[8vh] leading-tight font-bold text-brand-100" aria-live="polite">
          {t('join')}
        </p>
        <p className="mt-[4vh]">
          {t.rich('howToJoin', {
            address,
            code: event.joinCode,
            small: (chunks) => <span className="mt-[1.5vh] block text-[3.2vh] first:mt-0">{chunks}</span>,
            // Each block follows the page's direction (right-aligned in Arabic); the address and
            // the code inside it always read left to right.
            site: (chunks) => (
              <span className="block text-[4.5vh] font-semibold break-all">
                <span dir="ltr">{chunks}</span>
              </span>
            ),
            big: (chunks) => (
              <span className="mt-[1vh] block font-mono text-[13vh] leading-[1.1] font-bold tracking-widest">
                <span dir="ltr" data-testid="join-code">
                  {chunks}
                </span>
              </span>
            ),
          })}
        </p>
        <div className="mt-[5vh]">{count}</div>
      </section>
      <aside className="flex flex-col items-center rounded-3xl bg-white p-[3vh] text-stone-900">
        <p className="text-[3.6vh] font-semibold">{t('scan')}</p>
        {joinUrl && <JoinQr url={joinUrl} className="mt-[2vh] aspect-square h-[62vh] max-w-[42vw]" />}
      </aside>
    </div>
  );
}

/** The question, as big as its length allows. */
function Question({ text, scale = 1 }: { text: string; scale?: number }) {
  const vh = (text.length <= 60 ? 8 : text.length <= 120 ? 7 : text.length <= 200 ? 6 : 5) * scale;
  return (
    <p
      className="mt-[1.5vh] leading-tight font-bold break-words"
      style={{ fontSize: `${vh}vh` }}
      dir="auto"
      data-testid="projector-question"
    >
      {text}
    </p>
  );
}

/** For latecomers during the café: a small QR code, the short address and the code, in a corner. */
function LateJoin({ joinUrl, address, code }: { joinUrl: string | null; address: string; code: string }) {
  const t = useTranslations('projector');
  return (
    <aside
      className="flex max-w-[34vw] shrink-0 items-center gap-[2vh] self-end rounded-2xl bg-white p-[1.5vh] text-stone-900"
      data-testid="corner-join"
    >
      {joinUrl && <JoinQr url={joinUrl} className="aspect-square h-[13vh] shrink-0" />}
      <div className="min-w-0">
        <p className="text-[2.4vh] font-semibold">{t('lateJoin')}</p>
        <p className="text-[2.2vh]">
          {t.rich('lateHow', {
            address,
            code,
            site: (chunks) => (
              <span className="font-semibold break-all" dir="ltr">
                {chunks}
              </span>
            ),
            b: (chunks) => (
              <span className="block font-mono text-[4.2vh] leading-tight font-bold tracking-widest">
                <span dir="ltr" data-testid="corner-code">
                  {chunks}
                </span>
              </span>
            ),
          })}
        </p>
      </div>
    </aside>
  );
}

/** Beyond this many tables a row of tiles would not fit; the room is summed up in a line instead. */
const MAX_TILES = 24;

/** The live state of the room: each table's notes this round (or people, while seating) and its host. */
function Tables({ tables, show }: { tables: RoomTable[]; show: 'notes' | 'people' }) {
  const t = useTranslations('projector');
  if (tables.length === 0) return <div className="min-w-0 flex-1" />;
  if (tables.length > MAX_TILES) {
    const notes = tables.reduce((sum, x) => sum + x.notes, 0);
    const noHost = tables.filter((x) => x.host === null).length;
    return (
      <section className="min-w-0 flex-1 text-[3vh]" data-testid="room-summary">
        <h2 className="text-[2.6vh] font-semibold text-brand-100">{t('atTables')}</h2>
        <p className="font-bold">{t('tablesSummary', { tables: tables.length, notes })}</p>
        {noHost > 0 && (
          <p className="flex items-center gap-[1vh] text-amber-300">
            <NoHostIcon />
            {t('tablesNoHost', { count: noHost })}
          </p>
        )}
      </section>
    );
  }
  const rows = Math.ceil(tables.length / 8);
  const cols = Math.ceil(tables.length / rows);
  const big = rows === 1 ? 'text-[4.4vh]' : rows === 2 ? 'text-[3.6vh]' : 'text-[2.8vh]';
  return (
    <section className="min-w-0 flex-1" aria-labelledby="room-h">
      <h2 id="room-h" className="mb-[1vh] text-[2.6vh] font-semibold text-brand-100">
        {t('atTables')}
      </h2>
      <ul
        className="grid gap-[1.2vh]"
        style={{ gridTemplateColumns: `repeat(${Math.max(cols, 4)}, minmax(0, 1fr))` }}
      >
        {tables.map((x) => (
          <li
            key={x.table}
            className="rounded-2xl bg-stone-800 px-[1.5vh] py-[1vh]"
            data-testid="room-table"
            data-notes={x.notes}
          >
            <p className="truncate text-[2.2vh] font-semibold text-stone-300">
              {t('table', { table: x.table })}
            </p>
            <p className={`truncate font-bold ${big}`}>
              {show === 'notes' ? t('tileNotes', { count: x.notes }) : t('tilePeople', { count: x.people })}
            </p>
            <p
              className={`flex items-center gap-[0.8vh] text-[2vh] ${x.host ? 'text-emerald-300' : 'text-amber-300'}`}
            >
              {x.host ? <HostIcon /> : <NoHostIcon />}
              <span className="truncate">{x.host ? t('hostHere') : t('noHost')}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After the last round: thanks, what the room did, and what comes next (the harvest). */
function Finished({ event }: { event: EventState }) {
  const t = useTranslations('projector');
  const totals = cafeTotals(event);
  const b = (chunks: ReactNode) => <span className="block text-[8vh] leading-none font-bold">{chunks}</span>;
  return (
    <div className="flex min-h-0 flex-1 flex-col justify-center">
      <p className="text-[9vh] leading-tight font-bold text-brand-100" aria-live="polite">
        {t('thanks')}
      </p>
      <ul className="mt-[5vh] flex flex-wrap gap-[3vh] text-[3.2vh]" data-testid="finished-totals">
        <li className="rounded-3xl bg-stone-800 px-[4vh] py-[2.5vh]">
          {t.rich('statPeople', { count: totals.tookPart, b })}
        </li>
        <li className="rounded-3xl bg-stone-800 px-[4vh] py-[2.5vh]">
          {t.rich('statNotes', { count: totals.notes, b })}
        </li>
        {totals.tables > 0 && (
          <li className="rounded-3xl bg-stone-800 px-[4vh] py-[2.5vh]">
            {t.rich('statTables', { count: totals.tables, b })}
          </li>
        )}
      </ul>
      <section className="mt-[5vh] max-w-[80vw]">
        <h2 className="text-[3.6vh] font-semibold text-brand-100">{t('nextHeading')}</h2>
        <p className="mt-[1vh] text-[4vh] leading-snug">{t('nextHarvest')}</p>
      </section>
    </div>
  );
}

function HostIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-[2.4vh] shrink-0" fill="none">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="2.5" />
      <path d="m7 12.5 3.2 3.2L17 9" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

function NoHostIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-[2.4vh] shrink-0" fill="none">
      <path d="M12 3 2 21h20L12 3Z" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M12 10v5M12 18v.5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
