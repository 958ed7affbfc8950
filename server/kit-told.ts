/**
 * The "What you told us" poster (A4): a big title, what it is, where and when the results will be
 * shared, and a large QR code for the published page at the phones' address, with the address
 * printed under it. Put up at the event and after it, so people find the results again. What it
 * says and where it goes are pure (lib/kit/told.ts); this module draws them, in the language the
 * download asks for.
 */
import QRCode from 'qrcode';
import { A4, type Box } from '../lib/kit/layout';
import type { KitOptions } from '../lib/kit/plan';
import { TOLD_POSTER, toldPosterWords } from '../lib/kit/told';
import type { EventState } from '../lib/state';
import { type Doc, pdf } from './pdf';

const INK = '#1c1917';
const SOFT = '#57534e';
const BRAND = '#134e4a';
const RULE = '#78716c';

interface Style {
  font: 'Body' | 'Bold' | 'Mono';
  size: number;
  /** Shrink down to this size to fit the box; past it, the text is cut with an ellipsis. */
  min?: number;
  color?: string;
  valign?: 'top' | 'middle';
}

/** Centred text in a box, shrunk in half points until it fits (titles and places vary a lot). */
function write(doc: Doc, text: string, box: Box, style: Style) {
  const opts = { width: box.w, align: 'center' as const };
  const heightAt = (size: number) => doc.font(style.font).fontSize(size).heightOfString(text, opts);
  let size = style.size;
  while (size > (style.min ?? style.size) && heightAt(size) > box.h) size -= 0.5;
  const height = Math.min(box.h, heightAt(size));
  const y = style.valign === 'middle' ? box.y + (box.h - height) / 2 : box.y;
  doc
    .font(style.font)
    .fontSize(size)
    .fillColor(style.color ?? INK)
    .text(text, box.x, y, { ...opts, height: box.y + box.h - y + 1, ellipsis: true });
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
  const words = toldPosterWords(state.settings, opts.locale);
  const L = TOLD_POSTER;
  return pdf(`${state.settings.title}: ${words.title}`, (doc) => {
    doc.addPage({ size: [A4.w, A4.h], margin: 0 });
    write(doc, words.event, L.event, { font: 'Body', size: 13, min: 9, color: SOFT });
    write(doc, words.title, L.title, { font: 'Bold', size: 44, min: 24, color: BRAND, valign: 'middle' });
    write(doc, words.lead, L.lead, { font: 'Body', size: 16, min: 11 });
    drawQr(doc, opts.toldUrl, L.qr);
    write(doc, words.addressLabel, L.addressLabel, { font: 'Body', size: 12, color: SOFT });
    write(doc, opts.toldUrl, L.address, { font: 'Mono', size: 15, min: 8 });
    const box = L.whereWhen;
    doc.roundedRect(box.x, box.y, box.w, box.h, 10).lineWidth(1.5).strokeColor(RULE).stroke();
    const inner = { x: box.x + 16, y: box.y + 12, w: box.w - 32, h: box.h - 24 };
    write(doc, words.whereWhen.join('\n'), inner, { font: 'Bold', size: 17, min: 10, valign: 'middle' });
    write(doc, words.footer, L.footer, { font: 'Body', size: 11, min: 9, color: SOFT });
  });
}
