/**
 * The "What you told us" poster (A4): a big title, what it is, where and when the results will be
 * shared, and a large QR code for the published page at the phones' address, with the address
 * printed under it. Put up at the event and after it, so people find the results again. What it
 * says and where it goes are pure (lib/kit/told.ts); this module draws them, in the language the
 * download asks for.
 */
import QRCode from 'qrcode';
import { dirOf } from '../lib/i18n/locales';
import { A4, type Box } from '../lib/kit/layout';
import type { KitOptions } from '../lib/kit/plan';
import { TOLD_POSTER, toldPosterWords } from '../lib/kit/told';
import type { EventState } from '../lib/state';
import { type Doc, type FontName, pdf } from './pdf';
import { type Direction, heightOf, write } from './pdf-text';

const INK = '#1c1917';
const SOFT = '#57534e';
const BRAND = '#134e4a';
const RULE = '#78716c';

interface Style {
  font: FontName;
  size: number;
  /** Shrink down to this size to fit the box; past it, the text is cut with an ellipsis. */
  min?: number;
  color?: string;
  valign?: 'top' | 'middle';
}

/** Centred text at a size, as `write` and `heightOf` take it. */
const centred = (dir: Direction, style: Style, size: number, width: number) => ({
  dir,
  font: style.font,
  size,
  align: 'center' as const,
  width,
});

/**
 * Centred text in a box, in the poster's direction (server/pdf-text.ts: Arabic right to left),
 * shrunk in half points until it fits (titles and places vary a lot).
 */
function place(doc: Doc, dir: Direction, text: string, box: Box, style: Style) {
  placeLines(doc, [{ text, dir }], box, style);
}

/**
 * Lines one under the other, each in its own direction, centred in a box and shrunk together
 * until they all fit; the last one is cut with an ellipsis if even the smallest size does not.
 */
function placeLines(doc: Doc, lines: { text: string; dir: Direction }[], box: Box, style: Style) {
  const heightAt = (size: number) =>
    lines.reduce((h, l) => h + heightOf(doc, l.text, centred(l.dir, style, size, box.w)), 0);
  let size = style.size;
  while (size > (style.min ?? style.size) && heightAt(size) > box.h) size -= 0.5;
  let y = style.valign === 'middle' ? box.y + Math.max(0, box.h - heightAt(size)) / 2 : box.y;
  for (const line of lines) {
    if (y >= box.y + box.h) break;
    write(doc, line.text, {
      ...centred(line.dir, style, size, box.w),
      color: style.color ?? INK,
      x: box.x,
      y,
      height: box.y + box.h - y + 1,
      ellipsis: true,
    });
    y += heightOf(doc, line.text, centred(line.dir, style, size, box.w));
  }
}

/** The direction the organiser's own words read in: that of their first letter (as `dir="auto"`). */
export function ownDirection(text: string, otherwise: Direction): Direction {
  const first = /\p{L}/u.exec(text)?.[0];
  if (!first) return otherwise;
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(first)
    ? 'rtl'
    : 'ltr';
}

/** The QR code filling `box`, with the error correction the projector's codes use, one path per page. */
function drawQr(doc: Doc, url: string, box: Box) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = box.w / n;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (modules.get(r, c) !== 1) {
        c++;
        continue;
      }
      const from = c;
      while (c < n && modules.get(r, c) === 1) c++;
      doc.rect(box.x + from * m, box.y + r * m, (c - from) * m, m);
    }
  }
  doc.fillColor('#000000').fill();
}

export function toldPosterPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const words = toldPosterWords(state.settings, opts.lang);
  const dir = dirOf(opts.lang);
  const L = TOLD_POSTER;
  return pdf(
    `${state.settings.title}: ${words.title}`,
    (doc) => {
      doc.addPage({ size: [A4.w, A4.h], margin: 0 });
      place(doc, ownDirection(words.event, dir), words.event, L.event, {
        font: 'Body',
        size: 13,
        min: 9,
        color: SOFT,
      });
      place(doc, dir, words.title, L.title, {
        font: 'Bold',
        size: 44,
        min: 24,
        color: BRAND,
        valign: 'middle',
      });
      place(doc, dir, words.lead, L.lead, { font: 'Body', size: 16, min: 11 });
      drawQr(doc, opts.toldUrl, L.qr);
      place(doc, dir, words.addressLabel, L.addressLabel, { font: 'Body', size: 12, color: SOFT });
      // An address reads left to right whatever the poster's language.
      place(doc, 'ltr', opts.toldUrl, L.address, { font: 'Mono', size: 15, min: 8 });
      const box = L.whereWhen;
      doc.roundedRect(box.x, box.y, box.w, box.h, 10).lineWidth(1.5).strokeColor(RULE).stroke();
      const inner = { x: box.x + 16, y: box.y + 12, w: box.w - 32, h: box.h - 24 };
      const lines = words.whereWhen.map((l) => ({
        text: l.text,
        dir: l.own ? ownDirection(l.text, dir) : dir,
      }));
      placeLines(doc, lines, inner, {
        font: 'Bold',
        size: 17,
        min: 10,
        valign: 'middle',
      });
      place(doc, dir, words.footer, L.footer, { font: 'Body', size: 11, min: 9, color: SOFT });
    },
    undefined,
    opts.lang,
  );
}
