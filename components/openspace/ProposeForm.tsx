'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { freePlaces } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';
import { usePlaceNames } from '../i18n/openspace';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** The marketplace from a phone: say what you want to talk about, and (if allowed) when and where. */
export function ProposeForm({ event, onDone }: { event: EventState; onDone: () => void }) {
  const t = useTranslations('propose');
  const places = usePlaceNames();
  const send = useSend();
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [anonymous, setAnonymous] = useState(event.settings.identity === 'anonymous');
  const [place, setPlace] = useState('');
  const [error, setError] = useState(false);
  const selfScheduling = event.settings.openSpace?.selfScheduling ?? false;
  const free = freePlaces(event);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setError(true);
      return;
    }
    const [slot, space] = place ? place.split(':').map(Number) : [null, null];
    send('session.propose', {
      title: title.trim(),
      description: description.trim(),
      anonymous,
      slot: slot ?? null,
      space: space ?? null,
    });
    onDone();
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-2xl border-2 border-brand-100 bg-white p-4"
      noValidate
    >
      <h2 className="text-xl font-bold">{t('heading')}</h2>
      <p className="text-stone-700">{t('intro')}</p>
      <div>
        <label htmlFor={`${id}-t`} className="block font-semibold">
          {t('title')}
        </label>
        <input
          id={`${id}-t`}
          value={title}
          maxLength={LIMITS.sessionTitle}
          dir="auto"
          onChange={(e) => {
            setTitle(e.target.value);
            setError(false);
          }}
          aria-invalid={error ? true : undefined}
          className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 px-3 text-lg"
        />
        {error && (
          <p role="alert" className="mt-1 text-red-800">
            {t('titleMissing')}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-d`} className="block font-semibold">
          {t('about')} <span className="font-normal">{t('optional')}</span>
        </label>
        <textarea
          id={`${id}-d`}
          rows={3}
          value={description}
          maxLength={LIMITS.sessionDescription}
          dir="auto"
          onChange={(e) => setDescription(e.target.value)}
          className="mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg"
        />
      </div>
      {event.settings.identity === 'choice' && (
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            className="size-5 shrink-0"
          />
          {t('hideName')}
        </label>
      )}
      {selfScheduling && (
        <div>
          <label htmlFor={`${id}-p`} className="block font-semibold">
            {t('whenWhere')}
          </label>
          <select
            id={`${id}-p`}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-2 text-lg"
          >
            <option value="">{t('letFacilitator')}</option>
            {free.map((p) => (
              <option key={`${p.slot}:${p.space}`} value={`${p.slot}:${p.space}`}>
                {t('place', {
                  time: places.slot(event, p.slot),
                  space: places.spaceWithNotes(event, p.space),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
      <Button type="submit" className="w-full text-lg">
        {t('submit')}
      </Button>
    </form>
  );
}
