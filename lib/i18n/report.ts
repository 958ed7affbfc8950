/**
 * The words of the documents an organiser takes away (the harvest report, the evidence section,
 * the proceedings, the print kit), in the language chosen at export. The catalogues are the
 * `report` and `evidence` parts (`messages/<part>/<locale>.json`), checked like every other
 * (`lib/i18n/catalogues.test.ts`). Used on the server and by the public page alike, so all three
 * languages are bundled: together they are a few kilobytes.
 */
import { createTranslator } from 'next-intl';
import evidenceAr from '../../messages/evidence/ar.json';
import evidenceEn from '../../messages/evidence/en.json';
import evidencePl from '../../messages/evidence/pl.json';
import reportAr from '../../messages/report/ar.json';
import reportEn from '../../messages/report/en.json';
import reportPl from '../../messages/report/pl.json';
import { dirOf, intlLocale, isLocale, type Locale } from './locales';

export type ReportMessages = { report: typeof reportEn; evidence: typeof evidenceEn };

const CATALOGUES: Record<Locale, ReportMessages> = {
  en: { report: reportEn, evidence: evidenceEn },
  pl: { report: reportPl as typeof reportEn, evidence: evidencePl as typeof evidenceEn },
  ar: { report: reportAr as typeof reportEn, evidence: evidenceAr as typeof evidenceEn },
};

/** `t('title', { title })` in the report's language; `ev('heading')` for the evidence section. */
export function reportWords(locale: Locale) {
  const messages = CATALOGUES[locale];
  const at = intlLocale(locale);
  return {
    locale,
    dir: dirOf(locale),
    t: createTranslator({ locale: at, messages, namespace: 'report' }),
    ev: createTranslator({ locale: at, messages, namespace: 'evidence' }),
    /** "3", "1,204" in the report's language (Western digits, as on every screen). */
    number: (n: number) => new Intl.NumberFormat(at).format(n),
    /** "a, b and c" in the report's language. */
    list: (items: readonly string[]) => new Intl.ListFormat(at, { type: 'conjunction' }).format(items),
  };
}

export type ReportWords = ReturnType<typeof reportWords>;

/** The language asked for at export (`?lang=pl`), English when not given; null when not offered. */
export function reportLocale(asked: string | null): Locale | null {
  if (asked === null || asked === '') return 'en';
  return isLocale(asked) ? asked : null;
}
