/**
 * The language a page is first shown in, and only that language's catalogues, sent with the page
 * so the first screen needs no second request. Server-only: the browser switches by itself
 * afterwards (`components/i18n/PersonalIntl.tsx`).
 */
import { cookies, headers } from 'next/headers';
import type { Messages, PartMessages, PhoneMessages } from '../components/i18n/messages';
import { LOCALE_STORAGE_KEY, type Locale, type Part, requestLocale } from '../lib/i18n/locales';
import ar from '../messages/ar.json';
import consoleAr from '../messages/console/ar.json';
import consoleEn from '../messages/console/en.json';
import consolePl from '../messages/console/pl.json';
import en from '../messages/en.json';
import harvestConsoleAr from '../messages/harvestConsole/ar.json';
import harvestConsoleEn from '../messages/harvestConsole/en.json';
import harvestConsolePl from '../messages/harvestConsole/pl.json';
import pl from '../messages/pl.json';
import projectorAr from '../messages/projector/ar.json';
import projectorEn from '../messages/projector/en.json';
import projectorPl from '../messages/projector/pl.json';
import siteAr from '../messages/site/ar.json';
import siteEn from '../messages/site/en.json';
import sitePl from '../messages/site/pl.json';
import spaceConsoleAr from '../messages/spaceConsole/ar.json';
import spaceConsoleEn from '../messages/spaceConsole/en.json';
import spaceConsolePl from '../messages/spaceConsole/pl.json';

const PHONE: Record<Locale, PhoneMessages> = { en, pl, ar };

const PARTS: Record<Locale, PartMessages> = {
  en: {
    site: siteEn,
    console: consoleEn,
    spaceConsole: spaceConsoleEn,
    harvestConsole: harvestConsoleEn,
    projector: projectorEn,
  },
  pl: {
    site: sitePl,
    console: consolePl,
    spaceConsole: spaceConsolePl,
    harvestConsole: harvestConsolePl,
    projector: projectorPl,
  },
  ar: {
    site: siteAr,
    console: consoleAr,
    spaceConsole: spaceConsoleAr,
    harvestConsole: harvestConsoleAr,
    projector: projectorAr,
  },
};

/** A locale's phone catalogue with the given parts; every part when none are named (server only). */
export function catalogue(locale: Locale, parts?: readonly Part[]): Messages {
  const all = PARTS[locale];
  const chosen = parts ? Object.fromEntries(parts.map((p) => [p, all[p]])) : all;
  // A page only reads the namespaces it was given.
  return { ...PHONE[locale], ...chosen } as Messages;
}

/** This browser's language, from its earlier choice (cookie) or its Accept-Language. */
export async function pageLocale(): Promise<Locale> {
  return requestLocale(
    (await cookies()).get(LOCALE_STORAGE_KEY)?.value,
    (await headers()).get('accept-language'),
  );
}

export async function firstLocale(
  parts: readonly Part[] = [],
): Promise<{ locale: Locale; messages: Messages; parts: readonly Part[] }> {
  const locale = await pageLocale();
  return { locale, messages: catalogue(locale, parts), parts };
}
