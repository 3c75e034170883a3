import type { IpcResult } from '../ipc/channels';
import {
  createCliHandlers,
  dispatchCli,
  type CliChannel,
  type CliChannelInput,
  type CliChannelOutput,
} from '../ipc/cli-contract';
import { clockTimeOf, localDateOf } from '../core/time';
import { describeIssues } from '../core/validation';
import { createLocaleFormat } from '../shared/i18n/format';
import { messagesFor } from '../shared/i18n/intl';
import { envLanguages, envRegional, resolveLocale } from '../shared/i18n/locale';
import { recoveryMessageIn } from '../shared/i18n/recovery-message';
import { cliContract } from '../ipc/cli-contract';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../ipc/contract';
import { dispatch, type ChannelTable } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createServices, type Services } from '../services';
import { resolveDataDir } from '../storage/paths';
import { version } from '../version';
import { argumentDialogs, type FileArgs } from './files';
import { noteFreshData, type FreshData } from './fresh-data';
import type { CliIo } from './io';
import { CliFailure } from './output';

/**
 * What a command works with: the two doors, never the services. Every command goes through
 * `dispatch` (the window's channels) or `dispatchCli` (the CLI's own), so it gets the same zod
 * validation and the same one-sentence errors as the window.
 */
export interface Session {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  callCli<C extends CliChannel>(channel: C, input: CliChannelInput<C>): Promise<CliChannelOutput<C>>;
}

export interface SessionOptions {
  /** The files the command's arguments name, answering the handlers' save and open dialogs. */
  files?: FileArgs;
  /** Re-read the imported calendar first, as the app does at start-up. */
  loadCalendar?: boolean;
}

/** The start-up every command shares, as the app's: recovery notice, daily backup. */
function openServices(io: CliIo): Services {
  const services = createServices({
    dataDir: resolveDataDir(io.env),
    clock: io.clock,
    version,
    systemZone: io.systemZone,
    calendarParser: io.calendarParser,
  });
  // The data file was unusable and set aside: say so, once, in plain words (the app shows it too).
  if (services.recovery)
    io.stderr(`keel: ${recoveryLine(io, services.recovery, services.settings.get().zone)}\n`);
  try {
    // The daily backup also happens for people who use only the command line.
    services.data.backupIfDue();
  } catch {
    // A backup that cannot be written must not stop the command; the app reports it.
  }
  return services;
}

/** What happened to the data file, in the line's language (its restored backup's time in the user's zone). */
function recoveryLine(io: CliIo, recovery: NonNullable<Services['recovery']>, zone: string): string {
  const messages =
    io.messages ??
    messagesFor(resolveLocale({ preferred: envLanguages(io.env), regional: envRegional(io.env) }));
  const format = createLocaleFormat(messages.locale);
  const at = recovery.restoredFrom?.createdAt;
  return recoveryMessageIn(messages.t, {
    reason: recovery.reason,
    movedTo: recovery.movedTo,
    restored:
      at === undefined
        ? null
        : {
            date: format.day(localDateOf(at, zone), { year: true }),
            time: format.clock(clockTimeOf(at, zone), messages.locale.hourCycle),
          },
  });
}

function valueOf<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.value as T;
}

/**
 * A call's input checked against its channel's schema before the data is opened: a refused
 * command (a bad value, a malformed id) writes nothing, not even a new database. The door checks
 * it again, with the same words.
 */
function refuseMalformed(table: ChannelTable, channel: string, input: unknown): void {
  const parsed = table[channel]?.input.safeParse(input);
  if (parsed && !parsed.success) throw new CliFailure(describeIssues(parsed.error));
}

interface Doors {
  handlers: ReturnType<typeof createHandlers>;
  cliHandlers: ReturnType<typeof createCliHandlers>;
}

/**
 * Runs `work` with a session on the data, and closes the data again. The data is opened at the
 * first call whose input is well-formed, never before: a command refused by its own checks or by
 * the channel's schema leaves an empty data folder empty (no database, no backup, no folder).
 */
export async function withSession<T>(
  io: CliIo,
  options: SessionOptions,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  let services: Services | undefined;
  let fresh: FreshData | undefined;
  let opening: Promise<Doors> | undefined;
  const open = (): Promise<Doors> =>
    (opening ??= (async () => {
      fresh = noteFreshData(resolveDataDir(io.env));
      services = openServices(io);
      if (options.loadCalendar) await services.calendar.load();
      const dialogs = argumentDialogs(io, options.files ?? {});
      return {
        handlers: createHandlers(services, dialogs),
        cliHandlers: createCliHandlers(services, dialogs),
      };
    })());
  // A bug inside a handler reaches the user as one sentence; KEEL_DEBUG shows where it was.
  const onUnexpected = (error: unknown) => {
    if (io.env.KEEL_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
  };
  try {
    return await work({
      call: async (channel, input) => {
        refuseMalformed(contract, channel, input);
        const { handlers } = await open();
        return valueOf(await dispatch(handlers, channel, input, onUnexpected));
      },
      callCli: async (channel, input) => {
        refuseMalformed(cliContract, channel, input);
        const { cliHandlers } = await open();
        return valueOf(await dispatchCli(cliHandlers, channel, input, onUnexpected));
      },
    });
  } catch (error) {
    // Refused after the data was opened: a database this command created, still empty, goes again.
    if (services && fresh) {
      services.calendar.dispose();
      fresh.undo(services.db);
    }
    throw error;
  } finally {
    services?.close();
  }
}
