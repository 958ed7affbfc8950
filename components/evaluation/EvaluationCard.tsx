'use client';
/**
 * The evaluation on a phone, while it is open: "How was it for you?", each statement on a
 * five-point scale (a radio group named by the statement), the open question, Send. Anonymous,
 * skippable, and it can be changed later: a second answer replaces the first.
 */
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { OPEN_ANSWER_MAX, SCORES, type Score, type StatementId } from '../../lib/evaluation/bank';
import { answerOf, evaluationOf } from '../../lib/evaluation/state';
import type { EventState } from '../../lib/state';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

type Draft = { answers: Partial<Record<StatementId, Score>>; open: string };

export function EvaluationCard({ event, me }: { event: EventState; me: string }) {
  const t = useTranslations('evaluation');
  const send = useSend();
  const uid = useId();
  const ask = evaluationOf(event).ask;
  const mine = answerOf(event, me);
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState(false);
  const [skipped, setSkipped] = useState(false);
  const [draft, setDraft] = useState<Draft>({ answers: {}, open: '' });
  const [problem, setProblem] = useState(false);

  const answered = (mine !== undefined || sent) && !editing;
  // After Send the form goes: the keyboard and screen readers move to the thanks.
  const thanks = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sent && answered) thanks.current?.focus();
  }, [sent, answered]);
  // Skipping (or changing one's mind) swaps the card's contents: the focus goes with them.
  const skippedText = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (skipped ? skippedText : heading).current?.focus();
  }, [skipped]);
  const skip = (to: boolean) => {
    moved.current = true;
    setSkipped(to);
  };

  function startOver() {
    if (mine) setDraft({ answers: { ...mine.answers }, open: mine.open });
    setEditing(true);
    setSkipped(false);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const open = draft.open.trim();
    const answers: Draft['answers'] = Object.fromEntries(
      Object.entries(draft.answers).filter(([id]) => ask.statements.includes(id as StatementId)),
    );
    if (Object.keys(answers).length === 0 && open === '') {
      setProblem(true);
      return;
    }
    setProblem(false);
    send('evaluation.answer', { answers, ...(open && ask.open ? { open } : {}) });
    setSent(true);
    setEditing(false);
  }

  if (skipped)
    return (
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4" data-testid="evaluation">
        <p ref={skippedText} tabIndex={-1}>
          {t('skipped')}
        </p>
        <Button variant="ghost" className="mt-1 px-0" onClick={() => skip(false)}>
          {t('answerAfterAll')}
        </Button>
      </section>
    );

  if (answered)
    return (
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4" data-testid="evaluation">
        <h2 ref={thanks} tabIndex={-1} className="text-2xl font-bold">
          {t('thanks')}
        </h2>
        <p className="mt-1 text-stone-700">{t('thanksBody')}</p>
        <Button variant="secondary" className="mt-3" onClick={startOver}>
          {t('change')}
        </Button>
      </section>
    );

  return (
    <section
      className="rounded-2xl border-2 border-brand-700 bg-white p-4"
      aria-labelledby={`${uid}-heading`}
      data-testid="evaluation"
    >
      <h2 id={`${uid}-heading`} ref={heading} tabIndex={-1} className="text-2xl font-bold">
        {t('heading')}
      </h2>
      <p className="mt-1 text-stone-700">{t('intro')}</p>
      <form onSubmit={submit} className="mt-3 space-y-4" noValidate>
        {ask.statements.map((id) => (
          <fieldset key={id} className="rounded-lg border-2 border-stone-200 p-3">
            <legend id={`${uid}-${id}`} className="px-1 text-lg font-semibold">
              {t(`statements.${id}`)}
            </legend>
            {/* A radio group named by its statement, inside the fieldset its legend names. */}
            <div role="radiogroup" aria-labelledby={`${uid}-${id}`} className="mt-1 grid gap-1">
              {SCORES.map((score) => (
                <label key={score} className="flex min-h-11 items-center gap-3">
                  <input
                    type="radio"
                    name={`${uid}-${id}`}
                    value={score}
                    checked={draft.answers[id] === score}
                    onChange={() => setDraft((d) => ({ ...d, answers: { ...d.answers, [id]: score } }))}
                    className="size-5 shrink-0"
                  />
                  {t(`scale.s${score}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {ask.open && (
          <div>
            <label htmlFor={`${uid}-open`} className="text-lg font-semibold" dir="auto">
              {ask.open}
            </label>
            <textarea
              id={`${uid}-open`}
              rows={3}
              maxLength={OPEN_ANSWER_MAX}
              value={draft.open}
              onChange={(e) => setDraft((d) => ({ ...d, open: e.target.value }))}
              className="mt-1 w-full rounded-lg border-2 border-stone-400 p-2"
              dir="auto"
            />
          </div>
        )}
        {problem && (
          <p role="alert" className="font-semibold text-red-800">
            {t('nothingChosen')}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit">{t('send')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(false);
              skip(true);
            }}
          >
            {t('skip')}
          </Button>
        </div>
      </form>
    </section>
  );
}
