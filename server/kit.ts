/**
 * The room's kit: what a facilitator prints before people arrive. Table cards for a café, the join
 * poster, the Open Space's agenda wall, the facilitator's run sheet and the list of things to bring.
 * Each is a PDF (server/pdf.ts) from the event's settings as they are at the moment of the request.
 *
 * What goes on each page and where it goes are pure (lib/kit/plan.ts, lib/kit/layout.ts); this
 * module draws them. QR codes are drawn as vector squares: sharp at any print size.
 */
import QRCode from 'qrcode';
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
  CONVENER_TIPS,
  cafeRun,
  HOST_TIPS,
  joinSteps,
  KIT_NAMES,
  type KitGroup,
  type KitOptions,
  kitList,
  openSpaceRun,
  pad,
  type RunRow,
  shorten,
  tableCountFor,
} from '../lib/kit/plan';
import type { OpenSpaceSettings } from '../lib/openspace/settings';
import type { EventSettings } from '../lib/settings';
import type { EventState } from '../lib/state';
import { toldPosterPdf } from './kit-told';
import { breathe, type Doc, pdf } from './pdf';

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

type FontName = 'Body' | 'Bold' | 'Mono';

const INK = '#1c1917';
const SOFT = '#57534e';
const BRAND = '#134e4a';
const RULE = '#78716c';
const SHADE = '#f0eeec';

interface TextStyle {
  font: FontName;
  size: number;
  /** Shrink down to this size to fit the box; past it, the text is cut with an ellipsis. */
  min?: number;
  color?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  lineGap?: number;
  paragraphGap?: number;
  characterSpacing?: number;
}

const textOptions = (box: Box, style: TextStyle) => ({
  width: box.w,
  align: style.align ?? 'left',
  lineGap: style.lineGap ?? 0,
  paragraphGap: style.paragraphGap ?? 0,
  characterSpacing: style.characterSpacing ?? 0,
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
function fitSize(doc: Doc, text: string, box: Box, style: TextStyle): Fit {
  const key = JSON.stringify([text, box.w, box.h, style]);
  const cache = fitCache.get(doc) ?? new Map<string, Fit>();
  fitCache.set(doc, cache);
  const known = cache.get(key);
  if (known) return known;
  const opts = textOptions(box, style);
  const heightAt = (size: number) => doc.font(style.font).fontSize(size).heightOfString(text, opts);
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

/** Writes text inside a box, shrinking it to fit (people's titles and questions vary a lot). */
function fitText(doc: Doc, text: string, box: Box, style: TextStyle): Fit {
  const fit = fitSize(doc, text, box, style);
  const valign = style.valign ?? 'top';
  const y =
    box.y + (valign === 'middle' ? (box.h - fit.height) / 2 : valign === 'bottom' ? box.h - fit.height : 0);
  // The extra point keeps a last line that fits exactly from being cut off by rounding.
  doc
    .font(style.font)
    .fontSize(fit.size)
    .fillColor(style.color ?? INK)
    .text(text, box.x, y, { ...textOptions(box, style), height: box.y + box.h - y + 1, ellipsis: true });
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
 */
function drawQr(doc: Doc, url: string, box: Box) {
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** "45 min", "1 h 05 min", "2 h". */
const duration = (min: number) =>
  min < 60 ? `${min} min` : `${Math.floor(min / 60)} h${min % 60 ? ` ${pad(min % 60)} min` : ''}`;

// --- The join poster (A4) --------------------------------------------------------------------

function joinPosterPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const { settings, joinCode } = state;
  const L = JOIN_POSTER;
  return pdf(`${settings.title}: join poster`, (doc) => {
    doc.addPage({ size: [A4.w, A4.h], margin: 0 });
    fitText(doc, settings.title, L.title, {
      font: 'Bold',
      size: 34,
      min: 20,
      align: 'center',
      valign: 'bottom',
    });
    if (settings.purpose)
      fitText(doc, settings.purpose, L.purpose, {
        font: 'Body',
        size: 16,
        min: 11,
        align: 'center',
        color: SOFT,
      });
    fitText(doc, 'Join in with your phone', L.lead, {
      font: 'Bold',
      size: 20,
      align: 'center',
      color: BRAND,
    });
    drawQr(doc, opts.joinUrl, L.qr);
    fitText(doc, 'Join code', L.codeLabel, { font: 'Body', size: 13, align: 'center', color: SOFT });
    doc.roundedRect(L.code.x, L.code.y, L.code.w, L.code.h, 10).lineWidth(2.5).strokeColor(INK).stroke();
    fitText(doc, joinCode, L.code, {
      font: 'Mono',
      size: 46,
      min: 24,
      align: 'center',
      valign: 'middle',
      characterSpacing: 6,
    });
    fitText(doc, `Or type this address:\n${opts.joinUrl}`, L.address, {
      font: 'Body',
      size: 13,
      min: 9,
      align: 'center',
    });
    drawSteps(doc, joinSteps(settings.identity), L.steps);
    fitText(doc, 'No app and no account needed. No phone? Ask us for paper and a pen.', L.footer, {
      font: 'Body',
      size: 12,
      min: 10,
      align: 'center',
      color: SOFT,
    });
  });
}

/** Numbered steps in teal circles, one under the other. */
function drawSteps(doc: Doc, steps: { title: string; detail: string }[], box: Box) {
  const h = box.h / steps.length;
  const r = 17;
  steps.forEach((step, i) => {
    const y = box.y + i * h;
    doc
      .circle(box.x + r, y + r, r)
      .fillColor(BRAND)
      .fill();
    fitText(
      doc,
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
      doc,
      step.title,
      { x, y: y - 1, w: box.w - (x - box.x), h: 22 },
      { font: 'Bold', size: 17, min: 12 },
    );
    fitText(
      doc,
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
  return pdf(`${state.settings.title}: table cards`, async (doc) => {
    for (let table = 1; table <= count; table++) {
      if (table % 10 === 0) await breathe();
      doc.addPage({ size: [A4.w, A4.h], margin: 0 });
      // The top half becomes the back of the folded card, so it is printed upside down and
      // reads the right way up from the other side of the table.
      doc.save().rotate(180, { origin: [A4.w / 2, A4.h / 4] });
      drawCardFace(doc, state, table, opts.joinUrl, 0);
      doc.restore();
      drawCardFace(doc, state, table, opts.joinUrl, A4.h / 2);
      drawFoldLine(doc, A4.h / 2);
    }
  });
}

const shift = (b: Box, dy: number): Box => ({ ...b, y: b.y + dy });

function drawCardFace(doc: Doc, state: EventState, table: number, joinUrl: string, top: number) {
  const F = CARD_FACE;
  const { rounds, title } = state.settings;
  fitText(doc, title, shift(F.title, top), { font: 'Body', size: 12, min: 9, color: SOFT });
  fitText(doc, 'Table', shift(F.label, top), { font: 'Bold', size: 30, color: BRAND });
  fitText(doc, String(table), shift(F.number, top), { font: 'Bold', size: 150, min: 60, valign: 'middle' });
  drawQr(doc, joinUrl, shift(F.qr, top));
  fitText(doc, 'Scan to join', shift(F.scan, top), { font: 'Bold', size: 14, align: 'center' });
  fitText(doc, `Code: ${state.joinCode}`, shift(F.code, top), {
    font: 'Mono',
    size: 18,
    min: 12,
    align: 'center',
  });
  const q = shift(F.questions, top);
  doc
    .moveTo(q.x, q.y - 8)
    .lineTo(q.x + q.w, q.y - 8)
    .lineWidth(1)
    .strokeColor(RULE)
    .stroke();
  fitText(
    doc,
    rounds.length === 1 ? 'Our question' : 'Our questions',
    { ...q, h: 20 },
    {
      font: 'Bold',
      size: 14,
      color: BRAND,
    },
  );
  drawQuestions(
    doc,
    rounds.map((r) => r.question),
    { ...q, y: q.y + 24, h: q.h - 24 },
  );
}

/**
 * The questions, numbered, at a size people can read: more than six go in two columns, and when
 * long questions still do not fit, each is shortened (phones and the projector show them in full)
 * rather than some left off.
 */
function drawQuestions(doc: Doc, questions: string[], box: Box) {
  const style: TextStyle = { font: 'Body', size: 17, min: 9, paragraphGap: 4 };
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
          questions.length === 1 ? shorten(q, max) : `${c * perColumn + i + 1}.  ${shorten(q, max)}`,
        )
        .join('\n'),
    );
  let chosen = texts(50);
  for (const max of [Number.POSITIVE_INFINITY, 160, 110, 75]) {
    const candidate = texts(max);
    if (candidate.every((t, c) => !fitSize(doc, t, boxes[c] ?? box, style).overflow)) {
      chosen = candidate;
      break;
    }
  }
  // One size for every column, so the list reads as one.
  const size = Math.min(...chosen.map((t, c) => fitSize(doc, t, boxes[c] ?? box, style).size));
  chosen.forEach((t, c) => {
    fitText(doc, t, boxes[c] ?? box, { ...style, size, min: size });
  });
}

function drawFoldLine(doc: Doc, y: number) {
  doc
    .moveTo(24, y)
    .lineTo(A4.w - 24, y)
    .dash(6, { space: 5 })
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke()
    .undash();
  fitText(
    doc,
    'Fold here',
    { x: A4.w - 24 - 100, y: y + 3, w: 100, h: 12 },
    {
      font: 'Body',
      size: 8,
      align: 'right',
      color: SOFT,
    },
  );
}

// --- The agenda wall (A3 landscape) ----------------------------------------------------------

function agendaWallPdf(state: EventState, os: OpenSpaceSettings, opts: KitOptions): Promise<Buffer> {
  const pages = wallPages(os);
  const steps = [
    '1. Write your session’s title and your name on a sheet.',
    os.selfScheduling
      ? '2. Stick it in a free box below: a time and a space.'
      : '2. Give it to the facilitator, who puts it on the wall.',
    '3. Go to any session you like. You can move at any time.',
  ];
  return pdf(`${state.settings.title}: agenda wall`, (doc) => {
    pages.forEach((page, i) => {
      doc.addPage({ size: [A3_LANDSCAPE.w, A3_LANDSCAPE.h], margin: 0 });
      fitText(doc, 'Open Space · agenda wall', WALL.kicker, { font: 'Bold', size: 16, color: BRAND });
      fitText(doc, os.theme, WALL.theme, { font: 'Bold', size: 38, min: 18, valign: 'middle' });
      fitText(doc, state.settings.title, WALL.title, { font: 'Body', size: 15, min: 10, color: SOFT });
      drawQr(doc, opts.joinUrl, WALL.qr);
      fitText(doc, 'Scan to join', WALL.scan, { font: 'Bold', size: 14, align: 'center' });
      fitText(doc, `Code: ${state.joinCode}`, WALL.code, {
        font: 'Mono',
        size: 18,
        min: 12,
        align: 'center',
      });
      steps.forEach((step, n) => {
        const box = WALL.steps[n];
        if (box) fitText(doc, step, box, { font: 'Body', size: 15, min: 10, lineGap: 1 });
      });
      drawWallGrid(doc, os, page);
      if (pages.length > 1) {
        const first = (page.spaces[0]?.space ?? 0) + 1;
        const last = (page.spaces.at(-1)?.space ?? 0) + 1;
        fitText(
          doc,
          `Sheet ${i + 1} of ${pages.length}: spaces ${first}–${last} of ${os.spaces.length}. Put the sheets side by side.`,
          WALL.footer,
          { font: 'Body', size: 11, align: 'right', color: SOFT },
        );
      }
    });
  });
}

function drawWallGrid(doc: Doc, os: OpenSpaceSettings, page: WallPage) {
  const { grid } = WALL;
  const right = grid.x + grid.w;
  const bottom = page.rows.at(-1) ? (page.rows.at(-1)?.y ?? 0) + (page.rows.at(-1)?.h ?? 0) : grid.y;
  const pad = 8;
  // Breaks are shaded first, so the lines are drawn over them.
  for (const row of page.rows)
    if (os.slots[row.slot]?.isBreak) doc.rect(grid.x, row.y, grid.w, row.h).fillColor(SHADE).fill();
  for (const col of page.spaces) {
    const space = os.spaces[col.space];
    if (!space) continue;
    const cell = { x: col.x + pad, y: grid.y + pad - 2, w: col.w - 2 * pad, h: WALL_HEAD - 2 * pad + 4 };
    const { height } = fitText(doc, space.name, { ...cell, h: 24 }, { font: 'Bold', size: 17, min: 10 });
    const about = [space.capacity ? `Up to ${space.capacity} people` : '', space.notes]
      .filter(Boolean)
      .join(' · ');
    if (about)
      fitText(
        doc,
        about,
        { ...cell, y: cell.y + height + 2, h: cell.h - height - 2 },
        {
          font: 'Body',
          size: 11,
          min: 8,
          color: SOFT,
        },
      );
  }
  fitText(
    doc,
    'Time',
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
    const time = `${slot.start}–${slot.end}`;
    if (slot.isBreak) fitText(doc, time, cell, { font: 'Bold', size, min: 7, valign: 'middle' });
    else {
      // The time always shows; the slot's label only where the row has room for it.
      const { height } = fitText(
        doc,
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
        fitText(doc, slot.label, rest, { font: 'Body', size: Math.min(13, size * 0.8), min: 8 });
    }
    if (slot.isBreak)
      fitText(
        doc,
        slot.label || 'Break',
        { x: grid.x + WALL_TIME, y: row.y, w: grid.w - WALL_TIME, h: row.h },
        {
          font: 'Bold',
          size: Math.min(15, row.h * 0.5),
          min: 8,
          align: 'center',
          valign: 'middle',
          color: SOFT,
        },
      );
  }
  doc.lineWidth(1.25).strokeColor(RULE);
  doc.rect(grid.x, grid.y, grid.w, bottom - grid.y).stroke();
  doc
    .moveTo(grid.x, grid.y + WALL_HEAD)
    .lineTo(right, grid.y + WALL_HEAD)
    .stroke();
  for (const row of page.rows.slice(1)) doc.moveTo(grid.x, row.y).lineTo(right, row.y).stroke();
  for (const col of page.spaces) {
    // A break row is one band across the sheet, so column lines stop at it.
    let from = grid.y;
    for (const row of page.rows) {
      if (!os.slots[row.slot]?.isBreak) continue;
      if (row.y > from) doc.moveTo(col.x, from).lineTo(col.x, row.y).stroke();
      from = row.y + row.h;
    }
    if (bottom > from) doc.moveTo(col.x, from).lineTo(col.x, bottom).stroke();
  }
}

// --- The run sheet (A4, flowing) -------------------------------------------------------------

const SHEET_M = 42;
const SHEET_W = A4.w - 2 * SHEET_M;
const RUN_COLS = { time: 78, what: 272, console: SHEET_W - 78 - 272 };

function runSheetPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const { settings } = state;
  return pdf(`${settings.title}: run sheet`, (doc) => {
    const page = new Flow(doc);
    page.text('Run sheet', { font: 'Bold', size: 12, color: BRAND });
    page.text(settings.title, { font: 'Bold', size: 20, min: 14 }, 4);
    page.text(`Join code ${state.joinCode} · ${opts.joinUrl}`, { font: 'Body', size: 10.5, color: SOFT }, 2);
    page.text(timesNote(settings, opts.start), { font: 'Body', size: 10.5, color: SOFT }, 10);
    if (settings.rounds.length) {
      const { rows, minutes } = cafeRun(settings, opts.start);
      page.heading(
        `World Café · ${plural(settings.rounds.length, 'round', 'rounds')}, ${duration(minutes)} in all`,
      );
      page.runTable(rows);
    }
    if (settings.openSpace) {
      page.heading(`Open Space · ${settings.openSpace.theme}`);
      page.runTable(openSpaceRun(settings.openSpace));
    }
    // Side by side at the end, so an event with both parts still fits on one page.
    page.tips([
      ...(settings.rounds.length ? [{ heading: 'For table hosts', tips: HOST_TIPS }] : []),
      ...(settings.openSpace ? [{ heading: 'For session conveners', tips: CONVENER_TIPS }] : []),
    ]);
  });
}

/** How to read the times: the café's run from the start time (or from 0:00); the Open Space's are set. */
function timesNote(settings: EventSettings, start: string | null): string {
  if (!settings.rounds.length) return 'Times are those of the Open Space’s slots.';
  const cafe = start
    ? `Clock times from a start at ${start}.`
    : 'Times count from the start (0:00). Give a start time in the console to print clock times.';
  return settings.openSpace ? `${cafe} The Open Space keeps the times of its slots.` : cafe;
}

/**
 * Top-to-bottom writing for the sheets that flow (run sheet, kit list): a new page when the next
 * block would not fit, so a long event still prints whole.
 */
class Flow {
  y = SHEET_M;
  constructor(private doc: Doc) {
    doc.addPage({ size: [A4.w, A4.h], margin: 0 });
  }

  /** Starts a new page unless `h` more points fit on this one; true when it did. */
  private room(h: number): boolean {
    if (this.y + h <= A4.h - SHEET_M) return false;
    this.doc.addPage({ size: [A4.w, A4.h], margin: 0 });
    this.y = SHEET_M;
    return true;
  }

  private measure(text: string, width: number, font: FontName, size: number) {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width });
  }

  text(text: string, style: TextStyle, after = 6) {
    const h = this.measure(text, SHEET_W, style.font, style.size);
    this.room(h);
    this.y += fitText(this.doc, text, { x: SHEET_M, y: this.y, w: SHEET_W, h }, style).height + after;
  }

  heading(text: string) {
    this.y += 6;
    const h = this.measure(text, SHEET_W, 'Bold', 14);
    this.room(h + 40);
    fitText(
      this.doc,
      text,
      { x: SHEET_M, y: this.y, w: SHEET_W, h },
      { font: 'Bold', size: 14, color: BRAND },
    );
    this.y += h + 4;
  }

  runTable(rows: RunRow[]) {
    const pad = 3.5;
    const time = { x: SHEET_M + pad, w: RUN_COLS.time - 2 * pad };
    const what = { x: time.x + RUN_COLS.time, w: RUN_COLS.what - 2 * pad };
    const press = { x: what.x + RUN_COLS.what, w: RUN_COLS.console - 2 * pad };
    const header = () => {
      this.doc.rect(SHEET_M, this.y, SHEET_W, 17).fillColor(SHADE).fill();
      const names: [string, { x: number; w: number }][] = [
        ['Time', time],
        ['What happens', what],
        ['In the console', press],
      ];
      for (const [name, col] of names)
        fitText(this.doc, name, { ...col, y: this.y + 4, h: 13 }, { font: 'Bold', size: 9 });
      this.y += 17;
    };
    this.room(40);
    header();
    for (const row of rows) {
      const titleH = this.measure(row.title, what.w, 'Bold', 10);
      const detailH = row.detail ? this.measure(row.detail, what.w, 'Body', 9.5) + 1 : 0;
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
      fitText(this.doc, row.time, { ...time, y, h: h - 2 * pad }, { font: 'Bold', size: 9.5 });
      fitText(this.doc, row.title, { ...what, y, h: titleH }, { font: 'Bold', size: 10 });
      if (row.detail)
        fitText(
          this.doc,
          row.detail,
          { ...what, y: y + titleH + 1, h: detailH },
          { font: 'Body', size: 9.5 },
        );
      if (row.console)
        fitText(
          this.doc,
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
      this.doc.rect(left, this.y, boxW, h).lineWidth(1).strokeColor(BRAND).stroke();
      fitText(
        this.doc,
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
        fitText(this.doc, '•', { x: left + pad, y, w: 10, h: th }, { font: 'Body', size: 9.5 });
        fitText(this.doc, tip, { x: left + pad + 12, y, w: textW, h: th }, { font: 'Body', size: 9.5 });
        y += th;
      });
    });
    this.y += h + 10;
  }

  checklist(group: KitGroup) {
    this.y += 6;
    this.room(24 + 18);
    fitText(
      this.doc,
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
      this.doc
        .rect(SHEET_M + 1, this.y + 2, box, box)
        .lineWidth(1)
        .strokeColor(INK)
        .stroke();
      fitText(this.doc, item, { x, y: this.y, w: SHEET_W - (x - SHEET_M), h }, { font: 'Body', size: 11 });
      this.y += h + 5;
    }
  }
}

// --- The kit list (A4) -----------------------------------------------------------------------

function kitListPdf(state: EventState, opts: KitOptions): Promise<Buffer> {
  const { settings } = state;
  const tables = tableCountFor(state, opts.tables);
  const parts = [settings.rounds.length ? 'World Café' : '', settings.openSpace ? 'Open Space' : '']
    .filter(Boolean)
    .join(' and ');
  return pdf(`${settings.title}: what to bring`, (doc) => {
    const page = new Flow(doc);
    page.text(`What to bring · ${parts}`, { font: 'Bold', size: 12, color: BRAND });
    page.text(settings.title, { font: 'Bold', size: 20, min: 14 }, 4);
    page.text('Tick each thing off as you pack it.', { font: 'Body', size: 10.5, color: SOFT }, 4);
    for (const group of kitList(state, tables)) page.checklist(group);
  });
}
