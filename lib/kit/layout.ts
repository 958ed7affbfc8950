/**
 * Where things go on the kit's pages (pure): page sizes, the boxes of the join poster, the table
 * cards and the agenda wall, in points. Tests use the same boxes to find the QR codes on a page.
 */
import type { OpenSpaceSettings } from '../openspace/settings';
import { slotsInTimeOrder } from '../openspace/wall';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Page sizes in points (1/72 inch). */
export const A4 = { w: 595.28, h: 841.89 } as const;
export const A3_LANDSCAPE = { w: 1190.55, h: 841.89 } as const;

const POSTER_M = 48;
const POSTER_W = A4.w - 2 * POSTER_M;
const POSTER_QR = 228;

/** The join poster, top to bottom. */
export const JOIN_POSTER = {
  title: { x: POSTER_M, y: 44, w: POSTER_W, h: 84 },
  purpose: { x: POSTER_M, y: 132, w: POSTER_W, h: 62 },
  lead: { x: POSTER_M, y: 196, w: POSTER_W, h: 26 },
  qr: { x: (A4.w - POSTER_QR) / 2, y: 246, w: POSTER_QR, h: POSTER_QR },
  codeLabel: { x: POSTER_M, y: 498, w: POSTER_W, h: 18 },
  code: { x: (A4.w - 300) / 2, y: 518, w: 300, h: 64 },
  address: { x: POSTER_M, y: 592, w: POSTER_W, h: 36 },
  steps: { x: POSTER_M, y: 638, w: POSTER_W, h: 156 },
  footer: { x: POSTER_M, y: 800, w: POSTER_W, h: 18 },
} satisfies Record<string, Box>;

const CARD_M = 32;
const CARD_QR = 146;
/** One face of a folded table card: half an A4 page, measured from the face's top-left corner. */
export const CARD_FACE = {
  title: { x: CARD_M, y: 30, w: 330, h: 20 },
  label: { x: CARD_M, y: 56, w: 330, h: 36 },
  number: { x: CARD_M, y: 86, w: 330, h: 160 },
  qr: { x: A4.w - CARD_M - CARD_QR, y: 34, w: CARD_QR, h: CARD_QR },
  scan: { x: A4.w - CARD_M - CARD_QR - 20, y: 196, w: CARD_QR + 40, h: 20 },
  code: { x: A4.w - CARD_M - CARD_QR - 20, y: 217, w: CARD_QR + 40, h: 26 },
  questions: { x: CARD_M, y: 256, w: A4.w - 2 * CARD_M, h: 134 },
} satisfies Record<string, Box>;

const WALL_M = 36;
const WALL_QR = 140;
export const WALL_HEAD = 60;
export const WALL_TIME = 150;
/** Most spaces side by side on one sheet of the agenda wall; more go on further sheets. */
export const WALL_SPACES_PER_PAGE = 6;
/** The header's width left of the QR code's column. */
const WALL_TEXT_W = A3_LANDSCAPE.w - 2 * WALL_M - WALL_QR - 60;
const WALL_STEP_W = (WALL_TEXT_W - 2 * 24) / 3;

/** The agenda wall's header: the theme, the QR code and the three steps; then the grid. */
export const WALL = {
  kicker: { x: WALL_M, y: WALL_M, w: WALL_TEXT_W, h: 22 },
  theme: { x: WALL_M, y: WALL_M + 26, w: WALL_TEXT_W, h: 92 },
  title: { x: WALL_M, y: WALL_M + 122, w: WALL_TEXT_W, h: 20 },
  steps: [0, 1, 2].map((i) => ({ x: WALL_M + i * (WALL_STEP_W + 24), y: 190, w: WALL_STEP_W, h: 40 })),
  qr: { x: A3_LANDSCAPE.w - WALL_M - WALL_QR, y: WALL_M, w: WALL_QR, h: WALL_QR },
  scan: { x: A3_LANDSCAPE.w - WALL_M - WALL_QR - 20, y: WALL_M + WALL_QR + 16, w: WALL_QR + 40, h: 18 },
  code: { x: A3_LANDSCAPE.w - WALL_M - WALL_QR - 20, y: WALL_M + WALL_QR + 36, w: WALL_QR + 40, h: 24 },
  grid: { x: WALL_M, y: 244, w: A3_LANDSCAPE.w - 2 * WALL_M, h: A3_LANDSCAPE.h - 244 - WALL_M - 24 },
  footer: { x: WALL_M, y: A3_LANDSCAPE.h - WALL_M - 16, w: A3_LANDSCAPE.w - 2 * WALL_M, h: 16 },
} satisfies Record<string, Box | Box[]>;

export interface WallPage {
  /** The spaces on this sheet (indexes into the settings), left to right. */
  spaces: { space: number; x: number; w: number }[];
  rows: { slot: number; y: number; h: number }[];
}

/** The grid, split into sheets of at most WALL_SPACES_PER_PAGE spaces, shared out evenly. */
export function wallPages(os: OpenSpaceSettings): WallPage[] {
  const { grid } = WALL;
  const bodyTop = grid.y + WALL_HEAD;
  const breaks = os.slots.filter((s) => s.isBreak).length;
  const breakH = Math.min(34, (grid.h - WALL_HEAD) / os.slots.length);
  const rowH = (grid.h - WALL_HEAD - breaks * breakH) / (os.slots.length - breaks);
  let y = bodyTop;
  // Rows in time order: a slot added on the day is last in the list, not on the wall.
  const rows = slotsInTimeOrder(os.slots).map((slot) => {
    const h = os.slots[slot]?.isBreak ? breakH : rowH;
    const row = { slot, y, h };
    y += h;
    return row;
  });
  const sheets = Math.ceil(os.spaces.length / WALL_SPACES_PER_PAGE);
  const perSheet = Math.ceil(os.spaces.length / sheets);
  const pages: WallPage[] = [];
  for (let first = 0; first < os.spaces.length; first += perSheet) {
    const count = Math.min(perSheet, os.spaces.length - first);
    const w = (grid.w - WALL_TIME) / count;
    const spaces = Array.from({ length: count }, (_, i) => ({
      space: first + i,
      x: grid.x + WALL_TIME + i * w,
      w,
    }));
    pages.push({ spaces, rows });
  }
  return pages;
}
