'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import type { OpenSpaceSettings, Space } from '../../lib/openspace/settings';
import { isOwnName, overlappingSlot, slotsInTimeOrder, spaceNamed } from '../../lib/openspace/wall';
import { useIsolate } from '../i18n/bidi';
import { usePlaceNames } from '../i18n/openspace';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

const input = 'min-h-11 rounded-lg border-2 border-stone-400 px-2';

/**
 * The wall's spaces and time slots while the Open Space runs: add a space, change one's name, seats
 * and access notes, add a time slot. Sessions keep their places (spaces and slots are never
 * renumbered); slots are listed in time order. The forms check what the server would refuse, in
 * the console's language, before sending.
 */
export function WallSetup() {
  const settings = useLive((s) => s.event?.settings.openSpace);
  const t = useTranslations('spaceConsole.setup');
  const tPhone = useTranslations('openSpace');
  const tWall = useTranslations('spaceConsole.wall');
  const isolate = useIsolate();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [addingSlot, setAddingSlot] = useState(false);
  if (!settings) return null;
  const seats = (sp: Space) => (sp.capacity ? tPhone('seats', { count: sp.capacity }) : tWall('anyNumber'));

  return (
    <section aria-labelledby="setup-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="setup-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-700">{t('intro')}</p>

      <h3 className="mt-3 font-bold">{t('spaces')}</h3>
      <ul className="mt-1 space-y-2" data-testid="setup-spaces">
        {settings.spaces.map((sp, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a space is its index, never renumbered
          <li key={i} className="rounded-lg bg-stone-100 p-2">
            {editing === i ? (
              <SpaceForm settings={settings} index={i} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center gap-2">
                <span className="flex-1">
                  <bdi className="font-semibold">{sp.name}</bdi> · {seats(sp)}
                  {sp.notes && (
                    <>
                      {' · '}
                      <bdi>{sp.notes}</bdi>
                    </>
                  )}
                </span>
                <Button
                  variant="secondary"
                  onClick={() => setEditing(i)}
                  aria-label={t('changeLabel', { name: isolate(sp.name) })}
                >
                  {t('change')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {settings.spaces.length >= LIMITS.spaces ? (
        <p className="mt-2 text-stone-700">{t('fullSpaces', { max: LIMITS.spaces })}</p>
      ) : editing === 'new' ? (
        <div className="mt-2 rounded-lg bg-stone-100 p-2">
          <SpaceForm settings={settings} index={null} onDone={() => setEditing(null)} />
        </div>
      ) : (
        <Button variant="secondary" className="mt-2" onClick={() => setEditing('new')}>
          {t('addSpace')}
        </Button>
      )}

      <h3 className="mt-4 font-bold">{t('slots')}</h3>
      <ul className="mt-1 space-y-1" data-testid="setup-slots">
        {slotsInTimeOrder(settings.slots).map((i) => {
          const slot = settings.slots[i];
          if (!slot) return null;
          return (
            <li key={i} className="rounded-lg bg-stone-100 px-2 py-1">
              <span dir="ltr" className="font-semibold">
                {slot.start}–{slot.end}
              </span>
              {slot.label && (
                <>
                  {' · '}
                  <bdi>{slot.label}</bdi>
                </>
              )}
              {slot.isBreak && <> · {t('break')}</>}
            </li>
          );
        })}
      </ul>
      {settings.slots.length >= LIMITS.slots ? (
        <p className="mt-2 text-stone-700">{t('fullSlots', { max: LIMITS.slots })}</p>
      ) : addingSlot ? (
        <div className="mt-2 rounded-lg bg-stone-100 p-2">
          <SlotForm settings={settings} onDone={() => setAddingSlot(false)} />
        </div>
      ) : (
        <Button variant="secondary" className="mt-2" onClick={() => setAddingSlot(true)}>
          {t('addSlot')}
        </Button>
      )}
    </section>
  );
}

/** A new space (`index` null), or a change to space `index`. */
function SpaceForm({
  settings,
  index,
  onDone,
}: {
  settings: OpenSpaceSettings;
  index: number | null;
  onDone: () => void;
}) {
  const t = useTranslations('spaceConsole.setup');
  const isolate = useIsolate();
  const send = useSend();
  const before = index === null ? undefined : settings.spaces[index];
  const [name, setName] = useState(before?.name ?? '');
  const [capacity, setCapacity] = useState(before?.capacity ? String(before.capacity) : '');
  const [notes, setNotes] = useState(before?.notes ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  /** What the server would refuse, said in the console's language; null when it would accept. */
  function check(): string | null {
    const clean = name.trim();
    if (!clean) return t('problems.noName');
    const other =
      before && isOwnName(before, clean) ? null : spaceNamed(settings.spaces, clean, index ?? undefined);
    if (other !== null)
      return t('problems.nameTaken', { name: isolate(settings.spaces[other]?.name ?? clean) });
    const seats = Number(capacity);
    if (capacity.trim() !== '' && !(Number.isInteger(seats) && seats >= 1 && seats <= LIMITS.spaceSeats))
      return t('problems.seats', { max: LIMITS.spaceSeats });
    return null;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const wrong = check();
    setProblem(wrong);
    if (wrong) return;
    const space = {
      name: name.trim(),
      capacity: capacity.trim() === '' ? null : Number(capacity),
      notes: notes.trim(),
    };
    if (index === null) send('space.add', space);
    else send('space.edit', { space: index, ...space });
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2" data-testid="space-form">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          <span className="font-semibold">{t('name')}</span>
          <input
            value={name}
            maxLength={LIMITS.spaceName}
            dir="auto"
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setName(e.target.value)}
            className={`${input} w-48`}
          />
        </label>
        <label className="flex flex-col">
          <span className="font-semibold">
            {t('seats')} <span className="font-normal text-stone-600">{t('seatsHint')}</span>
          </span>
          <input
            type="number"
            min={1}
            max={LIMITS.spaceSeats}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            className={`${input} w-28`}
          />
        </label>
        <label className="flex min-w-48 flex-1 flex-col">
          <span className="font-semibold">{t('notes')}</span>
          <input
            value={notes}
            maxLength={LIMITS.spaceNotes}
            dir="auto"
            placeholder={t('notesPlaceholder')}
            onChange={(e) => setNotes(e.target.value)}
            className={`${input} w-full`}
          />
        </label>
      </div>
      {problem && (
        <p role="alert" className="text-red-800">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{index === null ? t('addTheSpace') : t('saveSpace')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A new time slot: it may fall anywhere in the day, but not on another slot's time. */
function SlotForm({ settings, onDone }: { settings: OpenSpaceSettings; onDone: () => void }) {
  const t = useTranslations('spaceConsole.setup');
  const places = usePlaceNames();
  const send = useSend();
  const last = settings.slots[slotsInTimeOrder(settings.slots).at(-1) ?? -1];
  const [start, setStart] = useState(last?.end ?? '');
  const [end, setEnd] = useState('');
  const [label, setLabel] = useState('');
  const [isBreak, setIsBreak] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function check(): string | null {
    if (!start || !end) return t('problems.times');
    if (end <= start) return t('problems.order');
    const other = settings.slots[overlappingSlot(settings.slots, { start, end }) ?? -1];
    if (other)
      return t('problems.overlap', {
        slot: places.times(start, end),
        other: places.times(other.start, other.end),
      });
    return null;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const wrong = check();
    setProblem(wrong);
    if (wrong) return;
    send('slot.add', { start, end, label: label.trim(), isBreak });
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2" data-testid="slot-form">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          <span className="font-semibold">{t('start')}</span>
          <input
            type="time"
            value={start}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setStart(e.target.value)}
            className={input}
          />
        </label>
        <label className="flex flex-col">
          <span className="font-semibold">{t('end')}</span>
          <input
            type="time"
            value={end}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setEnd(e.target.value)}
            className={input}
          />
        </label>
        <label className="flex min-w-40 flex-1 flex-col">
          <span className="font-semibold">
            {t('label')} <span className="font-normal text-stone-600">{t('optional')}</span>
          </span>
          <input
            value={label}
            maxLength={LIMITS.slotLabel}
            dir="auto"
            onChange={(e) => setLabel(e.target.value)}
            className={`${input} w-full`}
          />
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            checked={isBreak}
            onChange={(e) => setIsBreak(e.target.checked)}
            className="size-5 shrink-0"
          />
          {t('isBreak')}
        </label>
      </div>
      {problem && (
        <p role="alert" className="text-red-800">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t('addTheSlot')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
