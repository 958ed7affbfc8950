'use client';
import { useEffect, useState } from 'react';
import type { LiveGroup } from '../../lib/harvest/actions';

/**
 * Machine themes as notes arrive, worked out on the server (the theming engine stays off phones
 * and out of page downloads) and refreshed while the screen is open. `query` adds the
 * live-themes options (`granularity=-1`, `across=1`); null fetches nothing.
 */
export function useLiveThemes(
  eventId: string,
  token: string,
  everyMs = 5_000,
  query: string | null = '',
): LiveGroup[] | null {
  const [groups, setGroups] = useState<LiveGroup[] | null>(null);
  useEffect(() => {
    if (query === null) return;
    let live = true;
    setGroups(null);
    const load = () =>
      fetch(`/api/events/${eventId}/live-themes${query ? `?${query}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      })
        .then((r) => (r.ok ? (r.json() as Promise<{ groups: LiveGroup[] }>) : null))
        .then((body) => {
          if (live && body) setGroups(body.groups);
        })
        .catch(() => undefined);
    void load();
    const t = setInterval(load, everyMs);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [eventId, token, everyMs, query]);
  return groups;
}
