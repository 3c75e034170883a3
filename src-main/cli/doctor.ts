import type { Command } from 'commander';
import { desktopReport } from '../platform/doctor/probes';
import { desktopReportJson, type DesktopReport } from '../shared/desktop-probes';
import type { MessageId } from '../shared/i18n/catalog';
import { probeNameIn } from '../shared/i18n/probe-names';
import { resolveDataDir } from '../storage/paths';
import { version } from '../version';
import { messagesFor, type Messages } from '../shared/i18n/intl';
import type { CliIo } from './io';
import { cliMessages } from './locale';
import { sayMain } from './speech';

/** What `keel doctor --json` prints: for bug reports and scripts (Settings copies the same). */
export type DoctorReport = DesktopReport;

const ENGLISH = messagesFor({ messages: 'en-US', format: 'en-US' });

const DOCTOR_STATES: Readonly<Record<DesktopReport['probes'][number]['state'], MessageId>> = {
  works: 'cli.doctor.state.works',
  limited: 'cli.doctor.state.limited',
  'not-available': 'cli.doctor.state.notAvailable',
};

/** "Tray: not available — No tray host runs…\n    What to do: Install…" */
export function doctorText(report: DoctorReport, messages: Messages = ENGLISH): string {
  const lines = [
    messages.t('cli.doctor.heading', { version: report.version, platform: report.platform }),
    '',
  ];
  for (const probe of report.probes) {
    // All in the terminal's language; `--json` keeps the English a bug report carries.
    const state = messages.t(DOCTOR_STATES[probe.state]);
    const detail = sayMain(messages, probe.detail);
    lines.push(messages.t('cli.doctor.line', { label: probeNameIn(messages.t, probe), state, detail }));
    if (probe.action) {
      lines.push(`    ${messages.t('cli.doctor.action', { action: sayMain(messages, probe.action) })}`);
    }
  }
  return lines.join('\n');
}

/**
 * `keel doctor [--json]`: what Keel can see on this desktop. It opens no data: it needs no
 * database and creates none (nor the data folder); it only looks.
 */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('What Keel can see on this desktop: idle time, screen lock, notifications, tray, shortcut…')
    .option('--json', 'print JSON (for bug reports and scripts)')
    .action(async (options: { json?: boolean }, command: Command) => {
      // Before any probe runs: an unknown --locale is refused without looking.
      const messages = cliMessages(io, command);
      const platform = io.platform ?? process.platform;
      const report = await desktopReport({
        version,
        platform,
        env: io.env,
        dataDir: resolveDataDir(io.env),
        ...(io.commandRunner ? { runner: io.commandRunner } : {}),
      });
      // The very text Settings → This computer copies for a bug report.
      io.stdout(options.json ? desktopReportJson(report) : `${doctorText(report, messages)}\n`);
    });
}
