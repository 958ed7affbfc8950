'use client';
import { placeOf, spreadText } from '../../lib/harvest/groups';
import type { HarvestTheme } from '../../lib/harvest/state';
import type { EventState, Note } from '../../lib/state';
import { plural } from '../../lib/text';
import { useLiveThemes } from './useLiveThemes';
import { harvestDots } from './view';

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
          spread: spreadText(notes.map(placeOf)),
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
      .flatMap((g) => g.themes.map((t) => ({ ...t, dots: null })))
      .sort((a, b) => b.places - a.places || b.notes - a.notes);
  }
  return (
    <main data-fixed-colours className="min-h-screen bg-stone-950 p-[3vh] text-white">
      <header className="flex items-end justify-between gap-6">
        <div>
          <h1 className="text-[3.4vh] font-bold">{event.settings.title}: what we are hearing</h1>
          <p className="text-[2.4vh] text-brand-100">
            {h?.votingOpen
              ? `Vote on your phone: ${h.votesPerPerson} dots each`
              : 'Themes across every table and session'}
          </p>
        </div>
        <p className="text-[2.4vh]">
          {event.noteOrder.filter((id) => !event.notes[id]?.withdrawn).length} notes
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
              {i + 1}. {r.label}
            </p>
            <p className="text-[2vh] text-stone-700">
              {plural(r.notes, 'note', 'notes')} from {r.spread}
              {r.dots !== null && ` · ${r.dots} ${r.dots === 1 ? 'dot' : 'dots'}`}
            </p>
            <ul className="mt-[1vh] space-y-[0.5vh] text-[1.9vh]">
              {r.examples.map((x) => (
                <li key={x} className="line-clamp-2 break-words">
                  “{x}”
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {rows.length === 0 && <p className="mt-[4vh] text-[3vh]">Themes appear here as notes arrive.</p>}
    </main>
  );
}
