import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { createCommandRunner } from '../../src-main/platform/dnd/command-runner';
import { GnomeDndController } from '../../src-main/platform/dnd/gnome-dnd';
import { DndService } from '../../src-main/services/dnd-service';
import { createServices } from '../../src-main/services';
import { DndRepo } from '../../src-main/storage/dnd-repo';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');

/** A gsettings that keeps show-banners in a file and logs each call, like the real key in dconf. */
const FAKE_GSETTINGS = `#!/bin/sh
echo "$*" >> "$FAKE_GSETTINGS_DIR/calls.log"
if [ "$2" != "org.gnome.desktop.notifications" ] || [ "$3" != "show-banners" ]; then
  echo "No such schema \\"$2\\"" >&2; exit 1
fi
case "$1" in
  get) cat "$FAKE_GSETTINGS_DIR/value" ;;
  set) printf '%s\\n' "$4" > "$FAKE_GSETTINGS_DIR/value" ;;
  writable) echo true ;;
  *) exit 1 ;;
esac
`;

const children: { kill(signal: NodeJS.Signals): boolean; exitCode: number | null }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe.skipIf(process.platform === 'win32')('crash-restore with a killed process', () => {
  it('restores GNOME banners at the next start after Keel was SIGKILLed with DND on', async () => {
    const work = tempDir('keel-dnd-crash-');
    const dataDir = path.join(work, 'data');
    const bin = path.join(work, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'gsettings'), FAKE_GSETTINGS, { mode: 0o755 });
    fs.writeFileSync(path.join(work, 'value'), 'true\n');
    const env = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      FAKE_GSETTINGS_DIR: work,
      KEEL_DATA_DIR: dataDir,
      // The bundle lives in a temp folder; let it find the native better-sqlite3 here.
      NODE_PATH: path.join(root, 'node_modules'),
    };

    const harness = path.join(work, 'harness.cjs');
    await build({
      entryPoints: [path.join(__dirname, 'support/crash-harness.ts')],
      outfile: harness,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });

    const child = spawn(process.execPath, [harness], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('on\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`harness exited (${code}) before DND was on: ${stderr}`)));
    });
    expect(fs.readFileSync(path.join(work, 'value'), 'utf8')).toBe('false\n');

    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Nothing restored it: the kill gave Keel no chance to.
    expect(fs.readFileSync(path.join(work, 'value'), 'utf8')).toBe('false\n');

    // The next start: same database, same adapter.
    const clock = new ManualClock(Date.parse('2027-03-15T10:00:00Z'));
    const services = createServices({
      dataDir,
      clock,
      version: '0.0.0-test',
      systemZone: () => 'Europe/Berlin',
    });
    try {
      const repo = new DndRepo(services.db);
      expect(repo.get()).toMatchObject({ adapter: 'gnome', prior: { showBanners: true } });
      const dnd = new DndService(
        new GnomeDndController(createCommandRunner({ env })),
        repo,
        services.settings,
        clock,
      );
      expect(await dnd.restoreAfterCrash()).toBeNull();
      expect(fs.readFileSync(path.join(work, 'value'), 'utf8')).toBe('true\n');
      expect(repo.get()).toBeNull();
      expect(fs.readFileSync(path.join(work, 'calls.log'), 'utf8').trim().split('\n')).toEqual([
        'get org.gnome.desktop.notifications show-banners',
        'set org.gnome.desktop.notifications show-banners false',
        'set org.gnome.desktop.notifications show-banners true',
      ]);
    } finally {
      services.close();
    }
  }, 60_000);
});
