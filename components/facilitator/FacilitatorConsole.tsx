'use client';
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { EvaluationPanel } from '../evaluation/EvaluationPanel';
import { HarvestConsole } from '../harvest/HarvestConsole';
import { useRefusalText } from '../i18n/errors';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useLive } from '../live/store';
import { ConnectionContext, useConnection } from '../live/useConnection';
import { OpenSpaceConsole } from '../openspace/OpenSpaceConsole';
import { HelperScreen } from '../paper/HelperScreen';
import { PaperCardPanel } from '../paper/PaperCardPanel';
import { Announcer } from '../ui/Announcer';
import { Button } from '../ui/Button';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Problems } from '../ui/Problems';
import { AnnouncePanel } from './AnnouncePanel';
import { DeleteEvent } from './DeleteEvent';
import { Downloads } from './Downloads';
import { ImportNotes } from './ImportNotes';
import { RemovedNotes } from './Moderation';
import { PartSwitch } from './PartSwitch';
import { PeoplePanel } from './PeoplePanel';
import { PrintKit } from './PrintKit';
import { ResultsPanel } from './ResultsPanel';
import { ReuseEvent } from './ReuseEvent';
import { RoundPanel } from './RoundPanel';
import { SecretLink } from './SecretLink';
import { saveEvent, tokenFor } from './saved';
import { TablesPanel } from './TablesPanel';
import { TeamPanel } from './TeamPanel';
import { useFacilitatorToken } from './useFacilitatorToken';
import { WhoIsHerePanel } from './WhoIsHerePanel';

/** The facilitator's laptop screen: run the rounds, see people and every table's notes live. */
export function FacilitatorConsole({ eventId }: { eventId: string }) {
  const { token, ready } = useFacilitatorToken(eventId);
  const identity = useMemo(
    () => (token ? ({ kind: 'facilitator', eventId, token } as const) : null),
    [eventId, token],
  );
  const conn = useConnection(identity);
  const fatal = useLive((s) => s.fatal);
  const title = useLive((s) => s.event?.settings.title);
  const joinCode = useLive((s) => s.event?.joinCode);
  const part = useLive((s) => s.event?.part);
  const team = useLive((s) => s.team);
  const status = useLive((s) => s.status);
  const organiser = team?.role === 'organiser';
  const [view, setView] = useState<'run' | 'harvest'>('run');
  const nav = useRef<HTMLElement>(null);
  // The café's last step leads here: the Harvest tab takes the focus, so the keyboard follows.
  const goToHarvest = () => {
    setView('harvest');
    requestAnimationFrame(() =>
      nav.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus(),
    );
  };
  const t = useTranslations('console');
  const say = useRefusalText();

  useEffect(() => {
    // A team link is remembered too, but never in place of the organiser's own link.
    if (token && title && joinCode && team && (team.role === 'organiser' || !tokenFor(eventId)))
      saveEvent({ eventId, title, joinCode, token, createdAt: Date.now() });
  }, [eventId, token, title, joinCode, team]);

  if (ready && !token) {
    return (
      <Message title={t('page.needsLinkTitle')} stuck>
        {t('page.needsLinkBody')}
      </Message>
    );
  }
  if (fatal)
    return (
      <Message title={t('page.cannotOpen')} stuck>
        {say(fatal)}
      </Message>
    );
  // A cached copy of the event is not enough while the server is being asked who this link is:
  // a helper's link must not show the console's controls, even for a moment.
  if (!title || !joinCode || !token || !conn || (!team && status === 'connecting'))
    return <Message title={t('page.opening')}>{t('page.connecting')}</Message>;
  if (team?.role === 'projector')
    return (
      <Message title={t('page.projectorLinkTitle')}>
        <a
          href={`/p/${eventId}#${token}`}
          className="font-semibold text-brand-700 underline underline-offset-4"
        >
          {t('page.projectorLinkBody')}
        </a>
      </Message>
    );

  if (team?.role === 'helper')
    return (
      <ConnectionContext.Provider value={conn}>
        <HelperScreen eventId={eventId} title={title} label={team.label} />
      </ConnectionContext.Provider>
    );

  return (
    <ConnectionContext.Provider value={conn}>
      <div className="min-h-screen">
        <Announcer audience="console" />
        <header className="border-b-2 border-stone-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
            <div className="min-w-0 grow basis-72">
              <p className="text-sm font-medium text-stone-600">{t('header.console')}</p>
              {/* A long title takes two lines rather than being cut off after a few words. */}
              <h1 className="line-clamp-2 break-words text-xl font-bold" dir="auto" title={title}>
                {title}
              </h1>
            </div>
            <p className="text-lg">
              {t.rich('header.joinCode', {
                code: joinCode,
                ltr: (chunks) => (
                  <span
                    dir="ltr"
                    className="rounded bg-stone-100 px-2 py-1 font-mono text-2xl font-bold tracking-widest"
                  >
                    {chunks}
                  </span>
                ),
              })}
            </p>
            {team && (
              <p
                className="rounded-full bg-stone-100 px-3 py-1 text-sm font-semibold"
                data-testid="team-badge"
              >
                {team.role === 'organiser'
                  ? t('team.badge.organiser')
                  : t(`team.badge.${team.role}`, { label: team.label })}
              </p>
            )}
            <ConnectionBadge />
            <a
              href={`/p/${eventId}#${token}`}
              target="_blank"
              rel="noopener"
              className="inline-flex min-h-11 items-center rounded-lg border-2 border-stone-300 bg-white px-4 font-semibold hover:border-stone-500"
            >
              {t('header.projector')}
            </a>
            <LanguagePicker />
          </div>
        </header>
        <nav ref={nav} aria-label={t('header.nav')} className="mx-auto flex max-w-7xl gap-2 px-4 pt-4">
          {(
            [
              ['run', t('header.run')],
              ['harvest', t('header.harvest')],
            ] as const
          ).map(([v, label]) => (
            <Button
              key={v}
              variant={view === v ? 'primary' : 'secondary'}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {label}
            </Button>
          ))}
        </nav>
        {view === 'harvest' ? (
          <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">
            <Problems />
            <HarvestConsole eventId={eventId} token={token} />
            <EvaluationPanel />
            <ResultsPanel />
            <ImportNotes eventId={eventId} token={token} />
            <RemovedNotes />
            <ReuseEvent eventId={eventId} token={token} organiser={organiser} />
            {organiser && <DeleteEvent eventId={eventId} token={token} joinCode={joinCode} />}
          </main>
        ) : part === 'openSpace' ? (
          <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">
            <Problems />
            {organiser && <SecretLink eventId={eventId} token={token} />}
            <PartSwitch />
            <OpenSpaceConsole eventId={eventId} token={token} />
            <EvaluationPanel />
            <ResultsPanel />
            <ImportNotes eventId={eventId} token={token} />
            <RemovedNotes />
            <TeamPanel eventId={eventId} />
            <PrintKit eventId={eventId} token={token} />
            <ReuseEvent eventId={eventId} token={token} organiser={organiser} />
            {organiser && <DeleteEvent eventId={eventId} token={token} joinCode={joinCode} />}
          </main>
        ) : (
          <main className="mx-auto grid max-w-7xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <div className="space-y-6">
              <Problems />
              {organiser && <SecretLink eventId={eventId} token={token} />}
              <PartSwitch />
              <RoundPanel onHarvest={goToHarvest} />
              <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
                <AnnouncePanel className="" />
              </section>
              <PaperCardPanel eventId={eventId} />
              <PeoplePanel />
              <EvaluationPanel />
              <ResultsPanel />
              <WhoIsHerePanel />
              <Downloads eventId={eventId} token={token} />
              <ImportNotes eventId={eventId} token={token} />
              <TeamPanel eventId={eventId} />
              <PrintKit eventId={eventId} token={token} />
              <ReuseEvent eventId={eventId} token={token} organiser={organiser} />
              {organiser && <DeleteEvent eventId={eventId} token={token} joinCode={joinCode} />}
            </div>
            <div className="space-y-6">
              <TablesPanel />
              <RemovedNotes />
            </div>
          </main>
        )}
      </div>
    </ConnectionContext.Provider>
  );
}

function Message({
  title,
  children,
  stuck = false,
}: {
  title: string;
  children: ReactNode;
  stuck?: boolean;
}) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-lg text-stone-700">{children}</p>
      {/* Someone stuck here may not read this language: they can change it. */}
      {stuck && <LanguagePicker className="mt-6" />}
    </main>
  );
}
