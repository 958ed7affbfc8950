'use client';
import { useState } from 'react';
import { LIMITS } from '../../lib/limits';
import type { EventState, Note } from '../../lib/state';
import { displayName, notesAt } from '../../lib/view';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
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
  const outbox = useLive((s) => s.outbox);
  const notes = notesAt(event, table, round);
  const pending = outbox.flatMap((a) => {
    // The note's id is its action id: once the record is here, the outbox copy is not shown twice.
    if (a.type !== 'note.post' || event.notes[a.id]) return [];
    const p = a.payload as { text: string; round: number; table: number };
    return p.round === round && p.table === table ? [{ id: a.id, text: p.text }] : [];
  });
  return (
    <section aria-labelledby="table-notes-h" className="space-y-2">
      <h2 id="table-notes-h" className="text-xl font-bold">
        Notes at this table <span className="font-normal text-stone-600">({notes.length})</span>
      </h2>
      <ul
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        className="space-y-2"
        data-testid="table-notes"
      >
        {notes.map((n) => (
          <NoteItem key={n.id} note={n} event={event} mine={n.authorId === me} />
        ))}
        {pending.map((p) => (
          <li key={p.id} className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3">
            <p className="text-lg whitespace-pre-wrap break-words">{p.text}</p>
            <p className="mt-1 text-sm font-medium text-amber-900">Waiting to send…</p>
          </li>
        ))}
        {notes.length === 0 && pending.length === 0 && (
          <li className="text-stone-600">No notes yet. Be the first!</li>
        )}
      </ul>
    </section>
  );
}

function NoteItem({ note, event, mine }: { note: Note; event: EventState; mine: boolean }) {
  const send = useSend();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [confirm, setConfirm] = useState(false);
  const author = mine ? 'You' : displayName(event, note.authorId);
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
            Edit your note
          </label>
          <textarea
            id={`edit-${note.id}`}
            value={draft}
            maxLength={LIMITS.note}
            rows={3}
            onChange={(e) => setDraft(e.target.value)}
            className="block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg"
          />
          <div className="mt-2 flex gap-2">
            <Button type="submit">Save</Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-lg whitespace-pre-wrap break-words">{note.text}</p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-stone-600">
        <span>
          {author}
          {note.editedAt ? ' · edited' : ''}
        </span>
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
              Edit
            </Button>
            {confirm ? (
              <>
                <Button
                  variant="ghost"
                  className="text-sm text-red-800"
                  onClick={() => send('note.withdraw', { noteId: note.id })}
                >
                  Yes, withdraw it
                </Button>
                <Button variant="ghost" className="text-sm" onClick={() => setConfirm(false)}>
                  Keep it
                </Button>
              </>
            ) : (
              <Button variant="ghost" className="text-sm" onClick={() => setConfirm(true)}>
                Withdraw
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
  const rounds = Array.from({ length: beforeRound }, (_, i) => i).filter(
    (r) => notesAt(event, table, r).length > 0,
  );
  return (
    <section aria-labelledby="earlier-h" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-4">
      <h2 id="earlier-h" className="text-xl font-bold">
        Earlier at table {table}
      </h2>
      <p className="text-stone-700">For you as host: what the earlier groups wrote here.</p>
      {rounds.length === 0 && (
        <p className="mt-2 text-stone-600">No notes from earlier rounds at this table.</p>
      )}
      {rounds.map((r) => (
        <div key={r} className="mt-3" data-testid={`earlier-round-${r + 1}`}>
          <h3 className="font-semibold">
            Round {r + 1}: {event.settings.rounds[r]?.question}
          </h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {notesAt(event, table, r).map((n) => (
              <li key={n.id} className="whitespace-pre-wrap break-words">
                {n.text}
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
  const mine = event.noteOrder
    .map((id) => event.notes[id])
    .filter((n): n is Note => !!n && !n.withdrawn && n.authorId === me && n.round < fromRound);
  if (mine.length === 0) return null;
  return (
    <details className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <summary className="min-h-11 cursor-pointer text-lg font-semibold">
        Your notes from earlier rounds ({mine.length})
      </summary>
      <ul className="mt-2 space-y-2">
        {mine.map((n) => (
          <NoteItem key={n.id} note={n} event={event} mine />
        ))}
      </ul>
    </details>
  );
}
