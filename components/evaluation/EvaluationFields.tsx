'use client';
/**
 * What the evaluation asks, chosen by the organiser: statements from the bank (checkboxes, at
 * most six) and one open question. Used when setting up an event and on the console (until the
 * first answer).
 */
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import {
  type EvaluationSettings,
  MAX_STATEMENTS,
  OPEN_QUESTION_MAX,
  STATEMENT_IDS,
} from '../../lib/evaluation/bank';

export function EvaluationFields({
  value,
  onChange,
}: {
  value: EvaluationSettings;
  onChange: (next: EvaluationSettings) => void;
}) {
  const t = useTranslations('evaluation');
  const uid = useId();
  const full = value.statements.length >= MAX_STATEMENTS;
  return (
    <fieldset className="rounded-lg border-2 border-stone-200 p-4" aria-describedby={`${uid}-help`}>
      <legend className="px-1 font-semibold">{t('setup.legend')}</legend>
      <p className="text-stone-700" id={`${uid}-help`}>
        {t('setup.help', { max: MAX_STATEMENTS })}
      </p>
      <div className="mt-2 grid gap-1">
        {STATEMENT_IDS.map((id) => {
          const checked = value.statements.includes(id);
          return (
            <label key={id} className="flex min-h-11 items-center gap-3">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={() =>
                  onChange({
                    ...value,
                    statements: checked
                      ? value.statements.filter((s) => s !== id)
                      : STATEMENT_IDS.filter((s) => s === id || value.statements.includes(s)),
                  })
                }
                className="size-5 shrink-0"
              />
              {t(`statements.${id}`)}
            </label>
          );
        })}
      </div>
      <label htmlFor={`${uid}-open`} className="mt-3 block font-semibold">
        {t('setup.question')}
      </label>
      <input
        id={`${uid}-open`}
        value={value.open}
        maxLength={OPEN_QUESTION_MAX}
        onChange={(e) => onChange({ ...value, open: e.target.value })}
        className="mt-1 min-h-11 w-full rounded-lg border-2 border-stone-400 px-3"
        dir="auto"
      />
    </fieldset>
  );
}
