/**
 * next-intl's request configuration, which its Next.js plugin (next.config.js) requires. Server
 * components that translate (page titles, the accessibility statement) get the language the
 * browser's own screens would be shown in, with every catalogue: nothing here is sent to phones.
 */
import { getRequestConfig } from 'next-intl/server';
import { pageLocale } from '../app/locale';
import { loadMessages } from '../components/i18n/messages';
import { intlLocale, PARTS } from '../lib/i18n/locales';

export default getRequestConfig(async () => {
  const locale = await pageLocale();
  return { locale: intlLocale(locale), messages: await loadMessages(locale, PARTS), timeZone: 'UTC' };
});
