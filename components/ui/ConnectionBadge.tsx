'use client';
import { useLive } from '../live/store';

/** Tells a person, in plain words, whether what they wrote has reached the server. */
export function ConnectionBadge() {
  const status = useLive((s) => s.status);
  const waiting = useLive((s) => s.outbox.length);
  let text: string;
  let tone: string;
  if (status === 'online' && waiting === 0) {
    text = 'Connected · all saved';
    tone = 'bg-emerald-100 text-emerald-900';
  } else if (status === 'online') {
    text = `Sending ${waiting}…`;
    tone = 'bg-amber-100 text-amber-900';
  } else if (waiting > 0) {
    text = `Not connected · ${waiting} waiting to send`;
    tone = 'bg-amber-100 text-amber-900';
  } else if (status === 'connecting') {
    text = 'Connecting…';
    tone = 'bg-stone-200 text-stone-800';
  } else {
    text = 'Offline · reconnecting';
    tone = 'bg-amber-100 text-amber-900';
  }
  return (
    <output
      aria-live="polite"
      className={`inline-block rounded-full px-3 py-1 text-sm font-medium whitespace-nowrap ${tone}`}
    >
      {text}
    </output>
  );
}
