'use client';
/** How people are named on a phone, in its language: their name, or "Anonymous N" translated. */
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { EventState } from '../../lib/state';
import { personById } from '../../lib/state';
import { anonymousNumber } from '../../lib/view';

export function usePersonName(): (state: EventState, pid: string | null) => string {
  const t = useTranslations('people');
  return useCallback(
    (state: EventState, pid: string | null) => {
      const name = pid ? personById(state, pid)?.name : null;
      if (name) return name;
      const n = anonymousNumber(state, pid);
      return n === null ? t('anonymous') : t('anonymousN', { n });
    },
    [t],
  );
}
