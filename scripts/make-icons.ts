/**
 * Draws the app's icons (a round café table with people around it, white on the brand's teal)
 * as PNG files in public/icons/: 192 and 512 pixels, and a 512-pixel "maskable" one whose drawing
 * stays inside the middle 80% that every phone's icon shape keeps. Plain Node, no image library:
 *
 *   npx tsx scripts/make-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEAL = [0x0f, 0x76, 0x6e] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const out = path.resolve(import.meta.dirname, '..', 'public', 'icons');

/** A circle: centre and radius, as fractions of the icon's side. */
type Circle = [x: number, y: number, r: number];

/** The drawing, in a unit square: a table, and six people seated around it. `scale` shrinks it. */
function shapes(scale: number): Circle[] {
  const c = 0.5;
  const circles: Circle[] = [[c, c, 0.2 * scale]];
  for (let i = 0; i < 6; i++) {
    const a = (i / 6) * 2 * Math.PI - Math.PI / 2;
    circles.push([c + Math.cos(a) * 0.33 * scale, c + Math.sin(a) * 0.33 * scale, 0.075 * scale]);
  }
  return circles;
}

/** RGBA pixels: rounded corners (unless maskable, which the phone crops itself), 4x4 supersampled. */
function draw(size: number, maskable: boolean): Buffer {
  const circles = shapes(maskable ? 0.8 : 1);
  const corner = maskable ? 0 : 0.18;
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          // Rounded square: distance from the inner rectangle's corner.
          const dx = Math.max(corner - u, 0, u - (1 - corner));
          const dy = Math.max(corner - v, 0, v - (1 - corner));
          if (corner > 0 && dx * dx + dy * dy > corner * corner) continue;
          inside++;
          if (circles.some(([cx, cy, r]) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r)) white++;
        }
      }
      const i = (y * size + x) * 4;
      const w = inside ? white / inside : 0;
      for (let k = 0; k < 3; k++) px[i + k] = Math.round((TEAL[k] ?? 0) * (1 - w) + (WHITE[k] ?? 0) * w);
      px[i + 3] = Math.round((inside / (S * S)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  const file = path.join(out, name);
  fs.writeFileSync(file, png(size, draw(size, maskable)));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size}${maskable ? ', maskable' : ''})`);
}
