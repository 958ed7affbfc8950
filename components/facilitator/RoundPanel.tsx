'use client';
import { useState } from 'react';
import { activeCount, phaseOf } from '../../lib/view';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { Timer } from '../ui/Timer';

/** Where the café is, and the controls for the next step: seat, start, pause, extend, end. */
export function RoundPanel() {
  const event = useLive((s) => s.event);
  const send = useSend();
  const [confirmEnd, setConfirmEnd] = useState(false);
  if (!event) return null;
  const phase = phaseOf(event);
  const total = event.settings.rounds.length;
  const people = activeCount(event);
  const round = phase.kind === 'lobby' || phase.kind === 'finished' ? null : phase.round;
  const question =
    round !== null ? event.settings.rounds[round]?.question : event.settings.rounds[0]?.question;

  let status: string;
  switch (phase.kind) {
    case 'lobby':
      status = `Waiting for people to join (${people} so far). When most are here, seat them for round 1.`;
      break;
    case 'seated':
      status = `People are going to their tables for round ${phase.round + 1} of ${total}. Start when they are seated.`;
      break;
    case 'running':
      status = `Round ${phase.round + 1} of ${total} is running.`;
      break;
    case 'paused':
      status = `Round ${phase.round + 1} of ${total} is paused.`;
      break;
    case 'finished':
      status = 'All rounds are over. Download the notes below.';
      break;
  }

  return (
    <section aria-labelledby="round-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="round-h" className="text-lg font-bold">
        {round !== null
          ? `Round ${round + 1} of ${total}`
          : phase.kind === 'finished'
            ? 'Café finished'
            : 'Before round 1'}
      </h2>
      <p className="mt-1 text-stone-700" aria-live="polite">
        {status}
      </p>
      {question && phase.kind !== 'finished' && <p className="mt-3 text-xl font-semibold">“{question}”</p>}
      {round !== null && (phase.kind === 'running' || phase.kind === 'paused') && (
        <div className="mt-4">
          <Timer round={event.rounds[round]} />
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        {phase.kind === 'lobby' && (
          <Button onClick={() => send('seating.plan', {})} disabled={people === 0}>
            Seat people for round 1
          </Button>
        )}
        {phase.kind === 'seated' && (
          <>
            <Button onClick={() => send('round.start', {})}>Start round {phase.round + 1}</Button>
            <Button variant="secondary" onClick={() => send('seating.plan', {})}>
              Re-do the seating
            </Button>
          </>
        )}
        {phase.kind === 'running' && (
          <Button variant="secondary" onClick={() => send('round.pause', {})}>
            Pause
          </Button>
        )}
        {phase.kind === 'paused' && <Button onClick={() => send('round.resume', {})}>Resume</Button>}
        {(phase.kind === 'running' || phase.kind === 'paused') && (
          <>
            <Button variant="secondary" onClick={() => send('round.extend', { minutes: 1 })}>
              +1 minute
            </Button>
            <Button variant="secondary" onClick={() => send('round.extend', { minutes: 5 })}>
              +5 minutes
            </Button>
            {confirmEnd ? (
              <>
                <Button
                  variant="danger"
                  onClick={() => {
                    setConfirmEnd(false);
                    send('round.end', {});
                  }}
                >
                  Yes, end round {phase.round + 1}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmEnd(false)}>
                  Keep going
                </Button>
              </>
            ) : (
              <Button variant="danger" onClick={() => setConfirmEnd(true)}>
                End round {phase.round + 1}
              </Button>
            )}
          </>
        )}
      </div>
      {(phase.kind === 'running' || phase.kind === 'paused') && phase.round + 1 < total && (
        <p className="mt-2 text-sm text-stone-600">
          Ending the round tells every phone which table to go to next.
        </p>
      )}
    </section>
  );
}
