import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ImportResult } from '../shared/dto';
import type { CliIo } from './io';
import { CliFailure, print } from './output';
import { readPassphrase } from './passphrase';
import { withSession } from './session';

const BACKUP_KIND_LABELS = { daily: 'daily', weekly: 'weekly', safety: 'before a change' } as const;

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
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
    .action(async (file: string, opts: { passphraseFile?: string }) =>
      // The window's channel: its open dialog is answered by FILE here.
      withSession(io, { files: { open: file } }, async (session) => {
        const given =
          opts.passphraseFile === undefined
            ? undefined
            : await readPassphrase(io.secrets, { file: opts.passphraseFile, confirm: false });
        let result = await session.call('data:import', given === undefined ? {} : { passphrase: given });
        if (result.needsPassphrase) {
          const passphrase = await readPassphrase(io.secrets, { confirm: false });
          result = await session.call('data:import', { passphrase });
        }
        io.stdout(`${importLine({ ...result, fileName: result.fileName ?? path.basename(file) })}\n`);
      }),
    );
  program
    .command('delete-all')
    .description('delete every record, setting and backup Keel keeps (asks for --yes)')
    .option('--yes', 'confirm: this cannot be undone')
    .action(async (opts: { yes?: boolean }) =>
      withSession(io, {}, async (session) => {
        if (!opts.yes) {
          throw new CliFailure(
            'This deletes every check-in, note, talking point, focus block, sign-off, setting and backup, and cannot be undone; add --yes to go ahead.',
          );
        }
        await session.call('data:deleteAll', { confirm: true });
        io.stdout('Deleted all your Keel data, backups included.\n');
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
    .action(async (opts: { out: string; force?: boolean; encrypt?: boolean; passphraseFile?: string }) => {
      if (opts.passphraseFile !== undefined && !opts.encrypt) {
        throw new CliFailure('--passphrase-file goes with --encrypt.');
      }
      if (!opts.force && fs.existsSync(opts.out)) {
        throw new CliFailure(`${opts.out} already exists; add --force to replace it.`);
      }
      const passphrase = opts.encrypt
        ? await readPassphrase(io.secrets, { file: opts.passphraseFile, confirm: true })
        : undefined;
      // The window's channel: its save dialog is answered by --out here.
      await withSession(io, { files: { out: opts.out } }, async (session) => {
        await session.call('data:export', passphrase === undefined ? {} : { passphrase });
        const { counts } = await session.call('data:overview', {});
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const where = path.resolve(opts.out);
        io.stdout(
          passphrase === undefined
            ? `Wrote ${plural(total, 'record', 'records')} to ${where}. It holds every note, private ones too, in plain text: keep it where only you can read it, or use --encrypt.\n`
            : `Wrote ${plural(total, 'record', 'records')} to ${where}, locked with your passphrase. It holds every note, private ones too; without the passphrase nobody can open it, you included.\n`,
        );
      });
    });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 records and 2 settings", "12 records", "1 setting". */
function recordsAndSettings(records: number, settings: number): string {
  const parts = [
    records > 0 ? plural(records, 'record', 'records') : '',
    settings > 0 ? plural(settings, 'setting', 'settings') : '',
  ];
  return parts.filter((p) => p !== '').join(' and ');
}

/** What an import added and what was already here; settings are named apart from records. */
function importLine(result: ImportResult & { fileName: string }): string {
  const { fileName, added, skipped, settingsAdded, settingsKept } = result;
  const here = skipped + settingsKept;
  if (added + settingsAdded === 0) {
    if (here === 0) return `Nothing new in ${fileName}: it holds no records.`;
    if (here === 1)
      return `Nothing new in ${fileName}: its one ${skipped === 1 ? 'record' : 'setting'} was already here.`;
    const all = skipped > 0 && settingsKept > 0 ? 'its' : 'all';
    return `Nothing new in ${fileName}: ${all} ${recordsAndSettings(skipped, settingsKept)} were already here.`;
  }
  const imported = `Imported ${recordsAndSettings(added, settingsAdded)} from ${fileName}`;
  if (here === 0) return `${imported}.`;
  return `${imported}; ${recordsAndSettings(skipped, settingsKept)} ${here === 1 ? 'was' : 'were'} already here.`;
}

function registerBackupCommands(program: Command, io: CliIo): void {
  const backup = program
    .command('backup')
    .description('daily copies of your data (7 daily and 4 weekly, in the data folder), and restoring one');
  backup
    .command('list')
    .description('the backups, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const overview = await session.call('data:overview', {});
        print(io, overview.backups, opts.json, () =>
          overview.backups.length === 0
            ? 'No backups yet.'
            : [
                `Backups in ${overview.backupsFolder}:`,
                ...overview.backups.map(
                  (b) =>
                    `${b.id.padEnd(24)} ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${BACKUP_KIND_LABELS[b.kind]}, ${formatBytes(b.sizeBytes)}`,
                ),
              ].join('\n'),
        );
      }),
    );
  backup
    .command('now')
    .description("write today's backup now")
    .action(async () =>
      withSession(io, {}, async (session) => {
        const overview = await session.call('data:backupNow', {});
        const today = overview.backups.find((b) => b.kind === 'daily');
        io.stdout(`Backed up to ${today?.id ?? 'today’s copy'} in ${overview.backupsFolder}.\n`);
      }),
    );
  backup
    .command('restore')
    .description('replace your data with a backup (a copy of the data as it is now is kept first)')
    .argument('<id>', 'a backup id from keel backup list')
    .action(async (id: string) =>
      withSession(io, {}, async (session) => {
        const result = await session.call('data:restore', { id });
        io.stdout(
          `Restored ${result.restored.id}. Your data as it was just before is kept as ${result.safetyCopy.id}; restore that to undo.\n`,
        );
      }),
    );
}
