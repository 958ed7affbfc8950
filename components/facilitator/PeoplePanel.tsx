'use client';
import { LIMITS } from '../../lib/limits';
import { activeCount, displayName, hostedTable, tableOf } from '../../lib/view';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** Who is here, who offered to host, and choosing hosts. */
export function PeoplePanel() {
  const event = useLive((s) => s.event);
  const send = useSend();
  if (!event) return null;
  const people = Object.values(event.participants)
    .filter((p) => !p.left)
    .sort((a, b) => a.joinedAt - b.joinedAt);
  const tables = event.tableCount ?? event.settings.tables;
  const tableChoices = Array.from(
    { length: tables ?? Math.max(1, Math.ceil(people.length / 5)) },
    (_, i) => i + 1,
  );
  const volunteers = people.filter((p) => p.volunteer && hostedTable(event, p.id) === null).length;

  return (
    <section aria-labelledby="people-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="people-h" className="text-lg font-bold">
        People <span className="font-normal text-stone-600">({activeCount(event)} here)</span>
      </h2>
      {volunteers > 0 && (
        <p className="mt-1 text-stone-700">
          {volunteers} {volunteers === 1 ? 'person has' : 'people have'} offered to host. Volunteers become
          hosts of tables without one when you seat people, or choose a table for them here.
        </p>
      )}
      {people.length === 0 ? (
        <p className="mt-2 text-stone-600">
          Nobody has joined yet. Show the projector view so people can scan the code.
        </p>
      ) : (
        <ul className="mt-3 max-h-96 divide-y divide-stone-200 overflow-y-auto">
          {people.map((p) => {
            const hosting = hostedTable(event, p.id);
            const table = tableOf(event, p.id);
            return (
              <li key={p.id} className="flex flex-wrap items-center gap-2 py-2">
                <span className="min-w-0 flex-1 font-medium">
                  {displayName(event, p.id)}
                  {table !== null && <span className="ml-2 text-stone-600">table {table}</span>}
                  {hosting !== null && (
                    <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-sm text-brand-800">
                      host of {hosting}
                    </span>
                  )}
                  {p.volunteer && hosting === null && (
                    <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900">
                      can host
                    </span>
                  )}
                </span>
                <label className="sr-only" htmlFor={`host-${p.id}`}>
                  Host for {displayName(event, p.id)}
                </label>
                <select
                  id={`host-${p.id}`}
                  className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
                  value={hosting ?? ''}
                  onChange={(e) => {
                    const value = e.target.value;
                    if (value === '' && hosting !== null)
                      send('host.assign', { table: hosting, participantId: null });
                    else if (value !== '') send('host.assign', { table: Number(value), participantId: p.id });
                  }}
                >
                  <option value="">Not a host</option>
                  {tableChoices.slice(0, LIMITS.tables).map((t) => (
                    <option key={t} value={t}>
                      Host of table {t}
                    </option>
                  ))}
                </select>
                <Button
                  variant="ghost"
                  onClick={() => send('participant.remove', { participantId: p.id })}
                  aria-label={`Mark ${displayName(event, p.id)} as gone`}
                >
                  Gone
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
