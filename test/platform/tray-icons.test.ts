import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconPaths, TRAY_STATES } from '../../src-main/platform/electron-tray';

const ROOT = path.resolve(__dirname, '../..');
const ASSETS = path.join(ROOT, 'assets');

interface Png {
  width: number;
  height: number;
  colourType: number;
  pixels: Uint8Array;
}

/** Reads the PNGs scripts/make-icons.mjs writes: 8-bit RGBA, filter 0 on every row. */
function readPng(file: string): Png {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9] ?? -1;
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1);
    expect(raw[start]).toBe(0);
    pixels.set(raw.subarray(start + 1, start + 1 + width * 4), y * width * 4);
  }
  return { width, height, colourType, pixels };
}

const at2x = (file: string): string => file.replace(/\.png$/, '@2x.png');

describe('tray icons', () => {
  it.each(['linux', 'darwin'] as const)('exist for every state at 16 px and 32 px (%s)', (platform) => {
    const paths = trayIconPaths(ASSETS, platform);
    for (const state of TRAY_STATES) {
      const one = readPng(paths[state]);
      const two = readPng(at2x(paths[state]));
      expect([one.width, one.height, one.colourType]).toEqual([16, 16, 6]);
      expect([two.width, two.height, two.colourType]).toEqual([32, 32, 6]);
    }
  });

  it('are distinct per state', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const paths = trayIconPaths(ASSETS, platform);
      const bytes = TRAY_STATES.map((state) => fs.readFileSync(at2x(paths[state])).toString('base64'));
      expect(new Set(bytes).size).toBe(TRAY_STATES.length);
    }
  });

  it('are black and alpha only as macOS template images, with something drawn', () => {
    const paths = trayIconPaths(ASSETS, 'darwin');
    for (const state of TRAY_STATES) {
      for (const file of [paths[state], at2x(paths[state])]) {
        const { pixels } = readPng(file);
        let opaque = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
          if ((pixels[i + 3] ?? 0) > 200) opaque++;
        }
        expect(opaque).toBeGreaterThan(pixels.length / 4 / 6);
      }
    }
  });

  it('include a 512 px app icon', () => {
    const icon = readPng(path.join(ASSETS, 'icon.png'));
    expect([icon.width, icon.height, icon.colourType]).toEqual([512, 512, 6]);
  });

  it('match what scripts/make-icons.mjs draws', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/make-icons.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  }, 180_000);
});
