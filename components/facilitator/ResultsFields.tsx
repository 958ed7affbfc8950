'use client';
/**
 * Where and when the results will be shared (lib/harvest/results.ts), as the organiser types it:
 * a place in their own words and a date, both optional. Used when setting up an event and on the
 * console, where the facilitators may change it at any time.
 */
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { RESULTS_DAYS_AHEAD, type ResultsSettings } from '../../lib/harvest/results';
import { LIMITS } from '../../lib/limits';

/** The two boxes as typed: `by` is '' while no date is chosen. */
export interface ResultsDraft {
  where: string;
  by: string;
}

export const draftOf = (r: ResultsSettings | null | undefined): ResultsDraft => ({
  where: r?.where ?? '',
  by: r?.by ?? '',
});

/** What the draft says, as the settings and `results.set` take it. */
export const resultsOfDraft = (d: ResultsDraft): ResultsSettings => ({
  where: d.where.trim(),
  by: d.by === '' ? null : d.by,
});

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function ResultsFields({
  value,
  onChange,
  since,
}: {
  value: ResultsDraft;
  onChange: (next: ResultsDraft) => void;
  /** When the event was made (now, when setting one up): the dates offered start the day before. */
  since: number;
}) {
  const t = useTranslations('results.setup');
  const uid = useId();
  const field = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-base';
  return (
    <fieldset className="rounded-lg border-2 border-stone-200 p-4" aria-describedby={`${uid}-help`}>
      <legend className="px-1 font-semibold">{t('legend')}</legend>
      <p className="text-stone-700" id={`${uid}-help`}>
        {t('help')}
      </p>
      <label htmlFor={`${uid}-where`} className="mt-3 block font-medium">
        {t('where')}
      </label>
      <input
        id={`${uid}-where`}
        value={value.where}
        maxLength={LIMITS.resultsWhere}
        dir="auto"
        placeholder={t('wherePlaceholder')}
        onChange={(e) => onChange({ ...value, where: e.target.value })}
        className={field}
      />
      <label htmlFor={`${uid}-by`} className="mt-3 block font-medium">
        {t('by')}
      </label>
      <input
        id={`${uid}-by`}
        type="date"
        value={value.by}
        min={day(since - DAY_MS)}
        max={day(since + RESULTS_DAYS_AHEAD * DAY_MS)}
        onChange={(e) => onChange({ ...value, by: e.target.value })}
        className="mt-1 block rounded-lg border-2 border-stone-400 px-3 py-2 text-base"
      />
    </fieldset>
  );
}
