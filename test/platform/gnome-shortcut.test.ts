/**
 * Keel's GNOME custom shortcut against the real `gsettings` and GNOME's real media-keys schemas
 * (Debian's gnome-settings-daemon-common), on the keyfile backend in a temporary
 * XDG_CONFIG_HOME: nothing of this machine's own settings is read or written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addKeelShortcut,
  CUSTOM_BASE,
  CUSTOM_SCHEMA,
  gvString,
  MEDIA_KEYS_SCHEMA,
  parseGvString,
  parseGvStringArray,
  readCustomShortcuts,
  runGsettings,
  type Gsettings,
} from '../../src-main/platform/gnome-shortcut';
import { createShortcutOffers, focusCommandFor } from '../../src-main/platform/shortcut-offer';

function skipReason(): string | undefined {
  const env = { ...process.env, GSETTINGS_BACKEND: 'memory' };
  try {
    execFileSync('gsettings', ['list-keys', MEDIA_KEYS_SCHEMA], { env, stdio: 'pipe', timeout: 5_000 });
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'gsettings is not installed (Debian: libglib2.0-bin).'
      : `GNOME's media-keys schema is not installed (Debian: gnome-settings-daemon-common).`;
  }
}
const skipped = skipReason();
// At collection time, so the reason shows in every reporter even though the tests are skipped.
if (skipped) console.warn(`[gnome shortcut] SKIPPED: ${skipped}`);

const COMMAND = '/opt/Keel/resources/bin/keel focus start';
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The real gsettings on a keyfile of its own. */
function sandbox(): { gs: Gsettings; keyfile: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-gsettings-'));
  folders.push(home);
  const env = { PATH: process.env.PATH ?? '/usr/bin', GSETTINGS_BACKEND: 'keyfile', XDG_CONFIG_HOME: home };
  return { gs: runGsettings({ env }), keyfile: path.join(home, 'glib-2.0', 'settings', 'keyfile') };
}

async function userShortcut(gs: Gsettings, n: number, name: string, command: string, binding: string) {
  const p = `${CUSTOM_BASE}custom${n}/`;
  for (const [key, value] of [
    ['name', name],
    ['command', command],
    ['binding', binding],
  ] as const)
    await gs(['set', `${CUSTOM_SCHEMA}:${p}`, key, gvString(value)]);
  const list = parseGvStringArray(await gs(['get', MEDIA_KEYS_SCHEMA, 'custom-keybindings']));
  await gs(['set', MEDIA_KEYS_SCHEMA, 'custom-keybindings', `[${[...list, p].map(gvString).join(', ')}]`]);
  return p;
}

const list = async (gs: Gsettings) =>
  parseGvStringArray(await gs(['get', MEDIA_KEYS_SCHEMA, 'custom-keybindings']));

describe.skipIf(skipped !== undefined)('GNOME custom shortcut through the real gsettings', () => {
  it('appends Keel focus to the user list, keeps the user shortcut, and writes only the sandbox keyfile', async () => {
    const { gs, keyfile } = sandbox();
    const theirs = await userShortcut(gs, 0, "Bob's terminal", 'gnome-terminal', '<Super>t');
    expect(await addKeelShortcut(gs, COMMAND)).toEqual({ kind: 'added', path: `${CUSTOM_BASE}custom1/` });
    expect(await list(gs)).toEqual([theirs, `${CUSTOM_BASE}custom1/`]);
    expect(await readCustomShortcuts(gs)).toEqual([
      { path: theirs, name: "Bob's terminal", command: 'gnome-terminal', binding: '<Super>t' },
      { path: `${CUSTOM_BASE}custom1/`, name: 'Keel focus', command: COMMAND, binding: '<Control><Alt>f' },
    ]);
    expect(fs.readFileSync(keyfile, 'utf8')).toContain('Keel focus');
  });

  it('picks a free path when the user list has gaps, and adds once however often it is asked', async () => {
    const { gs } = sandbox();
    const theirs = await userShortcut(gs, 0, 'Mail', 'thunderbird', '<Super>m');
    const other = await userShortcut(gs, 2, 'Notes', 'gedit', '<Super>n');
    const first = await addKeelShortcut(gs, COMMAND);
    expect(first).toEqual({ kind: 'added', path: `${CUSTOM_BASE}custom1/` });
    expect(await addKeelShortcut(gs, COMMAND)).toEqual({ kind: 'already', path: `${CUSTOM_BASE}custom1/` });
    expect(await list(gs)).toEqual([theirs, other, `${CUSTOM_BASE}custom1/`]);
  });

  it('reports a Ctrl+Alt+F another custom shortcut uses, and does not steal it', async () => {
    const { gs } = sandbox();
    const theirs = await userShortcut(gs, 0, 'Files', 'nautilus', '<Primary><Alt>F');
    expect(await addKeelShortcut(gs, COMMAND)).toEqual({ kind: 'taken', by: 'Files' });
    expect(await list(gs)).toEqual([theirs]);
    expect(parseGvString(await gs(['get', `${CUSTOM_SCHEMA}:${theirs}`, 'command']))).toBe('nautilus');
  });

  it('through the offer: shown after a failed registration, added on consent, then gone', async () => {
    const { gs } = sandbox();
    const env = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' };
    const offers = createShortcutOffers({ platform: 'linux', env, command: COMMAND, gsettings: gs });
    expect((await offers.offer(false)).kind).toBe('none');
    offers.registerFailed();
    expect(await offers.offer(false)).toMatchObject({ kind: 'gnome', command: COMMAND });
    expect((await offers.add()).said?.tone).toBe('success');
    expect((await offers.offer(true)).kind).toBe('none');
    expect(await list(gs)).toEqual([`${CUSTOM_BASE}custom0/`]);
  });
});

describe('GNOME custom shortcut: gsettings failing', () => {
  it('says in one sentence that gsettings did not answer, within its time limit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-gsettings-'));
    folders.push(dir);
    const hangs = path.join(dir, 'gsettings');
    fs.writeFileSync(hangs, '#!/bin/sh\nexec sleep 30\n', { mode: 0o700 });
    const offers = createShortcutOffers({
      platform: 'linux',
      env: { XDG_CURRENT_DESKTOP: 'GNOME' },
      command: COMMAND,
      gsettings: runGsettings({ binary: hangs, timeoutMs: 200 }),
    });
    const started = Date.now();
    await expect(offers.add()).rejects.toThrow(
      /^Keel could not add the shortcut to GNOME's settings \(gsettings did not answer\)/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the command the shortcut runs', () => {
  const install = {
    platform: 'linux' as const,
    packaged: true,
    resourcesPath: '/opt/Keel/resources',
    env: {},
  };

  it("is an installed Keel's own resources/bin/keel by its full path, quoted when it needs to be", () => {
    expect(focusCommandFor(install)).toBe('/opt/Keel/resources/bin/keel focus start');
    expect(focusCommandFor({ ...install, resourcesPath: "/home/a/My Apps/Bob's Keel/resources" })).toBe(
      `'/home/a/My Apps/Bob'\\''s Keel/resources/bin/keel' focus start`,
    );
  });

  it('is `keel` on PATH for an AppImage (mounted afresh each run) and a development run', () => {
    expect(focusCommandFor({ ...install, env: { APPIMAGE: '/home/a/Keel.AppImage' } })).toBe(
      'keel focus start',
    );
    expect(focusCommandFor({ ...install, packaged: false })).toBe('keel focus start');
  });
});
