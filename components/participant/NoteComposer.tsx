'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import type { EventState } from '../../lib/state';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { NoteBox, NoteCount } from '../ui/NoteBox';
import { mayLeaveNameOff, WithoutNameBox } from './WithoutName';

/** Write a short note for the table. It goes to the outbox first, so no signal loses nothing. */
export function NoteComposer({
  event,
  me,
  round,
  table,
}: {
  event: EventState;
  me: string;
  round: number;
  table: number;
}) {
  const t = useTranslations('notes');
  const send = useSend();
  const id = useId();
  const [text, setText] = useState('');
  const [hint, setHint] = useState(false);
  const [unnamed, setUnnamed] = useState(false);
  const mayChoose = mayLeaveNameOff(event, me);

  function submit(e: FormEvent) {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) {
      setHint(true);
      return;
    }
    send('note.post', { text: clean, round, table, ...(mayChoose && unnamed ? { anonymous: true } : {}) });
    setText('');
    setHint(false);
    // One note at a time: the next one carries the name again unless asked.
    setUnnamed(false);
  }

  return (
    <form onSubmit={submit} className="rounded-2xl border-2 border-brand-100 bg-white p-4" noValidate>
      <label htmlFor={id} className="block text-lg font-semibold">
        {t('addForTable')}
      </label>
      <NoteBox
        id={id}
        value={text}
        onChange={(next) => {
          setText(next);
          setHint(false);
        }}
        onSend={submit}
        className="mt-2"
      />
      {mayChoose && <WithoutNameBox checked={unnamed} onChange={setUnnamed} />}
      <div className="mt-2 flex items-center justify-between gap-3">
        <NoteCount id={id} length={text.length} hint={hint ? t('writeFirst') : null} />
        <Button type="submit">{t('add')}</Button>
      </div>
    </form>
  );
}
