'use client';
import { type FormEvent, useEffect, useState } from 'react';
import { placeOf, questionOf, spreadText } from '../../lib/harvest/groups';
import type { HarvestTheme } from '../../lib/harvest/state';
import { LIMITS } from '../../lib/limits';
import type { EventState, Note } from '../../lib/state';
import { plural } from '../../lib/text';
import { downloadWithToken } from '../facilitator/download';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { useLiveThemes } from './useLiveThemes';
import { harvestDots, placeLabel } from './view';

/** The organiser's harvest: live themes, then curation, voting, exports and publishing. */
export function HarvestConsole({ eventId, token }: { eventId: string; token: string }) {
  const event = useLive((s) => s.event);
  if (!event) return null;
  return event.harvest ? (
    <Curation event={event} eventId={eventId} token={token} />
  ) : (
    <LivePreview eventId={eventId} token={token} />
  );
}

function LivePreview({ eventId, token }: { eventId: string; token: string }) {
  const send = useSend();
  const groups = useLiveThemes(eventId, token);
  const [dots, setDots] = useState('3');
  function start(e: FormEvent) {
    e.preventDefault();
    send('harvest.start', { votesPerPerson: Math.min(20, Math.max(1, Number(dots) || 3)) });
  }
  return (
    <div className="space-y-6">
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-lg font-bold">Live harvest</h2>
        <p className="text-stone-700">
          Themes across every table, round and session, worked out as the notes arrive. When you are ready,
          start the harvest: the themes are worked out once more from all the notes and then kept, so you can
          rename, merge, split and publish them, and people can vote.
        </p>
        <form onSubmit={start} className="mt-3 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2">
            Dots per person
            <input
              type="number"
              min={1}
              max={20}
              value={dots}
              onChange={(e) => setDots(e.target.value)}
              className="w-20 rounded-lg border-2 border-stone-400 px-2 py-1"
            />
          </label>
          <Button type="submit">Start the harvest</Button>
          <a
            className="font-semibold text-brand-700 underline"
            href={`/p/${eventId}?view=harvest#${token}`}
            target="_blank"
            rel="noopener"
          >
            Show the live harvest on the projector
          </a>
        </form>
      </section>
      {groups === null && <p>Working out the themes…</p>}
      {groups?.length === 0 && <p className="text-stone-600">No notes yet.</p>}
      {groups?.map((g) => (
        <section
          key={g.question}
          className="rounded-2xl border-2 border-stone-200 bg-white p-4"
          data-testid="live-group"
        >
          <h3 className="text-lg font-bold">{g.question}</h3>
          <p className="text-stone-600">
            {g.notes} notes · {g.themes.length} themes · {g.unthemed} not in a theme yet
          </p>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {g.themes.map((t) => (
              <li key={t.id} className="rounded-lg bg-brand-50 p-3" data-testid="live-theme">
                <p className="font-bold">{t.label}</p>
                <p className="text-sm text-stone-700">
                  {plural(t.notes, 'note', 'notes')} from {t.spread}
                </p>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {t.examples.map((x) => (
                    <li key={x} className="break-words">
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

const FORMATS = [
  ['pdf', 'PDF report'],
  ['docx', 'Word report'],
  ['md', 'Markdown'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
] as const;

function Curation({ event, eventId, token }: { event: EventState; eventId: string; token: string }) {
  const send = useSend();
  const [error, setError] = useState('');
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const h = event.harvest;
  if (!h) return null;
  const groups = [...new Set(h.themeOrder.map((id) => h.themes[id]?.group ?? ''))];
  const dots = harvestDots(h);
  const publicUrl = `${origin}/told/${eventId}`;
  const unthemed = h.unthemed.map((id) => event.notes[id]).filter((n): n is Note => !!n && !n.withdrawn);

  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-lg font-bold">Harvest</h2>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant={h.votingOpen ? 'secondary' : 'primary'}
            onClick={() => send('harvest.voting', { open: !h.votingOpen })}
          >
            {h.votingOpen ? 'Close the voting' : `Open the voting (${h.votesPerPerson} dots each)`}
          </Button>
          <Button
            variant={h.published ? 'secondary' : 'primary'}
            onClick={() => send('harvest.publish', { published: !h.published })}
          >
            {h.published ? 'Unpublish' : 'Publish “What you told us”'}
          </Button>
          <a
            className="font-semibold text-brand-700 underline"
            href={`/p/${eventId}?view=harvest#${token}`}
            target="_blank"
            rel="noopener"
          >
            Show on the projector
          </a>
        </div>
        {h.published && (
          <p>
            Published at{' '}
            <a
              className="font-semibold text-brand-700 underline"
              href={publicUrl}
              target="_blank"
              rel="noopener"
              data-testid="public-link"
            >
              {publicUrl}
            </a>{' '}
            — share it with everyone who took part.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {FORMATS.map(([format, label]) => (
            <Button
              key={format}
              variant="secondary"
              onClick={() =>
                downloadWithToken(
                  `/api/events/${eventId}/harvest.${format}`,
                  token,
                  `harvest.${format}`,
                ).catch(() => setError('The download did not work; try again.'))
              }
            >
              {label}
            </Button>
          ))}
        </div>
        {error && <p role="alert">{error}</p>}
      </section>
      {groups.map((group) => (
        <section key={group} className="space-y-3">
          <h2 className="text-xl font-bold">{group}</h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {h.themeOrder
              .map((id) => h.themes[id])
              .filter((t): t is HarvestTheme => !!t && t.group === group)
              .map((t) => (
                <ThemeCard key={t.id} event={event} theme={t} dots={dots[t.id] ?? 0} />
              ))}
          </div>
        </section>
      ))}
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-lg font-bold">Notes not in a theme ({unthemed.length})</h2>
        <ul className="mt-2 space-y-2">
          {unthemed.map((n) => (
            <NoteRow key={n.id} event={event} note={n} themeId={null} group={null} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function ThemeCard({ event, theme, dots }: { event: EventState; theme: HarvestTheme; dots: number }) {
  const send = useSend();
  const h = event.harvest;
  const [label, setLabel] = useState(theme.label);
  const [response, setResponse] = useState(theme.response);
  const [picked, setPicked] = useState<string[]>([]);
  const [splitLabel, setSplitLabel] = useState('');
  useEffect(() => setLabel(theme.label), [theme.label]);
  useEffect(() => setResponse(theme.response), [theme.response]);
  if (!h) return null;
  const notes = theme.noteIds.map((id) => event.notes[id]).filter((n): n is Note => !!n && !n.withdrawn);
  const hiddenHere = notes.filter((n) => h.hidden.includes(n.id)).length;
  const others = h.themeOrder
    .map((id) => h.themes[id])
    .filter((t): t is HarvestTheme => !!t && t.id !== theme.id && t.group === theme.group);

  return (
    <article
      className="space-y-2 rounded-2xl border-2 border-stone-200 bg-white p-4"
      aria-label={`Theme: ${theme.label}`}
      data-testid="theme-card"
    >
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim() && label.trim() !== theme.label)
            send('theme.rename', { themeId: theme.id, label: label.trim() });
        }}
      >
        <label className="sr-only" htmlFor={`label-${theme.id}`}>
          Theme name
        </label>
        <input
          id={`label-${theme.id}`}
          value={label}
          maxLength={LIMITS.themeLabel}
          onChange={(e) => setLabel(e.target.value)}
          className="min-h-11 flex-1 rounded-lg border-2 border-stone-300 px-2 text-lg font-bold"
        />
        <Button type="submit" variant="secondary">
          Rename
        </Button>
      </form>
      <p className="text-stone-700">
        {notes.length} notes{hiddenHere ? ` (${hiddenHere} hidden)` : ''} · from{' '}
        {spreadText(notes.map(placeOf))} · {dots} {dots === 1 ? 'dot' : 'dots'}
      </p>
      <ul className="space-y-1">
        {notes.map((n) => (
          <NoteRow
            key={n.id}
            event={event}
            note={n}
            themeId={theme.id}
            group={theme.group}
            picked={picked.includes(n.id)}
            onPick={(on) => setPicked((p) => (on ? [...p, n.id] : p.filter((x) => x !== n.id)))}
          />
        ))}
      </ul>
      {picked.length > 0 && picked.length < notes.length && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!splitLabel.trim()) return;
            send('theme.split', { themeId: theme.id, noteIds: picked, label: splitLabel.trim() });
            setPicked([]);
            setSplitLabel('');
          }}
        >
          <label htmlFor={`split-${theme.id}`}>New theme for the {picked.length} ticked notes:</label>
          <input
            id={`split-${theme.id}`}
            value={splitLabel}
            maxLength={LIMITS.themeLabel}
            onChange={(e) => setSplitLabel(e.target.value)}
            className="min-h-11 rounded-lg border-2 border-stone-300 px-2"
          />
          <Button type="submit" variant="secondary">
            Split off
          </Button>
        </form>
      )}
      {others.length > 0 && (
        <div>
          <label className="sr-only" htmlFor={`merge-${theme.id}`}>
            Merge “{theme.label}” into
          </label>
          <select
            id={`merge-${theme.id}`}
            value=""
            onChange={(e) =>
              e.target.value && send('theme.merge', { themeId: theme.id, into: e.target.value })
            }
            className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
          >
            <option value="">Merge into another theme…</option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send('theme.respond', { themeId: theme.id, text: response });
        }}
      >
        <label htmlFor={`resp-${theme.id}`} className="block font-semibold">
          What we will do
        </label>
        <textarea
          id={`resp-${theme.id}`}
          rows={2}
          value={response}
          maxLength={LIMITS.themeResponse}
          onChange={(e) => setResponse(e.target.value)}
          className="mt-1 block w-full rounded-lg border-2 border-stone-300 px-2 py-1"
        />
        <Button type="submit" variant="secondary" className="mt-1">
          Save the response
        </Button>
      </form>
    </article>
  );
}

function NoteRow({
  event,
  note,
  themeId,
  group,
  picked,
  onPick,
}: {
  event: EventState;
  note: Note;
  themeId: string | null;
  group: string | null;
  picked?: boolean;
  onPick?: (on: boolean) => void;
}) {
  const send = useSend();
  const h = event.harvest;
  if (!h) return null;
  const hidden = h.hidden.includes(note.id);
  const quoted = h.quotes.includes(note.id);
  const targets = h.themeOrder
    .map((id) => h.themes[id])
    .filter(
      (t): t is HarvestTheme => !!t && t.id !== themeId && t.group === (group ?? questionOf(event, note)),
    );
  return (
    <li
      className={`rounded-lg p-2 ${hidden ? 'bg-stone-200 text-stone-500' : 'bg-brand-50'}`}
      data-testid="harvest-note"
    >
      <div className="flex items-start gap-2">
        {onPick && (
          <input
            type="checkbox"
            className="mt-1 size-5"
            checked={!!picked}
            onChange={(e) => onPick(e.target.checked)}
            aria-label={`Tick to split off: ${note.text.slice(0, 60)}`}
          />
        )}
        <p className="flex-1 whitespace-pre-wrap break-words">
          {quoted && (
            <>
              <span aria-hidden="true">★ </span>
              <span className="sr-only">Quote: </span>
            </>
          )}
          {note.text}
          {hidden && <span className="ml-2 text-sm font-semibold">(hidden from publication)</span>}
        </p>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1 text-sm">
        <span className="text-stone-600">
          {placeLabel(event, note)} ·{' '}
          <time dateTime={new Date(note.postedAt).toISOString()}>
            {new Date(note.postedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          </time>
        </span>
        <Button
          variant="ghost"
          className="text-sm"
          onClick={() => send('harvest.quote-note', { noteId: note.id, quoted: !quoted })}
        >
          {quoted ? 'Not a quote' : 'Mark as quote'}
        </Button>
        <Button
          variant="ghost"
          className="text-sm"
          onClick={() => send('harvest.hide-note', { noteId: note.id, hidden: !hidden })}
        >
          {hidden ? 'Show in publication' : 'Hide from publication'}
        </Button>
        <label className="sr-only" htmlFor={`move-${note.id}`}>
          Move note to theme
        </label>
        <select
          id={`move-${note.id}`}
          value=""
          onChange={(e) => {
            const v = e.target.value;
            if (v) send('harvest.move-note', { noteId: note.id, themeId: v === 'none' ? null : v });
          }}
          className="min-h-11 max-w-56 rounded-lg border-2 border-stone-300 bg-white px-1"
        >
          <option value="">Move to…</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
          {themeId !== null && <option value="none">No theme</option>}
        </select>
      </div>
    </li>
  );
}
