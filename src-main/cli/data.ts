import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { BackupDto, ImportResult } from '../shared/dto';
import type { MessageId } from '../shared/i18n/catalog';
import type { CliIo } from './io';
import { CliFailure, print } from './output';
import { readPassphrase } from './passphrase';
import { withSession } from './session';
import { cliSpeech, type CliSpeech } from './speech';

interface ExportOptions {
  out: string;
  force?: boolean;
  encrypt?: boolean;
  passphraseFile?: string;
}

const BACKUP_KINDS = {
  daily: 'cli.backup.kind.daily',
  weekly: 'cli.backup.kind.weekly',
  safety: 'cli.backup.kind.safety',
} as const satisfies Record<BackupDto['kind'], MessageId>;

/** "156 kB" / "1.5 MB" ("1,5 MB"), as the locale writes numbers and units. */
function formatBytes(bytes: number, speech: CliSpeech): string {
  return bytes < 1024 * 1024
    ? speech.format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
    : speech.format.number(bytes / 1024 / 1024, {
        style: 'unit',
        unit: 'megabyte',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
}

/**
 * `keel backup list|now|restore`, `keel export` ("Back up all my data (includes private notes)"),
 * `keel import` and `keel delete-all`.
 */
export function registerDataCommands(program: Command, io: CliIo): void {
  registerBackupCommands(program, io);
  registerExportCommand(program, io);
  program
    .command('import')
    .description('merge a Keel backup into your data (records already here are skipped)')
    .argument('<file>', 'a file written by keel export or Settings → Back up all my data')
    .option(
      '--passphrase-file <file>',
      'an encrypted backup’s passphrase: the first line of FILE (- for standard input); without it Keel asks on the terminal',
    )
    .action(async (file: string, opts: { passphraseFile?: string }, command: Command) =>
      // The window's channel: its open dialog is answered by FILE here.
      withSession(io, { files: { open: file } }, async (session) => {
        const speech = cliSpeech(io, command);
        const given =
          opts.passphraseFile === undefined
            ? undefined
            : await readPassphrase(io.secrets, speech.t, { file: opts.passphraseFile, confirm: false });
        let result = await session.call('data:import', given === undefined ? {} : { passphrase: given });
        if (result.needsPassphrase) {
          const passphrase = await readPassphrase(io.secrets, speech.t, { confirm: false });
          result = await session.call('data:import', { passphrase });
        }
        io.stdout(`${importLine({ ...result, fileName: result.fileName ?? path.basename(file) }, speech)}\n`);
      }),
    );
  program
    .command('delete-all')
    .description('delete every record, setting and backup Keel keeps (asks for --yes)')
    .option('--yes', 'confirm: this cannot be undone')
    .action(async (opts: { yes?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        if (!opts.yes) throw new CliFailure(t('cli.data.deleteAllAsk'));
        await session.call('data:deleteAll', { confirm: true });
        io.stdout(`${t('cli.data.deletedAll')}\n`);
      }),
    );
}

/** `keel export`: the whole backup, private notes included, and it says so. */
function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(
      'back up all my data (includes private notes): every record, setting and note in one file; --encrypt locks it with a passphrase',
    )
    .requiredOption('--out <file>', 'the file to write')
    .option('--force', 'replace the file if it exists')
    .option('--encrypt', 'lock the file with a passphrase, asked twice on the terminal')
    .option(
      '--passphrase-file <file>',
      'with --encrypt: the passphrase is the first line of FILE (- for standard input), for scripts',
    )
    .action(async (opts: ExportOptions, command: Command) => {
      const { t } = cliSpeech(io, command);
      if (opts.passphraseFile !== undefined && !opts.encrypt) {
        throw new CliFailure(t('cli.data.passphraseFileAlone'));
      }
      if (!opts.force && fs.existsSync(opts.out)) {
        throw new CliFailure(t('cli.data.exists', { path: opts.out }));
      }
      const passphrase = opts.encrypt
        ? await readPassphrase(io.secrets, t, { file: opts.passphraseFile, confirm: true })
        : undefined;
      // The window's channel: its save dialog is answered by --out here.
      await withSession(io, { files: { out: opts.out } }, async (session) => {
        await session.call('data:export', passphrase === undefined ? {} : { passphrase });
        const { counts } = await session.call('data:overview', {});
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const where = path.resolve(opts.out);
        const said = passphrase === undefined ? 'cli.data.wrotePlain' : 'cli.data.wroteLocked';
        io.stdout(`${t(said, { count: total, path: where })}\n`);
      });
    });
}

/** "12 records and 2 settings", "12 records", "1 setting", in the locale's words and list. */
function recordsAndSettings(records: number, settings: number, speech: CliSpeech): string {
  const parts = [
    ...(records > 0 ? [speech.t('cli.data.records', { count: records })] : []),
    ...(settings > 0 ? [speech.t('cli.data.settings', { count: settings })] : []),
  ];
  return speech.format.list(parts);
}

/** What an import added and what was already here; settings are named apart from records. */
function importLine(result: ImportResult & { fileName: string }, speech: CliSpeech): string {
  const { t } = speech;
  const { fileName: file, added, skipped, settingsAdded, settingsKept } = result;
  const here = skipped + settingsKept;
  if (added + settingsAdded === 0) {
    if (here === 0) return t('cli.data.nothingNewEmpty', { file });
    if (here === 1) return t('cli.data.nothingNewOne', { file, kind: skipped === 1 ? 'record' : 'setting' });
    const both = skipped > 0 && settingsKept > 0 ? 'yes' : 'no';
    return t('cli.data.nothingNewAll', {
      file,
      both,
      what: recordsAndSettings(skipped, settingsKept, speech),
    });
  }
  const what = recordsAndSettings(added, settingsAdded, speech);
  if (here === 0) return t('cli.data.imported', { what, file });
  return t('cli.data.importedSome', {
    what,
    file,
    here: recordsAndSettings(skipped, settingsKept, speech),
    count: here,
  });
}

function registerBackupCommands(program: Command, io: CliIo): void {
  const backup = program
    .command('backup')
    .description('daily copies of your data (7 daily and 4 weekly, in the data folder), and restoring one');
  backup
    .command('list')
    .description('the backups, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const speech = cliSpeech(io, command);
        const overview = await session.call('data:overview', {});
        print(io, overview.backups, opts.json, () =>
          overview.backups.length === 0
            ? speech.t('cli.backup.none')
            : [
                speech.t('cli.backup.heading', { folder: overview.backupsFolder }),
                ...backupLines(overview.backups, speech),
              ].join('\n'),
        );
      }),
    );
  backup
    .command('now')
    .description("write today's backup now")
    .action(async (_opts: unknown, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const overview = await session.call('data:backupNow', {});
        const today = overview.backups.find((b) => b.kind === 'daily');
        const id = today?.id ?? t('cli.backup.todaysCopy');
        io.stdout(`${t('cli.backup.done', { id, folder: overview.backupsFolder })}\n`);
      }),
    );
  backup
    .command('restore')
    .description('replace your data with a backup (a copy of the data as it is now is kept first)')
    .argument('<id>', 'a backup id from keel backup list')
    .action(async (id: string, _opts: unknown, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const result = await session.call('data:restore', { id });
        io.stdout(`${t('cli.backup.restored', { id: result.restored.id, safety: result.safetyCopy.id })}\n`);
      }),
    );
}

/** One line a backup: its id, when it was written (the locale's day and clock), its kind and size. */
function backupLines(backups: readonly BackupDto[], speech: CliSpeech): string[] {
  const whens = backups.map((b) => `${speech.day(b.createdAt.slice(0, 10))} ${speech.timeOf(b.createdAt)}`);
  const width = Math.max(...whens.map((w) => w.length));
  return backups.map((b, i) => {
    const about = speech.t('cli.backup.about', {
      kind: speech.t(BACKUP_KINDS[b.kind]),
      size: formatBytes(b.sizeBytes, speech),
    });
    return `${b.id.padEnd(24)} ${(whens[i] ?? '').padEnd(width)}  ${about}`;
  });
}
