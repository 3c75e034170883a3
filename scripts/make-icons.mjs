// Draws every Keel icon with no dependencies (zlib + hand-written PNG, ICO and ICNS containers),
// so the icons are reproducible from source: `node scripts/make-icons.mjs`. `--check` only
// verifies that the committed files match what this script draws (CI runs it).
//
// One source: the drawing below. From it come
//   - assets/icon-source.png, the 1024 px master app icon; every other app icon is derived from
//     its pixels by area-averaging downscaling: assets/icon.png (512, the window/notification
//     icon), assets/icons/NxN.png (Linux), assets/icon.ico (Windows), assets/icon.icns (macOS);
//   - the tray icons, drawn from the same mark at their exact pixel sizes (a downscaled app icon
//     is a blur at 16 px): assets/tray/<state>[Template][@2x].png, and for Windows
//     assets/tray/<state>.ico holding the badge at every small-icon size (16 px at 100% to 48 px).
//
// The mark: a sailing boat under a sun. The sun says the state: a ring when idle, a filled disc
// during a focus block, a crescent moon after hours (shapes that stay distinct at 16 px). Windows and Linux get
// the white mark on a rounded badge in the state's colour, readable on light and dark taskbars;
// macOS gets black-and-alpha template images that the menu bar tints itself.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeIco, encodeIcns, encodeIco, encodePng } from './lib/image-formats.mjs';

export { decodeIco, encodeIcns, encodeIco, encodePng };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

/** Supersamples pixel (px, py) of a `size` canvas into `out` (straight RGBA). */
function samplePixel(out, size, px, py, samples, paint) {
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

/** `paint(x, y)` returns [r, g, b, a] (0–255, a 0–1) or null for transparent. */
function render(size, paint) {
  const samples = size <= 64 ? 8 : 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) samplePixel(out, size, px, py, samples, paint);
  }
  return out;
}

/**
 * `render` for large canvases: `region(x, y)` names the flat area a point is in (background,
 * body, mark…); a pixel whose corners and centre all lie in one region is painted from its
 * centre (exact for flat colours and linear gradients), and only edge pixels are supersampled.
 * Sound where every feature is wider than a pixel, as on the 1024 px master.
 */
function renderLarge(size, region, paint) {
  const out = new Uint8Array(size * size * 4);
  const w = size + 1;
  const corners = new Int32Array(w * w);
  for (let y = 0; y <= size; y++)
    for (let x = 0; x <= size; x++) corners[y * w + x] = region(x / size, y / size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const id = corners[py * w + px];
      const cx = (px + 0.5) / size;
      const cy = (py + 0.5) / size;
      if (
        corners[py * w + px + 1] !== id ||
        corners[(py + 1) * w + px] !== id ||
        corners[(py + 1) * w + px + 1] !== id ||
        region(cx, cy) !== id
      ) {
        samplePixel(out, size, px, py, 4, paint);
        continue;
      }
      const colour = paint(cx, cy);
      if (!colour) continue;
      const i = (py * size + px) * 4;
      out[i] = Math.round(colour[0]);
      out[i + 1] = Math.round(colour[1]);
      out[i + 2] = Math.round(colour[2]);
      out[i + 3] = Math.round(colour[3] * 255);
    }
  }
  return out;
}

/**
 * Downscales a square straight-alpha RGBA image from `from` to `to` pixels by area averaging
 * (each output pixel is the alpha-weighted mean of the source area it covers).
 */
export function downscale(rgba, from, to) {
  // Per output index, the source pixels it covers and how much of each.
  const ratio = from / to;
  const spans = Array.from({ length: to }, (_, o) => {
    const start = o * ratio;
    const end = (o + 1) * ratio;
    const weights = [];
    for (let s = Math.floor(start); s < Math.min(Math.ceil(end), from); s++) {
      weights.push([s, Math.min(end, s + 1) - Math.max(start, s)]);
    }
    return weights;
  });
  // Premultiply, then average rows (horizontal pass) and columns (vertical pass).
  const pre = new Float64Array(from * from * 4);
  for (let i = 0; i < from * from; i++) {
    const a = rgba[i * 4 + 3] / 255;
    pre[i * 4] = rgba[i * 4] * a;
    pre[i * 4 + 1] = rgba[i * 4 + 1] * a;
    pre[i * 4 + 2] = rgba[i * 4 + 2] * a;
    pre[i * 4 + 3] = a;
  }
  const rows = new Float64Array(from * to * 4);
  for (let y = 0; y < from; y++) {
    for (let ox = 0; ox < to; ox++) {
      for (const [sx, weight] of spans[ox]) {
        for (let c = 0; c < 4; c++) rows[(y * to + ox) * 4 + c] += pre[(y * from + sx) * 4 + c] * weight;
      }
    }
  }
  const out = new Uint8Array(to * to * 4);
  const area = ratio * ratio;
  for (let oy = 0; oy < to; oy++) {
    for (let ox = 0; ox < to; ox++) {
      const sum = [0, 0, 0, 0];
      for (const [sy, weight] of spans[oy]) {
        for (let c = 0; c < 4; c++) sum[c] += rows[(sy * to + ox) * 4 + c] * weight;
      }
      const i = (oy * to + ox) * 4;
      const a = sum[3] / area;
      if (a > 0) {
        out[i] = Math.round(Math.min(255, sum[0] / sum[3]));
        out[i + 1] = Math.round(Math.min(255, sum[1] / sum[3]));
        out[i + 2] = Math.round(Math.min(255, sum[2] / sum[3]));
      }
      out[i + 3] = Math.round(Math.min(1, a) * 255);
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

/** The master app icon, `size` px (1024): the only app icon drawn; the rest are downscaled from it. */
function appIcon(size) {
  // The macOS icon grid: the body fills about 80% of the canvas, with room for the shadow.
  const body = roundedRect(0.1, 0.1, 0.9, 0.9, 0.18);
  const mark = glyph('idle', 0.62, true);
  const top = [0x2a, 0x8a, 0xa8];
  const bottom = [0x14, 0x47, 0x60];
  const region = (x, y) => (!body(x, y) ? 0 : mark(x, y) ? 2 : 1);
  return renderLarge(size, region, (x, y) => {
    if (!body(x, y)) return null;
    if (mark(x, y)) return WHITE;
    const t = (y - 0.1) / 0.8;
    return [0, 1, 2].map((i) => top[i] + (bottom[i] - top[i]) * t).concat(1);
  });
}

// ---------------------------------------------------------------------------------------------

const MASTER_SIZE = 1024;
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];
/** Windows draws tray icons at the small-icon size: 16 px at 100% scaling up to 32 at 200%, 48 beyond. */
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48];

/** Every icon file, relative to the project root, with its bytes. */
export function icons() {
  const files = [];
  for (const state of Object.keys(SYMBOLS)) {
    const badges = new Map(
      TRAY_ICO_SIZES.map((size) => [size, encodePng(size, size, badgeIcon(state, size))]),
    );
    for (const [suffix, scale] of [
      ['', 1],
      ['@2x', 2],
    ]) {
      const size = 16 * scale;
      files.push([`assets/tray/${state}${suffix}.png`, badges.get(size)]);
      files.push([
        `assets/tray/${state}Template${suffix}.png`,
        encodePng(size, size, templateIcon(state, size)),
      ]);
    }
    files.push([`assets/tray/${state}.ico`, encodeIco([...badges])]);
  }

  const master = appIcon(MASTER_SIZE);
  const app = new Map([[MASTER_SIZE, encodePng(MASTER_SIZE, MASTER_SIZE, master)]]);
  for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SIZES])) {
    if (!app.has(size)) app.set(size, encodePng(size, size, downscale(master, MASTER_SIZE, size)));
  }
  files.push(['assets/icon-source.png', app.get(MASTER_SIZE)]);
  files.push(['assets/icon.png', app.get(512)]);
  for (const size of LINUX_SIZES) files.push([`assets/icons/${size}x${size}.png`, app.get(size)]);
  files.push(['assets/icon.ico', encodeIco(ICO_SIZES.map((size) => [size, app.get(size)]))]);
  files.push(['assets/icon.icns', encodeIcns(new Map(ICNS_SIZES.map((size) => [size, app.get(size)])))]);
  return files;
}

/** Which of `files` (default: what `icons()` draws) are missing or differ under `projectRoot`. */
export function staleIcons(projectRoot = root, files = icons()) {
  return files
    .filter(([file, bytes]) => {
      const target = path.join(projectRoot, file);
      return !fs.existsSync(target) || !fs.readFileSync(target).equals(bytes);
    })
    .map(([file]) => file);
}

function main() {
  if (process.argv.includes('--check')) {
    const stale = staleIcons();
    if (stale.length > 0) {
      console.error(`keel: icons out of date (run node scripts/make-icons.mjs): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('keel: icons match their source');
    return;
  }
  for (const [file, bytes] of icons()) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    console.log(`keel: wrote ${file}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
