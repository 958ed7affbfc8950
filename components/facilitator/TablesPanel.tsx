'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { tablesWithoutHost } from '../../lib/cafe/room';
import { liveNotes, personById } from '../../lib/state';
import { notesAt, tableMembers, tablesIn } from '../../lib/view';
import { useIsolate } from '../i18n/bidi';
import { usePersonName } from '../i18n/names';
import { useLive } from '../live/store';
import { NoteMark } from '../paper/NoteMark';
import { RemoveNote, useCanModerate } from './Moderation';
import { WarningIcon } from './NoHostFlag';

/** Every table's notes as they arrive, for the round in view (current by default). */
export function TablesPanel() {
  const event = useLive((s) => s.event);
  const [picked, setPicked] = useState<number | null>(null);
  const t = useTranslations('console.tables');
  const nameOf = usePersonName();
  const isolate = useIsolate();
  const format = useFormatter();
  const moderate = useCanModerate();
  if (!event) return null;
  const current = Math.max(0, event.current);
  const round = picked ?? current;
  // Each round shows the tables it was seated at: a later round may have more or fewer.
  const tableCount = tablesIn(event, round);
  const tables = Array.from({ length: tableCount }, (_, i) => i + 1);
  const totalNotes = liveNotes(event).length;
  // Flagged only for the round people sit in now: earlier rounds are history.
  const missing = round === current ? new Set(tablesWithoutHost(event)) : new Set<number>();

  return (
    <section aria-labelledby="tables-h" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="tables-h" className="text-xl font-bold">
          {t.rich('heading', {
            count: totalNotes,
            muted: (chunks) => <span className="font-normal text-stone-600">{chunks}</span>,
          })}
        </h2>
        {event.rounds.length > 1 && event.current > 0 && (
          <label className="flex items-center gap-2">
            {t('showRound')}
            <select
              className="min-h-11 rounded-lg border-2 border-stone-300 bg-white px-2"
              value={round}
              onChange={(e) => setPicked(Number(e.target.value))}
            >
              {event.rounds.slice(0, current + 1).map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rounds are fixed positions
                <option key={i} value={i}>
                  {t(i === current ? 'roundOptionNow' : 'roundOption', { round: i + 1 })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {tableCount === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-stone-300 p-6 text-stone-600">{t('empty')}</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {tables.map((table) => {
            const members = tableMembers(event, table, round);
            const notes = notesAt(event, table, round);
            const host = event.hosts[String(table)];
            // People kept at a table are marked in the round they sit in now.
            const shown = (m: string) => {
              const name = isolate(nameOf(event, m));
              const keep = round === current ? personById(event, m)?.keep : undefined;
              if (keep === undefined) return name;
              return keep === table ? t('kept', { name }) : t('keptAt', { name, table: keep });
            };
            const others = members.filter((m) => m !== host).map(shown);
            return (
              <article
                key={table}
                aria-labelledby={`table-${table}-h`}
                className="rounded-2xl border-2 border-stone-200 bg-white p-4"
              >
                <h3 id={`table-${table}-h`} className="text-lg font-bold">
                  {t('table', { table })}
                  <span className="block text-base font-normal text-stone-600">
                    {t('counts', { people: members.length, notes: notes.length })}
                  </span>
                </h3>
                {missing.has(table) && (
                  <p
                    className="mt-1 flex items-center gap-2 rounded-lg border-2 border-amber-600 bg-amber-50 px-2 py-1 font-semibold text-amber-950"
                    data-testid={`table-${table}-no-host`}
                  >
                    <WarningIcon />
                    {t('noHostFix')}
                  </p>
                )}
                <p className="text-sm text-stone-600">
                  {host ? t('host', { name: shown(host) }) : missing.has(table) ? '' : t('noHost')}
                  {others.length > 0 &&
                    `${host || !missing.has(table) ? ' · ' : ''}${format.list(others, { type: 'unit', style: 'short' })}`}
                </p>
                <ul className="mt-3 space-y-2" data-testid={`table-${table}-notes`}>
                  {notes.map((n) => (
                    <li key={n.id} className="flex flex-wrap items-start gap-x-2 rounded-lg bg-brand-50 p-2">
                      <span dir="auto" className="min-w-0 flex-1 whitespace-pre-wrap break-words">
                        {n.text}
                        {n.source && (
                          <span className="mt-1 block">
                            <NoteMark note={n} />
                          </span>
                        )}
                      </span>
                      {moderate && <RemoveNote note={n} compact />}
                    </li>
                  ))}
                  {notes.length === 0 && <li className="text-stone-500">{t('noNotes')}</li>}
                </ul>
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
