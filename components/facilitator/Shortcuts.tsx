'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

/**
 * The console's one-key shortcuts, as shown on screen (and in each button's aria-keyshortcuts),
 * with what each does in `console.shortcuts`.
 */
export const SHORTCUTS = [
  ['S', 'seat'],
  ['P', 'pause'],
  ['E', 'extend'],
  ['N', 'end'],
] as const;

/** Handlers by lower-case key, as KeyboardEvent.key gives it without Shift or Caps Lock. */
export type ShortcutKey = Lowercase<(typeof SHORTCUTS)[number][0]>;

const KEY = 'cafe:shortcuts';

/** Whether the one-key shortcuts are on, on this laptop. They can be turned off (WCAG 2.1.4). */
export function useShortcutsSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(true);
  useEffect(() => setOn(localStorage.getItem(KEY) !== 'off'), []);
  return [
    on,
    (next) => {
      setOn(next);
      localStorage.setItem(KEY, next ? 'on' : 'off');
    },
  ];
}

/** Typing a note or a name must never run the café: keys pressed in a text field are left alone. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs the handler for a shortcut key pressed anywhere on the page, except while typing. */
export function useShortcuts(on: boolean, handlers: Partial<Record<ShortcutKey, () => void>>) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      // The letter on the key, also when another alphabet's layout is on (Arabic, Cyrillic…).
      const letter = /^[a-z]$/i.test(e.key) ? e.key : /^Key([A-Z])$/.exec(e.code)?.[1];
      if (!letter) return;
      const handler = latest.current[letter.toLowerCase() as ShortcutKey];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on]);
}

/** The small list of shortcuts on the console, with the switch to turn them off. */
export function ShortcutsHelp({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  const t = useTranslations('console.shortcuts');
  return (
    <section aria-labelledby={`${id}-h`} className="mt-4 border-t-2 border-stone-200 pt-3">
      <h3 id={`${id}-h`} className="font-semibold">
        {t('heading')}
      </h3>
      <ul className="mt-1 space-y-1 text-stone-700" data-testid="shortcuts">
        {SHORTCUTS.map(([key, what]) => (
          <li key={key}>
            <kbd className="me-2 inline-block min-w-7 rounded border-2 border-stone-400 bg-stone-100 px-1.5 text-center font-mono font-bold text-stone-900">
              {key}
            </kbd>
            {t(what)}
          </li>
        ))}
      </ul>
      <label htmlFor={id} className="mt-2 flex min-h-11 items-center gap-3">
        <input
          id={id}
          type="checkbox"
          checked={on}
          onChange={(e) => onChange(e.target.checked)}
          className="size-5 shrink-0"
        />
        {t('toggle')}
      </label>
    </section>
  );
}
