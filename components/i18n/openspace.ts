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
 * "11:00–10:00".
 */
export function usePlaceNames() {
  const t = useTranslations('openSpace');
  const rtl = dirOf(useLocaleChoice()?.locale ?? 'en') === 'rtl';
  return useMemo(
    () => ({
      slot: (state: EventState, slot: number | null) => {
        const s = slot === null ? undefined : state.settings.openSpace?.slots[slot];
        if (!s) return t('notOnAgenda');
        const times = rtl ? `\u2066${s.start}–${s.end}\u2069` : `${s.start}–${s.end}`;
        return `${times}${s.label ? ` · ${s.label}` : ''}`;
      },
      space: (state: EventState, space: number | null) =>
        (space === null ? undefined : state.settings.openSpace?.spaces[space]?.name) ?? t('noSpace'),
    }),
    [t, rtl],
  );
}
