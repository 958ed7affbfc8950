/**
 * The message catalogues, one chunk each: a phone that switches language downloads only the one
 * it switches to. The English catalogue is the reference every other one must match
 * (`lib/i18n/catalogues.test.ts`).
 */
import type { Locale } from '../../lib/i18n/locales';
import type en from '../../messages/en.json';

export type Messages = typeof en;

/** One loader per language offered: TypeScript insists a new language gets one. */
const LOADERS: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import('../../messages/en.json'),
  pl: () => import('../../messages/pl.json'),
  ar: () => import('../../messages/ar.json'),
};

export const loadMessages = (locale: Locale): Promise<Messages> => LOADERS[locale]().then((m) => m.default);
