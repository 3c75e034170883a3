import { Option, type Command } from 'commander';
import type { CliIo } from './io';
import { print } from './output';
import { withSession } from './session';

/** `keel status`: where Keel stands now. */
export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description("where Keel stands now: today's hours, focus blocks and the next planned event")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const status = await session.call('app:status', {});
        print(io, status, opts.json, () => {
          const t = status.today;
          const hours = t.workingHours ? `${t.workingHours.start}–${t.workingHours.end}` : 'day off';
          const blocks = t.focusBlocks.map((b) => `${b.start}–${b.end}`).join(', ') || 'none';
          const next = status.nextEvent
            ? `${status.nextEvent.title} at ${status.nextEvent.start}`
            : 'nothing planned';
          return [
            `Keel ${status.app.version} — ${t.date} (${t.weekday}), ${status.zone}`,
            `Working hours: ${hours}`,
            `Focus blocks: ${blocks}`,
            `Next: ${next}`,
            `Data: ${status.database.path}`,
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
    .action(async (opts: { from: string; to: string; json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const events = await session.call('agenda:list', { from: opts.from, to: opts.to });
        print(io, events, opts.json, () =>
          events.length === 0
            ? 'Nothing planned in that range.'
            : events.map((e) => `${e.start}  ${e.kind.padEnd(8)} ${e.title}`).join('\n'),
        );
      }),
    );
}
