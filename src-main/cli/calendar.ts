import type { Command } from 'commander';
import type { CalendarConflictsDto, CalendarStatus, MeetingDto } from '../shared/dto';
import { calendarNotesIn } from '../shared/i18n/calendar-notes';
import type { MessageId } from '../shared/i18n/catalog';
import type { CliIo } from './io';
import { print } from './output';
import { withSession } from './session';
import { cliSpeech, type CliSpeech } from './speech';

/** `keel calendar import|status|clear`. */
export function registerCalendarCommands(program: Command, io: CliIo): void {
  const calendar = program.command('calendar').description('the calendar Keel reads meetings from (.ics)');
  calendar
    .command('import')
    .description('read meetings from an .ics file (Keel re-reads it when it changes)')
    .argument('<file>', 'an .ics file exported by your calendar')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) =>
      // The window's channel: its open dialog is answered by FILE here.
      withSession(io, { files: { open: file } }, async (session) => {
        const { t } = cliSpeech(io, command);
        const status = await session.call('calendar:import', {});
        print(io, status, opts.json, () =>
          [
            t('cli.calendar.imported', { file: status.file ?? file, count: status.upcomingMeetings }),
            ...calendarNotesIn(t, status.skipped),
          ].join('\n'),
        );
      }),
    );
  calendar
    .command('status')
    .description('which calendar Keel reads, and how many meetings are coming')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) =>
      withSession(io, { loadCalendar: true }, async (session) => {
        const speech = cliSpeech(io, command);
        const status = await session.call('calendar:status', {});
        print(io, status, opts.json, () => statusLines(status, speech).join('\n'));
      }),
    );
  calendar
    .command('conflicts')
    .description('the planned focus blocks in a range, each with the meetings that overlap it')
    .requiredOption('--from <date>', 'first date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last date, YYYY-MM-DD (included)')
    .option('--all', 'list the blocks without meetings too')
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; all?: boolean; json?: boolean }, command: Command) =>
      withSession(io, { loadCalendar: true }, async (session) => {
        const speech = cliSpeech(io, command);
        const report = await session.callCli('calendar:conflicts', { from: opts.from, to: opts.to });
        print(io, report, opts.json, () => conflictLines(report, opts.all === true, speech).join('\n'));
      }),
    );
  calendar
    .command('clear')
    .description('stop reading the imported calendar')
    .action(async (_opts: unknown, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        await session.call('calendar:clear', {});
        io.stdout(`${t('cli.calendar.cleared')}\n`);
      }),
    );
}

const STATUS_WORDS = {
  busy: 'cli.calendar.status.busy',
  tentative: 'cli.calendar.status.tentative',
  'out-of-office': 'cli.calendar.status.outOfOffice',
} as const satisfies Record<MeetingDto['status'], MessageId>;

/** Which calendar, how many meetings, what the read left out, and the absences it shows. */
function statusLines(status: CalendarStatus, speech: CliSpeech): string[] {
  const { t } = speech;
  if (!status.file) return [t('cli.calendar.none')];
  const headline = t('cli.calendar.status', { file: status.file, count: status.upcomingMeetings });
  const days = status.daysOff.map((d) => speech.day(d.date));
  return [
    status.error ? `${headline} ${speech.say(status.error)}` : headline,
    ...calendarNotesIn(t, status.skipped),
    ...(days.length > 0
      ? [t('cli.calendar.daysOff', { count: days.length, days: speech.format.list(days) })]
      : []),
  ];
}

/** The report in lines: a headline, then each block (with meetings, or all with --all). */
function conflictLines(report: CalendarConflictsDto, all: boolean, speech: CliSpeech): string[] {
  const { t } = speech;
  const range =
    report.from === report.to
      ? t('cli.calendar.on', { date: speech.day(report.from) })
      : t('cli.calendar.fromTo', { from: speech.day(report.from), to: speech.day(report.to) });
  const count = report.blocks.length;
  const lines = [
    report.calendar === null
      ? t('cli.calendar.noCalendar', { count, range })
      : t('cli.calendar.conflicts', {
          conflicts: report.conflicts,
          count,
          range,
          calendar: report.calendar,
          zone: report.zone,
        }),
  ];
  for (const block of report.blocks) {
    if (!all && block.meetings.length === 0) continue;
    const when = `${speech.day(block.date)} ${speech.range({ start: block.startTime, end: block.endTime })}`;
    lines.push(`  ${when}${block.meetings.length === 0 ? `  ${t('cli.calendar.noMeetings')}` : ''}`);
    for (const m of block.meetings) {
      const times = speech.range({ start: m.start.slice(11, 16), end: m.end.slice(11, 16) });
      lines.push(
        `    ${times}  ${t('cli.calendar.meeting', { title: m.title, status: t(STATUS_WORDS[m.status]) })}`,
      );
    }
  }
  if (report.error !== null) lines.push(speech.say(report.error));
  lines.push(...calendarNotesIn(t, report.skipped));
  return lines;
}
