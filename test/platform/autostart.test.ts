import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartCommand,
  createAutostart,
  createLoginItemAutostart,
  createXdgAutostart,
  desktopEntry,
  quoteExecArg,
  startedHidden,
  xdgAutostartFile,
  type XdgAutostartOptions,
} from '../../src-main/platform/autostart';
import { FakeLoginItems } from '../../src-main/platform/fakes/fake-login-items';
import { tempDir } from '../helpers/temp';

/** Undoes the string escapes, then the Exec quoting, as a desktop does (a small reader for tests). */
function execArgs(entry: string): string[] {
  const line = entry.split('\n').find((l) => l.startsWith('Exec='));
  if (!line) throw new Error('no Exec line');
  const value = line
    .slice('Exec='.length)
    .replace(/\\([\\nrts])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', s: ' ' })[c] ?? c);
  const args: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (value[i] === '"') {
      i++;
      while (value[i] !== '"') {
        if (i >= value.length) throw new Error('unclosed quote');
        if (value[i] === '\\') i++;
        arg += value[i++];
      }
      i++;
    } else {
      while (i < value.length && value[i] !== ' ') arg += value[i++];
    }
    args.push(arg.replaceAll('%%', '%'));
  }
  return args;
}

function linux(home: string, env: NodeJS.ProcessEnv = {}, more: Partial<XdgAutostartOptions> = {}) {
  const options: XdgAutostartOptions = {
    env: { XDG_CONFIG_HOME: path.join(home, 'config'), ...env },
    homeDir: home,
    execPath: '/opt/Keel/keel',
    appPath: '/opt/Keel/resources/app.asar',
    isPackaged: true,
    ...more,
  };
  return {
    port: createXdgAutostart(options),
    file: xdgAutostartFile(options.env, home),
    read: () => fs.readFileSync(xdgAutostartFile(options.env, home), 'utf8'),
  };
}

describe('Linux: the XDG autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart', () => {
    expect(xdgAutostartFile({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/ada')).toBe(
      '/x/cfg/autostart/keel.desktop',
    );
    expect(xdgAutostartFile({}, '/home/ada')).toBe('/home/ada/.config/autostart/keel.desktop');
    // The spec ignores a relative XDG_CONFIG_HOME.
    expect(xdgAutostartFile({ XDG_CONFIG_HOME: 'cfg' }, '/home/ada')).toBe(
      '/home/ada/.config/autostart/keel.desktop',
    );
  });

  it('from an AppImage, starts the AppImage itself, hidden', async () => {
    const home = tempDir();
    const appImage = path.join(home, 'Apps', 'Keel 1.0.AppImage');
    const { port, read } = linux(home, { APPIMAGE: appImage }, { execPath: '/tmp/.mount_Keel/keel' });
    await port.setEnabled(true);
    const entry = read();
    expect(entry).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Keel',
        'Comment=Focus blocks, sign-off and workload check-ins, from the tray',
        `Exec="${appImage}" --hidden`,
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(execArgs(entry)).toEqual([appImage, '--hidden']);
    expect(await port.isEnabled()).toBe(true);
  });

  it('writes the entry owner-only through a random temporary name, never through a planted link', async () => {
    const home = tempDir();
    const { port, file, read } = linux(home);
    const elsewhere = path.join(home, 'elsewhere.txt');
    fs.writeFileSync(elsewhere, 'untouched');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The name the entry used to be written through (`<file>.<pid>.tmp`), planted as a link.
    fs.symlinkSync(elsewhere, `${file}.${process.pid}.tmp`);
    await port.setEnabled(true);
    expect(read()).toContain('[Desktop Entry]');
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('untouched');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Nothing of the write is left beside the entry but the planted link.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(
      ['keel.desktop', `keel.desktop.${process.pid}.tmp`].sort(),
    );
  });

  it('without an AppImage, starts the executable (packaged) or Electron with the app folder', () => {
    const base = { env: {}, homeDir: '/home/ada', execPath: '/usr/lib/keel/keel', appPath: '/src/keel' };
    expect(autostartCommand({ ...base, isPackaged: true })).toEqual(['/usr/lib/keel/keel', '--hidden']);
    expect(autostartCommand({ ...base, isPackaged: false })).toEqual([
      '/usr/lib/keel/keel',
      '/src/keel',
      '--hidden',
    ]);
    expect(execArgs(desktopEntry(autostartCommand({ ...base, isPackaged: false })))).toEqual([
      '/usr/lib/keel/keel',
      '/src/keel',
      '--hidden',
    ]);
    expect(desktopEntry(['/usr/lib/keel/keel', '--hidden'])).toContain(
      '\nExec=/usr/lib/keel/keel --hidden\n',
    );
  });

  it('writes the development entry in a temporary HOME (no XDG_CONFIG_HOME)', async () => {
    const home = tempDir();
    const port = createXdgAutostart({
      env: {},
      homeDir: home,
      execPath: '/home/ada/keel/node_modules/electron/dist/electron',
      appPath: '/home/ada/my projects/keel',
      isPackaged: false,
    });
    await port.setEnabled(true);
    const entry = fs.readFileSync(path.join(home, '.config', 'autostart', 'keel.desktop'), 'utf8');
    expect(entry).toContain(
      'Exec=/home/ada/keel/node_modules/electron/dist/electron "/home/ada/my projects/keel" --hidden\n',
    );
  });

  it('quotes per the Desktop Entry spec: reserved characters, escapes, percent signs', () => {
    expect(quoteExecArg('/opt/keel')).toBe('/opt/keel');
    expect(quoteExecArg('/opt/my keel')).toBe('"/opt/my keel"');
    expect(quoteExecArg('/opt/$HOME`x`"q"')).toBe('"/opt/\\\\$HOME\\\\`x\\\\`\\\\"q\\\\""');
    // A literal backslash inside quotes takes four in the file.
    expect(quoteExecArg('C:\\keel')).toBe('"C:\\\\\\\\keel"');
    expect(quoteExecArg('/opt/100%')).toBe('/opt/100%%');
    expect(quoteExecArg('')).toBe('""');
    const odd = [
      "/home/o'brien/Keel (1).AppImage",
      '/a;b&c|d',
      '/x~y*z?#',
      '/tab\there',
      '/d$ollar%s',
      'C:\\p q',
    ];
    for (const arg of odd) expect(execArgs(desktopEntry([arg, '--hidden']))).toEqual([arg, '--hidden']);
  });

  it('on, off, on: idempotent, and off removes the file', async () => {
    const home = tempDir();
    const { port, file, read } = linux(home);
    expect(await port.isEnabled()).toBe(false);
    await port.setEnabled(false); // nothing to remove: fine
    expect(fs.existsSync(file)).toBe(false);

    await port.setEnabled(true);
    const first = read();
    const mtime = fs.statSync(file).mtimeMs;
    await port.setEnabled(true);
    expect(read()).toBe(first);
    expect(fs.statSync(file).mtimeMs).toBe(mtime); // the same entry is not rewritten
    expect(await port.isEnabled()).toBe(true);

    await port.setEnabled(false);
    expect(fs.existsSync(file)).toBe(false);
    expect(await port.isEnabled()).toBe(false);
    await port.setEnabled(false);

    await port.setEnabled(true);
    expect(read()).toBe(first);
    // No temporary files left beside it.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['keel.desktop']);
  });

  it('an entry the desktop switched off counts as off, and turning on rewrites it', async () => {
    const home = tempDir();
    const { port, file, read } = linux(home);
    await port.setEnabled(true);
    fs.writeFileSync(
      file,
      read().replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'),
    );
    expect(await port.isEnabled()).toBe(false);
    fs.writeFileSync(file, `${read()}Hidden=true\n`);
    expect(await port.isEnabled()).toBe(false);
    await port.setEnabled(true);
    expect(await port.isEnabled()).toBe(true);
  });

  it('is what createAutostart picks on Linux and other Unixes', async () => {
    const home = tempDir();
    const app = Object.assign(new FakeLoginItems(), { getAppPath: () => '/src/keel', isPackaged: true });
    const port = createAutostart({ platform: 'linux', app, env: {}, homeDir: home, execPath: '/opt/keel' });
    await port.setEnabled(true);
    expect(fs.existsSync(path.join(home, '.config', 'autostart', 'keel.desktop'))).toBe(true);
    expect(app.setCalls).toEqual([]);
  });
});

describe('macOS and Windows: Electron login items', () => {
  it('sets openAtLogin with --hidden, and asks with the same arguments', async () => {
    const items = new FakeLoginItems();
    const port = createLoginItemAutostart(items);
    expect(await port.isEnabled()).toBe(false);
    await port.setEnabled(true);
    expect(items.setCalls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    expect(await port.isEnabled()).toBe(true);
    expect(items.getCalls).toEqual([{ args: ['--hidden'] }, { args: ['--hidden'] }]);
    await port.setEnabled(false);
    expect(items.setCalls.at(-1)).toEqual({ openAtLogin: false, args: ['--hidden'] });
    expect(await port.isEnabled()).toBe(false);
  });

  it.each(['darwin', 'win32'] as const)('is what createAutostart picks on %s', async (platform) => {
    const home = tempDir();
    const app = Object.assign(new FakeLoginItems(), { getAppPath: () => '/src/keel', isPackaged: true });
    const port = createAutostart({ platform, app, env: {}, homeDir: home });
    await port.setEnabled(true);
    expect(app.setCalls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    expect(fs.existsSync(path.join(home, '.config'))).toBe(false);
  });
});

describe('startedHidden', () => {
  it('is true with --hidden on every platform', () => {
    const items = new FakeLoginItems();
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(startedHidden(['/opt/keel', '--hidden'], platform, items)).toBe(true);
      expect(startedHidden(['/opt/keel'], platform, items)).toBe(false);
    }
  });

  it('on macOS, also when the login item opened Keel (it passes no arguments)', () => {
    const items = new FakeLoginItems();
    items.wasOpenedAtLogin = true;
    expect(startedHidden(['/Applications/Keel.app/Contents/MacOS/Keel'], 'darwin', items)).toBe(true);
    expect(startedHidden(['/opt/keel'], 'linux', items)).toBe(false);
  });
});
