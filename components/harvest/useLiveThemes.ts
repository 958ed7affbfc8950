'use client';
import { useEffect, useState } from 'react';
import type { LiveGroup } from '../../lib/harvest/actions';

/**
 * Machine themes as notes arrive, worked out on the server (the theming engine stays off phones
 * and out of page downloads) and refreshed while the screen is open. With `enabled` false nothing
 * is asked and nothing is kept, so a screen that stops showing them shows no stale themes later.
 */
export function useLiveThemes(
  eventId: string,
  token: string,
  everyMs = 5_000,
  enabled = true,
): LiveGroup[] | null {
  const [groups, setGroups] = useState<LiveGroup[] | null>(null);
  useEffect(() => {
    if (!enabled) {
      setGroups(null);
      return;
    }
    let live = true;
    const load = () =>
      fetch(`/api/events/${eventId}/live-themes`, { headers: { authorization: `Bearer ${token}` } })
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
  }, [eventId, token, everyMs, enabled]);
  return groups;
}
