'use client';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { LIMITS } from '../../lib/limits';
import { draftKey, type OpenSpaceDraft, type SlotDraft, type SpaceDraft } from '../../lib/setup-draft';
import { Button } from '../ui/Button';

export type { OpenSpaceDraft, SlotDraft, SpaceDraft } from '../../lib/setup-draft';
export { openSpaceSettings } from '../../lib/setup-draft';

/** An example to start from, its names in the organiser's language. */
export const defaultOpenSpace = (t: ReturnType<typeof useTranslations<'site'>>): OpenSpaceDraft => ({
  theme: '',
  slots: [
    { key: draftKey(), start: '10:00', end: '11:00', isBreak: false, label: '' },
    { key: draftKey(), start: '11:15', end: '12:15', isBreak: false, label: '' },
    { key: draftKey(), start: '12:15', end: '13:00', isBreak: true, label: t('openSpace.defaults.lunch') },
    { key: draftKey(), start: '13:00', end: '14:00', isBreak: false, label: '' },
  ],
  spaces: [
    {
      key: draftKey(),
      name: t('openSpace.defaults.mainHall'),
      capacity: '40',
      notes: t('openSpace.defaults.mainHallNotes'),
    },
    {
      key: draftKey(),
      name: t('openSpace.defaults.room2'),
      capacity: '15',
      notes: t('openSpace.defaults.room2Notes'),
    },
    { key: draftKey(), name: t('openSpace.defaults.gardenRoom'), capacity: '', notes: '' },
  ],
  selfScheduling: true,
  votesPerPerson: '3',
});

const input = 'rounded-lg border-2 border-stone-400 px-2 py-1';

/** The Open Space part of setting up an event: theme, time slots (with breaks) and spaces. */
export function OpenSpaceFields({
  value,
  onChange,
}: {
  value: OpenSpaceDraft;
  onChange: (v: OpenSpaceDraft) => void;
}) {
  const t = useTranslations('site.openSpace');
  const uid = useId();
  const set = (patch: Partial<OpenSpaceDraft>) => onChange({ ...value, ...patch });
  const setSlot = (i: number, patch: Partial<SlotDraft>) =>
    set({ slots: value.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setSpace = (i: number, patch: Partial<SpaceDraft>) =>
    set({ spaces: value.spaces.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <fieldset className="space-y-5 rounded-lg border-2 border-stone-200 p-4">
      <legend className="px-1 font-semibold">{t('legend')}</legend>
      <div>
        <label htmlFor={`${uid}-theme`} className="font-medium">
          {t.rich('theme', { hint: (c) => <span className="font-normal text-stone-600">{c}</span> })}
        </label>
        <textarea
          id={`${uid}-theme`}
          rows={2}
          maxLength={LIMITS.question}
          value={value.theme}
          onChange={(e) => set({ theme: e.target.value })}
          className="mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2"
        />
      </div>

      <div>
        <h2 className="font-medium">{t('timeSlots')}</h2>
        <ol className="mt-2 space-y-2">
          {value.slots.map((s, i) => (
            <li key={s.key} className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-100 p-2">
              <label className="flex items-center gap-1">
                <span className="sr-only">{t('slotStarts', { n: i + 1 })}</span>
                <input
                  type="time"
                  value={s.start}
                  onChange={(e) => setSlot(i, { start: e.target.value })}
                  className={input}
                />
              </label>
              <span aria-hidden="true">{t('to')}</span>
              <label className="flex items-center gap-1">
                <span className="sr-only">{t('slotEnds', { n: i + 1 })}</span>
                <input
                  type="time"
                  value={s.end}
                  onChange={(e) => setSlot(i, { end: e.target.value })}
                  className={input}
                />
              </label>
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  checked={s.isBreak}
                  onChange={(e) => setSlot(i, { isBreak: e.target.checked })}
                  className="size-5 shrink-0"
                />
                {t('break')}
              </label>
              <label className="flex min-w-32 flex-1 items-center gap-1">
                <span className="sr-only">{t('slotLabel', { n: i + 1 })}</span>
                <input
                  placeholder={t('labelPlaceholder')}
                  value={s.label}
                  maxLength={LIMITS.slotLabel}
                  onChange={(e) => setSlot(i, { label: e.target.value })}
                  className={`${input} w-full`}
                />
              </label>
              {value.slots.length > 1 && (
                <Button variant="ghost" onClick={() => set({ slots: value.slots.filter((_, j) => j !== i) })}>
                  {t('removeSlot', { n: i + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="mt-2"
          onClick={() => {
            const last = value.slots[value.slots.length - 1];
            set({
              slots: [
                ...value.slots,
                {
                  key: draftKey(),
                  start: last?.end ?? '09:00',
                  end: last?.end ?? '10:00',
                  isBreak: false,
                  label: '',
                },
              ],
            });
          }}
        >
          {t('addSlot')}
        </Button>
      </div>

      <div>
        <h2 className="font-medium">{t('spaces')}</h2>
        <ol className="mt-2 space-y-2">
          {value.spaces.map((s, i) => (
            <li key={s.key} className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-100 p-2">
              <label className="flex items-center gap-1">
                <span className="sr-only">{t('spaceName', { n: i + 1 })}</span>
                <input
                  placeholder={t('namePlaceholder')}
                  value={s.name}
                  maxLength={LIMITS.spaceName}
                  onChange={(e) => setSpace(i, { name: e.target.value })}
                  className={`${input} w-40`}
                />
              </label>
              <label className="flex items-center gap-1">
                <span className="text-sm">{t('seats')}</span>
                <input
                  type="number"
                  min={1}
                  placeholder={t('anySeats')}
                  value={s.capacity}
                  onChange={(e) => setSpace(i, { capacity: e.target.value })}
                  className={`${input} w-24`}
                  aria-label={t('spaceSeats', { n: i + 1 })}
                />
              </label>
              <label className="flex flex-1 items-center gap-1">
                <span className="sr-only">{t('spaceNotes', { n: i + 1 })}</span>
                <input
                  placeholder={t('notesPlaceholder')}
                  value={s.notes}
                  maxLength={LIMITS.spaceNotes}
                  onChange={(e) => setSpace(i, { notes: e.target.value })}
                  className={`${input} w-full min-w-40`}
                />
              </label>
              {value.spaces.length > 1 && (
                <Button
                  variant="ghost"
                  onClick={() => set({ spaces: value.spaces.filter((_, j) => j !== i) })}
                >
                  {t('removeSpace', { n: i + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="mt-2"
          onClick={() =>
            set({ spaces: [...value.spaces, { key: draftKey(), name: '', capacity: '', notes: '' }] })
          }
        >
          {t('addSpace')}
        </Button>
      </div>

      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          checked={value.selfScheduling}
          onChange={(e) => set({ selfScheduling: e.target.checked })}
          className="size-5 shrink-0"
        />
        {t('selfScheduling')}
      </label>
      <label className="flex items-center gap-3">
        {t('votesPerPerson')}
        <input
          type="number"
          min={1}
          max={20}
          value={value.votesPerPerson}
          onChange={(e) => set({ votesPerPerson: e.target.value })}
          className={`${input} w-20`}
        />
      </label>
    </fieldset>
  );
}
