/**
 * The "What you told us" poster of the room's kit (pure): where things go on its page and what it
 * says, in the language asked for. server/kit-told.ts draws it; tests check it here and in the PDF.
 */
import { resultsOf } from '../harvest/results';
import { intlLocale, type Locale } from '../i18n/locales';
import { reportWords } from '../i18n/report';
import type { EventSettings } from '../settings';
import { A4, type Box } from './layout';

const M = 48;
const W = A4.w - 2 * M;
const QR = 300;

/**
 * The poster, top to bottom. Around the QR code at least 34 points stay clear: more than three of
 * its squares for any address this product makes (a square is about 9 points here).
 */
export const TOLD_POSTER = {
  event: { x: M, y: 40, w: W, h: 22 },
  title: { x: M, y: 66, w: W, h: 64 },
  lead: { x: M, y: 136, w: W, h: 54 },
  qr: { x: (A4.w - QR) / 2, y: 226, w: QR, h: QR },
  addressLabel: { x: M, y: 562, w: W, h: 18 },
  address: { x: M, y: 582, w: W, h: 40 },
  whereWhen: { x: M, y: 640, w: W, h: 136 },
  footer: { x: M, y: 792, w: W, h: 22 },
} satisfies Record<string, Box>;

export interface ToldPosterWords {
  /** The event's own title, as the organiser wrote it. */
  event: string;
  title: string;
  lead: string;
  /**
   * Where and by when the results will be shared, or that the page shows them once published: a
   * line each. `own`: the organiser's own words (the place), which keep their own direction.
   */
  whereWhen: { text: string; own?: true }[];
  addressLabel: string;
  footer: string;
}

/** A calendar day (YYYY-MM-DD) written out in the poster's language: "31 March 2027". */
export function dayIn(locale: Locale, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function toldPosterWords(settings: EventSettings, locale: Locale): ToldPosterWords {
  const { kit } = reportWords(locale);
  const results = resultsOf({ settings });
  const whereWhen: ToldPosterWords['whereWhen'] = results
    ? [
        ...(results.where ? [{ text: kit('told.where') }, { text: results.where, own: true as const }] : []),
        ...(results.by ? [{ text: kit('told.by', { date: dayIn(locale, results.by) }) }] : []),
      ]
    : [{ text: kit('told.untold') }];
  return {
    event: settings.title,
    title: kit('told.title'),
    lead: kit('told.lead'),
    whereWhen,
    addressLabel: kit('told.address'),
    footer: kit('told.footer'),
  };
}
