'use client';
import { useEffect, useState } from 'react';
import { tokenFor } from './saved';

/**
 * The facilitator token travels in the link's #fragment (never sent to the server in a URL or
 * a log) and is remembered on this computer; the fragment wins when both are present.
 */
export function useFacilitatorToken(eventId: string): { token: string | null; ready: boolean } {
  const [state, setState] = useState<{ token: string | null; ready: boolean }>({ token: null, ready: false });
  useEffect(() => {
    const fromHash = window.location.hash.replace(/^#/, '');
    setState({ token: /^[A-Za-z0-9_-]{20,64}$/.test(fromHash) ? fromHash : tokenFor(eventId), ready: true });
  }, [eventId]);
  return state;
}
