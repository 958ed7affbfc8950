'use client';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '../ui/Button';
import { forgetEvent } from './saved';

/**
 * The organiser deletes the event and everything written in it, for good. Typing the join code
 * makes sure it is meant; phones still connected are told and forget their copy.
 */
export function DeleteEvent({
  eventId,
  token,
  joinCode,
}: {
  eventId: string;
  token: string;
  joinCode: string;
}) {
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<'idle' | 'deleting' | 'failed'>('idle');
  const inputId = useId();
  const t = useTranslations('console.delete');
  const matches = typed.trim().toUpperCase() === joinCode;

  async function remove() {
    setState('deleting');
    try {
      const res = await fetch(`/api/events/${eventId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(String(res.status));
      forgetEvent(eventId);
      // The server also tells this screen through the live connection; go home either way.
      window.location.assign('/?deleted=1');
    } catch {
      setState('failed');
    }
  }

  return (
    <section aria-labelledby="delete-h" className="rounded-2xl border-2 border-red-200 bg-white p-4">
      <h2 id="delete-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-700">{t('warning')}</p>
      <label htmlFor={inputId} className="mt-3 block font-semibold">
        {t.rich('typeCode', {
          code: joinCode,
          ltr: (chunks) => (
            <span dir="ltr" className="font-mono">
              {chunks}
            </span>
          ),
        })}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={inputId}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          dir="ltr"
          spellCheck={false}
          className="min-h-11 w-40 rounded-lg border-2 border-stone-400 px-3 font-mono text-lg uppercase"
        />
        <Button variant="danger" disabled={!matches || state === 'deleting'} onClick={remove}>
          {state === 'deleting' ? t('deleting') : t('button')}
        </Button>
      </div>
      {state === 'failed' && (
        <p role="alert" className="mt-2 text-red-800">
          {t('failed')}
        </p>
      )}
    </section>
  );
}
