'use client';
/**
 * Moderation on the console: a "Remove note" control beside each note the facilitators see (the
 * reason picked in a small dialog), and the list of removed notes with an Undo. Only the organiser
 * and co-facilitators see either: a helper's console shows neither.
 */
import { useTranslations } from 'next-intl';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { REMOVAL_REASONS, type RemovalReason, wordsErased } from '../../lib/notes/removal';
import { type EventState, type Note, notesInOrder } from '../../lib/state';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** Set when a removal was just sent from this screen: the removed notes' heading takes the focus. */
let focusRemovedList = false;

/** Whether this console may remove notes: the organiser's or a co-facilitator's. */
export function useCanModerate(): boolean {
  const role = useLive((s) => s.team?.role);
  return role === 'organiser' || role === 'cofacilitator';
}

/**
 * A small "Remove note" button; it opens a dialog under it to pick why (radio buttons), with
 * Remove and Cancel. Escape or Cancel closes it and gives the focus back to the button.
 */
export function RemoveNote({ note, compact = false }: { note: Note; compact?: boolean }) {
  const t = useTranslations('console.moderation');
  const send = useSend();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<RemovalReason | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    setReason(null);
    opener.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) return;
    send('note.remove', { noteId: note.id, reason });
    // The note and this button leave the screen: the focus goes to the list it joins instead.
    focusRemovedList = true;
    setOpen(false);
    setReason(null);
  };
  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-label={t('removeLabel')}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => (open ? close() : setOpen(true))}
        className={`shrink-0 rounded-md px-2 font-semibold text-red-800 hover:bg-red-50 ${
          compact ? 'min-h-8 text-sm' : 'min-h-11'
        }`}
      >
        {t('remove')}
      </button>
      {open && (
        <div
          role="dialog"
          aria-labelledby={`${id}-h`}
          onKeyDown={onKey}
          className="mt-1 basis-full rounded-lg border-2 border-red-300 bg-white p-3 text-start text-base"
        >
          <form onSubmit={submit}>
            <fieldset>
              <legend id={`${id}-h`} className="font-semibold">
                {t('why')}
              </legend>
              <p className="text-sm text-stone-600">{t('whyHelp')}</p>
              <div className="mt-2 space-y-1">
                {REMOVAL_REASONS.map((r, i) => (
                  <label key={r} className="flex min-h-8 items-start gap-2">
                    <input
                      ref={i === 0 ? first : undefined}
                      type="radio"
                      name={`${id}-reason`}
                      value={r}
                      checked={reason === r}
                      onChange={() => setReason(r)}
                      className="mt-1"
                    />
                    <span>
                      {t(`reason.${r}`)}
                      {r === 'personal_details' && (
                        <span className="block text-sm text-stone-600">{t('erasesHelp')}</span>
                      )}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button type="submit" variant="danger" disabled={!reason}>
                {t('confirm')}
              </Button>
              <Button variant="secondary" onClick={close}>
                {t('cancel')}
              </Button>
            </div>
          </form>
        </div>
      )}
    </>
  );
}

/** The notes the facilitators removed, newest last, each with its reason, its words if kept, and Undo. */
export function RemovedNotes() {
  const event = useLive((s) => s.event);
  const can = useCanModerate();
  const t = useTranslations('console.moderation');
  const removed = event ? notesInOrder(event).filter((n) => n.removed && !n.withdrawn) : [];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusRemovedList && removed.length > 0) {
      focusRemovedList = false;
      heading.current?.focus();
    }
  }, [removed.length]);
  if (!event || !can || removed.length === 0) return null;
  return (
    <section
      aria-labelledby="removed-notes-h"
      className="rounded-2xl border-2 border-stone-200 bg-white p-4"
      data-testid="removed-notes"
    >
      <h2 id="removed-notes-h" ref={heading} tabIndex={-1} className="text-xl font-bold">
        {t('removedHeading', { count: removed.length })}
      </h2>
      <p className="text-stone-600">{t('removedHelp')}</p>
      <ul className="mt-3 space-y-3">
        {removed.map((n) => (
          <RemovedNote key={n.id} event={event} note={n} />
        ))}
      </ul>
    </section>
  );
}

function RemovedNote({ event, note }: { event: EventState; note: Note }) {
  const t = useTranslations('console.moderation');
  const send = useSend();
  const id = useId();
  const [retyping, setRetyping] = useState(false);
  const [text, setText] = useState('');
  const erased = wordsErased(note);
  const place =
    note.session !== null
      ? t('inSession', { title: event.openSpace?.sessions[note.session]?.title ?? '' })
      : t('atTable', { table: note.table, round: note.round + 1 });
  const reason = note.removed?.reason ?? 'other';
  return (
    <li className="rounded-lg bg-stone-100 p-3">
      {erased ? (
        <p className="italic text-stone-700">{t('erased')}</p>
      ) : (
        <p className="whitespace-pre-wrap break-words" dir="auto">
          {note.text}
        </p>
      )}
      <p className="mt-1 text-sm text-stone-600">
        {t('because', { reason: t(`reason.${reason}`) })} · {place}
      </p>
      {retyping ? (
        <form
          className="mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            send('note.restore', { noteId: note.id, text: text.trim() });
            setRetyping(false);
            setText('');
          }}
        >
          <label htmlFor={`${id}-text`} className="block font-semibold">
            {t('retypeLabel')}
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            maxLength={LIMITS.note}
            rows={3}
            dir="auto"
            // biome-ignore lint/a11y/noAutofocus: the person just asked to type the note again
            autoFocus
            onChange={(e) => setText(e.target.value)}
            className="mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2"
          />
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="submit" disabled={!text.trim()}>
              {t('putBack')}
            </Button>
            <Button variant="secondary" onClick={() => setRetyping(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button
          variant="secondary"
          className="mt-2"
          onClick={() => (erased ? setRetyping(true) : send('note.restore', { noteId: note.id }))}
        >
          {t('undo')}
        </Button>
      )}
    </li>
  );
}
