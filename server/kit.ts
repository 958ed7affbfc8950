/**
 * The room's kit: what a facilitator prints before people arrive. Table cards for a café, the join
 * poster, the Open Space's agenda wall, the facilitator's run sheet and the list of things to bring.
 * Each is a PDF (server/pdf.ts) from the event's settings as they are at the moment of the request.
 *
 * What goes on each page and where it goes are pure (lib/kit/plan.ts, lib/kit/layout.ts); this
 * module draws them. QR codes are drawn as vector squares: sharp at any print size.
 *
 * Each is in the language asked for (`messages/kit/<locale>.json`). The layouts are drawn as
 * given for a left-to-right language and mirrored for Arabic (the QR code on the left, the steps'
 * numbers, the bullets and the time column on the right), with the text written right to left
 * (server/pdf-text.ts). Words people typed (the title, the questions, the theme, the spaces) take
 * their own direction, as on the screens.
 */
import QRCode from 'qrcode';
import { keepApart, keepLeftToRight } from '../lib/i18n/locales';
import { type ReportWords, reportWords } from '../lib/i18n/report';
import {
  A3_LANDSCAPE,
  A4,
  type Box,
  CARD_FACE,
  JOIN_POSTER,
  WALL,
  WALL_HEAD,
  WALL_TIME,
  type WallPage,
  wallPages,
} from '../lib/kit/layout';
import {
  cafeRun,
  convenerTips,
  duration,
  hostTips,
  joinSteps,
  KIT_NAMES,
  type KitGroup,
  type KitOptions,
  kitList,
  openSpaceRun,
  type RunRow,
  shorten,
  tableCountFor,
  timeSpan,
} from '../lib/kit/plan';
import type { OpenSpaceSettings } from '../lib/openspace/settings';
import type { EventSettings } from '../lib/settings';
import type { EventState } from '../lib/state';
import { toldPosterPdf } from './kit-told';
import { breathe, type Doc, type FontName, pdf } from './pdf';
import { type Direction, heightOf, write } from './pdf-text';

/** One printout of the kit, or why this event has none. */
export function kitPdf(
  state: EventState,
  name: string,
  opts: KitOptions,
): Promise<Buffer> | { missing: string } {
  switch (name) {
    case 'table-cards':
      return state.settings.rounds.length
        ? tableCardsPdf(state, opts)
        : { missing: 'This event has no café, so it has no table cards.' };
    case 'agenda-wall':
      return state.settings.openSpace
        ? agendaWallPdf(state, state.settings.openSpace, opts)
        : { missing: 'This event has no Open Space, so it has no agenda wall.' };
    case 'join-poster':
      return joinPosterPdf(state, opts);
    case 'run-sheet':
      return runSheetPdf(state, opts);
    case 'kit-list':
      return kitListPdf(state, opts);
    case 'told':
      return toldPosterPdf(state, opts);
    default:
      return { missing: `There is no such printout. The room's kit has: ${KIT_NAMES.join(', ')}.` };
  }
}

// --- Drawing -------------------------------------------------------------------------------

const INK = '#1c1917';
const SOFT = '#57534e';
const BRAND = '#134e4a';
const RULE = '#78716c';
const SHADE = '#f0eeec';

/**
 * One printout being drawn: its document, its words, and its pages' width. The layouts are made
 * left to right; a right-to-left printout is drawn mirrored about the page's middle.
 */
interface Sheet {
  doc: Doc;
  w: ReportWords;
  dir: Direction;
  pageWidth: number;
}

const sheetOf = (doc: Doc, w: ReportWords, pageWidth: number): Sheet => ({ doc, w, dir: w.dir, pageWidth });

/** Where a box of the layout goes on this sheet. */
const place = (s: Sheet, b: Box): Box => (s.dir === 'rtl' ? { ...b, x: s.pageWidth - b.x - b.w } : b);

/** Where an x of the layout goes on this sheet. */
const atX = (s: Sheet, x: number) => (s.dir === 'rtl' ? s.pageWidth - x : x);

/** A code, an address: always left to right, and in Arabic kept so inside the sentence. */
const ltr = (s: Sheet, text: string) => keepLeftToRight(text, s.w.locale);

/** The monospaced font has no Arabic letters: an Arabic line with the code is set in Bold. */
const codeFont = (s: Sheet): FontName => (s.dir === 'rtl' ? 'Bold' : 'Mono');

interface TextStyle {
  font: FontName;
  size: number;
  /** Shrink down to this size to fit the box; past it, the text is cut with an ellipsis. */
  min?: number;
  color?: string;
  /** 'start': the left in a left-to-right language, the right in Arabic. */
  align?: 'start' | 'center' | 'end';
  valign?: 'top' | 'middle' | 'bottom';
  lineGap?: number;
  paragraphGap?: number;
  characterSpacing?: number;
  /** Words people typed: each paragraph in its own direction, as on the screens. */
  typed?: boolean;
}

/** The writer's style (server/pdf-text.ts) for this sheet, at `size`. */
const writing = (s: Sheet, style: TextStyle, size: number) => ({
  dir: s.dir,
  auto: style.typed,
  font: style.font,
  size,
  align: style.align,
  lineGap: style.lineGap,
  paragraphGap: style.paragraphGap,
  characterSpacing: style.characterSpacing,
});

interface Fit {
  size: number;
  /** The height the text takes in the box (at most the box's). */
  height: number;
  /** Even at the smallest size it does not fit, so it will be cut. */
  overflow: boolean;
}

// Table cards fit the same title and questions on every page: measure them once per document.
const fitCache = new WeakMap<Doc, Map<string, Fit>>();

/** The largest size, in half points between `min` and `size`, at which the text fits the box. */
function fitSize(s: Sheet, text: string, box: Box, style: TextStyle): Fit {
  const { doc } = s;
  const key = JSON.stringify([text, box.w, box.h, style]);
  const cache = fitCache.get(doc) ?? new Map<string, Fit>();
  fitCache.set(doc, cache);
  const known = cache.get(key);
  if (known) return known;
  const heightAt = (size: number) => heightOf(doc, text, { ...writing(s, style, size), width: box.w });
  const min = style.min ?? style.size;
  let size = style.size;
  if (heightAt(size) > box.h) {
    // Binary search over the half-point steps: `lo` fits (or is the smallest allowed), `hi` does not.
    let lo = 0;
    let hi = Math.round((style.size - min) * 2);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (heightAt(min + mid / 2) <= box.h) lo = mid;
      else hi = mid;
    }
    size = min + lo / 2;
  }
  const full = heightAt(size);
  const fit = { size, height: Math.min(box.h, full), overflow: full > box.h + 0.5 };
  cache.set(key, fit);
  return fit;
}

/** Writes text inside a box of the layout, shrinking it to fit (titles and questions vary a lot). */
function fitText(s: Sheet, text: string, layoutBox: Box, style: TextStyle): Fit {
  const box = place(s, layoutBox);
  const fit = fitSize(s, text, box, style);
  const valign = style.valign ?? 'top';
  const y =
    box.y + (valign === 'middle' ? (box.h - fit.height) / 2 : valign === 'bottom' ? box.h - fit.height : 0);
  // The extra point keeps a last line that fits exactly from being cut off by rounding.
  write(s.doc, text, {
    ...writing(s, style, fit.size),
    color: style.color ?? INK,
    x: box.x,
    y,
    width: box.w,
    height: box.y + box.h - y + 1,
    ellipsis: true,
  });
  return fit;
}

// Every table card carries the same code twice: make it once.
let lastQr: { url: string; matrix: boolean[][] } | null = null;

/** The QR code's squares, row by row (true = dark), with the error correction the projector uses. */
export function qrMatrix(url: string): boolean[][] {
  if (lastQr?.url === url) return lastQr.matrix;
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const matrix = Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1),
  );
  lastQr = { url, matrix };
  return matrix;
}

/**
 * The QR code filling `box`. Its quiet zone is the white space the layouts leave around it: at
 * least three squares' width, so phones find the code quickly.
 * Each row's dark runs become rectangles of one path, filled at once, so no seams show between them.
 * A mirrored sheet moves the code, never turns it round.
 */
function drawQr(s: Sheet, url: string, layoutBox: Box) {
  const { doc } = s;
  const box = place(s, layoutBox);
  const matrix = qrMatrix(url);
  const m = box.w / matrix.length;
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const from = c;
      while (c < row.length && row[c]) c++;
      doc.rect(box.x + from * m, box.y + r * m, (c - from) * m, m);
    }
  });
  doc.fillColor('#000000').fill();
}

// --- The join poster (A4) --------------------------------------------------------------------

function joinPosterPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const { settings, joinCode } = state;
  const L = JOIN_POSTER;
  const w = reportWords(opts.lang);
  return pdf(
    w.kit('documents.joinPoster', { title: settings.title }),
    (doc) => {
      doc.addPage({ size: [A4.w, A4.h], margin: 0 });
      const s = sheetOf(doc, w, A4.w);
      fitText(s, settings.title, L.title, {
        font: 'Bold',
        size: 34,
        min: 20,
        align: 'center',
        valign: 'bottom',
        typed: true,
      });
      if (settings.purpose)
        fitText(s, settings.purpose, L.purpose, {
          font: 'Body',
          size: 16,
          min: 11,
          align: 'center',
          color: SOFT,
          typed: true,
        });
      fitText(s, w.kit('join.lead'), L.lead, {
        font: 'Bold',
        size: 20,
        align: 'center',
        color: BRAND,
      });
      drawQr(s, opts.joinUrl, L.qr);
      fitText(s, w.kit('join.codeLabel'), L.codeLabel, {
        font: 'Body',
        size: 13,
        align: 'center',
        color: SOFT,
      });
      const code = place(s, L.code);
      doc.roundedRect(code.x, code.y, code.w, code.h, 10).lineWidth(2.5).strokeColor(INK).stroke();
      fitText(s, joinCode, L.code, {
        font: 'Mono',
        size: 46,
        min: 24,
        align: 'center',
        valign: 'middle',
        characterSpacing: 6,
      });
      fitText(s, `${w.kit('join.address')}\n${ltr(s, opts.joinUrl)}`, L.address, {
        font: 'Body',
        size: 13,
        min: 9,
        align: 'center',
      });
      drawSteps(s, joinSteps(settings.identity, w), L.steps);
      fitText(s, w.kit('join.footer'), L.footer, {
        font: 'Body',
        size: 12,
        min: 10,
        align: 'center',
        color: SOFT,
      });
    },
    undefined,
    opts.lang,
  );
}

/** Numbered steps in teal circles, one under the other. */
function drawSteps(s: Sheet, steps: { title: string; detail: string }[], box: Box) {
  const h = box.h / steps.length;
  const r = 17;
  steps.forEach((step, i) => {
    const y = box.y + i * h;
    s.doc
      .circle(atX(s, box.x + r), y + r, r)
      .fillColor(BRAND)
      .fill();
    fitText(
      s,
      String(i + 1),
      { x: box.x, y, w: 2 * r, h: 2 * r },
      {
        font: 'Bold',
        size: 18,
        align: 'center',
        valign: 'middle',
        color: '#ffffff',
      },
    );
    const x = box.x + 2 * r + 14;
    fitText(
      s,
      step.title,
      { x, y: y - 1, w: box.w - (x - box.x), h: 22 },
      { font: 'Bold', size: 17, min: 12 },
    );
    fitText(
      s,
      step.detail,
      { x, y: y + 22, w: box.w - (x - box.x), h: h - 26 },
      {
        font: 'Body',
        size: 13,
        min: 10,
        color: SOFT,
      },
    );
  });
}

// --- Table cards (A4, one per table, folded in half) ----------------------------------------

function tableCardsPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const count = tableCountFor(state, opts.tables);
  const w = reportWords(opts.lang);
  return pdf(
    w.kit('documents.tableCards', { title: state.settings.title }),
    async (doc) => {
      const s = sheetOf(doc, w, A4.w);
      for (let table = 1; table <= count; table++) {
        if (table % 10 === 0) await breathe();
        doc.addPage({ size: [A4.w, A4.h], margin: 0 });
        // The top half becomes the back of the folded card, so it is printed upside down and
        // reads the right way up from the other side of the table.
        doc.save().rotate(180, { origin: [A4.w / 2, A4.h / 4] });
        drawCardFace(s, state, table, opts.joinUrl, 0);
        doc.restore();
        drawCardFace(s, state, table, opts.joinUrl, A4.h / 2);
        drawFoldLine(s, A4.h / 2);
      }
    },
    undefined,
    opts.lang,
  );
}

const shift = (b: Box, dy: number): Box => ({ ...b, y: b.y + dy });

function drawCardFace(s: Sheet, state: EventState, table: number, joinUrl: string, top: number) {
  const F = CARD_FACE;
  const { w } = s;
  const { rounds, title } = state.settings;
  fitText(s, title, shift(F.title, top), { font: 'Body', size: 12, min: 9, color: SOFT, typed: true });
  fitText(s, w.kit('card.table'), shift(F.label, top), { font: 'Bold', size: 30, color: BRAND });
  fitText(s, String(table), shift(F.number, top), { font: 'Bold', size: 150, min: 60, valign: 'middle' });
  drawQr(s, joinUrl, shift(F.qr, top));
  fitText(s, w.kit('card.scan'), shift(F.scan, top), { font: 'Bold', size: 14, align: 'center' });
  fitText(s, w.kit('card.code', { code: ltr(s, state.joinCode) }), shift(F.code, top), {
    font: codeFont(s),
    size: 18,
    min: 12,
    align: 'center',
  });
  const q = shift(F.questions, top);
  const rule = place(s, q);
  s.doc
    .moveTo(rule.x, rule.y - 8)
    .lineTo(rule.x + rule.w, rule.y - 8)
    .lineWidth(1)
    .strokeColor(RULE)
    .stroke();
  fitText(
    s,
    w.kit('card.questions', { count: rounds.length }),
    { ...q, h: 20 },
    {
      font: 'Bold',
      size: 14,
      color: BRAND,
    },
  );
  drawQuestions(
    s,
    rounds.map((r) => r.question),
    { ...q, y: q.y + 24, h: q.h - 24 },
  );
}

/**
 * The questions, numbered, at a size people can read: more than six go in two columns, and when
 * long questions still do not fit, each is shortened (phones and the projector show them in full)
 * rather than some left off. Each question reads in its own direction.
 */
function drawQuestions(s: Sheet, questions: string[], box: Box) {
  const style: TextStyle = { font: 'Body', size: 17, min: 9, paragraphGap: 4, typed: true };
  const columns = questions.length > 6 ? 2 : 1;
  const perColumn = Math.ceil(questions.length / columns);
  const gap = 18;
  const boxes = Array.from({ length: columns }, (_, c) => ({
    ...box,
    x: box.x + c * ((box.w + gap) / columns),
    w: (box.w - gap * (columns - 1)) / columns,
  }));
  const texts = (max: number) =>
    boxes.map((_, c) =>
      questions
        .slice(c * perColumn, (c + 1) * perColumn)
        .map((q, i) =>
          questions.length === 1
            ? shorten(q, max)
            : s.w.kit('card.numbered', { number: c * perColumn + i + 1, question: shorten(q, max) }),
        )
        .join('\n'),
    );
  let chosen = texts(50);
  for (const max of [Number.POSITIVE_INFINITY, 160, 110, 75]) {
    const candidate = texts(max);
    if (candidate.every((t, c) => !fitSize(s, t, boxes[c] ?? box, style).overflow)) {
      chosen = candidate;
      break;
    }
  }
  // One size for every column, so the list reads as one.
  const size = Math.min(...chosen.map((t, c) => fitSize(s, t, boxes[c] ?? box, style).size));
  chosen.forEach((t, c) => {
    fitText(s, t, boxes[c] ?? box, { ...style, size, min: size });
  });
}

function drawFoldLine(s: Sheet, y: number) {
  s.doc
    .moveTo(24, y)
    .lineTo(A4.w - 24, y)
    .dash(6, { space: 5 })
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke()
    .undash();
  fitText(
    s,
    s.w.kit('card.fold'),
    { x: A4.w - 24 - 100, y: y + 3, w: 100, h: 12 },
    {
      font: 'Body',
      size: 8,
      align: 'end',
      color: SOFT,
    },
  );
}

// --- The agenda wall (A3 landscape) ----------------------------------------------------------

function agendaWallPdf(state: EventState, os: OpenSpaceSettings, opts: KitOptions): Promise<Buffer> {
  const pages = wallPages(os);
  const w = reportWords(opts.lang);
  const steps = [
    w.kit('wall.write'),
    w.kit(os.selfScheduling ? 'wall.stick' : 'wall.handIn'),
    w.kit('wall.go'),
  ];
  return pdf(
    w.kit('documents.agendaWall', { title: state.settings.title }),
    (doc) => {
      const s = sheetOf(doc, w, A3_LANDSCAPE.w);
      pages.forEach((page, i) => {
        doc.addPage({ size: [A3_LANDSCAPE.w, A3_LANDSCAPE.h], margin: 0 });
        fitText(s, w.kit('wall.kicker'), WALL.kicker, { font: 'Bold', size: 16, color: BRAND });
        fitText(s, os.theme, WALL.theme, { font: 'Bold', size: 38, min: 18, valign: 'middle', typed: true });
        fitText(s, state.settings.title, WALL.title, {
          font: 'Body',
          size: 15,
          min: 10,
          color: SOFT,
          typed: true,
        });
        drawQr(s, opts.joinUrl, WALL.qr);
        fitText(s, w.kit('card.scan'), WALL.scan, { font: 'Bold', size: 14, align: 'center' });
        fitText(s, w.kit('card.code', { code: ltr(s, state.joinCode) }), WALL.code, {
          font: codeFont(s),
          size: 18,
          min: 12,
          align: 'center',
        });
        steps.forEach((step, n) => {
          const box = WALL.steps[n];
          if (box) fitText(s, step, box, { font: 'Body', size: 15, min: 10, lineGap: 1 });
        });
        drawWallGrid(s, os, page);
        if (pages.length > 1) {
          const first = (page.spaces[0]?.space ?? 0) + 1;
          const last = (page.spaces.at(-1)?.space ?? 0) + 1;
          fitText(
            s,
            w.kit('wall.sheets', {
              sheet: i + 1,
              sheets: pages.length,
              first,
              last,
              spaces: os.spaces.length,
            }),
            WALL.footer,
            { font: 'Body', size: 11, align: 'end', color: SOFT },
          );
        }
      });
    },
    undefined,
    opts.lang,
  );
}

function drawWallGrid(s: Sheet, os: OpenSpaceSettings, page: WallPage) {
  const { doc, w } = s;
  const { grid } = WALL;
  const right = grid.x + grid.w;
  const bottom = page.rows.at(-1) ? (page.rows.at(-1)?.y ?? 0) + (page.rows.at(-1)?.h ?? 0) : grid.y;
  const pad = 8;
  // Breaks are shaded first, so the lines are drawn over them.
  for (const row of page.rows)
    if (os.slots[row.slot]?.isBreak) {
      const band = place(s, { x: grid.x, y: row.y, w: grid.w, h: row.h });
      doc.rect(band.x, band.y, band.w, band.h).fillColor(SHADE).fill();
    }
  for (const col of page.spaces) {
    const space = os.spaces[col.space];
    if (!space) continue;
    const cell = { x: col.x + pad, y: grid.y + pad - 2, w: col.w - 2 * pad, h: WALL_HEAD - 2 * pad + 4 };
    const { height } = fitText(
      s,
      space.name,
      { ...cell, h: 24 },
      { font: 'Bold', size: 17, min: 10, typed: true },
    );
    const about = [space.capacity ? w.kit('wall.upTo', { count: space.capacity }) : '', space.notes]
      .filter(Boolean)
      .join(' · ');
    if (about)
      fitText(
        s,
        about,
        { ...cell, y: cell.y + height + 2, h: cell.h - height - 2 },
        {
          font: 'Body',
          size: 11,
          min: 8,
          color: SOFT,
          typed: true,
        },
      );
  }
  fitText(
    s,
    w.kit('wall.time'),
    { x: grid.x + pad, y: grid.y + pad, w: WALL_TIME - 2 * pad, h: 24 },
    {
      font: 'Bold',
      size: 17,
      color: BRAND,
    },
  );
  for (const row of page.rows) {
    const slot = os.slots[row.slot];
    if (!slot) continue;
    const size = Math.max(9, Math.min(17, row.h * 0.42));
    const cell = { x: grid.x + pad, y: row.y + 3, w: WALL_TIME - 2 * pad, h: row.h - 6 };
    const time = timeSpan(slot.start, slot.end, w);
    if (slot.isBreak) fitText(s, time, cell, { font: 'Bold', size, min: 7, valign: 'middle' });
    else {
      // The time always shows; the slot's label only where the row has room for it.
      const { height } = fitText(
        s,
        time,
        { ...cell, h: Math.min(cell.h, size * 1.25) },
        {
          font: 'Bold',
          size,
          min: 7,
        },
      );
      const rest = { ...cell, y: cell.y + height + 2, h: cell.h - height - 2 };
      if (slot.label && rest.h >= 11)
        fitText(s, slot.label, rest, { font: 'Body', size: Math.min(13, size * 0.8), min: 8, typed: true });
    }
    if (slot.isBreak)
      fitText(
        s,
        slot.label || w.kit('wall.break'),
        { x: grid.x + WALL_TIME, y: row.y, w: grid.w - WALL_TIME, h: row.h },
        {
          font: 'Bold',
          size: Math.min(15, row.h * 0.5),
          min: 8,
          align: 'center',
          valign: 'middle',
          color: SOFT,
          typed: true,
        },
      );
  }
  doc.lineWidth(1.25).strokeColor(RULE);
  // The grid's frame and rows are the same either way round; its columns are mirrored.
  doc.rect(grid.x, grid.y, grid.w, bottom - grid.y).stroke();
  doc
    .moveTo(grid.x, grid.y + WALL_HEAD)
    .lineTo(right, grid.y + WALL_HEAD)
    .stroke();
  for (const row of page.rows.slice(1)) doc.moveTo(grid.x, row.y).lineTo(right, row.y).stroke();
  for (const col of page.spaces) {
    const x = atX(s, col.x);
    // A break row is one band across the sheet, so column lines stop at it.
    let from = grid.y;
    for (const row of page.rows) {
      if (!os.slots[row.slot]?.isBreak) continue;
      if (row.y > from) doc.moveTo(x, from).lineTo(x, row.y).stroke();
      from = row.y + row.h;
    }
    if (bottom > from) doc.moveTo(x, from).lineTo(x, bottom).stroke();
  }
}

// --- The run sheet (A4, flowing) -------------------------------------------------------------

const SHEET_M = 42;
const SHEET_W = A4.w - 2 * SHEET_M;
const RUN_COLS = { time: 78, what: 272, console: SHEET_W - 78 - 272 };

function runSheetPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const { settings } = state;
  const w = reportWords(opts.lang);
  return pdf(
    w.kit('documents.runSheet', { title: settings.title }),
    (doc) => {
      const page = new Flow(sheetOf(doc, w, A4.w));
      const s = page.sheet;
      page.text(w.kit('run.kicker'), { font: 'Bold', size: 12, color: BRAND });
      page.text(settings.title, { font: 'Bold', size: 20, min: 14, typed: true }, 4);
      page.text(
        w.kit('run.join', { code: ltr(s, state.joinCode), url: ltr(s, opts.joinUrl) }),
        { font: 'Body', size: 10.5, color: SOFT },
        2,
      );
      page.text(timesNote(settings, opts.start, w), { font: 'Body', size: 10.5, color: SOFT }, 10);
      if (settings.rounds.length) {
        const { rows, minutes } = cafeRun(settings, opts.start, w);
        page.heading(w.kit('run.cafe', { rounds: settings.rounds.length, duration: duration(minutes, w) }));
        page.runTable(rows);
      }
      if (settings.openSpace) {
        page.heading(w.kit('run.openSpace', { theme: keepApart(settings.openSpace.theme, w.locale) }));
        page.runTable(openSpaceRun(settings.openSpace, w));
      }
      // Side by side at the end, so an event with both parts still fits on one page.
      page.tips([
        ...(settings.rounds.length ? [{ heading: w.kit('run.hosts.heading'), tips: hostTips(w) }] : []),
        ...(settings.openSpace ? [{ heading: w.kit('run.conveners.heading'), tips: convenerTips(w) }] : []),
      ]);
    },
    undefined,
    opts.lang,
  );
}

/** How to read the times: the café's run from the start time (or from 0:00); the Open Space's are set. */
function timesNote(settings: EventSettings, start: string | null, w: ReportWords): string {
  if (!settings.rounds.length) return w.kit('run.slotTimes');
  const cafe = start ? w.kit('run.clock', { start }) : w.kit('run.fromZero');
  return settings.openSpace ? w.kit('run.andSlots', { cafe }) : cafe;
}

/**
 * Top-to-bottom writing for the sheets that flow (run sheet, kit list): a new page when the next
 * block would not fit, so a long event still prints whole.
 */
class Flow {
  y = SHEET_M;
  constructor(readonly sheet: Sheet) {
    sheet.doc.addPage({ size: [A4.w, A4.h], margin: 0 });
  }

  private get doc() {
    return this.sheet.doc;
  }

  /** Starts a new page unless `h` more points fit on this one; true when it did. */
  private room(h: number): boolean {
    if (this.y + h <= A4.h - SHEET_M) return false;
    this.doc.addPage({ size: [A4.w, A4.h], margin: 0 });
    this.y = SHEET_M;
    return true;
  }

  private measure(text: string, width: number, font: FontName, size: number, typed?: boolean) {
    return heightOf(this.doc, text, { dir: this.sheet.dir, auto: typed, font, size, width });
  }

  text(text: string, style: TextStyle, after = 6) {
    const h = this.measure(text, SHEET_W, style.font, style.size, style.typed);
    this.room(h);
    this.y += fitText(this.sheet, text, { x: SHEET_M, y: this.y, w: SHEET_W, h }, style).height + after;
  }

  heading(text: string) {
    this.y += 6;
    const h = this.measure(text, SHEET_W, 'Bold', 14);
    this.room(h + 40);
    fitText(
      this.sheet,
      text,
      { x: SHEET_M, y: this.y, w: SHEET_W, h },
      { font: 'Bold', size: 14, color: BRAND },
    );
    this.y += h + 4;
  }

  runTable(rows: RunRow[]) {
    const { w } = this.sheet;
    const pad = 3.5;
    const time = { x: SHEET_M + pad, w: RUN_COLS.time - 2 * pad };
    const what = { x: time.x + RUN_COLS.time, w: RUN_COLS.what - 2 * pad };
    const press = { x: what.x + RUN_COLS.what, w: RUN_COLS.console - 2 * pad };
    const header = () => {
      this.doc.rect(SHEET_M, this.y, SHEET_W, 17).fillColor(SHADE).fill();
      const names: [string, { x: number; w: number }][] = [
        [w.kit('run.columns.time'), time],
        [w.kit('run.columns.what'), what],
        [w.kit('run.columns.console'), press],
      ];
      for (const [name, col] of names)
        fitText(this.sheet, name, { ...col, y: this.y + 4, h: 13 }, { font: 'Bold', size: 9 });
      this.y += 17;
    };
    this.room(40);
    header();
    for (const row of rows) {
      // A row's title may be a slot's label and its detail a question: words people typed.
      const titleH = this.measure(row.title, what.w, 'Bold', 10, true);
      const detailH = row.detail ? this.measure(row.detail, what.w, 'Body', 9.5, true) + 1 : 0;
      const h =
        Math.max(
          this.measure(row.time, time.w, 'Bold', 9.5),
          titleH + detailH,
          row.console ? this.measure(row.console, press.w, 'Body', 9) : 0,
        ) +
        2 * pad;
      // A table that runs on to the next page gets its column names again.
      if (this.room(h)) header();
      const y = this.y + pad;
      fitText(this.sheet, row.time, { ...time, y, h: h - 2 * pad }, { font: 'Bold', size: 9.5 });
      fitText(this.sheet, row.title, { ...what, y, h: titleH }, { font: 'Bold', size: 10, typed: true });
      if (row.detail)
        fitText(
          this.sheet,
          row.detail,
          { ...what, y: y + titleH + 1, h: detailH },
          { font: 'Body', size: 9.5, typed: true },
        );
      if (row.console)
        fitText(
          this.sheet,
          row.console,
          { ...press, y, h: h - 2 * pad },
          { font: 'Body', size: 9, color: SOFT },
        );
      this.doc
        .moveTo(SHEET_M, this.y + h)
        .lineTo(SHEET_M + SHEET_W, this.y + h)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.y += h;
    }
    this.y += 8;
  }

  /** Advice in framed boxes side by side; each tip hangs from its bullet. */
  tips(groups: { heading: string; tips: string[] }[]) {
    const pad = 8;
    const gap = 12;
    const boxW = (SHEET_W - gap * (groups.length - 1)) / groups.length;
    const textW = boxW - 2 * pad - 12;
    const sized = groups.map((g) => {
      const headH = this.measure(g.heading, boxW - 2 * pad, 'Bold', 10.5);
      const heights = g.tips.map((t) => this.measure(t, textW, 'Body', 9.5) + 2);
      return { ...g, headH, heights, h: 2 * pad + headH + 3 + heights.reduce((a, b) => a + b, 0) };
    });
    const h = Math.max(...sized.map((g) => g.h));
    this.room(h);
    sized.forEach((g, i) => {
      const left = SHEET_M + i * (boxW + gap);
      const frame = place(this.sheet, { x: left, y: this.y, w: boxW, h });
      this.doc.rect(frame.x, frame.y, frame.w, frame.h).lineWidth(1).strokeColor(BRAND).stroke();
      fitText(
        this.sheet,
        g.heading,
        { x: left + pad, y: this.y + pad, w: boxW - 2 * pad, h: g.headH },
        {
          font: 'Bold',
          size: 10.5,
          color: BRAND,
        },
      );
      let y = this.y + pad + g.headH + 3;
      g.tips.forEach((tip, n) => {
        const th = g.heights[n] ?? 0;
        fitText(this.sheet, '•', { x: left + pad, y, w: 10, h: th }, { font: 'Body', size: 9.5 });
        fitText(this.sheet, tip, { x: left + pad + 12, y, w: textW, h: th }, { font: 'Body', size: 9.5 });
        y += th;
      });
    });
    this.y += h + 10;
  }

  checklist(group: KitGroup) {
    this.y += 6;
    this.room(24 + 18);
    fitText(
      this.sheet,
      group.heading,
      { x: SHEET_M, y: this.y, w: SHEET_W, h: 20 },
      {
        font: 'Bold',
        size: 13.5,
        color: BRAND,
      },
    );
    this.y += 22;
    const box = 10;
    const x = SHEET_M + box + 10;
    for (const item of group.items) {
      const h = this.measure(item, SHEET_W - (x - SHEET_M), 'Body', 11);
      this.room(h + 5);
      const tick = place(this.sheet, { x: SHEET_M + 1, y: this.y + 2, w: box, h: box });
      this.doc.rect(tick.x, tick.y, tick.w, tick.h).lineWidth(1).strokeColor(INK).stroke();
      fitText(this.sheet, item, { x, y: this.y, w: SHEET_W - (x - SHEET_M), h }, { font: 'Body', size: 11 });
      this.y += h + 5;
    }
  }
}

// --- The kit list (A4) -----------------------------------------------------------------------

function kitListPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const { settings } = state;
  const tables = tableCountFor(state, opts.tables);
  const w = reportWords(opts.lang);
  const parts = w.list([
    ...(settings.rounds.length ? [w.kit('list.cafe')] : []),
    ...(settings.openSpace ? [w.kit('list.openSpace')] : []),
  ]);
  return pdf(
    w.kit('documents.kitList', { title: settings.title }),
    (doc) => {
      const page = new Flow(sheetOf(doc, w, A4.w));
      page.text(w.kit('list.kicker', { parts }), { font: 'Bold', size: 12, color: BRAND });
      page.text(settings.title, { font: 'Bold', size: 20, min: 14, typed: true }, 4);
      page.text(w.kit('list.tick'), { font: 'Body', size: 10.5, color: SOFT }, 4);
      for (const group of kitList(state, tables, w)) page.checklist(group);
    },
    undefined,
    opts.lang,
  );
}
