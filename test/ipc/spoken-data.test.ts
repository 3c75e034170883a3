/**
 * Issue #20: main's English sentences that travel as data reach the window in its language — a
 * dialog's title and file kinds, why the calendar file could not be read, what to do about
 * do-not-disturb on this desktop — and the CLI's handlers (no speech) keep them as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/ipc/dispatch';
import { speakDialogs, spokenDnd, spokenOffer, spokenReport } from '../../src-main/ipc/spoken-data';
import { shortcutSteps } from '../../src-main/platform/doctor/shortcut';
import { sayRefusal } from '../../src-main/ipc/refusals';
import { WINDOWS_HELP } from '../../src-main/platform/dnd/detect';
import { UnsupportedDndController, type FileDialogPort } from '../../src-main/services/ports';
import { createLocaleFormat } from '../../src-main/shared/i18n/format';
import { messagesFor } from '../../src-main/shared/i18n/intl';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import type { CalendarStatus } from '../../src-main/shared/dto';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);
const DE: ResolvedLocale = { messages: 'de', format: 'de-DE' };
const german = messagesFor(DE);
const format = createLocaleFormat(DE);
const sayGerman = (english: string) =>
  sayRefusal({ t: german.t, clock: (h) => format.clock(h), format }, english) ?? english;

/** A shell that records what its dialogs were asked to show. */
function recordingDialogs() {
  const asked: { title?: string; filters: { name: string }[] }[] = [];
  const shell: FileDialogPort = {
    saveFile: async (options) => {
      asked.push({ filters: options.filters });
      return 'saved.md';
    },
    chooseFile: async (options) => {
      asked.push({ title: options.title, filters: options.filters });
      return null;
    },
    copyText: async () => undefined,
    copyRich: async () => undefined,
    printToPdf: async () => new Uint8Array(),
  };
  return { shell, asked };
}

describe('main’s sentences that travel as data', () => {
  it('a dialog’s title and file kinds in the window’s language; everything else passes through', async () => {
    const { shell, asked } = recordingDialogs();
    const spoken = speakDialogs(shell, sayGerman);
    await spoken.chooseFile({
      title: 'Import a calendar',
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
    await spoken.saveFile({
      defaultName: 'a.md',
      content: 'x',
      filters: [{ name: 'Web page', extensions: ['html'] }],
    });
    expect(asked).toEqual([
      {
        title: german.t('main.dialog.importCalendar'),
        filters: [{ name: german.t('main.dialog.calendar'), extensions: ['ics'] }],
      },
      { filters: [{ name: german.t('main.dialog.webPage'), extensions: ['html'] }] },
    ]);
    expect(asked[0]?.title).not.toBe('Import a calendar');
    await expect(spoken.copyText('kept')).resolves.toBeUndefined();
  });

  it('do-not-disturb’s help on Windows in German', () => {
    const status = {
      capability: 'unsupported' as const,
      desktop: 'Windows',
      help: WINDOWS_HELP,
      enabled: true,
      active: false,
    };
    expect(spokenDnd(status, sayGerman).help).toBe(german.t('main.problem.dnd.windows'));
    expect(spokenDnd({ ...status, help: null }, sayGerman).help).toBeNull();
  });

  it('through the window’s door: the dnd help, and the calendar’s read error after a bad file', async () => {
    const made = makeApp(at('12:00'), {
      adapters: { languages: { preferred: () => ['de-DE'], regional: () => 'de-DE' } },
      dndController: new UnsupportedDndController('Windows', WINDOWS_HELP),
    });
    const dnd = await dispatch(made.app.handlers, 'dnd:status', {});
    expect(dnd).toMatchObject({ ok: true, value: { help: german.t('main.problem.dnd.windows') } });

    const file = path.join(tempDir('keel-spoken-'), 'not-a-calendar.ics');
    fs.writeFileSync(file, 'this is not a calendar\n');
    made.shell.nextChosenFile = file;
    const imported = await dispatch(made.app.handlers, 'calendar:import', {});
    // The file is refused in German (a refusal), or read with its error said in German.
    const said = imported.ok ? (imported.value as CalendarStatus).error : imported.error.message;
    expect(said).toBe(german.t('main.problem.calendar.notIcs'));
  });

  it('the shortcut offer’s steps (with the install’s own command) and what an answer did', () => {
    const command = '/opt/Keel/keel focus start';
    const steps = {
      gnome: shortcutSteps({ XDG_CURRENT_DESKTOP: 'GNOME' }, command),
      kde: shortcutSteps({ XDG_CURRENT_DESKTOP: 'KDE' }, command),
      other: shortcutSteps({ XDG_CURRENT_DESKTOP: 'sway' }, command),
    };
    for (const english of Object.values(steps)) {
      const said = spokenOffer({ kind: 'steps', command, steps: english }, sayGerman).steps;
      expect(said).not.toBe(english);
      expect(said).toContain(command);
      expect(said).toContain('Strg+Alt+F');
    }
    const copied = spokenOffer(
      { kind: 'steps', command, steps: steps.other, said: { tone: 'info', text: 'Copied the command.' } },
      sayGerman,
    );
    expect(copied.said).toEqual({ tone: 'info', text: 'Befehl kopiert.' });
  });

  it('what each desktop probe found and what to do, for the window; the report keeps its ids and states', () => {
    const report = {
      version: '1.0.0',
      platform: 'linux',
      probes: [
        {
          id: 'tray',
          label: 'Tray',
          state: 'not-available' as const,
          detail: 'No tray host runs on this desktop, so Keel’s icon shows nowhere.',
          action:
            'Add a system tray (status notifier) to your panel; until then, use Keel from its window (open Keel again from your apps to bring it back; Quit Keel is at the foot of its sidebar).',
        },
        { id: 'session', label: 'Session', state: 'works' as const, detail: 'Wayland' },
      ],
    };
    const said = spokenReport(report, sayGerman);
    expect(said.probes.map((p) => [p.id, p.state])).toEqual([
      ['tray', 'not-available'],
      ['session', 'works'],
    ]);
    expect(said.probes[0]?.detail).toBe(german.t('main.finding.trayNone'));
    expect(said.probes[0]?.action).toBe(german.t('main.finding.trayAction'));
    expect(said.probes[1]?.detail).toBe('Wayland');
    expect(report.probes[0]?.detail).toMatch(/^No tray host/);
  });
});
