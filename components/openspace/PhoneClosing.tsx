'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { dotsUsed, ranking } from '../../lib/openspace/reducer';
import { liveSessions } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { formatDay } from '../i18n/dates';
import { usePersonName } from '../i18n/names';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { ActionEditForm } from './EditForms';
import { PhoneReportDrafts } from './PhoneReportDrafts';

/** Convergence on a phone: read the reports, give your dots, see the ranking move. */
export function VotePanel({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('vote');
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
        {t('dotsLeft', { left, total: allowance })}
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
              <h2 className="text-lg font-bold break-words" dir="auto">
                {s.title}
              </h2>
              {s.report?.keyPoints && (
                <p className="mt-1 line-clamp-3 whitespace-pre-wrap text-stone-700" dir="auto">
                  {s.report.keyPoints}
                </p>
              )}
              <p className="mt-1 text-stone-700">{t('dotsInAll', { count: dots[s.id] ?? 0, mine: given })}</p>
              <div className="mt-2 flex gap-2">
                <Button
                  onClick={() => send('vote.cast', { sessionId: s.id })}
                  disabled={left <= 0}
                  aria-label={t('giveLabel', { title: s.title })}
                >
                  {t('give')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => send('vote.remove', { sessionId: s.id })}
                  disabled={given === 0}
                  aria-label={t('takeLabel', { title: s.title })}
                >
                  {t('take')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Action planning on a phone: for the top issues, sign up as an owner or propose a next step.
 * Owners change their plan's title, next step and date here.
 */
export function ActionsPanel({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('vote');
  const tEdit = useTranslations('editAction');
  const format = useFormatter();
  const nameOf = usePersonName();
  const isolate = useIsolate();
  const send = useSend();
  const [editing, setEditing] = useState<string | null>(null);
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
            <h2 className="text-lg font-bold break-words" dir="auto">
              {s.title}
            </h2>
            <p className="text-stone-700">{t('dots', { count: r.dots })}</p>
            <ul className="mt-2 space-y-2">
              {actions.map((a) => {
                if (!a) return null;
                const owner = a.owners.includes(me);
                return (
                  <li key={a.id} className="rounded-lg bg-brand-50 p-2" data-testid="action-plan">
                    <p className="font-semibold" dir="auto">
                      {a.title}
                    </p>
                    {a.nextStep && <p>{t('nextStep', { step: isolate(a.nextStep) })}</p>}
                    {a.due && <p>{t('by', { date: formatDay(format, a.due) })}</p>}
                    <p className="text-sm text-stone-700">
                      {t('owners', {
                        names: a.owners.length
                          ? format.list(
                              a.owners.map((pid) => (pid === me ? t('ownerYou') : nameOf(event, pid))),
                              { type: 'conjunction' },
                            )
                          : t('nobody'),
                      })}
                    </p>
                    <div className="mt-1 flex flex-wrap gap-2">
                      <Button
                        variant={owner ? 'secondary' : 'primary'}
                        onClick={() => send('action.signup', { actionId: a.id, signedUp: !owner })}
                      >
                        {owner ? t('takeOff') : t('help')}
                      </Button>
                      {owner && editing !== a.id && (
                        <Button
                          variant="ghost"
                          onClick={() => setEditing(a.id)}
                          aria-label={tEdit('editLabel', { title: a.title })}
                        >
                          {tEdit('edit')}
                        </Button>
                      )}
                    </div>
                    {owner && editing === a.id && (
                      <ActionEditForm action={a} onDone={() => setEditing(null)} />
                    )}
                  </li>
                );
              })}
            </ul>
            <PhoneReportDrafts event={event} sessionId={s.id} />
            <NewAction sessionId={s.id} />
          </article>
        );
      })}
    </section>
  );
}

function NewAction({ sessionId }: { sessionId: string }) {
  const t = useTranslations('vote');
  const send = useSend();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [due, setDue] = useState('');
  if (!open)
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        {t('proposeAction')}
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
        {t('what')}
      </label>
      <input
        id={`${id}-t`}
        value={title}
        maxLength={LIMITS.actionText}
        dir="auto"
        onChange={(e) => setTitle(e.target.value)}
        className={field}
      />
      <label htmlFor={`${id}-n`} className="block font-semibold">
        {t('firstStep')}
      </label>
      <input
        id={`${id}-n`}
        value={nextStep}
        maxLength={LIMITS.actionText}
        dir="auto"
        onChange={(e) => setNextStep(e.target.value)}
        className={field}
      />
      <label htmlFor={`${id}-d`} className="block font-semibold">
        {t('byWhen')} <span className="font-normal">{t('optional')}</span>
      </label>
      <input
        id={`${id}-d`}
        type="date"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        className={field}
      />
      <div className="flex gap-2">
        <Button type="submit">{t('add')}</Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
