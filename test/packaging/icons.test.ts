import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');
const STATES = ['idle', 'focus', 'after-hours'];

/** What scripts/make-icons.mjs exports (a plain .mjs script, so typed here by hand). */
interface MakeIcons {
  icons(): [string, Buffer][];
  staleIcons(projectRoot?: string, files?: [string, Buffer][]): string[];
  encodeIco(images: [number, Buffer][]): Buffer;
  decodeIco(bytes: Buffer): { size: number; png: Buffer }[];
  encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
  downscale(rgba: Uint8Array, from: number, to: number): Uint8Array;
}

const script = (await import(pathToFileURL(path.join(ROOT, 'scripts/make-icons.mjs')).href)) as MakeIcons;

const pngSize = (png: Buffer): [number, number] => {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('the ICO writer', () => {
  it('writes a directory whose entries point at the embedded PNGs', () => {
    const small = script.encodePng(1, 1, new Uint8Array([1, 2, 3, 255]));
    const large = script.encodePng(2, 2, new Uint8Array(16).fill(9));
    const ico = script.encodeIco([
      [16, small],
      [256, large],
    ]);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    // 256 px is written as 0 in the one-byte width and height fields.
    expect([ico[6], ico[7], ico[22], ico[23]]).toEqual([16, 16, 0, 0]);
    expect([ico.readUInt16LE(6 + 4), ico.readUInt16LE(6 + 6)]).toEqual([1, 32]);
    expect(ico.readUInt32LE(6 + 12)).toBe(6 + 2 * 16);
    expect(script.decodeIco(ico)).toEqual([
      { size: 16, png: small },
      { size: 256, png: large },
    ]);
    expect(() => script.encodeIco([[300, small]])).toThrow(/1–256/);
  });
});

describe('downscaling the master', () => {
  it('averages area in premultiplied alpha (no dark fringes) and keeps flat colour flat', () => {
    // 3x3 -> 2x2 covers fractional pixels; half the source is transparent black.
    const rgba = new Uint8Array(9 * 4);
    for (let i = 0; i < 9; i++) rgba.set(i % 3 === 0 ? [0, 0, 0, 0] : [200, 100, 50, 255], i * 4);
    const out = script.downscale(rgba, 3, 2);
    // Left column: 1.5 source columns, the first transparent: alpha 1/3, colour unchanged.
    expect(Array.from(out.subarray(0, 4))).toEqual([200, 100, 50, 85]);
    expect(Array.from(out.subarray(4, 8))).toEqual([200, 100, 50, 255]);
  });
});

describe('the committed icons', () => {
  const drawn = script.icons();
  const files = new Map(drawn);

  it('derive every app icon from one 1024 px master', () => {
    const master = files.get('assets/icon-source.png');
    expect(master && pngSize(master)).toEqual([1024, 1024]);
    expect(pngSize(files.get('assets/icon.png')!)).toEqual([512, 512]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(files.get(`assets/icons/${size}x${size}.png`)!)).toEqual([size, size]);
    }
    const ico = script.decodeIco(files.get('assets/icon.ico')!);
    expect(ico.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of ico) expect(pngSize(entry.png)).toEqual([entry.size, entry.size]);
    const icns = files.get('assets/icon.icns')!;
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.toString('latin1', at, at + 4));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic14']));
  });

  it('include a Windows .ico per tray state holding the tray PNGs', () => {
    for (const state of STATES) {
      const entries = script.decodeIco(files.get(`assets/tray/${state}.ico`)!);
      expect(entries.map((e) => e.size)).toEqual([16, 20, 24, 32, 40, 48]);
      for (const entry of entries) expect(pngSize(entry.png)).toEqual([entry.size, entry.size]);
      expect(entries[0]!.png.equals(files.get(`assets/tray/${state}.png`)!)).toBe(true);
      expect(entries[3]!.png.equals(files.get(`assets/tray/${state}@2x.png`)!)).toBe(true);
    }
  });

  it('match the drawing (make-icons --check), which notices changed and missing files', () => {
    const copy = tempDir('keel-icons-');
    fs.cpSync(path.join(ROOT, 'assets'), path.join(copy, 'assets'), { recursive: true });
    // The committed files, compared through a copy so the test can then spoil two of them.
    expect(script.staleIcons(copy, drawn)).toEqual([]);
    fs.appendFileSync(path.join(copy, 'assets/tray/focus.ico'), 'x');
    fs.rmSync(path.join(copy, 'assets/icons/48x48.png'));
    expect(script.staleIcons(copy, drawn).sort()).toEqual([
      'assets/icons/48x48.png',
      'assets/tray/focus.ico',
    ]);
  }, 60_000);
});
