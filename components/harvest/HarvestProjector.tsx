'use client';
import { useTranslations } from 'next-intl';
import { placeOf } from '../../lib/harvest/groups';
import { projectorOf, projectorShows } from '../../lib/harvest/screen';
import type { HarvestTheme } from '../../lib/harvest/state';
import { type EventState, isShown, liveNotes, type Note, noteById } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { NoteMark } from '../paper/NoteMark';
import { useLiveThemes } from './useLiveThemes';
import { harvestDots, useHarvestWords } from './view';

/** The most themes the projector shows at once: beyond this the type gets too small to read. */
export const PROJECTOR_MAX_THEMES = 12;

/**
 * Columns × rows for `n` cards on a wide screen, and the type size (in vh) that fits a card:
 * one big card, then a row of up to three, then two rows, then three.
 */
export function projectorGrid(n: number): { cols: number; rows: number; label: number } {
  if (n <= 1) return { cols: 1, rows: 1, label: 7 };
  if (n <= 3) return { cols: n, rows: 1, label: 5.5 };
  if (n === 4) return { cols: 2, rows: 2, label: 5 };
  if (n <= 6) return { cols: 3, rows: 2, label: 4.4 };
  if (n <= 8) return { cols: 4, rows: 2, label: 3.8 };
  if (n === 9) return { cols: 3, rows: 3, label: 3.6 };
  return { cols: 4, rows: 3, label: 3.2 };
}

interface Row {
  id: string;
  label: string;
  notes: number;
  places: number;
  spread: string;
  dots: number | null;
  /**
   * Representative notes: quotes first (after the start), else the most typical ones; a curated
   * theme's keep their paper card or import mark.
   */
  examples: { text: string; note?: Note }[];
}

/**
 * The harvest on the projector: only the themes a facilitator chose to show (machine labels are
 * raw words from the notes), with their size, spread and one representative note, ranked by
 * dots while voting. Sized to the screen: it never scrolls.
 */
export function HarvestProjector({
  event,
  eventId,
  token,
}: {
  event: EventState;
  eventId: string;
  token: string;
}) {
  const t = useTranslations('harvestConsole');
  const tp = useTranslations('projector');
  const words = useHarvestWords();
  const isolate = useIsolate();
  const h = event.harvest;
  // Before the start, the live themes are fetched only once one of them has been chosen.
  const live = useLiveThemes(eventId, token, 4_000, !h && projectorOf(event).live.length > 0 ? '' : null);
  let rows: Row[];
  if (h) {
    const dots = harvestDots(h);
    const hidden = new Set(h.hidden);
    rows = h.themeOrder
      .map((id) => h.themes[id])
      .filter((t): t is HarvestTheme => !!t && projectorShows(event, t.id))
      .map((t) => {
        const notes = t.noteIds
          .map((id) => noteById(event, id))
          .filter((n): n is Note => !!n && isShown(n) && !hidden.has(n.id));
        return {
          id: t.id,
          label: t.label,
          notes: notes.length,
          places: new Set(notes.map(placeOf)).size,
          spread: words.spread(notes.map(placeOf)),
          dots: dots[t.id] ?? 0,
          examples: [...new Set([...notes.filter((n) => h.quotes.includes(n.id)), ...notes])]
            .slice(0, 3)
            .map((n) => ({ text: n.text, note: n })),
        };
      })
      .filter((r) => r.notes > 0)
      .sort((a, b) => (b.dots ?? 0) - (a.dots ?? 0) || b.places - a.places || b.notes - a.notes);
  } else {
    rows = (live ?? [])
      .flatMap((g) =>
        g.themes
          .filter((theme) => projectorShows(event, theme.id))
          .map((theme) => ({
            ...theme,
            examples: [...new Set(theme.examples)].map((text) => ({ text })),
            spread: words.spreadFromWords(theme.spread),
            dots: null,
          })),
      )
      .sort((a, b) => b.places - a.places || b.notes - a.notes);
  }
  const shown = rows.slice(0, PROJECTOR_MAX_THEMES);
  const grid = projectorGrid(shown.length);
  const lines = grid.rows === 1 ? 3 : grid.rows === 2 ? 4 : 3;
  return (
    <main
      data-fixed-colours
      className="flex h-screen flex-col overflow-hidden bg-stone-950 p-[3vh] text-white"
      data-testid="harvest-projector"
    >
      <header className="flex shrink-0 items-end justify-between gap-6">
        <div className="min-w-0">
          <h1 className="truncate text-[3.4vh] font-bold">
            {t('projector.heading', { title: isolate(event.settings.title) })}
          </h1>
          <p className={`text-[2.6vh] ${h?.votingOpen ? 'font-bold text-white' : 'text-brand-100'}`}>
            {h?.votingOpen ? t('projector.vote', { dots: h.votesPerPerson }) : t('projector.across')}
          </p>
        </div>
        <p className="shrink-0 text-[2.4vh]">
          {t('projector.notes', {
            count: liveNotes(event).length,
          })}
        </p>
      </header>
      {shown.length === 0 ? (
        <p className="mt-[4vh] text-[3vh]" data-testid="projector-nothing">
          {tp('harvestNothing')}
        </p>
      ) : (
        <ol
          className="mt-[2.5vh] grid min-h-0 flex-1 gap-[2vh]"
          style={{
            gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
          }}
        >
          {shown.map((r, i) => (
            <li
              key={r.id}
              className="flex min-h-0 flex-col overflow-hidden rounded-2xl bg-white p-[2vh] text-stone-900"
              data-testid="projector-theme"
            >
              <p
                className="line-clamp-2 shrink-0 leading-tight font-bold break-words"
                style={{ fontSize: `${grid.label}vh` }}
              >
                {i + 1}. <bdi>{r.label}</bdi>
              </p>
              <p className="mt-[0.6vh] shrink-0 text-stone-700" style={{ fontSize: `${grid.label * 0.6}vh` }}>
                {r.dots === null
                  ? t('words.themeFrom', { notes: r.notes, spread: r.spread })
                  : t('words.themeFromDots', { notes: r.notes, spread: r.spread, dots: r.dots })}
              </p>
              <div className="mt-[1vh] min-h-0 flex-1 space-y-[1vh] overflow-hidden">
                {r.examples.slice(0, grid.rows === 1 ? 3 : 1).map((x) => (
                  <p
                    key={x.note?.id ?? x.text}
                    className="overflow-hidden break-words text-stone-800 italic"
                    style={{
                      fontSize: `${grid.label * 0.72}vh`,
                      display: '-webkit-box',
                      WebkitBoxOrient: 'vertical',
                      WebkitLineClamp: lines,
                    }}
                  >
                    {t('projector.quoted', { text: isolate(x.text) })}
                    {x.note?.source && (
                      <>
                        {' '}
                        <NoteMark
                          note={x.note}
                          className="bg-amber-100 align-middle text-[0.7em] text-amber-950 not-italic"
                        />
                      </>
                    )}
                  </p>
                ))}
              </div>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
