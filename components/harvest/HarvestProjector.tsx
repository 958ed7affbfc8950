'use client';
import { useTranslations } from 'next-intl';
import { placeOf } from '../../lib/harvest/groups';
import type { HarvestTheme } from '../../lib/harvest/state';
import type { EventState, Note } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { useLiveThemes } from './useLiveThemes';
import { harvestDots, useHarvestWords } from './view';

/** The harvest on the projector: themes with their size and spread, ranked by dots while voting. */
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
  const words = useHarvestWords();
  const isolate = useIsolate();
  const live = useLiveThemes(eventId, token, 4_000);
  const h = event.harvest;
  type Row = {
    id: string;
    label: string;
    notes: number;
    places: number;
    spread: string;
    dots: number | null;
    examples: string[];
  };
  let rows: Row[];
  if (h) {
    const dots = harvestDots(h);
    const hidden = new Set(h.hidden);
    rows = h.themeOrder
      .map((id) => h.themes[id])
      .filter((t): t is HarvestTheme => !!t)
      .map((t) => {
        const notes = t.noteIds
          .map((id) => event.notes[id])
          .filter((n): n is Note => !!n && !n.withdrawn && !hidden.has(n.id));
        return {
          id: t.id,
          label: t.label,
          notes: notes.length,
          places: new Set(notes.map(placeOf)).size,
          spread: words.spread(notes.map(placeOf)),
          dots: dots[t.id] ?? 0,
          examples: [...new Set([...notes.filter((n) => h.quotes.includes(n.id)), ...notes])]
            .slice(0, 2)
            .map((n) => n.text),
        };
      })
      .filter((r) => r.notes > 0)
      .sort((a, b) => (b.dots ?? 0) - (a.dots ?? 0) || b.places - a.places || b.notes - a.notes);
  } else {
    rows = (live ?? [])
      .flatMap((g) =>
        g.themes.map((theme) => ({ ...theme, spread: words.spreadFromWords(theme.spread), dots: null })),
      )
      .sort((a, b) => b.places - a.places || b.notes - a.notes);
  }
  return (
    <main data-fixed-colours className="min-h-screen bg-stone-950 p-[3vh] text-white">
      <header className="flex items-end justify-between gap-6">
        <div>
          <h1 className="text-[3.4vh] font-bold">
            {t('projector.heading', { title: isolate(event.settings.title) })}
          </h1>
          <p className="text-[2.4vh] text-brand-100">
            {h?.votingOpen ? t('projector.vote', { dots: h.votesPerPerson }) : t('projector.across')}
          </p>
        </div>
        <p className="text-[2.4vh]">
          {t('projector.notes', {
            count: event.noteOrder.filter((id) => !event.notes[id]?.withdrawn).length,
          })}
        </p>
      </header>
      <ol className="mt-[3vh] grid grid-cols-2 gap-[2vh]">
        {rows.slice(0, 10).map((r, i) => (
          <li
            key={r.id}
            className="rounded-2xl bg-white p-[2vh] text-stone-900"
            data-testid="projector-theme"
          >
            <p className="text-[2.8vh] leading-tight font-bold">
              {i + 1}. <bdi>{r.label}</bdi>
            </p>
            <p className="text-[2vh] text-stone-700">
              {r.dots === null
                ? t('words.themeFrom', { notes: r.notes, spread: r.spread })
                : t('words.themeFromDots', { notes: r.notes, spread: r.spread, dots: r.dots })}
            </p>
            <ul className="mt-[1vh] space-y-[0.5vh] text-[1.9vh]">
              {r.examples.map((x) => (
                <li key={x} className="line-clamp-2 break-words">
                  {t('projector.quoted', { text: isolate(x) })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {rows.length === 0 && <p className="mt-[4vh] text-[3vh]">{t('projector.empty')}</p>}
    </main>
  );
}
