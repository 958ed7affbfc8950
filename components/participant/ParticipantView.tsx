'use client';
import { useTranslations } from 'next-intl';
import { useContext, useState } from 'react';
import { isEvaluationOpen } from '../../lib/evaluation/state';
import type { EventState } from '../../lib/state';
import { personById } from '../../lib/state';
import { activeCount, hostedTable, phaseOf, tableMembers, tableOf } from '../../lib/view';
import { EvaluationCard } from '../evaluation/EvaluationCard';
import { HarvestVote } from '../harvest/HarvestVote';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useLive } from '../live/store';
import { ConnectionContext, useSend } from '../live/useConnection';
import { OpenSpacePhone } from '../openspace/OpenSpacePhone';
import { PaperCardForm } from '../paper/PaperCardForm';
import { Announcer } from '../ui/Announcer';
import { Button } from '../ui/Button';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Problems } from '../ui/Problems';
import { RoundEndCue } from '../ui/RoundEndCue';
import { Timer } from '../ui/Timer';
import { AnnouncementBanner } from './AnnouncementBanner';
import { NoteComposer } from './NoteComposer';
import { EarlierNotes, MyEarlierNotes, TableNotes } from './NoteLists';
import { ResultsPromise, ToldLink } from './ResultsCard';

/** The phone screen during the café: where to sit, the question, the timer, the table's notes. */
export function ParticipantView() {
  const t = useTranslations('join');
  const event = useLive((s) => s.event);
  const me = useLive((s) => s.me);
  if (!event || !me) {
    return (
      <main className="px-4 py-10 text-lg">
        <p>{t('joining')}</p>
        <div className="mt-3">
          <ConnectionBadge phone />
        </div>
        <LanguagePicker className="mt-8" />
      </main>
    );
  }
  const left = personById(event, me)?.left;
  return (
    <div className="mx-auto min-h-screen max-w-xl">
      <header className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 border-b-2 border-stone-200 bg-white/95 px-4 py-2">
        <p className="min-w-0 font-semibold" dir="auto">
          {event.settings.title}
        </p>
        <ConnectionBadge phone />
      </header>
      <main className="space-y-5 px-4 py-4">
        <Announcer audience="phone" />
        <Problems />
        <AnnouncementBanner event={event} />
        <ToldLink event={event} me={me} />
        {!left && <HarvestVote event={event} me={me} />}
        {left ? <LeftCard /> : <Stage event={event} me={me} />}
        <ResultsPromise event={event} me={me} />
        {/* Someone who has left may still answer, on the way out. */}
        {isEvaluationOpen(event) && <EvaluationCard event={event} me={me} />}
        {!left && event.part === 'cafe' && <RoundEndCue event={event} />}
        {!left && <LeaveButton />}
        <LanguagePicker className="border-t-2 border-stone-200 pt-4" />
      </main>
    </div>
  );
}

function Stage({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('round');
  if (event.part === 'openSpace') return <OpenSpacePhone event={event} me={me} />;
  const phase = phaseOf(event);
  const total = event.settings.rounds.length;
  const hosting = hostedTable(event, me);

  if (phase.kind === 'lobby') return <Lobby event={event} me={me} />;
  if (phase.kind === 'finished') {
    return (
      <>
        <section className="rounded-2xl bg-hero p-5 text-on-hero">
          <h1 className="text-3xl font-bold">{t('thankYou')}</h1>
          <p className="mt-2 text-lg">{t('over')}</p>
        </section>
        <MyEarlierNotes event={event} me={me} fromRound={total} />
      </>
    );
  }

  const table = tableOf(event, me, phase.round);
  const question = event.settings.rounds[phase.round]?.question ?? '';
  if (table === null) {
    return (
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-5">
        <h1 className="text-2xl font-bold">{t('welcome')}</h1>
        <p className="mt-2 text-lg">{t('tableSoon')}</p>
      </section>
    );
  }

  if (phase.kind === 'seated') {
    const prev = phase.round > 0 ? tableOf(event, me, phase.round - 1) : null;
    const stay = hosting === table || prev === table;
    return (
      <>
        <section className="rounded-2xl bg-hero p-5 text-on-hero" data-testid="go-to-table">
          <p className="text-lg font-medium">
            {phase.round === 0 ? t('aboutToStart', { round: 1 }) : t('roundOver', { round: phase.round })}
          </p>
          <h1 className="mt-1 text-[clamp(2.25rem,13vw,3rem)] leading-tight font-bold">
            {stay && phase.round > 0 ? t('stayAt', { table }) : t('goTo', { table })}
          </h1>
          {hosting === table && <p className="mt-3 text-lg">{t('hostBriefing', { table })}</p>}
        </section>
        <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
          <p className="font-medium text-stone-600">{t('nextQuestion')}</p>
          <p className="mt-1 text-xl font-semibold" dir="auto">
            {question}
          </p>
        </section>
        {hosting === table && <EarlierNotes event={event} table={table} beforeRound={phase.round} />}
        <MyEarlierNotes event={event} me={me} fromRound={phase.round} />
      </>
    );
  }

  const mates = tableMembers(event, table, phase.round).length;
  return (
    <>
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h1 className="text-3xl font-bold whitespace-nowrap" data-testid="my-table">
            {t('table', { table })}
          </h1>
          <p className="text-stone-700">{t('roundOf', { round: phase.round + 1, total, count: mates })}</p>
        </div>
        {hosting === table && <p className="mt-1 font-semibold text-brand-700">{t('youHostThis')}</p>}
        <p className="mt-3 text-xl font-semibold" dir="auto">
          {question}
        </p>
        <div className="mt-4">
          <Timer round={event.rounds[phase.round]} />
        </div>
      </section>
      <NoteComposer event={event} me={me} round={phase.round} table={table} />
      <TableNotes event={event} me={me} table={table} round={phase.round} />
      {hosting === table && <HostPaperCard round={phase.round} table={table} />}
      {hosting === table && phase.round > 0 && (
        <EarlierNotes event={event} table={table} beforeRound={phase.round} />
      )}
      <MyEarlierNotes event={event} me={me} fromRound={phase.round} />
    </>
  );
}

/** A table's host types in the paper cards of people at the table who have no phone. */
function HostPaperCard({ round, table }: { round: number; table: number }) {
  const t = useTranslations('paper');
  return (
    <details className="rounded-2xl border-2 border-stone-200 bg-white p-4" data-testid="host-paper-card">
      <summary className="min-h-11 cursor-pointer text-lg font-semibold">{t('heading')}</summary>
      <p className="mt-1 mb-3 text-stone-700">{t('hostHelp')}</p>
      <PaperCardForm place={{ round, table }} />
    </details>
  );
}

function Lobby({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('lobby');
  const send = useSend();
  const volunteer = personById(event, me)?.volunteer ?? false;
  const hosting = hostedTable(event, me);
  // The server's count: a phone's own state knows only the people near it.
  const present = useLive((s) => s.present) ?? activeCount(event);
  return (
    <>
      <section className="rounded-2xl bg-hero p-5 text-on-hero">
        <h1 className="text-3xl font-bold">{t('youreIn')}</h1>
        <p className="mt-2 text-lg">{t('startSoon')}</p>
      </section>
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-xl font-bold">{t('hostQuestion')}</h2>
        <p className="mt-1 text-stone-700">{t('hostExplain')}</p>
        {hosting !== null ? (
          <p className="mt-3 text-lg font-semibold text-brand-700">{t('youHost', { table: hosting })}</p>
        ) : (
          <Button
            className="mt-3"
            variant={volunteer ? 'secondary' : 'primary'}
            aria-pressed={volunteer}
            onClick={() => send('host.volunteer', { volunteering: !volunteer })}
          >
            {volunteer ? t('offered') : t('canHost')}
          </Button>
        )}
      </section>
      <p className="text-stone-700">{t('joinedSoFar', { count: present })}</p>
    </>
  );
}

function LeaveButton() {
  const t = useTranslations('leave');
  const send = useSend();
  const [asking, setAsking] = useState(false);
  return (
    <div className="border-t-2 border-stone-200 pt-4">
      {asking ? (
        <div className="space-y-2">
          <p>{t('confirm')}</p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              onClick={() => {
                send('participant.leave', {});
              }}
            >
              {t('yes')}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {t('stay')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="ghost" onClick={() => setAsking(true)}>
          {t('ask')}
        </Button>
      )}
    </div>
  );
}

/** Joining again reconnects with the same phone token, so the person keeps their notes. */
function LeftCard() {
  const conn = useContext(ConnectionContext);
  const t = useTranslations('leave');
  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-5">
      <h1 className="text-2xl font-bold">{t('leftTitle')}</h1>
      <p className="mt-2 text-lg">{t('leftBody')}</p>
      <Button className="mt-4" onClick={() => conn?.rejoin()}>
        {t('joinAgain')}
      </Button>
    </section>
  );
}
