import type { Command } from 'commander';
import type { CliIo } from './io';
import { print } from './output';
import { withSession } from './session';

/** `keel calendar import|status|clear`. */
export function registerCalendarCommands(program: Command, io: CliIo): void {
  const calendar = program.command('calendar').description('the calendar Keel reads meetings from (.ics)');
  calendar
    .command('import')
    .description('read meetings from an .ics file (Keel re-reads it when it changes)')
    .argument('<file>', 'an .ics file exported by your calendar')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) =>
      // The window's channel: its open dialog is answered by FILE here.
      withSession(io, { files: { open: file } }, async (session) => {
        const status = await session.call('calendar:import', {});
        print(
          io,
          status,
          opts.json,
          () => `Imported ${status.file}: ${status.upcomingMeetings} meetings in the next four weeks.`,
        );
      }),
    );
  calendar
    .command('status')
    .description('which calendar Keel reads, and how many meetings are coming')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withSession(io, { loadCalendar: true }, async (session) => {
        const status = await session.call('calendar:status', {});
        print(io, status, opts.json, () =>
          status.file
            ? `${status.file}: ${status.upcomingMeetings} meetings in the next four weeks.${status.error ? ` ${status.error}` : ''}`
            : 'No calendar imported.',
        );
      }),
    );
  calendar
    .command('clear')
    .description('stop reading the imported calendar')
    .action(async () =>
      withSession(io, {}, async (session) => {
        await session.call('calendar:clear', {});
        io.stdout('Keel no longer reads a calendar.\n');
      }),
    );
}
