/**
 * next-intl's request configuration, which its Next.js plugin (next.config.js) requires. Server
 * components here do not translate (the phone's screens are client components, handed their
 * catalogue by `app/locale.ts`), but if one does, it gets the same language the phone would.
 */
import { getRequestConfig } from 'next-intl/server';
import { firstLocale } from '../app/locale';

export default getRequestConfig(async () => {
  const { locale, messages } = await firstLocale();
  return { locale, messages, timeZone: 'UTC' };
});
