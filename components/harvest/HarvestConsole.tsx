'use client';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useState } from 'react';
import { placeOf, questionOf } from '../../lib/harvest/groups';
import type { HarvestTheme } from '../../lib/harvest/state';
import { LIMITS } from '../../lib/limits';
import type { EventState, Note } from '../../lib/state';
import { downloadWithToken } from '../facilitator/download';
import { useIsolate } from '../i18n/bidi';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { useJoinBase } from '../projector/JoinQr';
import { Button } from '../ui/Button';
import { ProjectorControl } from './ProjectorControl';
import { useLiveThemes } from './useLiveThemes';
import { harvestDots, useHarvestWords } from './view';

/** The organiser's harvest: live themes, then curation, voting, exports and publishing. */
export function HarvestConsole({ eventId, token }: { eventId: string; token: string }) {
  const event = useLive((s) => s.event);
  if (!event) return null;
  return (
    <div className="space-y-6">
      <ProjectorControl event={event} eventId={eventId} token={token} />
      {event.harvest ? (
        <Curation event={event} eventId={eventId} token={token} />
      ) : (
        <LivePreview eventId={eventId} token={token} />
      )}
    </div>
  );
}

function LivePreview({ eventId, token }: { eventId: string; token: string }) {
  const t = useTranslations('harvestConsole');
  const words = useHarvestWords();
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
        <h2 className="text-lg font-bold">{t('live.heading')}</h2>
        <p className="text-stone-700">{t('live.intro')}</p>
        <form onSubmit={start} className="mt-3 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2">
            {t('live.dotsPerPerson')}
            <input
              type="number"
              min={1}
              max={20}
              value={dots}
              onChange={(e) => setDots(e.target.value)}
              className="w-20 rounded-lg border-2 border-stone-400 px-2 py-1"
            />
          </label>
          <Button type="submit">{t('live.start')}</Button>
          <a
            className="font-semibold text-brand-700 underline"
            href={`/p/${eventId}?view=harvest#${token}`}
            target="_blank"
            rel="noopener"
          >
            {t('live.showOnProjector')}
          </a>
        </form>
      </section>
      {groups === null && <p>{t('live.working')}</p>}
      {groups?.length === 0 && <p className="text-stone-600">{t('live.noNotes')}</p>}
      {groups?.map((g) => (
        <section
          key={g.question}
          className="rounded-2xl border-2 border-stone-200 bg-white p-4"
          data-testid="live-group"
        >
          <h3 className="text-lg font-bold" dir="auto">
            {g.question}
          </h3>
          <p className="text-stone-600">
            {t('live.groupCounts', { notes: g.notes, themes: g.themes.length, unthemed: g.unthemed })}
          </p>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {g.themes.map((theme) => (
              <li key={theme.id} className="rounded-lg bg-brand-50 p-3" data-testid="live-theme">
                <p className="font-bold" dir="auto">
                  {theme.label}
                </p>
                <p className="text-sm text-stone-700">
                  {t('words.themeFrom', { notes: theme.notes, spread: words.spreadFromWords(theme.spread) })}
                </p>
                <ul className="mt-1 list-disc ps-5 text-sm">
                  {theme.examples.map((x) => (
                    <li key={x} className="break-words" dir="auto">
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

/** The export formats; the reports are named in words, the others by their format's own name. */
const FORMATS = ['pdf', 'docx', 'md', 'csv', 'json'] as const;
const FORMAT_NAMES = { md: 'Markdown', csv: 'CSV', json: 'JSON' } as const;

function Curation({ event, eventId, token }: { event: EventState; eventId: string; token: string }) {
  const t = useTranslations('harvestConsole.curation');
  const send = useSend();
  const [failed, setFailed] = useState(false);
  const origin = useJoinBase() ?? '';
  const h = event.harvest;
  if (!h) return null;
  const groups = [...new Set(h.themeOrder.map((id) => h.themes[id]?.group ?? ''))];
  const dots = harvestDots(h);
  const publicUrl = `${origin}/told/${eventId}`;
  const unthemed = h.unthemed.map((id) => event.notes[id]).filter((n): n is Note => !!n && !n.withdrawn);

  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-lg font-bold">{t('heading')}</h2>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant={h.votingOpen ? 'secondary' : 'primary'}
            onClick={() => send('harvest.voting', { open: !h.votingOpen })}
          >
            {h.votingOpen ? t('closeVoting') : t('openVoting', { dots: h.votesPerPerson })}
          </Button>
          <Button
            variant={h.published ? 'secondary' : 'primary'}
            onClick={() => send('harvest.publish', { published: !h.published })}
          >
            {h.published ? t('unpublish') : t('publish')}
          </Button>
          <a
            className="font-semibold text-brand-700 underline"
            href={`/p/${eventId}?view=harvest#${token}`}
            target="_blank"
            rel="noopener"
          >
            {t('showOnProjector')}
          </a>
        </div>
        {h.published && (
          <p>
            {t.rich('publishedAt', {
              url: publicUrl,
              link: (chunks) => (
                <a
                  className="font-semibold text-brand-700 underline"
                  href={publicUrl}
                  target="_blank"
                  rel="noopener"
                  dir="ltr"
                  data-testid="public-link"
                >
                  {chunks}
                </a>
              ),
            })}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {FORMATS.map((format) => (
            <Button
              key={format}
              variant="secondary"
              onClick={() =>
                downloadWithToken(
                  `/api/events/${eventId}/harvest.${format}`,
                  token,
                  `harvest.${format}`,
                ).catch(() => setFailed(true))
              }
            >
              {format === 'pdf' || format === 'docx' ? t(format) : FORMAT_NAMES[format]}
            </Button>
          ))}
        </div>
        {failed && <p role="alert">{t('downloadFailed')}</p>}
      </section>
      {groups.map((group) => (
        <section key={group} className="space-y-3">
          <h2 className="text-xl font-bold" dir="auto">
            {group}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {h.themeOrder
              .map((id) => h.themes[id])
              .filter((theme): theme is HarvestTheme => !!theme && theme.group === group)
              .map((theme) => (
                <ThemeCard key={theme.id} event={event} theme={theme} dots={dots[theme.id] ?? 0} />
              ))}
          </div>
        </section>
      ))}
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-lg font-bold">{t('unthemed', { count: unthemed.length })}</h2>
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
  const t = useTranslations('harvestConsole.theme');
  const words = useHarvestWords();
  const isolate = useIsolate();
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
      aria-label={t('label', { label: isolate(theme.label) })}
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
          {t('name')}
        </label>
        <input
          id={`label-${theme.id}`}
          value={label}
          maxLength={LIMITS.themeLabel}
          onChange={(e) => setLabel(e.target.value)}
          dir="auto"
          className="min-h-11 flex-1 rounded-lg border-2 border-stone-300 px-2 text-lg font-bold"
        />
        <Button type="submit" variant="secondary">
          {t('rename')}
        </Button>
      </form>
      <p className="text-stone-700">
        {t(hiddenHere ? 'countsHidden' : 'counts', {
          notes: notes.length,
          hidden: hiddenHere,
          spread: words.spread(notes.map(placeOf)),
          dots,
        })}
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
          <label htmlFor={`split-${theme.id}`}>{t('splitLabel', { count: picked.length })}</label>
          <input
            id={`split-${theme.id}`}
            value={splitLabel}
            maxLength={LIMITS.themeLabel}
            onChange={(e) => setSplitLabel(e.target.value)}
            dir="auto"
            className="min-h-11 rounded-lg border-2 border-stone-300 px-2"
          />
          <Button type="submit" variant="secondary">
            {t('splitOff')}
          </Button>
        </form>
      )}
      {others.length > 0 && (
        <div>
          <label className="sr-only" htmlFor={`merge-${theme.id}`}>
            {t('mergeLabel', { label: isolate(theme.label) })}
          </label>
          <select
            id={`merge-${theme.id}`}
            value=""
            onChange={(e) =>
              e.target.value && send('theme.merge', { themeId: theme.id, into: e.target.value })
            }
            className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
          >
            <option value="">{t('mergeChoose')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.label}
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
          {t('response')}
        </label>
        <textarea
          id={`resp-${theme.id}`}
          rows={2}
          value={response}
          maxLength={LIMITS.themeResponse}
          onChange={(e) => setResponse(e.target.value)}
          dir="auto"
          className="mt-1 block w-full rounded-lg border-2 border-stone-300 px-2 py-1"
        />
        <Button type="submit" variant="secondary" className="mt-1">
          {t('saveResponse')}
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
  const t = useTranslations('harvestConsole.note');
  const words = useHarvestWords();
  const isolate = useIsolate();
  const locale = useLocale();
  const send = useSend();
  const h = event.harvest;
  if (!h) return null;
  const hidden = h.hidden.includes(note.id);
  const quoted = h.quotes.includes(note.id);
  const targets = h.themeOrder
    .map((id) => h.themes[id])
    .filter(
      (theme): theme is HarvestTheme =>
        !!theme && theme.id !== themeId && theme.group === (group ?? questionOf(event, note)),
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
            aria-label={t('tick', { text: isolate(note.text.slice(0, 60)) })}
          />
        )}
        <p className="flex-1 whitespace-pre-wrap break-words">
          {quoted && (
            <>
              <span aria-hidden="true">★ </span>
              <span className="sr-only">{t('quote')} </span>
            </>
          )}
          <bdi>{note.text}</bdi>
          {hidden && <span className="ms-2 text-sm font-semibold">{t('hidden')}</span>}
        </p>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1 text-sm">
        <span className="text-stone-600">
          {words.place(event, note)} ·{' '}
          <time dateTime={new Date(note.postedAt).toISOString()}>
            {new Date(note.postedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}
          </time>
        </span>
        <Button
          variant="ghost"
          className="text-sm"
          onClick={() => send('harvest.quote-note', { noteId: note.id, quoted: !quoted })}
        >
          {quoted ? t('notQuote') : t('markQuote')}
        </Button>
        <Button
          variant="ghost"
          className="text-sm"
          onClick={() => send('harvest.hide-note', { noteId: note.id, hidden: !hidden })}
        >
          {hidden ? t('show') : t('hide')}
        </Button>
        <label className="sr-only" htmlFor={`move-${note.id}`}>
          {t('moveLabel')}
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
          <option value="">{t('moveTo')}</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.label}
            </option>
          ))}
          {themeId !== null && <option value="none">{t('noTheme')}</option>}
        </select>
      </div>
    </li>
  );
}
