'use client';
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { noteGroups, placeOf, questionOf } from '../../lib/harvest/groups';
import { granularityOf } from '../../lib/harvest/reducer';
import type { HarvestState, HarvestTheme } from '../../lib/harvest/state';
import { harvestSummary } from '../../lib/harvest/summary';
import { dirOf, isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../lib/i18n/locales';
import { LIMITS } from '../../lib/limits';
import { publishesProceedings } from '../../lib/openspace/view';
import { type EventState, isShown, type Note, noteById } from '../../lib/state';
import { downloadWithToken } from '../facilitator/download';
import { useIsolate } from '../i18n/bidi';
import { useLocaleChoice } from '../i18n/PersonalIntl';
import { useSend } from '../live/useConnection';
import { useJoinBase } from '../projector/JoinQr';
import { Button } from '../ui/Button';
import { AcrossQuestions } from './AcrossQuestions';
import { Granularity } from './Granularity';
import { HarvestSummary } from './HarvestSummary';
import { NoteLine } from './NoteLine';
import { DropZone, ThemeCard } from './ThemeCard';
import { harvestDots } from './view';

/** The export formats; the reports are named in words, the others by their format's own name. */
const FORMATS = ['pdf', 'docx', 'md', 'csv', 'json'] as const;
const FORMAT_NAMES = { md: 'Markdown', csv: 'CSV', json: 'JSON' } as const;

const liveNotes = (event: EventState, ids: readonly string[]) =>
  ids.map((id) => noteById(event, id)).filter((n): n is Note => !!n && isShown(n));

/** Notes picked for "Move to…" or "New theme from selected": always of one question. */
interface Selection {
  group: string;
  ids: string[];
}

/**
 * The harvest after the start: the summary, voting, exports and publishing at the top, then each
 * question's themes as compact cards to curate with the mouse (drag a note onto a theme) or the
 * keyboard (select notes, then "Move to…").
 */
export function Curation({ event, eventId, token }: { event: EventState; eventId: string; token: string }) {
  const t = useTranslations('harvestConsole.curation');
  const isolate = useIsolate();
  const send = useSend();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dragging, setDragging] = useState<{ noteId: string; group: string } | null>(null);
  const [said, setSaid] = useState('');
  const h = event.harvest;
  const summary = useMemo(() => harvestSummary(event), [event]);
  if (!h) return null;
  const dots = harvestDots(h);
  const keys = new Map<string, string[]>();
  for (const g of noteGroups(event)) keys.set(g.question, [...(keys.get(g.question) ?? []), g.key]);
  const groups = [...new Set([...keys.keys(), ...h.themeOrder.map((id) => h.themes[id]?.group ?? '')])];
  const byVotes = h.votingOpen || Object.keys(dots).length > 0;

  const themeOf = (noteId: string) =>
    h.themeOrder.find((id) => h.themes[id]?.noteIds.includes(noteId)) ?? null;
  const labelOf = (themeId: string | null) =>
    themeId === null ? t('noTheme') : (h.themes[themeId]?.label ?? '');
  function move(noteIds: string[], to: string | null) {
    const moving = noteIds.filter((id) => themeOf(id) !== to);
    for (const noteId of moving) send('harvest.move-note', { noteId, themeId: to });
    const first = noteById(event, moving[0] ?? '');
    if (first)
      setSaid(
        moving.length === 1
          ? t('moved', { text: isolate(first.text.slice(0, 60)), theme: isolate(labelOf(to)) })
          : t('movedMany', { count: moving.length, theme: isolate(labelOf(to)) }),
      );
  }
  function toggle(group: string, noteId: string) {
    setSelection((s) => {
      const ids = s?.group === group ? s.ids : [];
      const next = ids.includes(noteId) ? ids.filter((x) => x !== noteId) : [...ids, noteId];
      return next.length ? { group, ids: next } : null;
    });
  }

  return (
    <div className="space-y-4">
      <section className="space-y-2 rounded-2xl border-2 border-stone-200 bg-white p-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="me-2 text-lg font-bold">{t('heading')}</h2>
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
        </div>
        {publishesProceedings(event) && <p className="text-sm text-stone-700">{t('publishesProceedings')}</p>}
        <Published eventId={eventId} published={h.published} />
        <Downloads eventId={eventId} token={token} />
      </section>
      <HarvestSummary summary={summary} />
      <AcrossQuestions eventId={eventId} token={token} />
      <p aria-live="polite" className="sr-only" data-testid="harvest-said">
        {said}
      </p>
      <p id="theme-name-hint" className="sr-only">
        {t('nameHint')}
      </p>
      {byVotes && <p className="text-sm text-stone-700">{t('sortedByVotes')}</p>}
      {groups.map((group) => {
        const themes = sortThemes(
          event,
          h,
          h.themeOrder.map((id) => h.themes[id]).filter((x): x is HarvestTheme => !!x && x.group === group),
          dots,
          byVotes,
        );
        const groupKeys = keys.get(group) ?? [];
        const unthemed = liveNotes(event, h.unthemed).filter((n) => questionOf(event, n) === group);
        const picked = selection?.group === group ? selection.ids : [];
        const line = (n: Note, themeId: string | null) => (
          <NoteLine
            key={n.id}
            event={event}
            note={n}
            themeId={themeId}
            targets={themes.filter((x) => x.id !== themeId)}
            selected={picked.includes(n.id)}
            onToggle={() => toggle(group, n.id)}
            onDrag={(on) => setDragging(on ? { noteId: n.id, group } : null)}
            onMove={(to) => move([n.id], to)}
          />
        );
        const accepts = (themeId: string | null) =>
          dragging?.group === group && themeOf(dragging.noteId) !== themeId;
        const drop = (themeId: string | null) => {
          if (dragging) move([dragging.noteId], themeId);
          setDragging(null);
        };
        return (
          <section
            key={group}
            className="space-y-2"
            aria-label={isolate(group)}
            data-testid="harvest-question"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-bold" dir="auto">
                {group}
              </h2>
              {groupKeys.length > 0 && (
                <Granularity
                  value={granularityOf(h, groupKeys[0] ?? '')}
                  disabled={h.votingOpen ? t('closeVotingFirst') : undefined}
                  onChange={(granularity) => {
                    for (const key of groupKeys) send('harvest.retheme', { group: key, granularity });
                  }}
                />
              )}
            </div>
            {picked.length > 0 && (
              <SelectionBar
                question={group}
                themes={themes}
                picked={picked}
                onMove={(to) => {
                  move(picked, to);
                  setSelection(null);
                }}
                onMade={(label, count) => setSaid(t('made', { theme: isolate(label), count }))}
                onDone={() => setSelection(null)}
              />
            )}
            <div className="grid items-start gap-2 md:grid-cols-2 xl:grid-cols-3">
              {themes.map((theme) => (
                <ThemeCard
                  key={theme.id}
                  event={event}
                  theme={theme}
                  dots={dots[theme.id] ?? 0}
                  others={themes.filter((x) => x.id !== theme.id)}
                  accepts={accepts(theme.id)}
                  onDrop={() => drop(theme.id)}
                >
                  {liveNotes(event, theme.noteIds).map((n) => line(n, theme.id))}
                </ThemeCard>
              ))}
              <DropZone
                accepts={accepts(null)}
                onDrop={() => drop(null)}
                className="min-w-0 space-y-1 rounded-xl border-2 bg-stone-50 p-2"
                aria-label={t('noTheme')}
                data-testid="no-theme"
              >
                <h3 className="font-bold">{t('unthemed', { count: unthemed.length })}</h3>
                {unthemed.length === 0 ? (
                  <p className="text-sm text-stone-700">{t('dropHere')}</p>
                ) : (
                  <ul className="space-y-0.5">{unthemed.map((n) => line(n, null))}</ul>
                )}
              </DropZone>
            </div>
          </section>
        );
      })}
    </div>
  );
}

/** Most dots first once voting has begun, then the widest spread, then the most notes. */
function sortThemes(
  event: EventState,
  h: HarvestState,
  themes: HarvestTheme[],
  dots: Record<string, number>,
  byVotes: boolean,
): HarvestTheme[] {
  if (!byVotes) return themes;
  const weight = (theme: HarvestTheme) => {
    const notes = liveNotes(event, theme.noteIds).filter((n) => !h.hidden.includes(n.id));
    return { dots: dots[theme.id] ?? 0, places: new Set(notes.map(placeOf)).size, notes: notes.length };
  };
  const w = new Map(themes.map((theme) => [theme.id, weight(theme)]));
  return [...themes].sort((a, b) => {
    const x = w.get(a.id);
    const y = w.get(b.id);
    if (!x || !y) return 0;
    return y.dots - x.dots || y.places - x.places || y.notes - x.notes;
  });
}

/** What can be done with the selected notes: move them, or make a new theme of them. */
function SelectionBar({
  question,
  themes,
  picked,
  onMove,
  onMade,
  onDone,
}: {
  question: string;
  themes: HarvestTheme[];
  picked: string[];
  onMove: (themeId: string | null) => void;
  onMade: (label: string, count: number) => void;
  onDone: () => void;
}) {
  const t = useTranslations('harvestConsole.curation');
  const send = useSend();
  const [name, setName] = useState('');
  // A new theme is split off the theme holding most of the selected notes when one keeps a note
  // (the other selected notes then move into it); when none would (the notes are in no theme, or
  // are whole themes), it is made from the selected notes as they are.
  const source = themes
    .map((theme) => ({ theme, n: theme.noteIds.filter((id) => picked.includes(id)).length }))
    .filter(({ theme, n }) => n > 0 && n < theme.noteIds.length)
    .sort((a, b) => b.n - a.n)[0]?.theme;
  function create() {
    const label = name.trim();
    if (!label) return;
    if (source) {
      const inSource = picked.filter((id) => source.noteIds.includes(id));
      const actionId = send('theme.split', { themeId: source.id, noteIds: inSource, label });
      for (const noteId of picked.filter((id) => !source.noteIds.includes(id)))
        send('harvest.move-note', { noteId, themeId: `split:${actionId}` });
    } else send('theme.create', { question, label, noteIds: picked });
    onMade(label, picked.length);
    onDone();
  }
  return (
    <div
      className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-xl border-2 border-brand-700 bg-white p-2 text-sm shadow"
      data-testid="selection-bar"
    >
      <strong>{t('selected', { count: picked.length })}</strong>
      <label className="flex items-center gap-1">
        {t('moveSelected')}
        <select
          value=""
          onChange={(e) => {
            const v = e.target.value;
            if (v) onMove(v === 'none' ? null : v);
          }}
          className="min-h-9 max-w-56 rounded-md border-2 border-stone-300 bg-white px-1"
        >
          <option value="">{t('choose')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.label}
            </option>
          ))}
          <option value="none">{t('noTheme')}</option>
        </select>
      </label>
      <form
        className="flex flex-wrap items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <label htmlFor="new-theme-name">{t('newThemeName')}</label>
        <input
          id="new-theme-name"
          value={name}
          maxLength={LIMITS.themeLabel}
          onChange={(e) => setName(e.target.value)}
          dir="auto"
          className="min-h-9 rounded-md border-2 border-stone-300 px-2"
        />
        <Button type="submit" variant="secondary" className="min-h-9 py-1" disabled={!name.trim()}>
          {t('newFromSelected')}
        </Button>
      </form>
      <Button variant="ghost" className="min-h-9 py-1" onClick={onDone}>
        {t('clearSelection')}
      </Button>
    </div>
  );
}

function Published({ eventId, published }: { eventId: string; published: boolean }) {
  const t = useTranslations('harvestConsole.curation');
  const origin = useJoinBase() ?? '';
  if (!published) return null;
  const publicUrl = `${origin}/told/${eventId}`;
  return (
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
  );
}

/** The report's downloads, in the language chosen beside them (the console's own until one is chosen). */
function Downloads({ eventId, token }: { eventId: string; token: string }) {
  const t = useTranslations('harvestConsole.curation');
  const id = useId();
  const consoleLocale = useLocaleChoice()?.locale ?? 'en';
  const [chosen, setChosen] = useState<Locale | null>(null);
  const lang = chosen ?? consoleLocale;
  const [failed, setFailed] = useState(false);
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="font-medium">
          {t('reportLanguage')}
        </label>
        <select
          id={id}
          value={lang}
          onChange={(e) => {
            if (isLocale(e.target.value)) setChosen(e.target.value);
          }}
          className="min-h-9 rounded-md border-2 border-stone-400 bg-white px-2"
          data-testid="report-language"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l} dir={dirOf(l)}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        {FORMATS.map((format) => (
          <Button
            key={format}
            variant="secondary"
            className="min-h-9 py-1"
            onClick={() =>
              downloadWithToken(
                `/api/events/${eventId}/harvest.${format}?lang=${lang}`,
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
    </>
  );
}
