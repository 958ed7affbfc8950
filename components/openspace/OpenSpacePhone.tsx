'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Session } from '../../lib/openspace/state';
import { liveSessions, presenceCounts } from '../../lib/openspace/view';
import { slotRanks, slotsInTimeOrder } from '../../lib/openspace/wall';
import type { EventState } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { useConvenerNames, usePlaceNames } from '../i18n/openspace';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { ActionsPanel, VotePanel } from './PhoneClosing';
import { ProposeForm } from './ProposeForm';
import { SessionDetail } from './SessionDetail';

type Tab = 'agenda' | 'propose' | 'mine' | 'vote' | 'actions';

/** A phone at an Open Space: the agenda, proposing, "I'm here", session notes and the closing. */
export function OpenSpacePhone({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('openSpace');
  const isolate = useIsolate();
  const os = event.openSpace;
  const [tab, setTab] = useState<Tab>('agenda');
  const [open, setOpen] = useState<string | null>(null);
  if (!os || !event.settings.openSpace) return null;
  const tabs: [Tab, string][] = [
    ['agenda', t('tabAgenda')],
    ...(os.marketplaceOpen ? ([['propose', t('tabPropose')]] as [Tab, string][]) : []),
    ['mine', t('tabMine')],
    ...(os.stage === 'convergence' ? ([['vote', t('tabVote')]] as [Tab, string][]) : []),
    ...(os.stage === 'actions' ? ([['actions', t('tabActions')]] as [Tab, string][]) : []),
  ];
  const current = tabs.some(([t]) => t === tab) ? tab : 'agenda';
  const hereId = os.presence[me];
  const here = hereId ? os.sessions[hereId] : undefined;
  const openSession = open ? os.sessions[open] : undefined;

  return (
    <div className="space-y-4">
      <section className="rounded-2xl bg-hero p-4 text-on-hero">
        <p className="font-medium">{t('openSpace')}</p>
        <h1 className="text-2xl font-bold" dir="auto">
          {event.settings.openSpace.theme}
        </h1>
        <p className="mt-2" aria-live="polite" data-testid="where-i-am">
          {here ? t('youAreIn', { title: isolate(here.title) }) : t('goWherever')}
        </p>
        {os.stage === 'convergence' && <p className="mt-2 font-semibold">{t('timeToVote')}</p>}
        {os.stage === 'actions' && <p className="mt-2 font-semibold">{t('signUp')}</p>}
      </section>

      {openSession ? (
        <SessionDetail event={event} me={me} session={openSession} onBack={() => setOpen(null)} />
      ) : (
        <>
          <nav aria-label={t('openSpace')} className="flex flex-wrap gap-2">
            {tabs.map(([t, label]) => (
              <Button
                key={t}
                variant={current === t ? 'primary' : 'secondary'}
                aria-pressed={current === t}
                onClick={() => setTab(t)}
              >
                {label}
              </Button>
            ))}
          </nav>
          {current === 'agenda' && <AgendaList event={event} me={me} onOpen={setOpen} />}
          {current === 'propose' && <ProposeForm event={event} onDone={() => setTab('mine')} />}
          {current === 'mine' && <AgendaList event={event} me={me} onOpen={setOpen} mineOnly />}
          {current === 'vote' && <VotePanel event={event} me={me} />}
          {current === 'actions' && <ActionsPanel event={event} me={me} />}
        </>
      )}
    </div>
  );
}

/** The agenda as a list for small screens: by time (or by space), with the two-feet buttons. */
function AgendaList({
  event,
  me,
  onOpen,
  mineOnly = false,
}: {
  event: EventState;
  me: string;
  onOpen: (id: string) => void;
  mineOnly?: boolean;
}) {
  const t = useTranslations('openSpace');
  const places = usePlaceNames();
  const [bySpace, setBySpace] = useState(false);
  const os = event.openSpace;
  const settings = event.settings.openSpace;
  if (!os || !settings) return null;
  const all = liveSessions(os).filter(
    (s) => !mineOnly || s.interested.includes(me) || s.conveners.includes(me) || os.presence[me] === s.id,
  );
  // Slots in time order: a slot added on the day is last in the list, not in the day.
  const rank = slotRanks(settings.slots);
  const when = (s: Session) => (s.slot === null ? 0 : (rank[s.slot] ?? s.slot));
  const groups: { key: string; title: string; sessions: Session[] }[] = bySpace
    ? settings.spaces.map((_, j) => ({
        key: `sp${j}`,
        title: places.spaceWithNotes(event, j),
        sessions: all.filter((s) => s.space === j).sort((a, b) => when(a) - when(b)),
      }))
    : slotsInTimeOrder(settings.slots).flatMap((i) =>
        settings.slots[i]?.isBreak
          ? []
          : [
              {
                key: `sl${i}`,
                title: places.slot(event, i),
                sessions: all.filter((s) => s.slot === i).sort((a, b) => (a.space ?? 0) - (b.space ?? 0)),
              },
            ],
      );
  const unplaced = all.filter((s) => s.slot === null);
  if (unplaced.length) groups.push({ key: 'none', title: t('notPlaced'), sessions: unplaced });

  return (
    <section className="space-y-4">
      <div className="flex gap-2">
        <Button
          variant={bySpace ? 'secondary' : 'primary'}
          aria-pressed={!bySpace}
          onClick={() => setBySpace(false)}
        >
          {t('byTime')}
        </Button>
        <Button
          variant={bySpace ? 'primary' : 'secondary'}
          aria-pressed={bySpace}
          onClick={() => setBySpace(true)}
        >
          {t('bySpace')}
        </Button>
      </div>
      {all.length === 0 && <p className="text-lg text-stone-700">{mineOnly ? t('mineEmpty') : t('none')}</p>}
      {groups
        .filter((g) => g.sessions.length > 0)
        .map((g) => (
          <div key={g.key}>
            <h2 className="text-lg font-bold">
              <bdi>{g.title}</bdi>
            </h2>
            <ul className="mt-2 space-y-2">
              {g.sessions.map((s) => (
                <li key={s.id}>
                  <SessionRow
                    event={event}
                    me={me}
                    session={s}
                    onOpen={onOpen}
                    show={bySpace ? 'time' : 'space'}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

/**
 * One session: where and by whom, how many are here, and the two-feet buttons. `show` is the part
 * of its place the heading above does not already say (both on the session's own page); a space
 * comes with its access notes, since that is what people choose by.
 */
export function SessionRow({
  event,
  me,
  session,
  onOpen,
  show,
}: {
  event: EventState;
  me: string;
  session: Session;
  /** Omitted on the session's own page. */
  onOpen?: (id: string) => void;
  show: 'time' | 'space' | 'both';
}) {
  const t = useTranslations('openSpace');
  const tPlace = useTranslations('propose');
  const places = usePlaceNames();
  const convenerNames = useConvenerNames();
  const isolate = useIsolate();
  const send = useSend();
  const os = event.openSpace;
  if (!os) return null;
  const here = os.presence[me] === session.id;
  const interested = session.interested.includes(me);
  const count = presenceCounts(os)[session.id] ?? 0;
  const capacity = session.space !== null ? event.settings.openSpace?.spaces[session.space]?.capacity : null;
  const time = places.slot(event, session.slot);
  const space = places.spaceWithNotes(event, session.space);
  const place =
    show === 'time'
      ? isolate(time)
      : show === 'space'
        ? space
        : tPlace('place', { time: isolate(time), space });
  // In the agenda a session sits under its time or space (h2); on its own page it heads the page.
  const Title = onOpen ? 'h3' : 'h2';
  return (
    <article
      className={`rounded-2xl border-2 p-3 ${here ? 'border-brand-600 bg-brand-50' : 'border-stone-200 bg-white'}`}
      data-testid="session-row"
    >
      <Title className="text-lg font-bold break-words" dir="auto">
        {session.title}
      </Title>
      <p className="text-stone-700">
        {t('placeBy', { place, names: isolate(convenerNames(event, session)) })}
      </p>
      <p className="text-stone-700" data-testid="session-counts">
        {t('counts', { here: count, interested: session.interested.length })}
        {capacity ? ` · ${t('seats', { count: capacity })}` : ''}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant={here ? 'primary' : 'secondary'}
          aria-pressed={here}
          onClick={() => send('presence.here', { sessionId: here ? null : session.id })}
        >
          {here ? t('hereOn') : t('here')}
        </Button>
        <Button
          variant="secondary"
          aria-pressed={interested}
          onClick={() => send('session.interest', { sessionId: session.id, interested: !interested })}
        >
          {interested ? t('interestedOn') : t('interested')}
        </Button>
        {onOpen && (
          <Button
            variant="ghost"
            onClick={() => onOpen(session.id)}
            aria-label={t('openLabel', { title: session.title })}
          >
            {t('open')}
          </Button>
        )}
      </div>
    </article>
  );
}
