import { Option, type Command } from 'commander';
import type { CliIo } from './io';
import { print } from './output';
import { withSession } from './session';
import { cliSpeech } from './speech';
import { eventTitleIn } from '../shared/i18n/event-titles';

/** `keel status`: where Keel stands now. */
export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description("where Keel stands now: today's hours, focus blocks and the next planned event")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t, format, range, day, timeOf } = cliSpeech(io, command);
        const status = await session.call('app:status', {});
        print(io, status, opts.json, () => {
          const today = status.today;
          const next = status.nextEvent;
          return [
            t('cli.status.heading', {
              version: status.app.version,
              date: day(today.date),
              zone: status.zone,
            }),
            t('cli.status.hours', {
              hours: today.workingHours ? range(today.workingHours) : t('cli.dayOff'),
            }),
            t('cli.status.blocks', {
              blocks: today.focusBlocks.length ? format.list(today.focusBlocks.map(range)) : t('cli.none'),
            }),
            next
              ? t('cli.status.next', { title: eventTitleIn(t, next), time: timeOf(next.start) })
              : t('cli.status.nothingNext'),
            t('cli.status.data', { path: status.database.path }),
          ].join('\n');
        });
      }),
    );
}

/** `keel agenda`: every planned event between two dates. */
export function registerAgendaCommand(program: Command, io: CliIo): void {
  program
    .command('agenda')
    .description('every planned event between two dates (inclusive)')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t, day, timeOf } = cliSpeech(io, command);
        const events = await session.call('agenda:list', { from: opts.from, to: opts.to });
        print(io, events, opts.json, () =>
          events.length === 0
            ? t('cli.agenda.nothing')
            : events
                .map((e) => `${day(e.start.slice(0, 10))}  ${timeOf(e.start)}  ${eventTitleIn(t, e)}`)
                .join('\n'),
        );
      }),
    );
}
