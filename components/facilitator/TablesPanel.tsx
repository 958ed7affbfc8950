'use client';
import { useState } from 'react';
import { displayName, notesAt, tableMembers } from '../../lib/view';
import { useLive } from '../live/store';

/** Every table's notes as they arrive, for the round in view (current by default). */
export function TablesPanel() {
  const event = useLive((s) => s.event);
  const [picked, setPicked] = useState<number | null>(null);
  if (!event) return null;
  const current = Math.max(0, event.current);
  const round = picked ?? current;
  const tableCount = event.tableCount ?? 0;
  const tables = Array.from({ length: tableCount }, (_, i) => i + 1);
  const totalNotes = event.noteOrder.filter((id) => !event.notes[id]?.withdrawn).length;

  return (
    <section aria-labelledby="tables-h" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="tables-h" className="text-xl font-bold">
          Tables <span className="font-normal text-stone-600">({totalNotes} notes in all)</span>
        </h2>
        {event.rounds.length > 1 && event.current > 0 && (
          <label className="flex items-center gap-2">
            Show round
            <select
              className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
              value={round}
              onChange={(e) => setPicked(Number(e.target.value))}
            >
              {event.rounds.slice(0, current + 1).map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rounds are fixed positions
                <option key={i} value={i}>
                  Round {i + 1}
                  {i === current ? ' (now)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {tableCount === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-stone-300 p-6 text-stone-600">
          Tables appear here once you seat people for round 1.
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {tables.map((t) => {
            const members = tableMembers(event, t, round);
            const notes = notesAt(event, t, round);
            const host = event.hosts[String(t)];
            return (
              <article
                key={t}
                aria-labelledby={`table-${t}-h`}
                className="rounded-2xl border-2 border-stone-200 bg-white p-4"
              >
                <h3 id={`table-${t}-h`} className="text-lg font-bold">
                  Table {t}
                  <span className="ml-2 text-base font-normal text-stone-600">
                    {members.length} {members.length === 1 ? 'person' : 'people'} · {notes.length}{' '}
                    {notes.length === 1 ? 'note' : 'notes'}
                  </span>
                </h3>
                <p className="text-sm text-stone-600">
                  {host ? `Host: ${displayName(event, host)}` : 'No host yet'}
                  {members.length > 0 &&
                    ` · ${members
                      .filter((m) => m !== host)
                      .map((m) => displayName(event, m))
                      .join(', ')}`}
                </p>
                <ul className="mt-3 space-y-2" data-testid={`table-${t}-notes`}>
                  {notes.map((n) => (
                    <li key={n.id} className="rounded-lg bg-brand-50 p-2 whitespace-pre-wrap break-words">
                      {n.text}
                    </li>
                  ))}
                  {notes.length === 0 && <li className="text-stone-500">No notes yet.</li>}
                </ul>
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
