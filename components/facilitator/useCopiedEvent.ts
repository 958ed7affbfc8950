'use client';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { TemplateSettings } from '../../lib/template';
import { tokenFor } from './saved';

/** Where copying an event stands, for the set-up page to say. */
export type Copied =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'loaded'; title: string }
  | { state: 'failed'; why: 'notOrganiser' | 'gone' | 'noLink' | 'noServer' | 'other' };

/**
 * "Copy as a new event": the console opens the set-up page at `/new?from=<eventId>#<token>`. The
 * organiser's token travels in the #fragment, as in every facilitator link (never sent in an
 * address, so never in a log), or is the one this laptop remembers; it is taken off the address
 * at once. The event's settings (`GET /api/events/<id>/template.json`) go to `apply` once.
 */
export function useCopiedEvent(apply: (settings: TemplateSettings) => void): Copied {
  const params = useSearchParams();
  const from = params.get('from');
  const [copied, setCopied] = useState<Copied>({ state: from ? 'loading' : 'none' });
  const applyRef = useRef(apply);
  applyRef.current = apply;
  // Kept here once read: the address no longer has it when an effect runs a second time.
  const fromHash = useRef<string | null>(null);
  useEffect(() => {
    if (!from) return;
    const hash = window.location.hash.replace(/^#/, '');
    if (/^[A-Za-z0-9_-]{20,64}$/.test(hash)) fromHash.current = hash;
    if (hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    const token = fromHash.current ?? tokenFor(from);
    if (!token) {
      setCopied({ state: 'failed', why: 'noLink' });
      return;
    }
    let live = true;
    (async () => {
      try {
        const res = await fetch(`/api/events/${encodeURIComponent(from)}/template.json`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (!live) return;
        if (!res.ok) {
          const why = res.status === 403 ? 'notOrganiser' : res.status === 404 ? 'gone' : 'other';
          setCopied({ state: 'failed', why });
          return;
        }
        const body = (await res.json()) as { settings: TemplateSettings };
        if (!live) return;
        applyRef.current(body.settings);
        setCopied({ state: 'loaded', title: body.settings.title });
      } catch {
        if (live) setCopied({ state: 'failed', why: 'noServer' });
      }
    })();
    return () => {
      live = false;
    };
  }, [from]);
  return copied;
}
