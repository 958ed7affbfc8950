'use client';
import { useEffect, useState } from 'react';
import type { LiveGroup } from '../../lib/harvest/actions';

/**
 * One poll per event, link and query, however many parts of a screen show the same live themes
 * (the console's live view and its projector control): theming runs on the server, so every
 * request costs it.
 */
interface Poll {
  groups: LiveGroup[] | null;
  listeners: Set<(groups: LiveGroup[]) => void>;
  stop: () => void;
}
const polls = new Map<string, Poll>();

function subscribe(
  eventId: string,
  token: string,
  query: string,
  everyMs: number,
  onGroups: (g: LiveGroup[]) => void,
) {
  const key = `${eventId}#${token}?${query}`;
  let poll = polls.get(key);
  if (!poll) {
    const p: Poll = { groups: null, listeners: new Set(), stop: () => undefined };
    const load = () =>
      fetch(`/api/events/${eventId}/live-themes${query ? `?${query}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      })
        .then((r) => (r.ok ? (r.json() as Promise<{ groups: LiveGroup[] }>) : null))
        .then((body) => {
          if (!body || polls.get(key) !== p) return;
          p.groups = body.groups;
          for (const l of p.listeners) l(body.groups);
        })
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, everyMs);
    p.stop = () => clearInterval(timer);
    polls.set(key, p);
    poll = p;
  }
  const current = poll;
  current.listeners.add(onGroups);
  if (current.groups) onGroups(current.groups);
  return () => {
    current.listeners.delete(onGroups);
    if (current.listeners.size === 0) {
      current.stop();
      polls.delete(key);
    }
  };
}

/**
 * Machine themes as notes arrive, worked out on the server (the theming engine stays off phones
 * and out of page downloads) and refreshed while the screen is open. `query` adds the live-themes
 * options (`granularity=-1`, `across=1`); with null nothing is asked and nothing is kept, so a
 * screen that stops showing them shows no stale themes later.
 */
export function useLiveThemes(
  eventId: string,
  token: string,
  everyMs = 5_000,
  query: string | null = '',
): LiveGroup[] | null {
  const [groups, setGroups] = useState<LiveGroup[] | null>(null);
  useEffect(() => {
    setGroups(null);
    if (query === null) return;
    return subscribe(eventId, token, query, everyMs, setGroups);
  }, [eventId, token, everyMs, query]);
  return groups;
}
