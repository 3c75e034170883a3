import type { IpcResult } from '../ipc/channels';
import {
  createCliHandlers,
  dispatchCli,
  type CliChannel,
  type CliChannelInput,
  type CliChannelOutput,
} from '../ipc/cli-contract';
import type { Channel, ChannelInput, ChannelOutput } from '../ipc/contract';
import { dispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createServices, type Services } from '../services';
import { resolveDataDir } from '../storage/paths';
import { version } from '../version';
import { argumentDialogs, type FileArgs } from './files';
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
  if (services.recovery) io.stderr(`keel: ${services.recovery.message}\n`);
  try {
    // The daily backup also happens for people who use only the command line.
    services.data.backupIfDue();
  } catch {
    // A backup that cannot be written must not stop the command; the app reports it.
  }
  return services;
}

function valueOf<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.value as T;
}

/** Opens the data, runs `work` with a session on it, and closes the data again. */
export async function withSession<T>(
  io: CliIo,
  options: SessionOptions,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const services = openServices(io);
  try {
    if (options.loadCalendar) await services.calendar.load();
    const dialogs = argumentDialogs(io, options.files ?? {});
    const handlers = createHandlers(services, dialogs);
    const cliHandlers = createCliHandlers(services, dialogs);
    // A bug inside a handler reaches the user as one sentence; KEEL_DEBUG shows where it was.
    const onUnexpected = (error: unknown) => {
      if (io.env.KEEL_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    };
    return await work({
      call: async (channel, input) => valueOf(await dispatch(handlers, channel, input, onUnexpected)),
      callCli: async (channel, input) =>
        valueOf(await dispatchCli(cliHandlers, channel, input, onUnexpected)),
    });
  } finally {
    services.close();
  }
}
