'use client';
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { type Clash, findClashes } from '../../lib/openspace/clashes';
import { ranking } from '../../lib/openspace/reducer';
import type { OpenSpaceStage, Session } from '../../lib/openspace/state';
import { freePlaces, liveSessions, presenceCounts, slotLabel, spaceName } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { displayName } from '../../lib/view';
import { downloadWithToken } from '../facilitator/download';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { AgendaWall } from './AgendaWall';
import { convenerNames } from './names';

const STAGES: [OpenSpaceStage, string][] = [
  ['agenda', 'Agenda and sessions'],
  ['convergence', 'Convergence: dot votes'],
  ['actions', 'Action planning'],
];

/** The facilitator's Open Space: marketplace, the wall with clashes to resolve, and the closing. */
export function OpenSpaceConsole({ eventId, token }: { eventId: string; token: string }) {
  const event = useLive((s) => s.event);
  const send = useSend();
  if (!event?.openSpace || !event.settings.openSpace) return null;
  const os = event.openSpace;
  const clashes = findClashes(event);
  const unplaced = liveSessions(os).filter((s) => s.slot === null);
  const present = Object.keys(os.presence).length;

  return (
    <div className="space-y-6">
      <section aria-labelledby="os-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="os-h" className="text-lg font-bold">
          Open Space: {event.settings.openSpace.theme}
        </h2>
        {/* Not a live region: every "I'm here" would be read out. */}
        <p className="mt-1 text-stone-700">
          The marketplace is <strong>{os.marketplaceOpen ? 'open' : 'closed'}</strong>.{' '}
          {liveSessions(os).length} sessions proposed; {present} {present === 1 ? 'person is' : 'people are'}{' '}
          in a session now.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          {os.marketplaceOpen ? (
            <Button variant="secondary" onClick={() => send('marketplace.close', {})}>
              Close the marketplace
            </Button>
          ) : (
            <Button onClick={() => send('marketplace.open', {})}>Open the marketplace</Button>
          )}
        </div>
        <fieldset className="mt-4">
          <legend className="font-semibold">Stage</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {STAGES.map(([stage, label]) => (
              <Button
                key={stage}
                variant={os.stage === stage ? 'primary' : 'secondary'}
                aria-pressed={os.stage === stage}
                onClick={() => os.stage !== stage && send('stage.set', { stage })}
              >
                {label}
              </Button>
            ))}
          </div>
        </fieldset>
        <Announce />
      </section>

      {clashes.length > 0 && <Clashes event={event} clashes={clashes} />}

      <section aria-labelledby="wall-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="wall-h" className="text-lg font-bold">
          Agenda wall
        </h2>
        <AgendaWall
          state={event}
          renderSession={(s) => <AdminCard event={event} session={s} clashes={clashes} />}
        />
      </section>

      <section aria-labelledby="unplaced-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 id="unplaced-h" className="text-lg font-bold">
          Proposals not on the wall yet ({unplaced.length})
        </h2>
        {unplaced.length === 0 ? (
          <p className="text-stone-600">None.</p>
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
          Book of proceedings
        </h2>
        <p className="text-stone-600">
          Every session report in agenda order, with the votes and action plans.
        </p>
        <div className="mt-2 flex gap-2">
          <ProceedingsButton eventId={eventId} token={token} format="md" label="Proceedings (Markdown)" />
          <ProceedingsButton eventId={eventId} token={token} format="json" label="Proceedings (JSON)" />
        </div>
      </section>
    </div>
  );
}

function Announce() {
  const send = useSend();
  const [text, setText] = useState('');
  const announcements = useLive((s) => s.event?.openSpace?.announcements ?? []);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    send('announce', { text: text.trim() });
    setText('');
  }
  const last = announcements[announcements.length - 1];
  return (
    <form onSubmit={submit} className="mt-4">
      <label htmlFor="announce" className="font-semibold">
        Announcement to every phone and the projector
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="announce"
          value={text}
          maxLength={LIMITS.announcement}
          onChange={(e) => setText(e.target.value)}
          className="min-h-11 flex-1 rounded-lg border-2 border-stone-400 px-3"
        />
        <Button type="submit">Announce</Button>
      </div>
      {last && <p className="mt-1 text-sm text-stone-600">Last: “{last.text}”</p>}
    </form>
  );
}

const clashText = (event: EventState, c: Clash): string => {
  const os = event.openSpace;
  const title = (id: string) => `“${os?.sessions[id]?.title ?? '?'}”`;
  switch (c.kind) {
    case 'convener': {
      // Never name a convener who asked to stay anonymous, even to explain a clash.
      const anonymous = c.sessionIds.some((id) => os?.sessions[id]?.anonymous);
      const who = anonymous ? 'The same convener' : displayName(event, c.participantId);
      return `${who} convenes ${c.sessionIds.map(title).join(' and ')} at ${slotLabel(event, c.slot)}.`;
    }
    case 'double-booked':
      return `${spaceName(event, c.space)} at ${slotLabel(event, c.slot)} has ${c.sessionIds.map(title).join(' and ')}.`;
    case 'over-capacity':
      return `${title(c.sessionId)}: ${c.interested} people are interested but ${spaceName(event, os?.sessions[c.sessionId]?.space ?? null)} seats ${c.capacity}.`;
  }
};

function Clashes({ event, clashes }: { event: EventState; clashes: Clash[] }) {
  const send = useSend();
  return (
    <section aria-labelledby="clash-h" className="rounded-2xl border-2 border-red-300 bg-red-50 p-4">
      <h2 id="clash-h" className="text-lg font-bold text-red-900">
        Clashes to sort out ({clashes.length})
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
                    Move to {spaceName(event, space)}
                  </Button>
                );
              })}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-red-900">Use “Move to” on a session card to fix the others.</p>
    </section>
  );
}

function AdminCard({ event, session, clashes }: { event: EventState; session: Session; clashes: Clash[] }) {
  const send = useSend();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const os = event.openSpace;
  const settings = event.settings.openSpace;
  if (!os || !settings) return null;
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
      <h3 className="font-bold break-words">{session.title}</h3>
      <p className="text-stone-700">by {convenerNames(event, session)}</p>
      <p className="text-stone-700">
        {here} here · {session.interested.length} interested{capacity ? ` · ${capacity} seats` : ''}
        {session.report ? ' · report written' : ''}
      </p>
      <div className="mt-1 flex flex-wrap gap-1">
        <label className="sr-only" htmlFor={`move-${session.id}`}>
          Move “{session.title}”
        </label>
        <select
          id={`move-${session.id}`}
          className="min-h-11 max-w-full rounded-lg border-2 border-stone-300 bg-white px-1"
          value=""
          onChange={(e) => move(e.target.value)}
        >
          <option value="">Move to…</option>
          {free.map((p) => (
            <option key={`${p.slot}:${p.space}`} value={`move:${p.slot}:${p.space}`}>
              {slotLabel(event, p.slot)}, {spaceName(event, p.space)}
            </option>
          ))}
          {occupied.map((s) => (
            <option key={s.id} value={`swap:${s.slot}:${s.space}`}>
              Swap with “{s.title}”
            </option>
          ))}
          {session.slot !== null && <option value="off">Take it off the wall</option>}
        </select>
        {others.length > 0 && (
          <>
            <label className="sr-only" htmlFor={`merge-${session.id}`}>
              Merge “{session.title}” into
            </label>
            <select
              id={`merge-${session.id}`}
              className="min-h-11 max-w-full rounded-lg border-2 border-stone-300 bg-white px-1"
              value=""
              onChange={(e) =>
                e.target.value && send('session.merge', { sessionId: session.id, into: e.target.value })
              }
            >
              <option value="">Merge into…</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </>
        )}
        {confirmCancel ? (
          <Button variant="danger" onClick={() => send('session.cancel', { sessionId: session.id })}>
            Yes, cancel it
          </Button>
        ) : (
          <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
            Cancel session
          </Button>
        )}
      </div>
    </article>
  );
}

function Results({ event }: { event: EventState }) {
  const os = event.openSpace;
  if (!os) return null;
  const ranked = ranking(os);
  const top = Math.max(1, ...ranked.map((r) => r.dots));
  return (
    <section aria-labelledby="results-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="results-h" className="text-lg font-bold">
        What matters most (live)
      </h2>
      <ol className="mt-2 space-y-1">
        {ranked.map((r) => (
          <li key={r.sessionId} className="flex items-center gap-2">
            <span className="w-48 truncate">{os.sessions[r.sessionId]?.title}</span>
            <span
              className="h-4 rounded bg-brand-600"
              style={{ width: `${(r.dots / top) * 50}%` }}
              aria-hidden="true"
            />
            <span>
              {r.dots} {r.dots === 1 ? 'dot' : 'dots'}, {r.voters} {r.voters === 1 ? 'person' : 'people'}
            </span>
          </li>
        ))}
      </ol>
      {os.actionOrder.length > 0 && (
        <>
          <h3 className="mt-4 font-bold">Action plans</h3>
          <ul className="mt-1 list-disc pl-5">
            {os.actionOrder.map((id) => {
              const a = os.actions[id];
              return a ? (
                <li key={id}>
                  {a.title} — {a.owners.length} {a.owners.length === 1 ? 'owner' : 'owners'}
                  {a.due ? `, by ${a.due}` : ''}
                </li>
              ) : null;
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function ProceedingsButton({
  eventId,
  token,
  format,
  label,
}: {
  eventId: string;
  token: string;
  format: string;
  label: string;
}) {
  const [error, setError] = useState('');
  async function download() {
    setError('');
    try {
      await downloadWithToken(`/api/events/${eventId}/proceedings.${format}`, token, `proceedings.${format}`);
    } catch {
      setError('The download did not work; try again.');
    }
  }
  return (
    <>
      <Button variant="secondary" onClick={download}>
        {label}
      </Button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
