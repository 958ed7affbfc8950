'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LIMITS } from '../../lib/limits';
import type { Participant } from '../../lib/state';
import { peopleOf } from '../../lib/state';
import { activeCount, hostedTable, hostTables, roundInProgress, tableOf, tablesIn } from '../../lib/view';
import { useIsolate } from '../i18n/bidi';
import { usePersonName } from '../i18n/names';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { useServerNow } from '../ui/Timer';

/** Who is here, who offered to host, choosing hosts, and moving or keeping someone at a table. */
export function PeoplePanel() {
  const event = useLive((s) => s.event);
  const send = useSend();
  const t = useTranslations('console.people');
  const nameOf = usePersonName();
  const isolate = useIsolate();
  const now = useServerNow(5_000);
  if (!event) return null;
  // A join rate that jumps with nobody coming through the door is a flood: the doors can be shut.
  const lastMinute = peopleOf(event).filter((p) => p.joinedAt > now - 60_000).length;
  const people = peopleOf(event)
    .filter((p) => !p.left)
    .sort((a, b) => a.joinedAt - b.joinedAt);
  // During a round, also the tables the next seating adds: a host chosen now takes one then.
  const tables = hostTables(event);
  const tableChoices = Array.from(
    { length: tables ?? Math.max(1, Math.ceil(people.length / 5)) },
    (_, i) => i + 1,
  );
  const volunteers = people.filter((p) => p.volunteer && hostedTable(event, p.id) === null).length;
  // People sit somewhere now: each may be moved to another of this round's tables.
  const round = roundInProgress(event);
  const seatTables = round === null ? 0 : tablesIn(event, round);

  return (
    <section aria-labelledby="people-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="people-h" className="text-lg font-bold">
        {t.rich('heading', {
          count: activeCount(event),
          muted: (chunks) => <span className="font-normal text-stone-600">{chunks}</span>,
        })}
      </h2>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="text-stone-700" data-testid="join-rate">
          {t('lastMinute', { count: lastMinute })}
        </p>
        <Button variant="secondary" onClick={() => send('event.lock', { locked: !event.locked })}>
          {event.locked ? t('unlock') : t('lock')}
        </Button>
      </div>
      {event.locked && (
        <p className="mt-2 rounded-lg bg-amber-100 px-3 py-2 text-amber-900" role="status">
          {t('locked')}
        </p>
      )}
      {volunteers > 0 && <p className="mt-1 text-stone-700">{t('volunteers', { count: volunteers })}</p>}
      {people.length === 0 ? (
        <p className="mt-2 text-stone-600">{t('nobody')}</p>
      ) : (
        <ul className="mt-3 max-h-96 divide-y divide-stone-200 overflow-y-auto">
          {people.map((p) => {
            const hosting = hostedTable(event, p.id);
            const table = tableOf(event, p.id);
            const name = nameOf(event, p.id);
            return (
              <li key={p.id} className="flex flex-wrap items-center gap-2 py-2">
                <span className="min-w-0 grow basis-32 font-medium">
                  <bdi>{name}</bdi>
                  {table !== null && (
                    <span className="ms-2 inline-block text-stone-600">{t('table', { table })}</span>
                  )}
                  {hosting !== null && (
                    <span className="ms-2 inline-block rounded bg-brand-100 px-2 py-0.5 text-sm text-brand-800">
                      {t('hostOf', { table: hosting })}
                    </span>
                  )}
                  {p.volunteer && hosting === null && (
                    <span className="ms-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900">
                      {t('canHost')}
                    </span>
                  )}
                  {p.keep !== undefined && (
                    <span className="ms-2 inline-block rounded bg-sky-100 px-2 py-0.5 text-sm text-sky-900">
                      {t('keptAt', { table: p.keep })}
                    </span>
                  )}
                </span>
                <label className="sr-only" htmlFor={`host-${p.id}`}>
                  {t('hostFor', { name: isolate(name) })}
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
                  <option value="">{t('notHost')}</option>
                  {tableChoices.slice(0, LIMITS.tables).map((table) => (
                    <option key={table} value={table}>
                      {t('hostOfTable', { table })}
                    </option>
                  ))}
                </select>
                <Button
                  variant="ghost"
                  onClick={() => send('participant.remove', { participantId: p.id })}
                  aria-label={t('goneLabel', { name: isolate(name) })}
                >
                  {t('gone')}
                </Button>
                {event.rounds.length > 0 && (
                  <SeatControls
                    person={p}
                    name={name}
                    table={table}
                    tables={round !== null && table !== null ? seatTables : 0}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * Moving someone to another table of the round people sit in now, and keeping them at a table in
 * every later seating (the table they sit at now; a pin stays until cleared, even after a move).
 */
function SeatControls({
  person,
  name,
  table,
  tables,
}: {
  person: Participant;
  name: string;
  /** Where they sit now, if anywhere. */
  table: number | null;
  /** How many tables the round people sit in now has (0: nobody can be moved now). */
  tables: number;
}) {
  const send = useSend();
  const t = useTranslations('console.people');
  const isolate = useIsolate();
  const [target, setTarget] = useState('');
  const kept = person.keep !== undefined;
  const choices = Array.from({ length: tables }, (_, i) => i + 1).filter((n) => n !== table);
  return (
    <div className="flex basis-full flex-wrap items-center gap-2">
      {choices.length > 0 && (
        <>
          <label className="sr-only" htmlFor={`move-${person.id}`}>
            {t('moveLabel', { name: isolate(name) })}
          </label>
          <select
            id={`move-${person.id}`}
            className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('moveChoose')}</option>
            {choices.map((n) => (
              <option key={n} value={n}>
                {t('moveOption', { table: n })}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={target === ''}
            onClick={() => {
              send('person.move', { participantId: person.id, table: Number(target) });
              setTarget('');
            }}
          >
            {t('move')}
          </Button>
        </>
      )}
      {(table !== null || kept) && (
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="size-5 shrink-0"
            checked={kept}
            onChange={() => send('person.keep', { participantId: person.id, table: kept ? null : table })}
            aria-label={t('keepHereFor', { name: isolate(name) })}
          />
          {t('keepHere')}
        </label>
      )}
    </div>
  );
}
