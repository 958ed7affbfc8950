'use client';
/**
 * The box a note is written in, and its count of characters (or, after an empty try, what to do):
 * the phone's composer and the paper-card form share them, so both keep the same limit, the same
 * Ctrl+Enter to send, and the same count read out with the box.
 */
import { useTranslations } from 'next-intl';
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { LIMITS } from '../../lib/limits';

export function NoteBox({
  id,
  value,
  onChange,
  onSend,
  className = '',
  ref,
}: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  /** Ctrl+Enter (or Cmd+Enter) sends, as the form's button does. */
  onSend: (e: FormEvent | KeyboardEvent) => void;
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  return (
    <textarea
      ref={ref}
      id={id}
      value={value}
      rows={3}
      dir="auto"
      maxLength={LIMITS.note}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSend(e);
      }}
      aria-describedby={`${id}-count`}
      className={`block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-lg ${className}`}
    />
  );
}

/** "12 / 500" under the box, or the hint when an empty note was sent. */
export function NoteCount({ id, length, hint }: { id: string; length: number; hint: string | null }) {
  const t = useTranslations('notes');
  return (
    <span id={`${id}-count`} className="text-sm text-stone-600">
      {hint ?? <bdi dir="ltr">{t('length', { count: length, max: LIMITS.note })}</bdi>}
    </span>
  );
}
