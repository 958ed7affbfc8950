'use client';
/** Open Space words that depend on the event, in the phone's language. */
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { dirOf } from '../../lib/i18n/locales';
import type { Session } from '../../lib/openspace/state';
import type { EventState } from '../../lib/state';
import { usePersonName } from './names';
import { useLocaleChoice } from './PersonalIntl';

/** Who convenes a session: "the facilitators", "anonymous", or the names joined as a list. */
export function useConvenerNames(): (state: EventState, s: Session) => string {
  const t = useTranslations('openSpace');
  const format = useFormatter();
  const nameOf = usePersonName();
  return useCallback(
    (state: EventState, s: Session) => {
      if (s.conveners.length === 0) return t('facilitators');
      if (s.anonymous) return t('anonymous');
      return format.list(
        s.conveners.map((pid) => nameOf(state, pid)),
        { type: 'conjunction' },
      );
    },
    [t, format, nameOf],
  );
}

/**
 * A time slot ("10:00–11:00 · label") and a space by name, or say that there is none yet. In a
 * right-to-left language the times are isolated as left-to-right, or "10:00–11:00" would read
 * "11:00–10:00". `spaceWithNotes` adds the space's access notes ("Hall (step-free, hearing
 * loop)"), for wherever people choose where to go; the name and the notes are each isolated, as
 * people typed them.
 */
export function usePlaceNames() {
  const t = useTranslations('openSpace');
  const rtl = dirOf(useLocaleChoice()?.locale ?? 'en') === 'rtl';
  return useMemo(() => {
    const isolate = (text: string) => (rtl ? `\u2068${text}\u2069` : text);
    const spaceOf = (state: EventState, space: number | null) =>
      space === null ? undefined : state.settings.openSpace?.spaces[space];
    const times = (start: string, end: string) => (rtl ? `\u2066${start}–${end}\u2069` : `${start}–${end}`);
    return {
      times,
      slot: (state: EventState, slot: number | null) => {
        const s = slot === null ? undefined : state.settings.openSpace?.slots[slot];
        if (!s) return t('notOnAgenda');
        return `${times(s.start, s.end)}${s.label ? ` · ${s.label}` : ''}`;
      },
      space: (state: EventState, space: number | null) => spaceOf(state, space)?.name ?? t('noSpace'),
      spaceWithNotes: (state: EventState, space: number | null) => {
        const sp = spaceOf(state, space);
        if (!sp) return t('noSpace');
        if (!sp.notes) return isolate(sp.name);
        return t('spaceWithNotes', { space: isolate(sp.name), notes: isolate(sp.notes) });
      },
    };
  }, [t, rtl]);
}
