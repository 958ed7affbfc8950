'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { DEFAULT_LOCALE, dirOf, isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../lib/i18n/locales';
import { type Clash, findClashes } from '../../lib/openspace/clashes';
import { ranking, reportActionDrafts } from '../../lib/openspace/reducer';
import type { OpenSpaceStage, Session } from '../../lib/openspace/state';
import { freePlaces, liveSessions, nextStep, presenceCounts } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { AnnouncePanel } from '../facilitator/AnnouncePanel';
import { downloadWithToken } from '../facilitator/download';
import { useIsolate } from '../i18n/bidi';
import { formatDay } from '../i18n/dates';
import { usePersonName } from '../i18n/names';
import { useConvenerNames, usePlaceNames } from '../i18n/openspace';
import { useLocaleChoice } from '../i18n/PersonalIntl';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { AgendaWall } from './AgendaWall';
import { ActionEditForm, SessionEditForm } from './EditForms';
import { WallSetup } from './WallSetup';

const STAGES: OpenSpaceStage[] = ['agenda', 'convergence', 'actions'];

/**
 * The facilitator's Open Space: marketplace, the wall with clashes to resolve, its spaces and time
 * slots (changed while it runs), and the closing.
 */
export function OpenSpaceConsole({ eventId, token }: { eventId: string; token: string }) {
  const event = useLive((s) => s.event);
  const send = useSend();
  const t = useTranslations('spaceConsole');
  const isolate = useIsolate();
  // One language for the book, whichever button downloads it: the console's own until one is chosen.
  const consoleLocale = useLocaleChoice()?.locale ?? DEFAULT_LOCALE;
  const [chosenLang, setChosenLang] = useState<Locale | null>(null);
  const bookLang = chosenLang ?? consoleLocale;
  if (!event?.openSpace || !event.settings.openSpace) return null;
  const os = event.openSpace;
  const clashes = findClashes(event);
  const unplaced = liveSessions(os).filter((s) => s.slot === null);
  const present = Object.keys(os.presence).length;

  return (
    <div className="space-y-6">
      <section aria-labelledby="os-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="os-h" className="text-lg font-bold">
          {t('heading', { theme: isolate(event.settings.openSpace.theme) })}
        </h2>
        {/* Not a live region: every "I'm here" would be read out. */}
        <p className="mt-1 text-stone-700">
          {t.rich(os.marketplaceOpen ? 'marketplace.isOpen' : 'marketplace.isClosed', {
            b: (c) => <strong>{c}</strong>,
          })}{' '}
          {t('marketplace.counts', { sessions: liveSessions(os).length, present })}
        </p>
        <NextStepButton eventId={eventId} token={token} bookLang={bookLang} />
        <fieldset className="mt-4">
          <legend className="font-semibold">{t('stage.legend')}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {STAGES.map((stage) => (
              <Button
                key={stage}
                variant={os.stage === stage ? 'primary' : 'secondary'}
                aria-pressed={os.stage === stage}
                onClick={() => os.stage !== stage && send('stage.set', { stage })}
              >
                {t(`stage.${stage}`)}
              </Button>
            ))}
          </div>
        </fieldset>
        <AnnouncePanel />
      </section>

      {clashes.length > 0 && <Clashes event={event} clashes={clashes} />}

      <section aria-labelledby="wall-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="wall-h" className="text-lg font-bold">
          {t('wall.heading')}
        </h2>
        <AgendaWall
          state={event}
          renderSession={(s) => <AdminCard event={event} session={s} clashes={clashes} />}
        />
      </section>

      <WallSetup />

      <section aria-labelledby="unplaced-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="unplaced-h" className="text-lg font-bold">
          {t('unplaced.heading', { count: unplaced.length })}
        </h2>
        {unplaced.length === 0 ? (
          <p className="text-stone-600">{t('unplaced.none')}</p>
        ) : (
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {unplaced.map((s) => (
              <li key={s.id}>
                <AdminCard event={event} session={s} clashes={clashes} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {os.stage !== 'agenda' && <Results event={event} />}

      <section aria-labelledby="proc-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="proc-h" className="text-lg font-bold">
          {t('proceedings.heading')}
        </h2>
        <p className="text-stone-600">{t('proceedings.intro')}</p>
        <ProceedingsDownloads eventId={eventId} token={token} lang={bookLang} onLang={setChosenLang} />
      </section>
    </div>
  );
}

/**
 * The biggest button says what comes next, from the state: open the marketplace, close it, the dot
 * votes, action planning, then the proceedings (as Markdown, in the language chosen for the book).
 * Reopening the marketplace stays possible, smaller.
 */
function NextStepButton({ eventId, token, bookLang }: { eventId: string; token: string; bookLang: Locale }) {
  const os = useLive((s) => s.event?.openSpace);
  const send = useSend();
  const t = useTranslations('spaceConsole');
  const [failed, setFailed] = useState(false);
  if (!os) return null;
  const step = nextStep(os);
  async function go() {
    setFailed(false);
    switch (step) {
      case 'openMarketplace':
        return send('marketplace.open', {});
      case 'closeMarketplace':
        return send('marketplace.close', {});
      case 'convergence':
        return send('stage.set', { stage: 'convergence' });
      case 'actions':
        return send('stage.set', { stage: 'actions' });
      case 'proceedings':
        try {
          await downloadWithToken(
            `/api/events/${eventId}/proceedings.md?lang=${bookLang}`,
            token,
            'proceedings.md',
          );
        } catch {
          setFailed(true);
        }
    }
  }
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <Button className="px-6 py-3 text-lg" onClick={go} data-testid="next-step">
        {t(`next.${step}`)}
      </Button>
      {step !== 'closeMarketplace' && os.marketplaceOpen && (
        <Button variant="secondary" onClick={() => send('marketplace.close', {})}>
          {t('marketplace.close')}
        </Button>
      )}
      {step !== 'openMarketplace' && !os.marketplaceOpen && (
        <Button variant="secondary" onClick={() => send('marketplace.open', {})}>
          {t('marketplace.reopen')}
        </Button>
      )}
      <span className="w-full text-stone-700">{t(`next.${step}Hint`)}</span>
      {failed && <span role="alert">{t('proceedings.failed')}</span>}
    </div>
  );
}

/** One clash in words, in the console's language; titles, names and places are isolated. */
function useClashText(): (event: EventState, c: Clash) => string {
  const t = useTranslations('spaceConsole.clashes');
  const format = useFormatter();
  const isolate = useIsolate();
  const nameOf = usePersonName();
  const places = usePlaceNames();
  return (event, c) => {
    const os = event.openSpace;
    const title = (id: string) => t('quoted', { title: isolate(os?.sessions[id]?.title ?? '?') });
    const titles = (ids: string[]) => format.list(ids.map(title), { type: 'conjunction' });
    const slot = (n: number | null) => isolate(places.slot(event, n));
    const space = (n: number | null) => isolate(places.space(event, n));
    switch (c.kind) {
      case 'convener': {
        // Never name a convener who asked to stay anonymous, even to explain a clash.
        const anonymous = c.sessionIds.some((id) => os?.sessions[id]?.anonymous);
        const who = anonymous ? t('sameConvener') : isolate(nameOf(event, c.participantId));
        return t('convener', { who, titles: titles(c.sessionIds), slot: slot(c.slot) });
      }
      case 'double-booked':
        return t('doubleBooked', { space: space(c.space), slot: slot(c.slot), titles: titles(c.sessionIds) });
      case 'over-capacity':
        return t('overCapacity', {
          title: title(c.sessionId),
          interested: c.interested,
          space: space(os?.sessions[c.sessionId]?.space ?? null),
          capacity: c.capacity,
        });
    }
  };
}

function Clashes({ event, clashes }: { event: EventState; clashes: Clash[] }) {
  const send = useSend();
  const t = useTranslations('spaceConsole.clashes');
  const clashText = useClashText();
  const places = usePlaceNames();
  const isolate = useIsolate();
  return (
    <section aria-labelledby="clash-h" className="rounded-2xl border-2 border-red-300 bg-red-50 p-4">
      <h2 id="clash-h" className="text-lg font-bold text-red-900">
        {t('heading', { count: clashes.length })}
      </h2>
      <ul className="mt-2 space-y-2">
        {clashes.map((c) => (
          <li key={JSON.stringify(c)} className="flex flex-wrap items-center gap-2">
            <span className="flex-1">{clashText(event, c)}</span>
            {c.kind === 'over-capacity' &&
              c.freeBiggerSpaces.slice(0, 2).map((space) => {
                const slot = event.openSpace?.sessions[c.sessionId]?.slot ?? null;
                return (
                  <Button
                    key={space}
                    variant="secondary"
                    onClick={() => send('session.move', { sessionId: c.sessionId, slot, space })}
                  >
                    {t('moveTo', { space: isolate(places.space(event, space)) })}
                  </Button>
                );
              })}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-red-900">{t('help')}</p>
    </section>
  );
}

function AdminCard({ event, session, clashes }: { event: EventState; session: Session; clashes: Clash[] }) {
  const send = useSend();
  const t = useTranslations('spaceConsole');
  const tPhone = useTranslations('openSpace');
  const tPlace = useTranslations('propose');
  const convenerNames = useConvenerNames();
  const places = usePlaceNames();
  const isolate = useIsolate();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [editing, setEditing] = useState(false);
  const os = event.openSpace;
  const settings = event.settings.openSpace;
  if (!os || !settings) return null;
  if (editing) return <SessionEditForm session={session} onDone={() => setEditing(false)} />;
  const here = presenceCounts(os)[session.id] ?? 0;
  const capacity = session.space !== null ? settings.spaces[session.space]?.capacity : null;
  const clashing = clashes.some((c) =>
    c.kind === 'over-capacity' ? c.sessionId === session.id : c.sessionIds.includes(session.id),
  );
  const free = freePlaces(event, session.id);
  const others = liveSessions(os).filter((s) => s.id !== session.id);
  const occupied = others.filter((s) => s.slot !== null && s.space !== null);

  function move(value: string) {
    if (value === '') return;
    if (value === 'off') return send('session.move', { sessionId: session.id, slot: null, space: null });
    const [kind, a, b] = value.split(':');
    send('session.move', { sessionId: session.id, slot: Number(a), space: Number(b), swap: kind === 'swap' });
  }

  return (
    <article
      className={`rounded-lg border-2 p-2 ${clashing ? 'border-red-500 bg-red-50' : 'border-brand-100 bg-brand-50'}`}
      aria-label={session.title}
      data-testid="session-card"
    >
      <h3 className="font-bold break-words" dir="auto">
        {session.title}
      </h3>
      <p className="text-stone-700">{t('by', { names: isolate(convenerNames(event, session)) })}</p>
      <p className="text-stone-700">
        {tPhone('counts', { here, interested: session.interested.length })}
        {capacity ? ` · ${tPhone('seats', { count: capacity })}` : ''}
        {session.report ? ` · ${t('card.reportWritten')}` : ''}
      </p>
      <div className="mt-1 flex flex-wrap gap-1">
        <label className="sr-only" htmlFor={`move-${session.id}`}>
          {t('card.moveLabel', { title: isolate(session.title) })}
        </label>
        <select
          id={`move-${session.id}`}
          className="min-h-11 max-w-full rounded-lg border-2 border-stone-300 bg-white px-1"
          value=""
          onChange={(e) => move(e.target.value)}
        >
          <option value="">{t('card.moveTo')}</option>
          {free.map((p) => (
            <option key={`${p.slot}:${p.space}`} value={`move:${p.slot}:${p.space}`}>
              {tPlace('place', {
                time: places.slot(event, p.slot),
                space: isolate(places.space(event, p.space)),
              })}
            </option>
          ))}
          {occupied.map((s) => (
            <option key={s.id} value={`swap:${s.slot}:${s.space}`}>
              {t('card.swap', { title: isolate(s.title) })}
            </option>
          ))}
          {session.slot !== null && <option value="off">{t('card.off')}</option>}
        </select>
        {others.length > 0 && (
          <>
            <label className="sr-only" htmlFor={`merge-${session.id}`}>
              {t('card.mergeLabel', { title: isolate(session.title) })}
            </label>
            <select
              id={`merge-${session.id}`}
              className="min-h-11 max-w-full rounded-lg border-2 border-stone-300 bg-white px-1"
              value=""
              onChange={(e) =>
                e.target.value && send('session.merge', { sessionId: session.id, into: e.target.value })
              }
            >
              <option value="">{t('card.mergeInto')}</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </>
        )}
        <Button
          variant="secondary"
          onClick={() => setEditing(true)}
          aria-label={t('card.editLabel', { title: isolate(session.title) })}
        >
          {t('card.edit')}
        </Button>
        {confirmCancel ? (
          <Button variant="danger" onClick={() => send('session.cancel', { sessionId: session.id })}>
            {t('card.confirmCancel')}
          </Button>
        ) : (
          <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
            {t('card.cancel')}
          </Button>
        )}
      </div>
    </article>
  );
}

function Results({ event }: { event: EventState }) {
  const t = useTranslations('spaceConsole.results');
  const isolate = useIsolate();
  const format = useFormatter();
  const [editing, setEditing] = useState<string | null>(null);
  const os = event.openSpace;
  if (!os) return null;
  const ranked = ranking(os);
  const top = Math.max(1, ...ranked.map((r) => r.dots));
  return (
    <section aria-labelledby="results-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="results-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <ol className="mt-2 space-y-1">
        {ranked.map((r) => (
          <li key={r.sessionId} className="flex items-center gap-2">
            <span className="w-48 truncate" dir="auto">
              {os.sessions[r.sessionId]?.title}
            </span>
            <span
              className="h-4 rounded bg-brand-600"
              style={{ width: `${(r.dots / top) * 50}%` }}
              aria-hidden="true"
            />
            <span>{t('votes', { dots: r.dots, voters: r.voters })}</span>
          </li>
        ))}
      </ol>
      {os.stage === 'actions' && <ReportDrafts event={event} />}
      {os.actionOrder.length > 0 && (
        <>
          <h3 className="mt-4 font-bold">{t('actionPlans')}</h3>
          <ul className="mt-1 list-disc ps-5" data-testid="console-action-plans">
            {os.actionOrder.map((id) => {
              const a = os.actions[id];
              if (!a) return null;
              const from = t('from', { session: isolate(os.sessions[a.sessionId]?.title ?? '') });
              return (
                <li key={id}>
                  {a.due
                    ? t('actionDue', {
                        title: isolate(a.title),
                        owners: a.owners.length,
                        due: formatDay(format, a.due),
                      })
                    : t('action', { title: isolate(a.title), owners: a.owners.length })}{' '}
                  <span className="text-stone-600">{from}</span>
                  {a.nextStep && (
                    <span className="block text-stone-700">
                      {t('nextStep', { step: isolate(a.nextStep) })}
                    </span>
                  )}
                  {editing === id ? (
                    <ActionEditForm action={a} onDone={() => setEditing(null)} />
                  ) : (
                    <Button
                      variant="ghost"
                      onClick={() => setEditing(id)}
                      aria-label={t('editLabel', { title: isolate(a.title) })}
                    >
                      {t('edit')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** Proposed actions from the session reports, each one tap from becoming an action plan. */
function ReportDrafts({ event }: { event: EventState }) {
  const t = useTranslations('spaceConsole.results');
  const send = useSend();
  const isolate = useIsolate();
  const os = event.openSpace;
  if (!os) return null;
  const drafts = reportActionDrafts(os);
  return (
    <>
      <h3 className="mt-4 font-bold">{t('drafts')}</h3>
      {drafts.length === 0 ? (
        <p className="text-stone-600">{t('noDrafts')}</p>
      ) : (
        <ul className="mt-1 space-y-2">
          {drafts.map((d) => (
            <li
              key={`${d.sessionId}:${d.text}`}
              className="flex flex-wrap items-center gap-2 rounded-lg bg-brand-50 p-2"
              data-testid="report-draft"
            >
              <span className="flex-1">
                <bdi className="font-semibold">{d.text}</bdi>{' '}
                <span className="text-stone-600">
                  {t('from', { session: isolate(os.sessions[d.sessionId]?.title ?? '') })}
                </span>
              </span>
              <Button
                variant="secondary"
                aria-label={t('adoptLabel', { text: isolate(d.text) })}
                onClick={() => send('action.adopt', { sessionId: d.sessionId, text: d.text })}
              >
                {t('adopt')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const PROCEEDINGS_FORMATS = ['pdf', 'docx', 'md', 'json'] as const;

/**
 * The book of proceedings in each format, in the language chosen here (`lang`: the console's
 * own at first, since the organiser may share the book with people who read another).
 */
function ProceedingsDownloads({
  eventId,
  token,
  lang,
  onLang,
}: {
  eventId: string;
  token: string;
  lang: Locale;
  onLang: (lang: Locale) => void;
}) {
  const t = useTranslations('spaceConsole.proceedings');
  const [failed, setFailed] = useState(false);
  const id = useId();
  async function download(format: (typeof PROCEEDINGS_FORMATS)[number]) {
    setFailed(false);
    try {
      await downloadWithToken(
        `/api/events/${eventId}/proceedings.${format}?lang=${lang}`,
        token,
        `proceedings.${format}`,
      );
    } catch {
      setFailed(true);
    }
  }
  return (
    <>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="font-medium text-stone-700">
          {t('language')}
        </label>
        <select
          id={id}
          value={lang}
          onChange={(e) => {
            if (isLocale(e.target.value)) onLang(e.target.value);
          }}
          className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
          data-testid="proceedings-language"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l} dir={dirOf(l)}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {PROCEEDINGS_FORMATS.map((format) => (
          <Button key={format} variant="secondary" onClick={() => download(format)}>
            {t(format)}
          </Button>
        ))}
      </div>
      {failed && <p role="alert">{t('failed')}</p>}
    </>
  );
}
