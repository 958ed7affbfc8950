'use client';
/**
 * The console's "Sharing the results": where and when the results will be shared, as every phone
 * says it at its end; the organiser or a co-facilitator changes it at any time (`results.set`),
 * after the event too, and phones are told at once.
 */
import { useFormatter, useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { resultsOf } from '../../lib/harvest/results';
import { formatDay } from '../i18n/dates';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { draftOf, type ResultsDraft, ResultsFields, resultsOfDraft } from './ResultsFields';

export function ResultsPanel() {
  const t = useTranslations('console.results');
  const format = useFormatter();
  const send = useSend();
  const event = useLive((s) => s.event);
  const [editing, setEditing] = useState<ResultsDraft | null>(null);
  if (!event) return null;
  const results = resultsOf(event);

  function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    send('results.set', resultsOfDraft(editing));
    setEditing(null);
  }

  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-4" aria-labelledby="results-heading">
      <h2 id="results-heading" className="text-xl font-bold">
        {t('heading')}
      </h2>
      <div aria-live="polite" data-testid="results-setting">
        {results ? (
          <dl className="mt-1 space-y-1">
            {results.where && (
              <div>
                <dt className="font-semibold">{t('where')}</dt>
                <dd className="break-words" dir="auto">
                  {results.where}
                </dd>
              </div>
            )}
            {results.by && (
              <div>
                <dt className="font-semibold">{t('by')}</dt>
                <dd>{formatDay(format, results.by)}</dd>
              </div>
            )}
          </dl>
        ) : (
          <p className="mt-1 text-stone-700">{t('none')}</p>
        )}
      </div>
      {editing ? (
        <form onSubmit={save} className="mt-3 space-y-2">
          <ResultsFields value={editing} onChange={setEditing} since={event.createdAt} />
          <div className="flex gap-2">
            <Button type="submit">{t('save')}</Button>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button className="mt-2" variant="secondary" onClick={() => setEditing(draftOf(results))}>
          {t('change')}
        </Button>
      )}
    </section>
  );
}
