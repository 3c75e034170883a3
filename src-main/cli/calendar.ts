import type { Command } from 'commander';
import type { CalendarConflictsDto } from '../shared/dto';
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
        print(io, status, opts.json, () =>
          [
            `Imported ${status.file}: ${status.upcomingMeetings} meetings in the next four weeks.`,
            ...status.notes,
          ].join('\n'),
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
            ? [
                `${status.file}: ${status.upcomingMeetings} meetings in the next four weeks.${status.error ? ` ${status.error}` : ''}`,
                ...status.notes,
                ...(status.daysOff.length > 0
                  ? [
                      `It shows you away on ${status.daysOff.length} working day(s): ${status.daysOff.map((d) => d.date).join(', ')}.`,
                    ]
                  : []),
              ].join('\n')
            : 'No calendar imported.',
        );
      }),
    );
  calendar
    .command('conflicts')
    .description('the planned focus blocks in a range, each with the meetings that overlap it')
    .requiredOption('--from <date>', 'first date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last date, YYYY-MM-DD (included)')
    .option('--all', 'list the blocks without meetings too')
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; all?: boolean; json?: boolean }) =>
      withSession(io, { loadCalendar: true }, async (session) => {
        const report = await session.callCli('calendar:conflicts', { from: opts.from, to: opts.to });
        print(io, report, opts.json, () => conflictLines(report, opts.all === true).join('\n'));
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

const STATUS_WORDS = { busy: 'busy', tentative: 'tentative', 'out-of-office': 'out of office' } as const;

/** The report in lines: a headline, then each block (with meetings, or all with --all). */
function conflictLines(report: CalendarConflictsDto, all: boolean): string[] {
  const range = report.from === report.to ? `on ${report.from}` : `from ${report.from} to ${report.to}`;
  const lines = [
    report.calendar === null
      ? `No calendar imported; ${report.blocks.length} planned focus block(s) ${range}.`
      : `${report.conflicts} of ${report.blocks.length} planned focus block(s) ${range} have meetings (${report.calendar}, ${report.zone}).`,
  ];
  for (const block of report.blocks) {
    if (!all && block.meetings.length === 0) continue;
    lines.push(
      `  ${block.date} ${block.startTime}–${block.endTime}${block.meetings.length === 0 ? '  no meetings' : ''}`,
    );
    for (const m of block.meetings) {
      lines.push(
        `    ${m.start.slice(11, 16)}–${m.end.slice(11, 16)}  ${m.title} (${STATUS_WORDS[m.status]})`,
      );
    }
  }
  lines.push(...report.notes);
  return lines;
}
