import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { HarvestState } from '../../lib/harvest/state';
import type { EventState, Note } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';

/** Total dots per theme. */
export function harvestDots(h: HarvestState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of Object.values(h.votes))
    for (const [id, d] of Object.entries(v)) out[id] = (out[id] ?? 0) + d;
  return out;
}

/**
 * Where notes came from, in the organiser's language: the spread of a theme ("3 tables and
 * 1 session") and the place of one note ("Round 1, table 2").
 */
export function useHarvestWords() {
  const t = useTranslations('harvestConsole.words');
  const format = useFormatter();
  const isolate = useIsolate();
  return useMemo(() => {
    const spreadOf = (tables: number, sessions: number) => {
      const parts = [
        ...(tables ? [t('tables', { count: tables })] : []),
        ...(sessions ? [t('sessions', { count: sessions })] : []),
      ];
      return parts.length ? format.list(parts, { type: 'conjunction' }) : t('nowhere');
    };
    return {
      /** The spread from the notes' places (`placeOf` keys: `s:…` a session, `t:…` a table). */
      spread: (places: Iterable<string>) => {
        const keys = [...new Set(places)];
        const sessions = keys.filter((k) => k.startsWith('s:')).length;
        return spreadOf(keys.length - sessions, sessions);
      },
      /** The spread the server worked out for the live themes, said in English: read its numbers. */
      spreadFromWords: (words: string) =>
        spreadOf(
          Number(/(\d+) tables?\b/.exec(words)?.[1] ?? 0),
          Number(/(\d+) sessions?\b/.exec(words)?.[1] ?? 0),
        ),
      /** Where one note was written. */
      place: (state: EventState, n: Note) =>
        n.session !== null
          ? t('inSession', { title: isolate(state.openSpace?.sessions[n.session]?.title ?? '') })
          : t('atTable', { round: n.round + 1, table: n.table }),
    };
  }, [t, format, isolate]);
}
