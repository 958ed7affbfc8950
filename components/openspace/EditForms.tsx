'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import type { ActionPlan, Session } from '../../lib/openspace/state';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

const field = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2';

/**
 * A session's title and description, changed in place: by its conveners on their phones, and by a
 * facilitator on the console's wall. Shared by both, so its words are in the phone's catalogue.
 */
export function SessionEditForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const t = useTranslations('editSession');
  const tPropose = useTranslations('propose');
  const send = useSend();
  const id = useId();
  const [title, setTitle] = useState(session.title);
  const [description, setDescription] = useState(session.description);
  const [missing, setMissing] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setMissing(true);
      return;
    }
    send('session.edit', { sessionId: session.id, title: title.trim(), description: description.trim() });
    onDone();
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-2 rounded-lg border-2 border-brand-100 bg-white p-3"
      data-testid="session-edit"
    >
      <h3 className="font-bold">{t('heading')}</h3>
      <div>
        <label htmlFor={`${id}-t`} className="block font-semibold">
          {tPropose('title')}
        </label>
        <input
          id={`${id}-t`}
          value={title}
          maxLength={LIMITS.sessionTitle}
          dir="auto"
          aria-invalid={missing ? true : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setMissing(false);
          }}
          className={`${field} min-h-11`}
        />
        {missing && (
          <p role="alert" className="mt-1 text-red-800">
            {tPropose('titleMissing')}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-d`} className="block font-semibold">
          {tPropose('about')} <span className="font-normal">{tPropose('optional')}</span>
        </label>
        <textarea
          id={`${id}-d`}
          rows={3}
          value={description}
          maxLength={LIMITS.sessionDescription}
          dir="auto"
          onChange={(e) => setDescription(e.target.value)}
          className={field}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t('save')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * An action plan's title, next step and due date, changed in place: by its owners on their phones,
 * and by a facilitator in the console. An empty date takes the due date away.
 */
export function ActionEditForm({ action, onDone }: { action: ActionPlan; onDone: () => void }) {
  const t = useTranslations('editAction');
  const tVote = useTranslations('vote');
  const send = useSend();
  const id = useId();
  const [title, setTitle] = useState(action.title);
  const [nextStep, setNextStep] = useState(action.nextStep);
  const [due, setDue] = useState(action.due ?? '');
  const [missing, setMissing] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setMissing(true);
      return;
    }
    send('action.edit', {
      actionId: action.id,
      title: title.trim(),
      nextStep: nextStep.trim(),
      due: due || null,
    });
    onDone();
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      className="mt-2 space-y-2 rounded-lg border-2 border-brand-100 bg-white p-3"
      data-testid="action-edit"
    >
      <h3 className="font-bold">{t('heading')}</h3>
      <div>
        <label htmlFor={`${id}-t`} className="block font-semibold">
          {tVote('what')}
        </label>
        <input
          id={`${id}-t`}
          value={title}
          maxLength={LIMITS.actionText}
          dir="auto"
          aria-invalid={missing ? true : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setMissing(false);
          }}
          className={`${field} min-h-11`}
        />
        {missing && (
          <p role="alert" className="mt-1 text-red-800">
            {t('titleMissing')}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-n`} className="block font-semibold">
          {tVote('firstStep')}
        </label>
        <input
          id={`${id}-n`}
          value={nextStep}
          maxLength={LIMITS.actionText}
          dir="auto"
          onChange={(e) => setNextStep(e.target.value)}
          className={`${field} min-h-11`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-d`} className="block font-semibold">
          {tVote('byWhen')} <span className="font-normal">{tVote('optional')}</span>
        </label>
        <input
          id={`${id}-d`}
          type="date"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          className={`${field} min-h-11`}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t('save')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
