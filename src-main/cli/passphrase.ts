/**
 * Where `keel export --encrypt` and `keel import` take a backup's passphrase from: typed on the
 * terminal without echo, or the first line of `--passphrase-file FILE` (`-`: standard input) for
 * scripts. Never from an argument's value: other users see arguments in `ps`, and shells keep them
 * in their history. Without a terminal and without the flag, the command says so instead of
 * waiting on a standard input nobody writes to. Nothing here prints or logs the passphrase.
 */
import { readRegularFile } from '../services/ports/regular-file';
import { CliFailure } from './output';
import { MAX_SECRET_BYTES, type SecretInput } from './terminal';

const MAX_PASSPHRASE_FILE = MAX_SECRET_BYTES;

/** The first line of the file (or of standard input for `-`). */
async function fromFile(secrets: SecretInput | undefined, file: string): Promise<string> {
  let text: string;
  if (file === '-') {
    if (!secrets) throw new CliFailure('Keel cannot read standard input here.');
    text = await secrets.readStdin(MAX_PASSPHRASE_FILE);
  } else {
    const read = readRegularFile(file, MAX_PASSPHRASE_FILE);
    if (!read.ok) {
      throw new CliFailure(
        read.reason === 'too-big'
          ? 'The passphrase file is too long; put the passphrase alone on its first line.'
          : `Keel cannot read the passphrase file ${file}; use an ordinary file, or - for standard input.`,
      );
    }
    text = read.bytes.toString('utf8');
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliFailure('The passphrase file’s first line is empty.');
  return line;
}

/**
 * The passphrase for a backup. `confirm` (a new backup) asks twice on the terminal, so a typo
 * does not lock the user out of their own backup.
 */
export async function readPassphrase(
  secrets: SecretInput | undefined,
  options: { file?: string; confirm: boolean },
): Promise<string> {
  if (options.file !== undefined) return fromFile(secrets, options.file);
  if (!secrets?.isTty()) {
    throw new CliFailure(
      'Keel needs the backup’s passphrase: run this in a terminal to type it, or add --passphrase-file FILE (- for standard input).',
    );
  }
  const first = await secrets.ask(options.confirm ? 'Passphrase for the backup: ' : 'Passphrase: ');
  if (!options.confirm) return first;
  const again = await secrets.ask('The same passphrase again: ');
  if (again !== first) throw new CliFailure('The two passphrases differ; nothing was written.');
  return first;
}
