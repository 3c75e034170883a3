import path from 'node:path';
import { Option, type Command } from 'commander';
import { INTERRUPTION_KINDS, type InterruptionKind } from '../core/focus';
import type { FocusBlockDto } from '../shared/dto';
import type { CliIo } from './io';
import { CliFailure, parseWholeNumber, print } from './output';
import { withSession } from './session';

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
    .action(async (opts: { minutes?: string; untilNext?: boolean; json?: boolean }) =>
      // --until-next stops at the next meeting: the imported calendar is read first, as at start-up.
      withSession(io, { loadCalendar: true }, async (session) => {
        if (opts.minutes !== undefined && opts.untilNext) {
          throw new CliFailure('Give either --minutes or --until-next, not both.');
        }
        const request = opts.untilNext
          ? ({ until: 'next' } as const)
          : { minutes: opts.minutes === undefined ? 50 : parseWholeNumber(opts.minutes, '--minutes') };
        const status = await session.call('focus:start', request);
        print(io, status, opts.json, () => `Focus until ${status.running?.endTime ?? '?'}.`);
      }),
    );
}

function addStop(focus: Command, io: CliIo): void {
  focus
    .command('stop')
    .description('end the running focus block')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const before = await session.call('focus:status', {});
        const status = await session.call('focus:stop', {});
        print(io, status, opts.json, () =>
          before.running
            ? `Focus block ended: ${before.running.protectedMinutes} min protected, ${before.running.interruptions} interruption(s).`
            : 'Focus block ended.',
        );
      }),
    );
}

/** A block's state in words: a past block nobody protected is a neutral fact, not a failure. */
const BLOCK_STATES: Record<FocusBlockDto['state'], string> = {
  upcoming: 'upcoming',
  running: 'running',
  done: 'done',
  skipped: 'skipped',
  'not-started': 'not started',
  'before-start': 'before Keel started',
};

function addStatus(focus: Command, io: CliIo): void {
  focus
    .command('status')
    .description("the running block, today's blocks and the next one")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      // Each block lists the meetings that land on it.
      withSession(io, { loadCalendar: true }, async (session) => {
        const status = await session.call('focus:status', {});
        print(io, status, opts.json, () => {
          const lines = [
            status.running
              ? `Focus until ${status.running.endTime} (${status.running.protectedMinutes} min so far, ${status.running.interruptions} interruption(s)).`
              : 'No focus block running.',
          ];
          if (status.pausedToday) lines.push('The focus plan is paused today.');
          for (const b of status.today) {
            const clash = b.meetings.length > 0 ? `  (${b.meetings.length} meeting(s) overlap)` : '';
            lines.push(`  ${b.startTime}–${b.endTime}  ${BLOCK_STATES[b.state]}${clash}`);
          }
          if (status.next) lines.push(`Next: ${status.next.start} – ${status.next.endTime}`);
          if (status.meetingsToday.length > 0) lines.push('Meetings today:');
          for (const m of status.meetingsToday) {
            const tentative = m.status === 'tentative' ? ' (tentative)' : '';
            lines.push(`  ${m.start.slice(11, 16)}–${m.end.slice(11, 16)}  ${m.title}${tentative}`);
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
    .action(async (opts: { json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const settings = await session.call('settings:get', {});
        const plan = { zone: settings.zone, blocks: settings.focusPlan, pauses: settings.focusPauses };
        print(io, plan, opts.json, () =>
          [
            `Focus plan (${plan.zone}):`,
            ...plan.blocks.map((b) => `  ${b.weekday}  ${b.start}–${b.end}`),
            ...plan.pauses.map((p) => `  paused ${p.from} to ${p.to}${p.note ? ` (${p.note})` : ''}`),
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
    .action(async (opts: { kind: InterruptionKind; note?: string }) =>
      withSession(io, {}, async (session) => {
        const status = await session.call('focus:interrupt', { kind: opts.kind, note: opts.note });
        io.stdout(`Logged (${status.running?.interruptions ?? 0} this block).\n`);
      }),
    );
}

function addExportIcs(focus: Command, io: CliIo): void {
  focus
    .command('export-ics')
    .description('write the focus plan as an .ics calendar of recurring busy events')
    .requiredOption('--out <file>', 'where to write it, e.g. keel-focus.ics')
    .action(async (opts: { out: string }) =>
      // The window's channel: its save dialog is answered by --out here.
      withSession(io, { files: { out: opts.out } }, async (session) => {
        const written = await session.call('focus:exportIcs', {});
        io.stdout(`Wrote ${path.resolve(opts.out)}${written.saved ? '' : ' (nothing)'}.\n`);
      }),
    );
}
