/**
 * The language a page is first shown in, and only that language's catalogues, sent with the page
 * so the first screen needs no second request. Server-only: the browser switches by itself
 * afterwards (`components/i18n/PersonalIntl.tsx`).
 */
import { cookies, headers } from 'next/headers';
import { loadMessages, type Messages } from '../components/i18n/messages';
import { LOCALE_STORAGE_KEY, type Locale, type Part, requestLocale } from '../lib/i18n/locales';

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
  return { locale, messages: await loadMessages(locale, parts), parts };
}
