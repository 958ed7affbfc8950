'use client';
/**
 * The console's Evaluation panel: open or close it, how many answered, each statement's counts on
 * the five-point scale with % agree, and the open answers, with no names. Live as answers come.
 * Until the first answer, the facilitators may change what it asks.
 */
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { type EvaluationSettings, SCORES } from '../../lib/evaluation/bank';
import { asksAnything, evaluationOf, isEvaluationOpen, tallyEvaluation } from '../../lib/evaluation/state';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { EvaluationFields } from './EvaluationFields';

export function EvaluationPanel() {
  const t = useTranslations('console.evaluation');
  const scale = useTranslations('evaluation');
  const send = useSend();
  const event = useLive((s) => s.event);
  const [editing, setEditing] = useState<EvaluationSettings | null>(null);
  if (!event) return null;
  const ev = evaluationOf(event);
  const open = isEvaluationOpen(event);
  const tally = tallyEvaluation(event);

  function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    send('evaluation.set', { statements: editing.statements, open: editing.open.trim() });
    setEditing(null);
  }

  return (
    <section
      className="rounded-2xl border-2 border-stone-200 bg-white p-4"
      aria-labelledby="evaluation-heading"
    >
      <h2 id="evaluation-heading" className="text-xl font-bold">
        {t('heading')}
      </h2>
      <p className="mt-1" aria-live="polite" data-testid="evaluation-status">
        {open ? t('open') : ev.opened === false ? t('closed') : t('auto')}{' '}
        {t('answers', { count: tally.answers })}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant={open ? 'secondary' : 'primary'}
          onClick={() => send('evaluation.open', { open: !open })}
          disabled={!open && !asksAnything(ev.ask)}
        >
          {open ? t('close') : t('openIt')}
        </Button>
        {tally.answers === 0 && !editing && (
          <Button variant="secondary" onClick={() => setEditing(ev.ask)}>
            {t('change')}
          </Button>
        )}
      </div>
      {editing && tally.answers === 0 && (
        <form onSubmit={save} className="mt-3 space-y-2">
          <EvaluationFields value={editing} onChange={setEditing} />
          <div className="flex gap-2">
            <Button type="submit">{t('save')}</Button>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
      {tally.statements.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-start text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr className="border-b-2 border-stone-200">
                <th scope="col" className="p-1 text-start">
                  {t('statement')}
                </th>
                {SCORES.map((s) => (
                  <th key={s} scope="col" className="p-1 text-end font-medium">
                    {scale(`scale.s${s}`)}
                  </th>
                ))}
                <th scope="col" className="p-1 text-end">
                  {t('agree')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tally.statements.map((s) => (
                <tr key={s.id} className="border-b border-stone-100" data-testid="evaluation-row">
                  <th scope="row" className="p-1 text-start font-semibold">
                    {scale(`statements.${s.id}`)}
                  </th>
                  {s.counts.map((c, i) => (
                    <td key={SCORES[i]} className="p-1 text-end tabular-nums">
                      {c}
                    </td>
                  ))}
                  <td className="p-1 text-end">
                    <span className="tabular-nums font-semibold">
                      {s.answered === 0 ? '–' : t('percent', { agree: s.agree })}
                    </span>
                    {s.answered > 0 && (
                      <span
                        aria-hidden="true"
                        className="ms-2 inline-block h-2 w-16 rounded bg-stone-200 align-middle"
                      >
                        <span className="block h-2 rounded bg-brand-700" style={{ width: `${s.agree}%` }} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ev.ask.open && (
        <div className="mt-3">
          <h3 className="font-semibold" dir="auto">
            {t('openAnswers', { question: ev.ask.open })}
          </h3>
          {tally.open.length === 0 ? (
            <p className="text-stone-600">{t('noOpenAnswers')}</p>
          ) : (
            <ul className="mt-1 list-disc space-y-1 ps-5" data-testid="evaluation-open">
              {tally.open.map((a, i) => (
                // Answers have no id to show: their order is fixed, oldest first.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at the end
                <li key={i} dir="auto" className="whitespace-pre-wrap">
                  {a}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
