import { Command, CommanderError } from 'commander';
import { KeelError } from '../core/errors';
import { storageFailure } from '../services/errors';
import { version } from '../version';
import { registerAgendaCommand, registerStatusCommand } from './agenda';
import { registerAgreementCommands } from './agreement';
import { registerCalendarCommands } from './calendar';
import { registerCheckinCommands } from './checkin';
import { registerDataCommands } from './data';
import { registerDoctorCommand } from './doctor';
import { registerFocusCommands } from './focus';
import { addLocaleOption, lineMessages } from './locale';
import { speakCommander } from './help';
import { sayMain } from './speech';
import type { CliIo } from './io';
import { CliFailure, terminalIo } from './output';
import { registerSettingsCommands } from './settings';
import { registerSignoffCommands } from './signoff';
import { registerSummaryCommands } from './summary';
import { registerUpdateCommand } from './update';

/**
 * The whole `keel` program, writing to `io`, its help in English as each command registers it
 * (main() has it said in the line's language, help.ts). Commands are added in the order help lists
 * them.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command();
  // Before any subcommand is added: subcommands copy these, and a subcommand without the
  // override would call process.exit itself (for a usage error or its --help).
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  program
    .name('keel')
    .description('Keel on the command line: the same data and rules as the app.')
    .version(version, '-v, --version');
  addLocaleOption(program);
  registerStatusCommand(program, io);
  registerSettingsCommands(program, io);
  registerAgendaCommand(program, io);
  registerFocusCommands(program, io);
  registerCalendarCommands(program, io);
  registerSignoffCommands(program, io);
  registerCheckinCommands(program, io);
  registerSummaryCommands(program, io);
  registerUpdateCommand(program, io);
  registerAgreementCommands(program, io);
  registerDataCommands(program, io);
  registerDoctorCommand(program, io);
  return program;
}

/**
 * Runs `keel` with `argv` (as process.argv: node, script, arguments…) and returns the exit code:
 * 0, 1 for a failure the user can act on (one line on stderr), 2 for a usage error.
 */
export async function main(argv: readonly string[], raw: CliIo): Promise<number> {
  const io = terminalIo(raw);
  const program = buildProgram(io);
  // What is said outside a command's own words (help, usage errors, failures) in the line's language.
  const messages = lineMessages(io, program, argv.slice(2));
  speakCommander(program, messages);
  io.messages = messages;
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit through here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    // A full disk or a read-only folder met outside the door (opening the data) gets the same
    // sentence as through it.
    const known = error instanceof CliFailure || error instanceof KeelError ? error : storageFailure(error);
    // The command's own sentences already are in its language; one from the door is found among main's.
    const message = known ? sayMain(messages, known.message) : messages.t('cli.unexpected');
    io.stderr(`keel: ${message}\n`);
    if (io.env.KEEL_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return 1;
  }
}
