/** Message keys are checked against the English catalogues wherever `useTranslations` is used. */
import type { Messages } from './messages';

declare module 'next-intl' {
  interface AppConfig {
    Messages: Messages;
  }
}
