/**
 * The languages a participant's phone (and the public "What you told us" page) can be read in.
 * Each person chooses on their own phone; the choice is kept on that phone only. The message
 * catalogues are `messages/<locale>.json`; a page carries only the chosen one (`app/locale.ts`),
 * and a phone that switches loads only the new one (`components/i18n`).
 */

export const LOCALES = ['en', 'pl', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The organisers' screens are in catalogues of their own, one per part, each under a namespace of
 * the same name (`messages/<part>/<locale>.json` → `t('console.…')`). Phones never download them.
 */
export const PARTS = [
  'site',
  'console',
  'spaceConsole',
  'harvestConsole',
  'projector',
  'report',
  'evidence',
  'kit',
  'proceedings',
  'series',
] as const;
export type Part = (typeof PARTS)[number];

/** The parts the facilitator's console and the projector need (both show every stage of an event). */
export const ORGANISER_PARTS = [
  'console',
  'spaceConsole',
  'harvestConsole',
  'projector',
] as const satisfies readonly Part[];

/** Each language's name in that language, so a person finds their own without reading ours. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  pl: 'Polski',
  ar: 'العربية',
};

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export const dirOf = (locale: Locale): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr');

/**
 * `text` (a time range, a code, an address) kept left to right inside right-to-left text, as
 * `<bdi dir="ltr">` on a screen: wrapped in a left-to-right isolate (U+2066…U+2069) for Arabic,
 * unchanged otherwise. The PDFs' writer (server/pdf-text.ts) orders by it and prints no mark.
 */
export const keepLeftToRight = (text: string, locale: Locale) =>
  RIGHT_TO_LEFT.has(locale) ? `\u2066${text}\u2069` : text;

/**
 * Words people typed, set inside a translated sentence: in Arabic wrapped in a first-strong
 * isolate (U+2068…U+2069), so an English title keeps its question mark at its end, as the screens
 * isolate them; unchanged otherwise.
 */
export const keepApart = (text: string, locale: Locale) =>
  RIGHT_TO_LEFT.has(locale) ? `\u2068${text}\u2069` : text;

/**
 * The locale handed to `Intl` (plural rules, numbers, dates). English is British English (dates
 * as "1 June 2026"). Arabic keeps Western digits: table numbers, the join code and the timer must
 * match what the projector and the table signs show.
 */
export const intlLocale = (locale: Locale): string =>
  locale === 'en' ? 'en-GB' : locale === 'ar' ? 'ar-u-nu-latn' : locale;

export const isLocale = (x: unknown): x is Locale =>
  typeof x === 'string' && (LOCALES as readonly string[]).includes(x);

/**
 * The first language a phone is shown in, on the server: the choice it made before (kept in a
 * cookie as well as in its localStorage), else the first of its browser's languages we have
 * (`Accept-Language`, by preference), else English.
 */
export function requestLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return guessLocale(ranked.map((l) => l.tag));
}

/** The first of the browser's languages (e.g. `navigator.languages`) that we have, else English. */
export function guessLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/**
 * Where a phone keeps its person's choice (one per browser, for every event). Not under `cafe:`,
 * the prefix of what a phone keeps about an event (wiped when the event is deleted): the choice
 * of language is the person's, not the event's.
 */
export const LOCALE_STORAGE_KEY = 'cafe-language';

/** The cookie of the same name lasts a year. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
