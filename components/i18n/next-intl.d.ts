/** Message keys are checked against the English catalogue wherever `useTranslations` is used. */
import type en from '../../messages/en.json';

declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof en;
  }
}
