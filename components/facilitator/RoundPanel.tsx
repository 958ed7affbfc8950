'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { activeCount, phaseOf } from '../../lib/view';
import { useIsolate } from '../i18n/bidi';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { Timer } from '../ui/Timer';
import { NoHostFlag } from './NoHostFlag';
import { RoundPlan } from './RoundPlan';
import { ShortcutsHelp, useShortcuts, useShortcutsSetting } from './Shortcuts';

/**
 * Where the café is, and the controls: one primary button says the next step (seat, start, end,
 * resume, and once the café is over, go to the harvest); pause and extend sit beside it.
 */
export function RoundPanel({ onHarvest }: { onHarvest: () => void }) {
  const event = useLive((s) => s.event);
  const send = useSend();
  const t = useTranslations('console.round');
  const isolate = useIsolate();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [shortcutsOn, setShortcutsOn] = useShortcutsSetting();
  const controls = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const phase = event ? phaseOf(event) : null;
  const step = phase ? `${phase.kind}:${'round' in phase ? phase.round : ''}:${confirmEnd}` : '';
  const people = event ? activeCount(event) : 0;

  // The button just pressed often goes away (Seat becomes Start, Pause becomes Resume). Focus then
  // moves to the next step's first button, so a keyboard user is not sent back to the top.
  const firstStep = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes, nothing else
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const active = document.activeElement;
    if (active === null || active === document.body || controls.current?.contains(active)) focusNextStep();
  }, [step]);
  const focusNextStep = () =>
    (
      controls.current?.querySelector<HTMLButtonElement>('[data-focus-first]') ??
      controls.current?.querySelector<HTMLButtonElement>('button:not(:disabled)') ??
      // Nothing to press (no connection to the buttons yet): the panel's heading keeps the place.
      heading.current
    )?.focus();

  // Once the café is over the shortcuts have nothing left to do, and their help is not shown.
  useShortcuts(shortcutsOn && phase?.kind !== 'finished', {
    s: () => {
      if (phase?.kind === 'lobby' && people > 0) send('seating.plan', {});
      else if (phase?.kind === 'seated') send('round.start', {});
    },
    p: () => {
      if (phase?.kind === 'running') send('round.pause', {});
      else if (phase?.kind === 'paused') send('round.resume', {});
    },
    e: () => {
      if (phase?.kind === 'running' || phase?.kind === 'paused') send('round.extend', { minutes: 1 });
    },
    n: () => {
      if (phase?.kind === 'running' || phase?.kind === 'paused') {
        setConfirmEnd(true);
        // Focus the confirmation even if it is already showing, so Enter ends the round.
        requestAnimationFrame(focusNextStep);
      }
    },
  });

  if (!event || !phase) return null;
  const total = event.settings.rounds.length;
  const round = phase.kind === 'lobby' || phase.kind === 'finished' ? null : phase.round;
  const question =
    round !== null ? event.settings.rounds[round]?.question : event.settings.rounds[0]?.question;

  let status: string;
  switch (phase.kind) {
    case 'lobby':
      status = t('lobbyStatus', { people });
      break;
    case 'seated':
      status = t('seatedStatus', { round: phase.round + 1, total });
      break;
    case 'running':
      status = t('runningStatus', { round: phase.round + 1, total });
      break;
    case 'paused':
      status = t('pausedStatus', { round: phase.round + 1, total });
      break;
    case 'finished':
      status = t('finishedStatus');
      break;
  }

  return (
    <section aria-labelledby="round-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="round-h" className="text-lg font-bold" ref={heading} tabIndex={-1}>
        {round !== null
          ? t('heading', { round: round + 1, total })
          : phase.kind === 'finished'
            ? t('finished')
            : t('before')}
      </h2>
      {/* Not a live region: the console's Announcer says what changed, once. */}
      <p className="mt-1 text-stone-700">{status}</p>
      {question && phase.kind !== 'finished' && (
        <p className="mt-3 text-xl font-semibold">{t('question', { question: isolate(question) })}</p>
      )}
      {round !== null && (phase.kind === 'running' || phase.kind === 'paused') && (
        <div className="mt-4">
          <Timer round={event.rounds[round]} />
        </div>
      )}
      <NoHostFlag />
      <div className="mt-4 flex flex-wrap gap-2" ref={controls}>
        {phase.kind === 'lobby' && (
          <Button onClick={() => send('seating.plan', {})} disabled={people === 0} aria-keyshortcuts="S">
            {t('seat')}
          </Button>
        )}
        {phase.kind === 'seated' && (
          <>
            <Button onClick={() => send('round.start', {})} aria-keyshortcuts="S">
              {t('start', { round: phase.round + 1 })}
            </Button>
            <Button variant="secondary" onClick={() => send('seating.plan', {})}>
              {t('reseat')}
            </Button>
          </>
        )}
        {phase.kind === 'running' && (
          <Button variant="secondary" onClick={() => send('round.pause', {})} aria-keyshortcuts="P">
            {t('pause')}
          </Button>
        )}
        {phase.kind === 'paused' && (
          <Button onClick={() => send('round.resume', {})} aria-keyshortcuts="P">
            {t('resume')}
          </Button>
        )}
        {(phase.kind === 'running' || phase.kind === 'paused') && (
          <>
            <Button
              variant="secondary"
              onClick={() => send('round.extend', { minutes: 1 })}
              aria-keyshortcuts="E"
            >
              {t('plusOne')}
            </Button>
            <Button variant="secondary" onClick={() => send('round.extend', { minutes: 5 })}>
              {t('plusFive')}
            </Button>
            {confirmEnd ? (
              <>
                {/* Focus lands here when it appears, so Enter (or Space) then ends the round. */}
                <Button
                  variant="danger"
                  data-focus-first
                  onClick={() => {
                    setConfirmEnd(false);
                    send('round.end', {});
                  }}
                >
                  {t('confirmEnd', { round: phase.round + 1 })}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmEnd(false)}>
                  {t('keepGoing')}
                </Button>
              </>
            ) : (
              <Button
                variant={phase.kind === 'running' ? 'primary' : 'danger'}
                onClick={() => setConfirmEnd(true)}
                aria-keyshortcuts="N"
              >
                {t('end', { round: phase.round + 1 })}
              </Button>
            )}
          </>
        )}
        {phase.kind === 'finished' && (
          <Button onClick={onHarvest} data-focus-first>
            {t('goHarvest')}
          </Button>
        )}
      </div>
      {(phase.kind === 'running' || phase.kind === 'paused') && phase.round + 1 < total && (
        <p className="mt-2 text-sm text-stone-600">{t('endHelp')}</p>
      )}
      {phase.kind !== 'finished' && <ShortcutsHelp on={shortcutsOn} onChange={setShortcutsOn} />}
      <RoundPlan />
    </section>
  );
}
