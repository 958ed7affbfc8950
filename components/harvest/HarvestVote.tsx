'use client';
import { useTranslations } from 'next-intl';
import { harvestDotsUsed } from '../../lib/harvest/reducer';
import type { HarvestTheme } from '../../lib/harvest/state';
import type { EventState } from '../../lib/state';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { harvestDots } from './view';

/** The harvest round on a phone: give your dots to the themes that matter most. */
export function HarvestVote({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('harvestVote');
  const tv = useTranslations('vote');
  const send = useSend();
  const h = event.harvest;
  if (!h?.votingOpen) return null;
  const left = h.votesPerPerson - harvestDotsUsed(h, me);
  const mine = h.votes[me] ?? {};
  const dots = harvestDots(h);
  // Only what would be published: notes not withdrawn and not hidden.
  const shown = (theme: HarvestTheme) =>
    theme.noteIds.filter((id) => !event.notes[id]?.withdrawn && !h.hidden.includes(id)).length;
  const themes = h.themeOrder.map((id) => h.themes[id]).filter((x): x is HarvestTheme => !!x && shown(x) > 0);
  return (
    <section
      aria-labelledby="harvest-vote-h"
      className="space-y-3 rounded-2xl border-2 border-brand-600 bg-white p-4"
    >
      <h2 id="harvest-vote-h" className="text-2xl font-bold">
        {t('heading')}
      </h2>
      <p className="text-lg" aria-live="polite" data-testid="harvest-dots-left">
        {tv('dotsLeft', { left, total: h.votesPerPerson })}
      </p>
      <ul className="space-y-2">
        {themes.map((theme) => (
          <li key={theme.id} className="rounded-lg bg-brand-50 p-3" data-testid="harvest-vote-theme">
            <p className="text-lg font-bold break-words" dir="auto">
              {theme.label}
            </p>
            <p className="text-sm text-stone-700">
              {t('themeCounts', {
                notes: shown(theme),
                dots: dots[theme.id] ?? 0,
                mine: mine[theme.id] ?? 0,
              })}
            </p>
            <div className="mt-2 flex gap-2">
              <Button
                onClick={() => send('harvest.vote', { themeId: theme.id, dot: 1 })}
                disabled={left <= 0}
                aria-label={tv('giveLabel', { title: theme.label })}
              >
                {tv('give')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => send('harvest.vote', { themeId: theme.id, dot: -1 })}
                disabled={!(mine[theme.id] ?? 0)}
                aria-label={tv('takeLabel', { title: theme.label })}
              >
                {tv('take')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
