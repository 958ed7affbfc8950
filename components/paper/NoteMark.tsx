'use client';
import { useTranslations } from 'next-intl';
import { noteMark } from '../../lib/notes/paper-screen';
import type { Note } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';

/**
 * The small mark on a note not written on a phone: "Paper card" or "Imported", with the name the
 * person gave, if any. Such a note has no author, so nothing else names anyone.
 */
export function NoteMark({
  note,
  className = 'bg-amber-100 text-amber-950',
}: {
  note: Pick<Note, 'source' | 'givenName'>;
  /** Colours (and size) for the screen it sits on. */
  className?: string;
}) {
  const t = useTranslations('paper');
  const isolate = useIsolate();
  const mark = noteMark(note);
  if (!mark) return null;
  const paper = mark.kind === 'paper';
  const text = mark.name
    ? t(paper ? 'paperNamed' : 'importedNamed', { name: isolate(mark.name) })
    : t(paper ? 'paper' : 'imported');
  return (
    <span
      className={`inline-block rounded-md px-1.5 text-sm font-medium ${className}`}
      data-testid={paper ? 'mark-paper' : 'mark-imported'}
    >
      {text}
    </span>
  );
}
