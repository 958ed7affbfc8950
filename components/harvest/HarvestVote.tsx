'use client';
import { harvestDotsUsed } from '../../lib/harvest/reducer';
import type { HarvestTheme } from '../../lib/harvest/state';
import type { EventState } from '../../lib/state';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { harvestDots } from './view';

/** The harvest round on a phone: give your dots to the themes that matter most. */
export function HarvestVote({ event, me }: { event: EventState; me: string }) {
  const send = useSend();
  const h = event.harvest;
  if (!h?.votingOpen) return null;
  const left = h.votesPerPerson - harvestDotsUsed(h, me);
  const mine = h.votes[me] ?? {};
  const dots = harvestDots(h);
  // Only what would be published: notes not withdrawn and not hidden.
  const shown = (t: HarvestTheme) =>
    t.noteIds.filter((id) => !event.notes[id]?.withdrawn && !h.hidden.includes(id)).length;
  const themes = h.themeOrder.map((id) => h.themes[id]).filter((t): t is HarvestTheme => !!t && shown(t) > 0);
  return (
    <section
      aria-labelledby="harvest-vote-h"
      className="space-y-3 rounded-2xl border-2 border-brand-600 bg-white p-4"
    >
      <h2 id="harvest-vote-h" className="text-2xl font-bold">
        What matters most?
      </h2>
      <p className="text-lg" aria-live="polite" data-testid="harvest-dots-left">
        You have {left} of {h.votesPerPerson} {h.votesPerPerson === 1 ? 'dot' : 'dots'} left.
      </p>
      <ul className="space-y-2">
        {themes.map((t) => (
          <li key={t.id} className="rounded-lg bg-brand-50 p-3" data-testid="harvest-vote-theme">
            <p className="text-lg font-bold break-words">{t.label}</p>
            <p className="text-sm text-stone-700">
              {shown(t)} notes · {dots[t.id] ?? 0} dots in all · {mine[t.id] ?? 0} from you
            </p>
            <div className="mt-2 flex gap-2">
              <Button
                onClick={() => send('harvest.vote', { themeId: t.id, dot: 1 })}
                disabled={left <= 0}
                aria-label={`Give a dot to “${t.label}”`}
              >
                + Dot
              </Button>
              <Button
                variant="secondary"
                onClick={() => send('harvest.vote', { themeId: t.id, dot: -1 })}
                disabled={!(mine[t.id] ?? 0)}
                aria-label={`Take a dot back from “${t.label}”`}
              >
                − Dot
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
