'use client';
/**
 * In an event where each person chooses whether to give a name, someone who gave one may still
 * post a note without it: nobody but their own phone is told who wrote that note.
 */
import { useTranslations } from 'next-intl';
import type { EventState } from '../../lib/state';
import { personById } from '../../lib/state';

/** Whether this person may leave their name off a note: the event lets them choose, and they gave one. */
export const mayLeaveNameOff = (event: EventState, me: string): boolean =>
  event.settings.identity === 'choice' && !!personById(event, me)?.name;

/** The box under a note composer: "Post this note without my name". */
export function WithoutNameBox({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslations('notes');
  return (
    <label className="mt-2 flex min-h-11 items-center gap-3">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-5 shrink-0"
        data-testid="without-name"
      />
      {t('withoutName')}
    </label>
  );
}
