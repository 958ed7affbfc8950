'use client';
import { useTranslations } from 'next-intl';
import { useLive } from '../live/store';

/**
 * Tells a person, in plain words, whether what they wrote has reached the server. On a phone
 * (`phone`): "Saved", "Waiting to send (N)", and, with no connection, that their notes are kept
 * on the phone; the console keeps its own wording.
 */
export function ConnectionBadge({ phone = false }: { phone?: boolean }) {
  const t = useTranslations('connection');
  const status = useLive((s) => s.status);
  const waiting = useLive((s) => s.outbox.length);
  let text: string;
  let tone: string;
  if (status === 'online' && waiting === 0) {
    text = t(phone ? 'phoneSaved' : 'saved');
    tone = 'bg-emerald-100 text-emerald-900';
  } else if (status === 'online') {
    text = t(phone ? 'phoneWaiting' : 'sending', { count: waiting });
    tone = 'bg-amber-100 text-amber-900';
  } else if (waiting > 0) {
    text = t(phone ? 'phoneWaitingOffline' : 'waiting', { count: waiting });
    tone = 'bg-amber-100 text-amber-900';
  } else if (status === 'connecting') {
    text = t('connecting');
    tone = 'bg-stone-200 text-stone-800';
  } else {
    text = t(phone ? 'phoneOffline' : 'offline');
    tone = 'bg-amber-100 text-amber-900';
  }
  return (
    <output
      aria-live="polite"
      className={`inline-block rounded-full px-3 py-1 text-sm font-medium ${phone ? '' : 'whitespace-nowrap '}${tone}`}
    >
      {text}
    </output>
  );
}
