/**
 * Where `keel export --encrypt` and `keel import` take a backup's passphrase from: typed on the
 * terminal without echo, or the first line of `--passphrase-file FILE` (`-`: standard input) for
 * scripts. Never from an argument's value: other users see arguments in `ps`, and shells keep them
 * in their history. Without a terminal and without the flag, the command says so instead of
 * waiting on a standard input nobody writes to. Nothing here prints or logs the passphrase.
 */
import { readRegularFile } from '../services/ports/regular-file';
import { CliFailure } from './output';
import type { CliSpeech } from './speech';
import { MAX_SECRET_BYTES, type SecretInput } from './terminal';

const MAX_PASSPHRASE_FILE = MAX_SECRET_BYTES;

type Say = CliSpeech['t'];

/** The first line of the file (or of standard input for `-`). */
async function fromFile(secrets: SecretInput | undefined, t: Say, file: string): Promise<string> {
  let text: string;
  if (file === '-') {
    if (!secrets) throw new CliFailure(t('cli.passphrase.noStdin'));
    text = await secrets.readStdin(MAX_PASSPHRASE_FILE);
  } else {
    const read = readRegularFile(file, MAX_PASSPHRASE_FILE);
    if (!read.ok) {
      throw new CliFailure(
        read.reason === 'too-big'
          ? t('cli.passphrase.fileTooLong')
          : t('cli.passphrase.fileUnreadable', { file }),
      );
    }
    text = read.bytes.toString('utf8');
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliFailure(t('cli.passphrase.firstLineEmpty'));
  return line;
}

/**
 * The passphrase for a backup. `confirm` (a new backup) asks twice on the terminal, so a typo
 * does not lock the user out of their own backup.
 */
export async function readPassphrase(
  secrets: SecretInput | undefined,
  t: Say,
  options: { file?: string; confirm: boolean },
): Promise<string> {
  if (options.file !== undefined) return fromFile(secrets, t, options.file);
  if (!secrets?.isTty()) throw new CliFailure(t('cli.passphrase.needed'));
  const first = await secrets.ask(t(options.confirm ? 'cli.passphrase.askNew' : 'cli.passphrase.ask'));
  if (!options.confirm) return first;
  const again = await secrets.ask(t('cli.passphrase.again'));
  if (again !== first) throw new CliFailure(t('cli.passphrase.differ'));
  return first;
}
