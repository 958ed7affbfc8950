'use client';
/**
 * Type in someone's paper card (`note.transcribe`): a helper and the facilitators choose the round
 * and table; a host's phone types in for their own table in the round now. The card goes to the
 * outbox like any note, so no signal loses nothing; the form clears at once, says when the card
 * is added, and shows a refusal of its own cards beside it, in plain words.
 */
import { useTranslations } from 'next-intl';
import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import {
  type CardStatus,
  cardStatus,
  defaultPaperRound,
  paperRounds,
  paperTables,
  type SentCard,
  typedIn,
} from '../../lib/notes/paper-screen';
import { useRefusalText } from '../i18n/errors';
import { type Problem, useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { NoteBox, NoteCount } from '../ui/NoteBox';

/** The most cards a screen lists (and keeps for a reload). */
const KEPT = 200;

function loadKept(key: string): SentCard[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SentCard[]) : [];
  } catch {
    // Nothing kept, or storage blocked: the list starts empty; the cards themselves are sent.
    return [];
  }
}

function saveKept(key: string, cards: SentCard[]) {
  try {
    sessionStorage.setItem(key, JSON.stringify(cards));
  } catch {
    // Storage full or blocked: the list lives in memory for this page.
  }
}

export function PaperCardForm({
  place,
  keepAs,
  list = false,
}: {
  /** A host's phone: their table in the round now. Left out, the round and table are chosen. */
  place?: { round: number; table: number };
  /** Where this screen remembers the cards it sent for its list, so a reload keeps it. */
  keepAs?: string;
  /** Show "Typed in so far": the cards this screen sent and where each stands. */
  list?: boolean;
}) {
  const t = useTranslations('paper');
  const say = useRefusalText();
  const send = useSend();
  const id = useId();
  const event = useLive((s) => s.event);
  const online = useLive((s) => s.status === 'online');
  const outbox = useLive((s) => s.outbox);
  const problems = useLive((s) => s.problems);
  const dismiss = useLive((s) => s.dismissProblem);
  const [pickedRound, setPickedRound] = useState<number | null>(null);
  const [pickedTable, setPickedTable] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [hint, setHint] = useState(false);
  const [kept, setKept] = useState<SentCard[]>([]);
  const [last, setLast] = useState<SentCard | null>(null);
  const [said, setSaid] = useState('');
  const sayTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (keepAs) setKept(loadKept(keepAs));
  }, [keepAs]);
  useEffect(
    () => () => {
      if (sayTimer.current) clearTimeout(sayTimer.current);
    },
    [],
  );

  const cards = useMemo(() => typedIn(kept, outbox), [kept, outbox]);
  const refusals = useMemo(
    () => Object.fromEntries(kept.flatMap((c) => (c.refusal ? [[c.id, { id: c.id, ...c.refusal }]] : []))),
    [kept],
  ) as Record<string, Problem>;
  const refused = useMemo(() => new Set(Object.keys(refusals)), [refusals]);

  // This form's refusals are shown here, beside it, rather than at the top of the screen: each is
  // kept with its card (and saved with it), then cleared from the screen's list of problems.
  useEffect(() => {
    const hits = new Map(problems.filter((p) => kept.some((c) => c.id === p.id)).map((p) => [p.id, p]));
    if (hits.size === 0) return;
    const next = kept.map((c) => {
      const p = hits.get(c.id);
      return p ? { ...c, refusal: { message: p.message, ...(p.code ? { code: p.code } : {}) } } : c;
    });
    setKept(next);
    if (keepAs) saveKept(keepAs, next);
    for (const id of hits.keys()) dismiss(id);
  }, [problems, kept, dismiss, keepAs]);

  /** Into the live region; emptied first, so the same words twice in a row are read out again. */
  const announce = useCallback((words: string) => {
    setSaid('');
    if (sayTimer.current) clearTimeout(sayTimer.current);
    sayTimer.current = setTimeout(() => setSaid(words), 100);
  }, []);

  const lastStatus: CardStatus | null = last ? cardStatus(event, refused, last.id) : null;
  useEffect(() => {
    if (!last || lastStatus === 'waiting') return;
    if (lastStatus === 'added') announce(t('added', { table: last.table, round: last.round + 1 }));
    else setSaid('');
    setLast(null);
  }, [last, lastStatus, announce, t]);

  if (!event) return null;
  const rounds = paperRounds(event);
  const round = place
    ? place.round
    : pickedRound !== null && rounds.includes(pickedRound)
      ? pickedRound
      : defaultPaperRound(event);
  if (round === null) return <p className="text-stone-700">{t('noRound')}</p>;
  const tables = place ? [place.table] : paperTables(event, round);
  const table = place
    ? place.table
    : pickedTable !== null && tables.includes(pickedTable)
      ? pickedTable
      : (tables[0] ?? null);
  const anonymous = event.settings.identity === 'anonymous';
  // Only the newest card's refusal sits under the form; the list shows each card's.
  const newest = cards[0];
  const showRefusal = newest ? refusals[newest.id] : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) {
      setHint(true);
      textBox.current?.focus();
      return;
    }
    if (round === null || table === null) return;
    const given = anonymous ? '' : name.trim();
    const actionId = send('note.transcribe', {
      text: clean,
      round,
      table,
      ...(given ? { name: given } : {}),
    });
    const card: SentCard = { id: actionId, text: clean, round, table, name: given || null };
    const next = [...kept, card].slice(-KEPT);
    setKept(next);
    if (keepAs) saveKept(keepAs, next);
    setLast(card);
    setText('');
    setName('');
    setHint(false);
    announce(online ? '' : t('kept'));
    textBox.current?.focus();
  }

  const field = 'min-h-11 rounded-lg border-2 border-stone-400 bg-white px-2';
  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="space-y-3" data-testid="paper-card-form">
        {!place && (
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col font-semibold">
              {t('round')}
              <select
                className={field}
                value={round}
                onChange={(e) => setPickedRound(Number(e.target.value))}
              >
                {rounds.map((r) => (
                  <option key={r} value={r}>
                    {t(r === event.current ? 'roundOptionNow' : 'roundOption', { round: r + 1 })}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col font-semibold">
              {t('table')}
              <select
                className={field}
                value={table ?? ''}
                onChange={(e) => setPickedTable(Number(e.target.value))}
              >
                {tables.map((n) => (
                  <option key={n} value={n}>
                    {t('tableOption', { table: n })}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-text`} className="block font-semibold">
            {t('text')}
          </label>
          <NoteBox
            ref={textBox}
            id={`${id}-text`}
            value={text}
            onChange={(next) => {
              setText(next);
              setHint(false);
            }}
            onSend={submit}
            className="mt-1"
          />
          <NoteCount id={`${id}-text`} length={text.length} hint={hint ? t('writeFirst') : null} />
        </div>
        {!anonymous && (
          <div>
            <label htmlFor={`${id}-name`} className="block font-semibold">
              {t('name')}
            </label>
            <input
              id={`${id}-name`}
              value={name}
              dir="auto"
              maxLength={LIMITS.name}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
              aria-describedby={`${id}-name-help`}
              className="mt-1 block min-h-11 w-full rounded-lg border-2 border-stone-400 px-3"
            />
            <span id={`${id}-name-help`} className="text-sm text-stone-600">
              {t('nameHelp')}
            </span>
          </div>
        )}
        <Button type="submit" disabled={table === null}>
          {t('add')}
        </Button>
        <p role="status" aria-live="polite" className="min-h-6 font-medium text-emerald-900">
          {said}
        </p>
        {showRefusal && (
          <p role="alert" className="rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900">
            {say(showRefusal)}
          </p>
        )}
      </form>
      {list && <TypedIn cards={cards} refusals={refusals} refused={refused} />}
    </div>
  );
}

const STATUS_TONE: Record<CardStatus, string> = {
  waiting: 'text-amber-900',
  added: 'text-emerald-900',
  withdrawn: 'text-stone-600',
  refused: 'text-red-800',
};

/** "Typed in so far": the cards this screen sent, newest first, and where each stands. */
function TypedIn({
  cards,
  refusals,
  refused,
}: {
  cards: SentCard[];
  refusals: Record<string, Problem>;
  refused: ReadonlySet<string>;
}) {
  const t = useTranslations('paper');
  const say = useRefusalText();
  const event = useLive((s) => s.event);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="text-lg font-bold">
        {t('sentList')} <span className="font-normal text-stone-600">({cards.length})</span>
      </h3>
      {cards.length === 0 ? (
        <p className="text-stone-600">{t('sentNone')}</p>
      ) : (
        <ul className="space-y-2" data-testid="paper-typed-in">
          {cards.map((c) => {
            const status = cardStatus(event, refused, c.id);
            const refusal = refusals[c.id];
            return (
              <li key={c.id} className="rounded-lg border-2 border-stone-200 bg-white p-2">
                <p className="whitespace-pre-wrap break-words" dir="auto">
                  {c.text}
                </p>
                <p className="text-sm text-stone-600">
                  {t('where', { table: c.table, round: c.round + 1 })}
                  {c.name && (
                    <>
                      {' · '}
                      <bdi>{c.name}</bdi>
                    </>
                  )}
                  {' · '}
                  <span className={`font-semibold ${STATUS_TONE[status]}`}>
                    {refusal
                      ? t('refused', { reason: say(refusal) })
                      : status === 'added'
                        ? t('addedStatus')
                        : status === 'withdrawn'
                          ? t('withdrawn')
                          : t('waiting')}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
