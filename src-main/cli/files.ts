import path from 'node:path';
import { KeelError } from '../core/errors';
import { NO_DIALOGS } from '../ipc/handlers';
import { writePrivateFile } from '../platform/owner-only';
import type { FileDialogPort } from '../services/ports';
import type { CliIo } from './io';

/**
 * Where the handlers' file dialogs are answered from on the command line: the command's own
 * arguments. In the app main's save and open dialogs answer them; either way the channel's
 * payload never names a path.
 */
export interface FileArgs {
  /** The file a save writes (`--out`), resolved against the working folder. */
  out?: string;
  /** A save prints to stdout instead (`keel summary` without `--out`). */
  stdout?: boolean;
  /** The file an open dialog answers with (`keel import FILE`). */
  open?: string;
}

/** The dialog port for one command; what its arguments do not name is refused in one sentence. */
export function argumentDialogs(io: CliIo, args: FileArgs): FileDialogPort {
  const { out, stdout, open } = args;
  return {
    ...NO_DIALOGS,
    saveFile: async (options) => {
      if (stdout) {
        io.stdout(
          typeof options.content === 'string' ? options.content : Buffer.from(options.content).toString(),
        );
        return 'stdout';
      }
      if (out === undefined) return NO_DIALOGS.saveFile(options);
      const file = path.resolve(out);
      await writeFileAtomically(file, options.content);
      return path.basename(file);
    },
    chooseFile: async (options) => (open === undefined ? NO_DIALOGS.chooseFile(options) : path.resolve(open)),
  };
}

/**
 * Writes beside the target, then renames: a crash never leaves half a file. The file is the
 * user's alone (0600), and its temporary file is opened exclusively under a random name.
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  try {
    await writePrivateFile(file, content);
  } catch (error) {
    throw new KeelError(
      'storage',
      `Keel could not write ${file}${error instanceof Error && 'code' in error ? ` (${String(error.code)})` : ''}.`,
      { cause: error },
    );
  }
}
