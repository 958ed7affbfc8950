/**
 * The words of the documents an organiser takes away (the harvest report and its evidence
 * section, the print kit, the book of proceedings, the series report), in the language chosen at
 * export. Each has its own catalogue part (`messages/<part>/<locale>.json`), checked like every
 * other (`lib/i18n/catalogues.test.ts`). Used on the server and by the public page alike, so all
 * three languages are bundled: together they are a few kilobytes.
 */
import { createTranslator } from 'next-intl';
import evidenceAr from '../../messages/evidence/ar.json';
import evidenceEn from '../../messages/evidence/en.json';
import evidencePl from '../../messages/evidence/pl.json';
import kitAr from '../../messages/kit/ar.json';
import kitEn from '../../messages/kit/en.json';
import kitPl from '../../messages/kit/pl.json';
import proceedingsAr from '../../messages/proceedings/ar.json';
import proceedingsEn from '../../messages/proceedings/en.json';
import proceedingsPl from '../../messages/proceedings/pl.json';
import reportAr from '../../messages/report/ar.json';
import reportEn from '../../messages/report/en.json';
import reportPl from '../../messages/report/pl.json';
import seriesAr from '../../messages/series/ar.json';
import seriesEn from '../../messages/series/en.json';
import seriesPl from '../../messages/series/pl.json';
import { readableDay, readableTime } from '../markdown';
import { dirOf, intlLocale, isLocale, LOCALES, type Locale } from './locales';

export type DocumentMessages = {
  report: typeof reportEn;
  evidence: typeof evidenceEn;
  kit: typeof kitEn;
  proceedings: typeof proceedingsEn;
  series: typeof seriesEn;
};

/** English is the reference: every other catalogue has the same keys (the catalogue test). */
const CATALOGUES: Record<Locale, DocumentMessages> = {
  en: { report: reportEn, evidence: evidenceEn, kit: kitEn, proceedings: proceedingsEn, series: seriesEn },
  pl: {
    report: reportPl as typeof reportEn,
    evidence: evidencePl as typeof evidenceEn,
    kit: kitPl as typeof kitEn,
    proceedings: proceedingsPl as typeof proceedingsEn,
    series: seriesPl as typeof seriesEn,
  },
  ar: {
    report: reportAr as typeof reportEn,
    evidence: evidenceAr as typeof evidenceEn,
    kit: kitAr as typeof kitEn,
    proceedings: proceedingsAr as typeof proceedingsEn,
    series: seriesAr as typeof seriesEn,
  },
};

/**
 * The translators of one language: `t` (the harvest report), `ev` (its evidence section), `kit`,
 * `proc` (the book of proceedings) and `series`, with numbers and lists in that language.
 */
export function reportWords(locale: Locale) {
  const messages = CATALOGUES[locale];
  const at = intlLocale(locale);
  return {
    locale,
    dir: dirOf(locale),
    t: createTranslator({ locale: at, messages, namespace: 'report' }),
    ev: createTranslator({ locale: at, messages, namespace: 'evidence' }),
    kit: createTranslator({ locale: at, messages, namespace: 'kit' }),
    proc: createTranslator({ locale: at, messages, namespace: 'proceedings' }),
    series: createTranslator({ locale: at, messages, namespace: 'series' }),
    /** "3", "1,204" in the report's language (Western digits, as on every screen). */
    number: (n: number) => new Intl.NumberFormat(at).format(n),
    /** "a, b and c" in the report's language. */
    list: (items: readonly string[]) => new Intl.ListFormat(at, { type: 'conjunction' }).format(items),
    /** "Tuesday 1 July 2025" from a calendar date "2025-07-01", in the report's language. */
    day: (date: string) => (locale === 'en' ? readableDay(date) : localDay(date, at)),
    /** "Saturday 14 June 2025, 17:00 UTC" from a time, in the report's language (UTC: see readableTime). */
    time: (when: number | string) => (locale === 'en' ? readableTime(when) : localTime(when, at)),
  };
}

/** English keeps the exact words of `lib/markdown.ts`; other languages take Intl's own order. */
function localDay(date: string, at: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(at, { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}

function localTime(when: number | string, at: string): string {
  const d = new Date(when);
  if (Number.isNaN(d.getTime())) return String(when);
  return `${new Intl.DateTimeFormat(at, {
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(d)} UTC`;
}

export type ReportWords = ReturnType<typeof reportWords>;

/** The language asked for at export (`?lang=pl`), English when not given; null when not offered. */
export function reportLocale(asked: string | null): Locale | null {
  if (asked === null || asked === '') return 'en';
  return isLocale(asked) ? asked : null;
}

/** Every download that takes `?lang=` refuses a language not offered with these words. */
export const LANG_REFUSAL = `lang is one of ${LOCALES.join(', ')} (the default is en).`;
