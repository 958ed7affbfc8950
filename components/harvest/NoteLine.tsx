'use client';
import { useTranslations } from 'next-intl';
import { type FocusEvent, type KeyboardEvent, useRef, useState } from 'react';
import type { HarvestTheme } from '../../lib/harvest/state';
import type { EventState, Note } from '../../lib/state';
import { RemoveNote, useCanModerate } from '../facilitator/Moderation';
import { useIsolate } from '../i18n/bidi';
import { useSend } from '../live/useConnection';
import { NoteMark } from '../paper/NoteMark';
import { useHarvestWords } from './view';

/**
 * One note on one line: its text cut to fit (all of it on hover, and when it has focus), a press
 * to select it (for "Move to…" and "New theme from selected"), and a "⋯" menu for the rest. It
 * can be dragged onto a theme, or onto "No theme".
 */
export function NoteLine({
  event,
  note,
  themeId,
  targets,
  selected,
  onToggle,
  onDrag,
  onMove,
}: {
  event: EventState;
  note: Note;
  themeId: string | null;
  /** The themes of the note's question it could move to. */
  targets: HarvestTheme[];
  selected: boolean;
  onToggle: () => void;
  onDrag: (dragging: boolean) => void;
  onMove: (themeId: string | null) => void;
}) {
  const t = useTranslations('harvestConsole.note');
  const words = useHarvestWords();
  const h = event.harvest;
  if (!h) return null;
  const hidden = h.hidden.includes(note.id);
  const quoted = h.quotes.includes(note.id);
  return (
    <li
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', note.id);
        e.dataTransfer.effectAllowed = 'move';
        onDrag(true);
      }}
      onDragEnd={() => onDrag(false)}
      className={`flex min-w-0 cursor-grab flex-wrap items-start gap-x-1 rounded-md ${
        selected
          ? 'bg-brand-100 outline outline-2 outline-brand-700'
          : hidden
            ? 'bg-stone-200'
            : 'bg-brand-50'
      }`}
      data-testid="harvest-note"
    >
      <button
        type="button"
        aria-pressed={selected}
        onClick={onToggle}
        title={`${note.text}\n${words.place(event, note)}`}
        className={`min-h-8 min-w-0 flex-1 overflow-hidden text-ellipsis whitespace-nowrap px-2 py-1 text-start text-sm focus:whitespace-pre-wrap focus:break-words ${
          hidden ? 'text-stone-600' : ''
        }`}
      >
        {quoted && (
          <>
            <span aria-hidden="true">★ </span>
            <span className="sr-only">{t('quote')} </span>
          </>
        )}
        {note.source && <NoteMark note={note} className="me-1 bg-amber-100 text-xs text-amber-950" />}
        <bdi>{note.text}</bdi>
        {hidden && <span className="ms-2 font-semibold">{t('hidden')}</span>}
      </button>
      <NoteMenu
        note={note}
        themeId={themeId}
        targets={targets}
        hidden={hidden}
        quoted={quoted}
        onMove={onMove}
      />
    </li>
  );
}

function NoteMenu({
  note,
  themeId,
  targets,
  hidden,
  quoted,
  onMove,
}: {
  note: Note;
  themeId: string | null;
  targets: HarvestTheme[];
  hidden: boolean;
  quoted: boolean;
  onMove: (themeId: string | null) => void;
}) {
  const t = useTranslations('harvestConsole.note');
  const isolate = useIsolate();
  const send = useSend();
  const moderate = useCanModerate();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
  const item = 'block w-full rounded px-3 py-1.5 text-start text-sm hover:bg-brand-50 focus:bg-brand-50';
  const box = useRef<HTMLDivElement>(null);
  // Every control of the menu closes it on Escape, and when focus leaves the menu.
  const keep = {
    onKeyDown: onKey,
    onBlur: (e: FocusEvent) => {
      if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
    },
  };
  return (
    // `contents`: the opener sits at the end of the note's line, and the open menu takes a line of
    // its own under it, pushing the next notes down rather than covering them.
    <div ref={box} className="contents">
      <button
        ref={opener}
        {...keep}
        type="button"
        aria-expanded={open}
        aria-label={t('menu', { text: isolate(note.text.slice(0, 60)) })}
        onClick={() => setOpen((o) => !o)}
        className="min-h-8 min-w-8 shrink-0 rounded-md px-1 font-bold text-stone-700 hover:bg-white"
      >
        ⋯
      </button>
      {open && (
        <div className="mx-1 mb-1 basis-full rounded-lg border-2 border-stone-300 bg-white p-1">
          <button
            type="button"
            {...keep}
            className={item}
            onClick={() => {
              send('harvest.quote-note', { noteId: note.id, quoted: !quoted });
              close();
            }}
          >
            {quoted ? t('notQuote') : t('markQuote')}
          </button>
          <button
            type="button"
            {...keep}
            className={item}
            onClick={() => {
              send('harvest.hide-note', { noteId: note.id, hidden: !hidden });
              close();
            }}
          >
            {hidden ? t('show') : t('hide')}
          </button>
          {(targets.length > 0 || themeId !== null) && (
            <fieldset className="mt-1 border-t border-stone-200 pt-1">
              <legend className="px-3 text-xs font-semibold text-stone-700">{t('moveTo')}</legend>
              {targets.map((target) => (
                <button
                  key={target.id}
                  type="button"
                  {...keep}
                  className={`${item} truncate`}
                  onClick={() => {
                    onMove(target.id);
                    close();
                  }}
                >
                  <bdi>{target.label}</bdi>
                </button>
              ))}
              {themeId !== null && (
                <button
                  {...keep}
                  type="button"
                  className={item}
                  onClick={() => {
                    onMove(null);
                    close();
                  }}
                >
                  {t('noTheme')}
                </button>
              )}
            </fieldset>
          )}
          {/* Taking a note off every screen comes last, apart from the everyday choices. */}
          {moderate && (
            <div className="mt-1 flex flex-wrap border-t border-stone-200 px-1 pt-1">
              <RemoveNote note={note} compact />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
