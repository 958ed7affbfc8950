'use client';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { dotsUsed, ranking } from '../../lib/openspace/convergence';
import { liveSessions } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { displayName } from '../../lib/view';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** Convergence on a phone: read the reports, give your dots, see the ranking move. */
export function VotePanel({ event, me }: { event: EventState; me: string }) {
  const send = useSend();
  const os = event.openSpace;
  if (!os) return null;
  const allowance = event.settings.openSpace?.votesPerPerson ?? 0;
  const left = allowance - dotsUsed(os, me);
  const mine = os.votes[me] ?? {};
  const dots = Object.fromEntries(ranking(os).map((r) => [r.sessionId, r.dots]));
  return (
    <section className="space-y-3">
      <p
        className="rounded-2xl bg-white p-3 text-lg font-semibold"
        aria-live="polite"
        data-testid="dots-left"
      >
        You have {left} of {allowance} {allowance === 1 ? 'dot' : 'dots'} left.
      </p>
      <ul className="space-y-2">
        {liveSessions(os).map((s) => {
          const given = mine[s.id] ?? 0;
          return (
            <li
              key={s.id}
              className="rounded-2xl border-2 border-stone-200 bg-white p-3"
              data-testid="vote-row"
            >
              <h3 className="text-lg font-bold break-words">{s.title}</h3>
              {s.report?.keyPoints && (
                <p className="mt-1 line-clamp-3 whitespace-pre-wrap text-stone-700">{s.report.keyPoints}</p>
              )}
              <p className="mt-1 text-stone-700">
                {dots[s.id] ?? 0} dots in all · {given} from you
              </p>
              <div className="mt-2 flex gap-2">
                <Button
                  onClick={() => send('vote.cast', { sessionId: s.id })}
                  disabled={left <= 0}
                  aria-label={`Give a dot to “${s.title}”`}
                >
                  + Dot
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => send('vote.remove', { sessionId: s.id })}
                  disabled={given === 0}
                  aria-label={`Take a dot back from “${s.title}”`}
                >
                  − Dot
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Action planning on a phone: for the top issues, sign up as an owner or propose a next step. */
export function ActionsPanel({ event, me }: { event: EventState; me: string }) {
  const send = useSend();
  const os = event.openSpace;
  if (!os) return null;
  const ranked = ranking(os);
  return (
    <section className="space-y-4">
      {ranked.map((r) => {
        const s = os.sessions[r.sessionId];
        if (!s) return null;
        const actions = os.actionOrder.map((id) => os.actions[id]).filter((a) => a && a.sessionId === s.id);
        return (
          <article key={s.id} className="rounded-2xl border-2 border-stone-200 bg-white p-3">
            <h3 className="text-lg font-bold break-words">{s.title}</h3>
            <p className="text-stone-700">{r.dots} dots</p>
            <ul className="mt-2 space-y-2">
              {actions.map((a) => {
                if (!a) return null;
                const owner = a.owners.includes(me);
                return (
                  <li key={a.id} className="rounded-lg bg-brand-50 p-2" data-testid="action-plan">
                    <p className="font-semibold">{a.title}</p>
                    {a.nextStep && <p>Next step: {a.nextStep}</p>}
                    {a.due && <p>By {a.due}</p>}
                    <p className="text-sm text-stone-700">
                      Owners:{' '}
                      {a.owners.length
                        ? a.owners.map((pid) => (pid === me ? 'you' : displayName(event, pid))).join(', ')
                        : 'nobody yet'}
                    </p>
                    <Button
                      variant={owner ? 'secondary' : 'primary'}
                      className="mt-1"
                      onClick={() => send('action.signup', { actionId: a.id, signedUp: !owner })}
                    >
                      {owner ? 'Take my name off' : 'I’ll help with this'}
                    </Button>
                  </li>
                );
              })}
            </ul>
            <NewAction sessionId={s.id} />
          </article>
        );
      })}
    </section>
  );
}

function NewAction({ sessionId }: { sessionId: string }) {
  const send = useSend();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [due, setDue] = useState('');
  if (!open)
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Propose an action
      </Button>
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return;
    send('action.propose', { sessionId, title: title.trim(), nextStep: nextStep.trim(), due: due || null });
    setOpen(false);
    setTitle('');
    setNextStep('');
    setDue('');
  }
  const field = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2';
  return (
    <form onSubmit={submit} className="mt-2 space-y-2">
      <label htmlFor={`${id}-t`} className="block font-semibold">
        What will be done
      </label>
      <input
        id={`${id}-t`}
        value={title}
        maxLength={LIMITS.actionText}
        onChange={(e) => setTitle(e.target.value)}
        className={field}
      />
      <label htmlFor={`${id}-n`} className="block font-semibold">
        First next step
      </label>
      <input
        id={`${id}-n`}
        value={nextStep}
        maxLength={LIMITS.actionText}
        onChange={(e) => setNextStep(e.target.value)}
        className={field}
      />
      <label htmlFor={`${id}-d`} className="block font-semibold">
        By when <span className="font-normal">(optional)</span>
      </label>
      <input
        id={`${id}-d`}
        type="date"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        className={field}
      />
      <div className="flex gap-2">
        <Button type="submit">Add the action</Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
