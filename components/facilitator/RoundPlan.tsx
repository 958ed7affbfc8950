'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import type { RoundSettings } from '../../lib/settings';
import type { RoundStatus } from '../../lib/state';
import { nextTableCount, phaseOf, tablesIn } from '../../lib/view';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

const field = 'rounded-lg border-2 border-stone-400 px-3 py-2 text-base';

/** A whole number of minutes a round may last, or null. */
function minutesOf(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= LIMITS.minutesMin && n <= LIMITS.minutesMax
    ? n
    : null;
}

/** Where focus goes once the change it follows has come back from the server. */
type FocusAfter = { round: number; control: 'up' | 'down' } | { heading: true };

/**
 * The café's rounds while it runs: each question and its minutes, changed in place until the
 * round ends; the rounds still to come moved, removed or added; and the number of tables for
 * the next seating. Phones and the projector follow each change at once.
 */
export function RoundPlan() {
  const event = useLive((s) => s.event);
  const send = useSend();
  const t = useTranslations('console.plan');
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);
  const rounds = event?.settings.rounds;

  // A moved row takes its new place only when the record arrives: focus follows it there.
  useEffect(() => {
    const after = focusAfter.current;
    if (!after || !rounds) return;
    focusAfter.current = null;
    if ('heading' in after) {
      heading.current?.focus();
      return;
    }
    const row = list.current?.querySelector(`[data-round="${after.round}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${after.control}"]:not(:disabled)`);
    (wanted ?? row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
  }, [rounds]);

  if (!event || !rounds || rounds.length === 0) return null;
  const firstToCome = event.current + 1;
  const over = event.rounds[event.current]?.status === 'ended';
  const move = (round: number, to: number, control: 'up' | 'down') => {
    focusAfter.current = { round: to, control };
    send('round.move', { round, to });
  };

  return (
    <section aria-labelledby="plan-h" className="mt-6 border-t-2 border-stone-200 pt-4">
      <h3 id="plan-h" className="text-lg font-bold" ref={heading} tabIndex={-1}>
        {t('heading')}
      </h3>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
      <ol className="mt-3 space-y-3" ref={list}>
        {rounds.map((saved, i) => (
          <RoundRow
            // biome-ignore lint/suspicious/noArrayIndexKey: a round is its place in the list
            key={i}
            index={i}
            saved={saved}
            status={event.rounds[i]?.status ?? 'pending'}
            current={i === event.current}
            toCome={i >= firstToCome}
            canMoveUp={i > firstToCome}
            canMoveDown={i >= firstToCome && i < rounds.length - 1}
            canRemove={i >= firstToCome && rounds.length > 1}
            onMove={move}
            onRemove={() => {
              focusAfter.current = { heading: true };
              send('round.remove', { round: i });
            }}
          />
        ))}
      </ol>
      {!over && <AddRound count={rounds.length} />}
      <NextTables />
    </section>
  );
}

function RoundRow({
  index,
  saved,
  status,
  current,
  toCome,
  canMoveUp,
  canMoveDown,
  canRemove,
  onMove,
  onRemove,
}: {
  index: number;
  saved: RoundSettings;
  status: RoundStatus;
  current: boolean;
  toCome: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  canRemove: boolean;
  onMove: (round: number, to: number, control: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  const t = useTranslations('console.plan');
  const send = useSend();
  const [question, setQuestion] = useState(saved.question);
  const [minutes, setMinutes] = useState(String(saved.minutes));
  const [confirmRemove, setConfirmRemove] = useState(false);
  // What the server holds wins: a saved change, a co-facilitator's, or another round moved here.
  useEffect(() => {
    setQuestion(saved.question);
    setMinutes(String(saved.minutes));
    setConfirmRemove(false);
  }, [saved.question, saved.minutes]);

  const round = index + 1;
  const id = `round-${index}`;
  const badge = status === 'ended' ? t('stateEnded') : current ? t('stateNow') : t('stateToCome');

  if (status === 'ended') {
    return (
      <li data-round={index} className="rounded-lg bg-stone-100 p-3">
        <p className="font-semibold">
          {t('roundLabel', { round })} <span className="text-sm font-normal text-stone-600">· {badge}</span>
        </p>
        <p className="mt-1" dir="auto">
          {saved.question}
        </p>
        <p className="text-sm text-stone-600">{t('minutesShort', { minutes: saved.minutes })}</p>
      </li>
    );
  }

  const newMinutes = minutesOf(minutes);
  const newQuestion = question.trim();
  const valid = newMinutes !== null && newQuestion.length > 0 && newQuestion.length <= LIMITS.question;
  const changed = newQuestion !== saved.question || newMinutes !== saved.minutes;
  function save(e: FormEvent) {
    e.preventDefault();
    if (!valid || !changed || newMinutes === null) return;
    send('round.edit', {
      round: index,
      ...(newQuestion !== saved.question ? { question: newQuestion } : {}),
      ...(newMinutes !== saved.minutes ? { minutes: newMinutes } : {}),
    });
  }
  const timerHelp = status === 'running' ? t('runningHelp') : status === 'paused' ? t('pausedHelp') : null;

  return (
    <li data-round={index} className="rounded-lg bg-stone-100 p-3">
      <form onSubmit={save} aria-labelledby={`${id}-h`}>
        <p id={`${id}-h`} className="font-semibold">
          {t('roundLabel', { round })} <span className="text-sm font-normal text-stone-600">· {badge}</span>
        </p>
        <label htmlFor={`${id}-q`} className="mt-2 block text-sm font-medium">
          {t('question', { round })}
        </label>
        <textarea
          id={`${id}-q`}
          dir="auto"
          rows={2}
          maxLength={LIMITS.question}
          className={`${field} mt-1 block w-full`}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`${id}-m`} className="block text-sm font-medium">
              {t('minutes', { round })}
            </label>
            <input
              id={`${id}-m`}
              type="number"
              inputMode="numeric"
              min={LIMITS.minutesMin}
              max={LIMITS.minutesMax}
              step={1}
              className={`${field} mt-1 min-h-11 w-24`}
              value={minutes}
              aria-describedby={timerHelp ? `${id}-help` : undefined}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </div>
          <Button type="submit" disabled={!valid || !changed}>
            {t('save', { round })}
          </Button>
        </div>
        {timerHelp && (
          <p id={`${id}-help`} className="mt-1 text-sm text-stone-600">
            {timerHelp}
          </p>
        )}
        {!valid && (
          <p className="mt-1 text-sm text-red-800">
            {t('invalid', { min: LIMITS.minutesMin, max: LIMITS.minutesMax })}
          </p>
        )}
      </form>
      {toCome && (
        <div className="mt-2 flex flex-wrap gap-2">
          {/* With one round still to come there is nowhere to move it. */}
          {(canMoveUp || canMoveDown) && (
            <>
              <Button
                variant="secondary"
                data-move="up"
                disabled={!canMoveUp}
                onClick={() => onMove(index, index - 1, 'up')}
              >
                {t('moveUp', { round })}
              </Button>
              <Button
                variant="secondary"
                data-move="down"
                disabled={!canMoveDown}
                onClick={() => onMove(index, index + 1, 'down')}
              >
                {t('moveDown', { round })}
              </Button>
            </>
          )}
          {canRemove &&
            (confirmRemove ? (
              <>
                <Button variant="danger" onClick={onRemove}>
                  {t('confirmRemove', { round })}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmRemove(false)}>
                  {t('keep')}
                </Button>
              </>
            ) : (
              <Button variant="danger" onClick={() => setConfirmRemove(true)}>
                {t('remove', { round })}
              </Button>
            ))}
        </div>
      )}
    </li>
  );
}

/** A new round after the last one (move it up afterwards to put it earlier). */
function AddRound({ count }: { count: number }) {
  const t = useTranslations('console.plan');
  const send = useSend();
  const [question, setQuestion] = useState('');
  const [minutes, setMinutes] = useState('20');
  if (count >= LIMITS.rounds)
    return <p className="mt-4 text-sm text-stone-600">{t('atMost', { max: LIMITS.rounds })}</p>;
  const newMinutes = minutesOf(minutes);
  const newQuestion = question.trim();
  const valid = newMinutes !== null && newQuestion.length > 0;
  function add(e: FormEvent) {
    e.preventDefault();
    if (!valid || newMinutes === null) return;
    send('round.add', { question: newQuestion, minutes: newMinutes });
    setQuestion('');
  }
  return (
    <form
      onSubmit={add}
      aria-labelledby="add-round-h"
      className="mt-4 rounded-lg border-2 border-dashed border-stone-300 p-3"
    >
      <h4 id="add-round-h" className="font-semibold">
        {t('addHeading')}
      </h4>
      <label htmlFor="add-round-q" className="mt-2 block text-sm font-medium">
        {t('addQuestion', { round: count + 1 })}
      </label>
      <textarea
        id="add-round-q"
        dir="auto"
        rows={2}
        maxLength={LIMITS.question}
        className={`${field} mt-1 block w-full`}
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
      />
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="add-round-m" className="block text-sm font-medium">
            {t('addMinutes')}
          </label>
          <input
            id="add-round-m"
            type="number"
            inputMode="numeric"
            min={LIMITS.minutesMin}
            max={LIMITS.minutesMax}
            step={1}
            className={`${field} mt-1 min-h-11 w-24`}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <Button type="submit" disabled={!valid}>
          {t('add')}
        </Button>
      </div>
    </form>
  );
}

/**
 * How many tables the next seating has. A round already seated keeps its tables until people are
 * seated again, so the console says so and offers the seating again.
 */
function NextTables() {
  const event = useLive((s) => s.event);
  const send = useSend();
  const t = useTranslations('console.plan');
  const reseat = useTranslations('console.round')('reseat');
  const next = event ? nextTableCount(event) : null;
  const [value, setValue] = useState(next === null ? '' : String(next));
  useEffect(() => setValue(next === null ? '' : String(next)), [next]);
  if (!event?.rounds.some((r) => r.status === 'pending' || r.status === 'seated')) return null;
  const phase = phaseOf(event);
  const seatedAt = phase.kind === 'seated' ? tablesIn(event, phase.round) : null;
  const n = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= LIMITS.tables;
  function set(e: FormEvent) {
    e.preventDefault();
    if (valid && n !== event?.settings.tables) send('tables.set', { tables: n });
  }
  return (
    <form onSubmit={set} className="mt-4">
      <label htmlFor="next-tables" className="block font-semibold">
        {t('tablesLabel')}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id="next-tables"
          type="number"
          inputMode="numeric"
          min={1}
          max={LIMITS.tables}
          step={1}
          className={`${field} min-h-11 w-24`}
          value={value}
          aria-describedby="next-tables-help"
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={!valid || n === event.settings.tables}>
          {t('tablesSet')}
        </Button>
      </div>
      <p id="next-tables-help" className="mt-1 text-sm text-stone-600">
        {next === null ? t('tablesAuto') : t('tablesNext', { count: next })}
      </p>
      {phase.kind === 'seated' && next !== null && seatedAt !== next && (
        <div
          className="mt-2 rounded-lg border-2 border-amber-600 bg-amber-50 p-3 text-amber-950"
          role="status"
        >
          <p>{t('tablesAfterReseat', { round: phase.round + 1, now: seatedAt ?? 0, next })}</p>
          <Button className="mt-2" onClick={() => send('seating.plan', {})}>
            {reseat}
          </Button>
        </div>
      )}
    </form>
  );
}
