/**
 * The language a phone's page is first shown in, and only that catalogue, sent with the page so
 * the first screen needs no second request. Server-only: the phone switches by itself afterwards
 * (`components/i18n/PersonalIntl.tsx`).
 */
import { cookies, headers } from 'next/headers';
import type { Messages } from '../components/i18n/messages';
import { LOCALE_STORAGE_KEY, type Locale, requestLocale } from '../lib/i18n/locales';
import ar from '../messages/ar.json';
import en from '../messages/en.json';
import pl from '../messages/pl.json';

const CATALOGUES: Record<Locale, Messages> = { en, pl, ar };

export async function firstLocale(): Promise<{ locale: Locale; messages: Messages }> {
  const locale = requestLocale(
    (await cookies()).get(LOCALE_STORAGE_KEY)?.value,
    (await headers()).get('accept-language'),
  );
  return { locale, messages: CATALOGUES[locale] };
}
