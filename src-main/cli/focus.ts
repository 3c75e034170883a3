import path from 'node:path';
import { Option, type Command } from 'commander';
import { INTERRUPTION_KINDS, type InterruptionKind } from '../core/focus';
import type { FocusBlockDto } from '../shared/dto';
import type { MessageId } from '../shared/i18n/catalog';
import { WEEKDAYS } from '../core/time';
import type { CliIo } from './io';
import { CliFailure, parseWholeNumber, print } from './output';
import { withSession } from './session';
import { cliSpeech } from './speech';

/** `keel focus start|stop|status|plan|interrupt|export-ics`. */
export function registerFocusCommands(program: Command, io: CliIo): void {
  const focus = program.command('focus').description('focus blocks: start, stop, status and the weekly plan');
  addStart(focus, io);
  addStop(focus, io);
  addStatus(focus, io);
  addPlan(focus, io);
  addInterrupt(focus, io);
  addExportIcs(focus, io);
}

function addStart(focus: Command, io: CliIo): void {
  focus
    .command('start')
    .description('start a focus block now (50 minutes unless told otherwise)')
    .option('--minutes <n>', 'length in minutes (5 to 480)')
    .option('--until-next', 'until the next meeting or planned block boundary')
    .option('--json', 'print JSON')
    .action(async (opts: { minutes?: string; untilNext?: boolean; json?: boolean }, command: Command) =>
      // --until-next stops at the next meeting: the imported calendar is read first, as at start-up.
      withSession(io, { loadCalendar: true }, async (session) => {
        const { t, clock } = cliSpeech(io, command);
        if (opts.minutes !== undefined && opts.untilNext) {
          throw new CliFailure(t('cli.focus.minutesOrNext'));
        }
        const request = opts.untilNext
          ? ({ until: 'next' } as const)
          : { minutes: opts.minutes === undefined ? 50 : parseWholeNumber(opts.minutes, '--minutes', t) };
        const status = await session.call('focus:start', request);
        print(io, status, opts.json, () =>
          t('cli.focus.started', { time: status.running ? clock(status.running.endTime) : '?' }),
        );
      }),
    );
}

function addStop(focus: Command, io: CliIo): void {
  focus
    .command('stop')
    .description('end the running focus block')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t, format } = cliSpeech(io, command);
        const before = await session.call('focus:status', {});
        const status = await session.call('focus:stop', {});
        print(io, status, opts.json, () =>
          before.running
            ? t('cli.focus.ended', {
                duration: format.duration(before.running.protectedMinutes),
                count: before.running.interruptions,
              })
            : t('cli.focus.endedPlain'),
        );
      }),
    );
}

/** A block's state in words: a past block nobody protected is a neutral fact, not a failure. */
const BLOCK_STATES: Record<FocusBlockDto['state'], MessageId> = {
  upcoming: 'cli.focus.state.upcoming',
  running: 'cli.focus.state.running',
  done: 'cli.focus.state.done',
  skipped: 'cli.focus.state.skipped',
  'not-started': 'cli.focus.state.notStarted',
  'before-start': 'cli.focus.state.beforeStart',
};

function addStatus(focus: Command, io: CliIo): void {
  focus
    .command('status')
    .description("the running block, today's blocks and the next one")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) =>
      // Each block lists the meetings that land on it.
      withSession(io, { loadCalendar: true }, async (session) => {
        const { t, format, clock, range, timeOf, day } = cliSpeech(io, command);
        const status = await session.call('focus:status', {});
        print(io, status, opts.json, () => {
          const { running } = status;
          const lines = [
            running
              ? t('cli.focus.running', {
                  time: clock(running.endTime),
                  duration: format.duration(running.protectedMinutes),
                  count: running.interruptions,
                })
              : t('cli.focus.notRunning'),
          ];
          if (status.pausedToday) lines.push(t('cli.focus.paused'));
          for (const b of status.today) {
            const state = t(BLOCK_STATES[b.state]);
            const clash =
              b.meetings.length > 0 ? `  ${t('cli.focus.overlap', { count: b.meetings.length })}` : '';
            lines.push(`  ${range({ start: b.startTime, end: b.endTime })}  ${state}${clash}`);
          }
          if (status.next) {
            const { start, endTime } = status.next;
            lines.push(
              t('cli.focus.next', {
                day: day(start.slice(0, 10)),
                start: timeOf(start),
                end: clock(endTime),
              }),
            );
          }
          if (status.meetingsToday.length > 0) lines.push(t('cli.focus.meetingsToday'));
          for (const m of status.meetingsToday) {
            const when = range({ start: m.start.slice(11, 16), end: m.end.slice(11, 16) });
            const title = m.status === 'tentative' ? t('cli.focus.tentative', { title: m.title }) : m.title;
            lines.push(`  ${when}  ${title}`);
          }
          return lines.join('\n');
        });
      }),
    );
}

function addPlan(focus: Command, io: CliIo): void {
  focus
    .command('plan')
    .description('the weekly focus plan and its pauses')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t, format, range, day } = cliSpeech(io, command);
        const settings = await session.call('settings:get', {});
        const plan = { zone: settings.zone, blocks: settings.focusPlan, pauses: settings.focusPauses };
        // A Monday's date gives the weekday's name in the user's language (2024-01-01 was a Monday).
        const weekday = (w: (typeof WEEKDAYS)[number]) =>
          format.weekday(`2024-01-0${WEEKDAYS.indexOf(w) + 1}`, 'short');
        print(io, plan, opts.json, () =>
          [
            t('cli.focus.planHeading', { zone: plan.zone }),
            ...plan.blocks.map((b) => `  ${weekday(b.weekday)}  ${range(b)}`),
            ...plan.pauses.map(
              (p) =>
                `  ${t(p.note ? 'cli.focus.pauseNoted' : 'cli.focus.pause', { from: day(p.from), to: day(p.to), note: p.note ?? '' })}`,
            ),
          ].join('\n'),
        );
      }),
    );
}

function addInterrupt(focus: Command, io: CliIo): void {
  focus
    .command('interrupt')
    .description('log an interruption of the running block')
    .addOption(
      new Option('--kind <kind>', 'what interrupted you')
        .choices([...INTERRUPTION_KINDS])
        .makeOptionMandatory(),
    )
    .option('--note <text>', 'a short note')
    .action(async (opts: { kind: InterruptionKind; note?: string }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const status = await session.call('focus:interrupt', { kind: opts.kind, note: opts.note });
        io.stdout(`${t('cli.focus.interrupted', { count: status.running?.interruptions ?? 0 })}\n`);
      }),
    );
}

function addExportIcs(focus: Command, io: CliIo): void {
  focus
    .command('export-ics')
    .description('write the focus plan as an .ics calendar of recurring busy events')
    .requiredOption('--out <file>', 'where to write it, e.g. keel-focus.ics')
    .action(async (opts: { out: string }, command: Command) =>
      // The window's channel: its save dialog is answered by --out here.
      withSession(io, { files: { out: opts.out } }, async (session) => {
        const { t, format } = cliSpeech(io, command);
        // The events' titles in the CLI's language (its format's tag: "de-DE").
        const written = await session.call('focus:exportIcs', { locale: format.locale });
        const file = path.resolve(opts.out);
        io.stdout(`${t(written.saved ? 'cli.wrote' : 'cli.wroteNothing', { path: file })}\n`);
      }),
    );
}
