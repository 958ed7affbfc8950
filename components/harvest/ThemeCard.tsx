'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { placeOf } from '../../lib/harvest/groups';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  commitmentStatus,
  type HarvestTheme,
} from '../../lib/harvest/state';
import { LIMITS } from '../../lib/limits';
import { type EventState, isShown, type Note, noteById } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { formatDay } from '../i18n/dates';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { CommitmentUpdates } from './CommitmentUpdates';
import { useHarvestWords } from './view';

/**
 * Where a dragged note can be dropped: a theme, or "No theme". `accepts` says whether the note
 * being dragged may land here (same question, not already here).
 */
export function DropZone({
  accepts,
  onDrop,
  className,
  children,
  ...rest
}: {
  accepts: boolean;
  onDrop: () => void;
  className: string;
  children: ReactNode;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!accepts) setOver(false);
  }, [accepts]);
  return (
    <article
      {...rest}
      onDragOver={(e) => {
        if (!accepts) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (accepts) onDrop();
      }}
      className={`${className} ${over ? 'border-brand-700 bg-brand-50' : accepts ? 'border-dashed border-brand-700' : 'border-stone-200'}`}
    >
      {children}
    </article>
  );
}

/** A theme: its name (edited in place), its counts, its notes, merging and the response. */
export function ThemeCard({
  event,
  theme,
  dots,
  others,
  accepts,
  onDrop,
  children,
}: {
  event: EventState;
  theme: HarvestTheme;
  dots: number;
  /** The other themes of the same question (to merge into). */
  others: HarvestTheme[];
  accepts: boolean;
  onDrop: () => void;
  /** The note lines. */
  children: ReactNode;
}) {
  const t = useTranslations('harvestConsole.theme');
  const words = useHarvestWords();
  const isolate = useIsolate();
  const send = useSend();
  const h = event.harvest;
  if (!h) return null;
  const notes = theme.noteIds.map((id) => noteById(event, id)).filter((n): n is Note => !!n && isShown(n));
  const hiddenHere = notes.filter((n) => h.hidden.includes(n.id)).length;
  return (
    <DropZone
      accepts={accepts}
      onDrop={onDrop}
      className="min-w-0 space-y-1 rounded-xl border-2 bg-white p-2"
      aria-label={t('label', { label: isolate(theme.label) })}
      data-testid="theme-card"
    >
      <ThemeName theme={theme} />
      <div className="flex flex-wrap items-center justify-between gap-1">
        <p className="text-sm text-stone-700">
          {t(hiddenHere ? 'countsHidden' : 'counts', {
            notes: notes.length,
            hidden: hiddenHere,
            spread: words.spread(notes.map(placeOf)),
            dots,
          })}
        </p>
        {others.length > 0 && (
          <>
            <label className="sr-only" htmlFor={`merge-${theme.id}`}>
              {t('mergeLabel', { label: isolate(theme.label) })}
            </label>
            <select
              id={`merge-${theme.id}`}
              value=""
              onChange={(e) =>
                e.target.value && send('theme.merge', { themeId: theme.id, into: e.target.value })
              }
              className="min-h-8 max-w-40 rounded-md border-2 border-stone-300 bg-white px-1 text-sm"
            >
              <option value="">{t('mergeShort')}</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.label}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <ul className="space-y-0.5">{children}</ul>
      <Commitment theme={theme} />
    </DropZone>
  );
}

/**
 * The theme's name, edited where it is shown: saved when the field loses focus or on Enter;
 * Escape puts back the saved name.
 */
function ThemeName({ theme }: { theme: HarvestTheme }) {
  const t = useTranslations('harvestConsole.theme');
  const send = useSend();
  const [label, setLabel] = useState(theme.label);
  const editing = useRef(false);
  const skip = useRef(false);
  useEffect(() => {
    if (!editing.current) setLabel(theme.label);
  }, [theme.label]);
  const save = () => {
    const next = label.trim();
    if (next && next !== theme.label) send('theme.rename', { themeId: theme.id, label: next });
    else setLabel(theme.label);
  };
  return (
    <>
      <label className="sr-only" htmlFor={`label-${theme.id}`}>
        {t('name')}
      </label>
      <input
        id={`label-${theme.id}`}
        value={label}
        maxLength={LIMITS.themeLabel}
        onChange={(e) => setLabel(e.target.value)}
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={() => {
          editing.current = false;
          if (skip.current) skip.current = false;
          else save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.blur();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            skip.current = true;
            setLabel(theme.label);
            e.currentTarget.blur();
          }
        }}
        aria-describedby="theme-name-hint"
        dir="auto"
        className="min-h-9 w-full rounded-md border-2 border-transparent bg-transparent px-1 font-bold hover:border-stone-300 focus:border-brand-700 focus:bg-white"
      />
    </>
  );
}

/**
 * "What we will do" as a tracked commitment, folded away until opened (its first words and its
 * status show when there is one): what, who (a team or a role) and by when; then, once there is
 * one, a status and an update to add, and the dated updates so far, oldest first.
 */
function Commitment({ theme }: { theme: HarvestTheme }) {
  const t = useTranslations('harvestConsole.theme');
  const format = useFormatter();
  const c = theme.commitment;
  return (
    <details className="text-sm">
      <summary className="min-h-8 cursor-pointer py-1 font-semibold text-brand-700">
        {t('response')}
        {c && (
          <span className="ms-2 font-normal text-stone-700">
            <span dir="auto">{c.what.length > 60 ? `${c.what.slice(0, 60)}…` : c.what}</span>
            {` · ${t(`statuses.${commitmentStatus(c)}`)}`}
          </span>
        )}
      </summary>
      {/* Keyed on what was saved: a new save (here or on another screen) starts this form afresh;
          an update to the status leaves anything being typed alone. */}
      <CommitmentForm key={`${c?.what}|${c?.who}|${c?.due}`} theme={theme} />
      {c && (
        <>
          <UpdateForm theme={theme} />
          <p className="pt-1 font-semibold">{t('history')}</p>
          {c.updates.length === 0 ? (
            <p className="text-stone-700">{t('noUpdates')}</p>
          ) : (
            <CommitmentUpdates
              updates={c.updates}
              className="space-y-0.5"
              entry={(u) =>
                t('historyEntry', {
                  date: formatDay(format, new Date(u.at).toISOString().slice(0, 10)),
                  status: t(`statuses.${u.status}`),
                })
              }
            />
          )}
        </>
      )}
    </details>
  );
}

const COMMIT_FIELD = 'mt-0.5 block w-full rounded-lg border-2 border-stone-300 px-2 py-1';

/** What will be done, who does it and by when, starting from what was saved. */
function CommitmentForm({ theme }: { theme: HarvestTheme }) {
  const t = useTranslations('harvestConsole.theme');
  const send = useSend();
  const c = theme.commitment;
  const [what, setWhat] = useState(c?.what ?? '');
  const [who, setWho] = useState(c?.who ?? '');
  const [due, setDue] = useState(c?.due ?? '');
  const id = `commit-${theme.id}`;
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        send('commitment.set', { themeId: theme.id, what, who, due: due || null });
      }}
    >
      <label htmlFor={`${id}-what`} className="block font-semibold">
        {t('response')}
      </label>
      <textarea
        id={`${id}-what`}
        rows={2}
        value={what}
        maxLength={LIMITS.commitmentWhat}
        required
        onChange={(e) => setWhat(e.target.value)}
        dir="auto"
        className={COMMIT_FIELD}
      />
      <label htmlFor={`${id}-who`} className="block font-semibold">
        {t('who')}
      </label>
      <input
        id={`${id}-who`}
        value={who}
        maxLength={LIMITS.commitmentWho}
        onChange={(e) => setWho(e.target.value)}
        aria-describedby={`${id}-who-hint`}
        dir="auto"
        className={`${COMMIT_FIELD} min-h-9`}
      />
      <p id={`${id}-who-hint`} className="text-stone-700">
        {t('whoHint')}
      </p>
      <label htmlFor={`${id}-due`} className="block font-semibold">
        {t('due')}
      </label>
      <input
        id={`${id}-due`}
        type="date"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        className={`${COMMIT_FIELD} min-h-9`}
      />
      <Button type="submit" variant="secondary">
        {t('saveCommitment')}
      </Button>
    </form>
  );
}

/** A dated update: the status (starting from the latest) and what has happened since. */
function UpdateForm({ theme }: { theme: HarvestTheme }) {
  const t = useTranslations('harvestConsole.theme');
  const send = useSend();
  const c = theme.commitment;
  const [status, setStatus] = useState<CommitmentStatus>(c ? commitmentStatus(c) : 'planned');
  const [note, setNote] = useState('');
  const id = `commit-${theme.id}`;
  return (
    <form
      className="mt-2 space-y-1 border-t border-stone-200 pt-2"
      onSubmit={(e) => {
        e.preventDefault();
        send('commitment.update', { themeId: theme.id, status, note });
        setNote('');
      }}
    >
      <label htmlFor={`${id}-status`} className="block font-semibold">
        {t('status')}
      </label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(e) => setStatus(e.target.value as CommitmentStatus)}
        className={`${COMMIT_FIELD} min-h-9 bg-white`}
      >
        {COMMITMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`} className="block font-semibold">
        {t('update')}
      </label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={note}
        maxLength={LIMITS.commitmentNote}
        required={status === 'not_possible'}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby={`${id}-note-hint`}
        dir="auto"
        className={COMMIT_FIELD}
      />
      <p id={`${id}-note-hint`} className="text-stone-700">
        {t('updateHint')}
      </p>
      <Button type="submit" variant="secondary">
        {t('saveUpdate')}
      </Button>
    </form>
  );
}
