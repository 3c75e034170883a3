import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { systemClock } from '../../src-main/core/clock';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import type { CommandRunner } from '../../src-main/platform/dnd/command-runner';
import { tempDir } from '../helpers/temp';

const noCommands: CommandRunner = {
  run: async () => ({ code: 127, stdout: '', stderr: 'not found' }),
};

/** `keel …` in this process, with one data folder and the environment given. */
function keelIn(dir: string) {
  return async (args: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['node', 'keel', ...args], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { KEEL_DATA_DIR: dir, ...env },
      systemZone: () => 'Europe/Berlin',
      clock: systemClock,
      calendarParser: new InProcessCalendarParser(),
      platform: 'linux',
      commandRunner: noCommands,
    });
    return { code, stdout, stderr };
  };
}

const PERIOD = ['--from', '2026-03-09', '--to', '2026-03-22'];

describe('keel summary --locale: the summary in the reader’s language', () => {
  it('writes the summary in German while the CLI speaks the environment’s language', async () => {
    const keel = keelIn(tempDir('keel-summary-locale-'));
    expect((await keel(['talk', 'add', 'Budget für Q2'])).code).toBe(0);
    const out = path.join(tempDir('keel-summary-out-'), 'summary.md');

    const run = await keel(['summary', ...PERIOD, '--locale', 'de', '--out', out], { LANG: 'fr_FR.UTF-8' });
    expect(run.code).toBe(0);
    const written = fs.readFileSync(out, 'utf8');
    expect(written).toMatch(/^# Zusammenfassung für das Einzelgespräch\n/);
    expect(written).toContain('Zeitraum: 9.–22. März 2026 · Erstellt am ');
    expect(written).toContain('## Gesprächspunkte\n\n- Budget für Q2\n');
    // The CLI's own line follows LANG (French), not the summary's --locale.
    expect(run.stderr).toBe(`${path.resolve(out)} écrit ; le partage est consigné.\n`);
  });

  it('takes the CLI’s --locale before the command for its messages, and the command’s own for the summary', async () => {
    const keel = keelIn(tempDir('keel-summary-locale-'));
    const out = path.join(tempDir('keel-summary-out-'), 'summary.md');
    const run = await keel(['--locale', 'en-US', 'summary', ...PERIOD, '--locale', 'es', '--out', out], {
      LANG: 'de_DE.UTF-8',
    });
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('Periodo: 9–22 de marzo de 2026 · Preparado el ');
    expect(run.stderr).toBe(`Wrote ${path.resolve(out)}; the share is logged.\n`);
  });

  it('writes in the CLI’s language without its own --locale, and English where nothing says otherwise', async () => {
    const keel = keelIn(tempDir('keel-summary-locale-'));
    const german = await keel(['summary', ...PERIOD], { LANG: 'de_DE.UTF-8' });
    expect(german.stdout).toMatch(/^# Zusammenfassung für das Einzelgespräch\n\nZeitraum: 9.–22. März 2026/);
    const english = await keel(['summary', ...PERIOD], { LANG: 'C' });
    expect(english.stdout).toMatch(/^# One-on-one summary\n\nPeriod: March 9 – 22, 2026 · Prepared on /);
  });

  it('refuses a language Keel does not write, with one sentence, and writes nothing', async () => {
    const keel = keelIn(tempDir('keel-summary-locale-'));
    const out = path.join(tempDir('keel-summary-out-'), 'summary.md');
    const run = await keel(['summary', ...PERIOD, '--locale', 'xx', '--out', out]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Write the language as en-US, en-GB, de, fr, es or pt-BR.');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('keel update --locale: the weekly update in the reader’s language', () => {
  it('writes the update in French while the CLI speaks English', async () => {
    const keel = keelIn(tempDir('keel-update-locale-'));
    const run = await keel(['update', ...PERIOD.slice(0, 2), '--to', '2026-03-15', '--locale', 'fr'], {
      LANG: 'en_US.UTF-8',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Point hebdomadaire\n\nPériode : 9–15 mars 2026 · Préparé le /);
    expect(run.stdout).toContain('## Livré\n\nRien d’indiqué.');
  });
});
