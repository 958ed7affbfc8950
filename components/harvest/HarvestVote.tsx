'use client';
import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useState } from 'react';
import { harvestDotsUsed, themesByQuestion } from '../../lib/harvest/reducer';
import type { HarvestTheme } from '../../lib/harvest/state';
import { type EventState, isShown, noteById } from '../../lib/state';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { harvestDots } from './view';

/** The phone's own token, for the few HTTP reads a phone makes as itself (the vote's notes). */
export const PhoneTokenContext = createContext<string | null>(null);

interface VoteNotes {
  /** `event.seq` when they were read: read again after the harvest changed. */
  seq: number;
  themes: Record<string, { count: number; notes: string[] }>;
}

/**
 * The notes of the themes being voted on. A phone receives only its own tables' notes over the
 * socket, so it reads the themes' notes (shown ones, without names) from the server, with its
 * own token, when the person first opens a theme.
 */
function useVoteNotes(event: EventState) {
  const token = useContext(PhoneTokenContext);
  const [notes, setNotes] = useState<VoteNotes | null>(null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'failed'>('idle');
  const seq = event.seq;
  const load = useCallback(() => {
    if (!token || status === 'loading' || notes?.seq === seq) return;
    setStatus('loading');
    fetch(`/api/events/${encodeURIComponent(event.id)}/vote-themes`, {
      headers: { authorization: `Bearer ${token}` },
    })
      .then(async (r) => {
        const body = (await r.json()) as {
          ok: boolean;
          themes?: { id: string; count: number; notes: string[] }[];
        };
        if (!body.ok || !body.themes) throw new Error('refused');
        setNotes({ seq, themes: Object.fromEntries(body.themes.map((t) => [t.id, t])) });
        setStatus('idle');
      })
      .catch(() => setStatus('failed'));
  }, [token, status, notes, seq, event.id]);
  return { notes, status, load };
}

/**
 * The harvest round on a phone: give your dots to the themes that matter most, question by
 * question, reading a theme's notes first if you like.
 */
export function HarvestVote({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('harvestVote');
  const tv = useTranslations('vote');
  const send = useSend();
  const read = useVoteNotes(event);
  const h = event.harvest;
  if (!h?.votingOpen) return null;
  const left = h.votesPerPerson - harvestDotsUsed(h, me);
  const mine = h.votes[me] ?? {};
  const dots = harvestDots(h);
  // Only what would be published: notes not withdrawn, removed or hidden (a phone knows only its
  // own tables' notes: the others count as they are).
  const shown = (theme: HarvestTheme) =>
    theme.noteIds.filter((id) => {
      const n = noteById(event, id);
      return (!n || isShown(n)) && !h.hidden.includes(id);
    }).length;
  const themes = h.themeOrder.map((id) => h.themes[id]).filter((x): x is HarvestTheme => !!x && shown(x) > 0);
  const questions = themesByQuestion(themes);
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
      {questions.map(({ question, themes: ofQuestion }) => (
        <div key={question} className="space-y-2" data-testid="harvest-vote-question">
          <h3 className="text-lg font-semibold text-stone-800" dir="auto">
            {question}
          </h3>
          <ul className="space-y-2">
            {ofQuestion.map((theme) => {
              const read1 = read.notes?.themes[theme.id];
              return (
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
                  <details
                    className="mt-1"
                    onToggle={(e) => {
                      if ((e.currentTarget as HTMLDetailsElement).open) read.load();
                    }}
                  >
                    <summary className="min-h-11 cursor-pointer py-2.5 font-semibold text-brand-700 underline">
                      {t('readNotes', { count: shown(theme) })}
                    </summary>
                    {read1 ? (
                      <ul
                        className="mt-1 space-y-1 border-s-4 border-stone-300 ps-3"
                        data-testid="harvest-vote-notes"
                      >
                        {read1.notes.map((text, i) => (
                          // Notes may repeat word for word; their order is fixed by the server.
                          // biome-ignore lint/suspicious/noArrayIndexKey: a list read once, never reordered
                          <li key={i} className="break-words whitespace-pre-line" dir="auto">
                            {text}
                          </li>
                        ))}
                        {read1.count > read1.notes.length && (
                          <li className="text-stone-600">
                            {t('moreNotes', { count: read1.count - read1.notes.length })}
                          </li>
                        )}
                      </ul>
                    ) : (
                      <p className="mt-1 text-stone-700" aria-live="polite">
                        {read.status === 'failed' ? t('notesFailed') : t('notesLoading')}
                      </p>
                    )}
                  </details>
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
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
