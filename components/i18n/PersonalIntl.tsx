'use client';
/**
 * The language of one person's screen, chosen on their own phone. The page arrives with one
 * catalogue, picked by the server (`app/locale.ts`: this phone's earlier choice, else its
 * browser's languages, else English), so the first screen waits for nothing more. The choice is
 * kept in this phone's localStorage (and mirrored in a cookie for the server). Switching loads
 * that one catalogue and re-renders in place: nothing is remounted, so the screen, a half-written
 * note and the outbox stay as they were.
 */
import { NextIntlClientProvider } from 'next-intl';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  dirOf,
  intlLocale,
  isLocale,
  LOCALE_COOKIE_MAX_AGE,
  LOCALE_STORAGE_KEY,
  type Locale,
  type Part,
} from '../../lib/i18n/locales';
import { loadMessages, type Messages } from './messages';

interface LocaleChoice {
  locale: Locale;
  choose: (locale: Locale) => void;
  /** A language chosen but not loaded (no signal): the screen stays in the one it was in. */
  unavailable: Locale | null;
}

const NO_PARTS: readonly Part[] = [];

const LocaleContext = createContext<LocaleChoice | null>(null);

/** The current language and a way to change it; null outside a screen whose person chooses. */
export const useLocaleChoice = () => useContext(LocaleContext);

function savedLocale(): Locale | null {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(saved) ? saved : null;
  } catch {
    return null;
  }
}

function remember(locale: Locale) {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage blocked: the cookie (if allowed) or the browser's languages decide next time.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie, so the server sends this language first
  document.cookie = `${LOCALE_STORAGE_KEY}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
}

export function PersonalIntl({
  locale: first,
  messages: firstMessages,
  parts = NO_PARTS,
  children,
}: {
  /** The server's choice for this browser, and its catalogue. */
  locale: Locale;
  messages: Messages;
  /** The organisers' parts this page shows, loaded with each language (none on a phone). */
  parts?: readonly Part[];
  children: ReactNode;
}) {
  const [shown, setShown] = useState<{ locale: Locale; messages: Messages }>({
    locale: first,
    messages: firstMessages,
  });
  const [unavailable, setUnavailable] = useState<Locale | null>(null);
  const wanted = useRef<Locale | null>(null);

  /** Load a catalogue and show it; `chosen` when the person picked it just now. */
  const partsKey = parts.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the parts are the same whenever their names are
  const show = useCallback(
    (locale: Locale, chosen: boolean) => {
      wanted.current = locale;
      setUnavailable(null);
      loadMessages(locale, parts).then(
        (messages) => {
          // Two quick choices: the last one wins, whichever catalogue arrives first.
          if (wanted.current !== locale) return;
          setShown({ locale, messages });
          if (chosen) remember(locale);
        },
        () => {
          if (wanted.current !== locale) return;
          wanted.current = null;
          // No signal: the screen stays as it is, and says so if the person asked.
          if (chosen) setUnavailable(locale);
        },
      );
    },
    [partsKey],
  );

  // The choice kept on this phone wins over the server's guess (its cookie may have gone).
  useEffect(() => {
    const saved = savedLocale();
    if (saved && saved !== first) show(saved, false);
  }, [first, show]);

  // A choice made in another tab of this browser (the console) reaches this one (the projector).
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === LOCALE_STORAGE_KEY && isLocale(e.newValue)) show(e.newValue, false);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [show]);

  const choose = useCallback((locale: Locale) => show(locale, true), [show]);

  // Screen readers, fonts and the direction of the whole page follow the language.
  const locale = shown.locale;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dirOf(locale);
  }, [locale]);
  useEffect(
    () => () => {
      document.documentElement.lang = 'en';
      document.documentElement.dir = 'ltr';
    },
    [],
  );

  const choice = useMemo(() => ({ locale, choose, unavailable }), [locale, choose, unavailable]);
  return (
    <LocaleContext.Provider value={choice}>
      {/* Only days typed by people are formatted, in UTC: no zone needs guessing. */}
      <NextIntlClientProvider locale={intlLocale(locale)} messages={shown.messages} timeZone="UTC">
        {children}
      </NextIntlClientProvider>
    </LocaleContext.Provider>
  );
}
