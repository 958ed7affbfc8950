'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { type EventState, liveNotes, type Note, noteById, notesInOrder, shownAuthor } from '../../lib/state';
import { notesAt } from '../../lib/view';
import { useIsolate } from '../i18n/bidi';
import { usePersonName } from '../i18n/names';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { NoteMark } from '../paper/NoteMark';
import { Button } from '../ui/Button';

/** This round's notes at this table, including this phone's notes still waiting to be sent. */
export function TableNotes({
  event,
  me,
  table,
  round,
}: {
  event: EventState;
  me: string;
  table: number;
  round: number;
}) {
  const t = useTranslations('notes');
  const outbox = useLive((s) => s.outbox);
  const notes = notesAt(event, table, round);
  const removed = removedMine(event, me).filter((n) => n.table === table && n.round === round && !n.session);
  const pending = outbox.flatMap((a) => {
    // The note's id is its action id: once the record is here, the outbox copy is not shown twice.
    // A host's typed-in paper card waits here too, marked as one.
    if ((a.type !== 'note.post' && a.type !== 'note.transcribe') || noteById(event, a.id)) return [];
    const p = a.payload as { text: string; round: number; table: number; name?: string; anonymous?: boolean };
    const mark = a.type === 'note.transcribe' ? { source: 'paper' as const, givenName: p.name ?? null } : {};
    return p.round === round && p.table === table
      ? [{ id: a.id, text: p.text, mark, unnamed: p.anonymous === true }]
      : [];
  });
  return (
    <section aria-labelledby="table-notes-h" className="space-y-2">
      <h2 id="table-notes-h" className="text-xl font-bold">
        {t('atTable')} <span className="font-normal text-stone-600">({notes.length})</span>
      </h2>
      <ul className="space-y-2" data-testid="table-notes">
        {notes.map((n) => (
          <NoteItem key={n.id} note={n} event={event} mine={n.authorId === me} />
        ))}
        {removed.map((n) => (
          <RemovedStub key={n.id} note={n} />
        ))}
        {pending.map((p) => (
          <li key={p.id} className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3">
            <p className="text-lg whitespace-pre-wrap break-words" dir="auto">
              {p.text}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm font-medium text-amber-900">
              <NoteMark note={p.mark} />
              {t('waiting')}
              {p.unnamed ? ` · ${t('withoutYourName')}` : ''}
            </p>
          </li>
        ))}
        {notes.length === 0 && pending.length === 0 && removed.length === 0 && (
          <li className="text-stone-600">{t('none')}</li>
        )}
      </ul>
    </section>
  );
}

/** This person's notes the facilitators removed (their phone keeps a stub of each, without words). */
export const removedMine = (event: EventState, me: string): Note[] =>
  notesInOrder(event).filter((n) => n.removed && !n.withdrawn && n.authorId === me);

/** In place of one's own note the facilitators removed: that they did, and why. No words. */
export function RemovedStub({ note }: { note: Note }) {
  const t = useTranslations('notes');
  const reason = note.removed?.reason ?? 'other';
  return (
    <li className="rounded-lg border-2 border-stone-300 bg-stone-100 p-3" data-testid="removed-stub">
      <p className="font-medium text-stone-800">{t('removed', { reason: t(`removedReason.${reason}`) })}</p>
      <p className="text-sm text-stone-600">{t('removedHelp')}</p>
    </li>
  );
}

function NoteItem({ note, event, mine }: { note: Note; event: EventState; mine: boolean }) {
  const t = useTranslations('notes');
  const nameOf = usePersonName();
  const send = useSend();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [confirm, setConfirm] = useState(false);
  // A note posted without a name names nobody, even where this screen knows its author.
  const author = mine ? t('you') : nameOf(event, shownAuthor(note));
  return (
    <li className={`rounded-lg p-3 ${mine ? 'bg-brand-50' : 'border-2 border-stone-200 bg-white'}`}>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim() && draft.trim() !== note.text)
              send('note.edit', { noteId: note.id, text: draft.trim() });
            setEditing(false);
          }}
        >
          <label className="sr-only" htmlFor={`edit-${note.id}`}>
            {t('editLabel')}
          </label>
          <textarea
            id={`edit-${note.id}`}
            value={draft}
            maxLength={LIMITS.note}
            rows={3}
            dir="auto"
            onChange={(e) => setDraft(e.target.value)}
            className="block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg"
          />
          <div className="mt-2 flex gap-2">
            <Button type="submit">{t('save')}</Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-lg whitespace-pre-wrap break-words" dir="auto">
          {note.text}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-stone-600">
        {/* A paper or imported note has no author: its mark says where it came from instead. */}
        {note.source ? (
          <span className="flex flex-wrap items-center gap-x-2">
            <NoteMark note={note} />
            {note.editedAt ? t('edited') : ''}
          </span>
        ) : (
          <span>
            {author}
            {mine && note.anonymous ? ` · ${t('withoutYourName')}` : ''}
            {note.editedAt ? ` · ${t('edited')}` : ''}
          </span>
        )}
        {mine && !editing && (
          <>
            <Button
              variant="ghost"
              className="text-sm"
              onClick={() => {
                setDraft(note.text);
                setEditing(true);
              }}
            >
              {t('edit')}
            </Button>
            {confirm ? (
              <>
                <Button
                  variant="ghost"
                  className="text-sm text-red-800"
                  onClick={() => send('note.withdraw', { noteId: note.id })}
                >
                  {t('withdrawYes')}
                </Button>
                <Button variant="ghost" className="text-sm" onClick={() => setConfirm(false)}>
                  {t('keep')}
                </Button>
              </>
            ) : (
              <Button variant="ghost" className="text-sm" onClick={() => setConfirm(true)}>
                {t('withdraw')}
              </Button>
            )}
          </>
        )}
      </div>
    </li>
  );
}

/** For hosts: what earlier groups said at this table, to brief the newcomers. */
export function EarlierNotes({
  event,
  table,
  beforeRound,
}: {
  event: EventState;
  table: number;
  beforeRound: number;
}) {
  const t = useTranslations('notes');
  const isolate = useIsolate();
  const rounds = Array.from({ length: beforeRound }, (_, i) => i).filter(
    (r) => notesAt(event, table, r).length > 0,
  );
  return (
    <section aria-labelledby="earlier-h" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-4">
      <h2 id="earlier-h" className="text-xl font-bold">
        {t('earlierAt', { table })}
      </h2>
      <p className="text-stone-700">{t('earlierHelp')}</p>
      {rounds.length === 0 && <p className="mt-2 text-stone-600">{t('earlierNone')}</p>}
      {rounds.map((r) => (
        <div key={r} className="mt-3" data-testid={`earlier-round-${r + 1}`}>
          <h3 className="font-semibold">
            {t('earlierRound', { round: r + 1, question: isolate(event.settings.rounds[r]?.question ?? '') })}
          </h3>
          <ul className="mt-1 list-disc space-y-1 ps-5">
            {notesAt(event, table, r).map((n) => (
              <li key={n.id} className="whitespace-pre-wrap break-words">
                <bdi>{n.text}</bdi> <NoteMark note={n} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** A person's own notes from earlier rounds: theirs to edit or withdraw. */
export function MyEarlierNotes({
  event,
  me,
  fromRound,
}: {
  event: EventState;
  me: string;
  fromRound: number;
}) {
  const t = useTranslations('notes');
  const mine = liveNotes(event).filter((n) => n.authorId === me && n.round < fromRound);
  const removed = removedMine(event, me).filter((n) => n.session === null && n.round < fromRound);
  if (mine.length === 0 && removed.length === 0) return null;
  return (
    <details className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <summary className="min-h-11 cursor-pointer text-lg font-semibold">
        {t('mineEarlier', { count: mine.length })}
      </summary>
      <ul className="mt-2 space-y-2">
        {mine.map((n) => (
          <NoteItem key={n.id} note={n} event={event} mine />
        ))}
        {removed.map((n) => (
          <RemovedStub key={n.id} note={n} />
        ))}
      </ul>
    </details>
  );
}
