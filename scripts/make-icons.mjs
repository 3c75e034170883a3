// Draws Keel's tray and app icons into assets/ with no dependencies (zlib + hand-written PNG
// chunks), so the icons are reproducible from source: `node scripts/make-icons.mjs`.
// `--check` only verifies that the committed files match what this script draws.
//
// The mark: a sailing boat under a sun. The sun says the state: a ring when idle, a filled disc
// during a focus block, a crescent moon after hours (shapes that stay distinct at 16 px). Windows and Linux get
// the white mark on a rounded badge in the state's colour, readable on light and dark taskbars;
// macOS gets black-and-alpha template images that the menu bar tints itself.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// PNG encoding: 8-bit RGBA, filter 0 on every row, one IDAT chunk.

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes `rgba` (width * height * 4 bytes, straight alpha) as a PNG file. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Shapes, in a unit square with y pointing down. Each is a predicate: is (x, y) inside?

const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, width) => {
  const outer = disc(cx, cy, r);
  const inner = disc(cx, cy, r - width);
  return (x, y) => outer(x, y) && !inner(x, y);
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r;
};
/** Maps a shape into the box centred on (0.5, 0.5) scaled by `scale`. */
const scaled = (shape, scale) => (x, y) => shape((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5);

/** Even-odd point-in-polygon test over `points` ([x, y] pairs). */
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
/** Points along a quadratic Bézier from `a` to `b` bending towards `c` (excluding `a`). */
const curve = (a, c, b, steps = 24) =>
  Array.from({ length: steps }, (_, i) => {
    const t = (i + 1) / steps;
    const u = 1 - t;
    return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
  });

// The hull, side on: a flat deck, a raked bow on the right, a near-upright transom on the left.
const HULL_TOP = 0.58;
const hullAt = (top) => {
  const d = top - HULL_TOP;
  const p = (x, y) => [x, y + d];
  return polygon([
    p(0.07, 0.58),
    p(0.95, 0.58),
    ...curve(p(0.95, 0.58), p(0.8, 0.82), p(0.6, 0.82)),
    p(0.32, 0.82),
    ...curve(p(0.32, 0.82), p(0.14, 0.8), p(0.07, 0.58)),
  ]);
};
/**
 * Moves the deck onto a pixel boundary at 16 px (and so at 32 px) for a mark drawn at `scale`:
 * a horizontal edge that falls mid-pixel renders as a grey smear at tray size.
 */
const snappedHullTop = (scale) =>
  0.5 + (Math.round(16 * (0.5 + (HULL_TOP - 0.5) * scale)) / 16 - 0.5) / scale;
// The keel itself, a fin swept aft; only where it can be seen (the app icon: at tray size it
// would be a one-pixel smudge).
const keelFin = polygon([
  [0.4, 0.8],
  [0.58, 0.8],
  [0.49, 0.97],
  [0.42, 0.97],
]);

// A sail on the mast amidships, and the sun (or moon) beside it, off to the bow.
const sail = polygon([
  [0.42, 0.06],
  [0.42, 0.5],
  [0.1, 0.5],
]);
const SUN = { cx: 0.74, cy: 0.27, r: 0.19 };
const SUN_RING = ring(SUN.cx, SUN.cy, SUN.r, 0.085);

/** The sun for each tray state. */
const SYMBOLS = {
  idle: SUN_RING,
  focus: disc(SUN.cx, SUN.cy, SUN.r),
  'after-hours': minus(disc(SUN.cx, SUN.cy, SUN.r), disc(SUN.cx + 0.1, SUN.cy - 0.08, 0.16)),
};

/** The state colours of the Windows/Linux badges; white on each passes WCAG AA. */
const BADGE = { idle: [0x1f, 0x6f, 0x8b], focus: [0xb4, 0x3c, 0x0a], 'after-hours': [0x43, 0x38, 0xca] };

/** The whole mark for `state`, drawn at `scale` of the canvas around its centre. */
const glyph = (state, scale, withKeel = false) =>
  scaled(union(hullAt(snappedHullTop(scale)), sail, SYMBOLS[state], ...(withKeel ? [keelFin] : [])), scale);

// ---------------------------------------------------------------------------------------------
// Rasterising: supersampled coverage, composited premultiplied, written straight.

/** `paint(x, y)` returns [r, g, b, a] (0–255, a 0–1) or null for transparent. */
function render(size, paint) {
  const samples = size <= 64 ? 8 : 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const WHITE = [255, 255, 255, 1];
const BLACK = [0, 0, 0, 1];

function badgeIcon(state, size) {
  const badge = roundedRect(0, 0, 1, 1, 0.22);
  const mark = glyph(state, 0.8);
  const colour = [...BADGE[state], 1];
  return render(size, (x, y) => (mark(x, y) ? WHITE : badge(x, y) ? colour : null));
}

function templateIcon(state, size) {
  // A hair of margin so the menu bar's own padding, not the image edge, frames the mark.
  const mark = glyph(state, 0.96);
  return render(size, (x, y) => (mark(x, y) ? BLACK : null));
}

function appIcon(size) {
  // The macOS icon grid: the body fills about 80% of the canvas, with room for the shadow.
  const body = roundedRect(0.1, 0.1, 0.9, 0.9, 0.18);
  const mark = glyph('idle', 0.62, true);
  const top = [0x2a, 0x8a, 0xa8];
  const bottom = [0x14, 0x47, 0x60];
  return render(size, (x, y) => {
    if (!body(x, y)) return null;
    if (mark(x, y)) return WHITE;
    const t = (y - 0.1) / 0.8;
    return [0, 1, 2].map((i) => top[i] + (bottom[i] - top[i]) * t).concat(1);
  });
}

/** Every icon file, relative to the project root, with its PNG bytes. */
export function icons() {
  const files = [];
  for (const state of Object.keys(SYMBOLS)) {
    for (const [suffix, scale] of [
      ['', 1],
      ['@2x', 2],
    ]) {
      const size = 16 * scale;
      files.push([`assets/tray/${state}${suffix}.png`, encodePng(size, size, badgeIcon(state, size))]);
      files.push([
        `assets/tray/${state}Template${suffix}.png`,
        encodePng(size, size, templateIcon(state, size)),
      ]);
    }
  }
  files.push(['assets/icon.png', encodePng(512, 512, appIcon(512))]);
  return files;
}

function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [file, bytes] of icons()) {
    const target = path.join(root, file);
    if (check) {
      if (!fs.existsSync(target) || !fs.readFileSync(target).equals(bytes)) stale.push(file);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    console.log(`keel: wrote ${file}`);
  }
  if (stale.length > 0) {
    console.error(`keel: icons out of date (run node scripts/make-icons.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
