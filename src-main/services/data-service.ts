import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, EXPORT_TABLES, type ExportFile } from '../core/export-format';
import { localDateOf, toLocalIso, weekStartOf } from '../core/time';
import type { FileDialogPort } from './ports';
import {
  backupBeforeChange,
  backupDaily,
  backupsDir,
  checkBackupFile,
  findBackup,
  listBackups,
  purgeFromBackups,
  type BackupFile,
  type PurgeOutcome,
  type PurgeTable,
} from '../storage/backups';
import { openDatabase, type Db } from '../storage/database';
import { DataRepo, type ImportCounts, type MergeResult } from '../storage/data-repo';
import { schemaVersion } from '../storage/migrations';
import { SET_ASIDE_FOLDER, type Recovery } from '../storage/recovery';
import type { SettingsRepo } from '../storage/settings-repo';
import { Emitter } from './events';
import { decryptExport, encryptExport } from './export-crypto';
import { IMPORT_MAX_BYTES, parseExportText, readImportFile } from './import-file';
import type { SettingsService } from './settings-service';
import type { BackupDto, DataOverview, ImportResult, RecoveryDto, RestoreResult } from '../shared/dto';

/** The settings-table key that keeps a recovery notice until the user has read it. */
export const RECOVERY_KEY = 'recoveryNotice';
/** The settings-table key listing the one-time desktop notices already told (no tray host…). */
export const DESKTOP_NOTICES_KEY = 'desktopNoticesTold';
export { IMPORT_MAX_BYTES } from './import-file';

/** What an import that changed nothing (cancelled, or waiting for a passphrase) answers. */
const NOTHING_IMPORTED = { added: 0, skipped: 0, settingsAdded: 0, settingsKept: 0, safetyCopy: null };

const BACKUP_FILTERS = [{ name: 'Keel backup', extensions: ['json', 'keel-encrypted'] }];

export interface DataDeps {
  db: Db;
  dataDir: string;
  settings: SettingsService;
  settingsRepo: SettingsRepo;
  clock: Clock;
  appVersion: string;
  nativeBinding?: string;
  /** The recovery made while opening the database, if any (stored until dismissed). */
  recovery?: Recovery | null;
}

/**
 * The user's data as a whole: daily backups (7 daily, 4 weekly, in the data folder), restore,
 * export and import as versioned JSON, and deleting everything. Every operation that replaces
 * data first takes a safety copy, and announces `onReplaced` so the app takes the new data up.
 */
/** Copies a crashed Keel may have left half-written: older than this, nobody is writing them. */
export const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Removes what an interrupted backup, restore or recovery left behind (full copies of the user's
 * data under temporary names): `*.partial` and `*.staging` files in the backups folders, and a
 * `keel.db.restoring` beside the database. Only old ones: another Keel may be writing a new one.
 */
export function removeLeftovers(dataDir: string, now: number): void {
  const root = backupsDir(dataDir);
  const folders = [root, ...['daily', 'weekly', 'safety'].map((kind) => path.join(root, kind))];
  const candidates = [
    path.join(dataDir, 'keel.db.restoring'),
    ...folders.flatMap((folder) => {
      try {
        return fs
          .readdirSync(folder)
          .filter((name) => /\.(partial|staging)(-wal|-shm)?$/.test(name))
          .map((name) => path.join(folder, name));
      } catch {
        return [];
      }
    }),
  ];
  for (const file of candidates) {
    try {
      if (now - fs.statSync(file).mtimeMs > LEFTOVER_AGE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove: nothing to tidy.
    }
  }
}

interface LockedFile {
  bytes: Buffer;
  fileName: string;
}

export class DataService {
  readonly onReplaced = new Emitter<void>();
  private readonly repo: DataRepo;
  /** An encrypted backup chosen for import, waiting for its passphrase (in memory only). */
  private locked: LockedFile | null = null;

  constructor(private readonly deps: DataDeps) {
    this.repo = new DataRepo(deps.db);
    // File ages are the file system's: its own clock, not Keel's.
    removeLeftovers(deps.dataDir, Date.now());
    if (deps.recovery) {
      deps.settingsRepo.set(RECOVERY_KEY, this.recoveryDto(deps.recovery), deps.clock.now());
    }
  }

  overview(): DataOverview {
    const stored = this.deps.settingsRepo.all()[RECOVERY_KEY] as RecoveryDto | undefined;
    return {
      folder: this.deps.dataDir,
      backupsFolder: backupsDir(this.deps.dataDir),
      backups: listBackups(this.deps.dataDir).map((b) => this.toDto(b)),
      recovery: stored && typeof stored.message === 'string' ? stored : null,
      counts: this.repo.counts(),
    };
  }

  /**
   * True the first time it is asked about `topic` on this data, false ever after: a notice about
   * the desktop (no tray host, no global shortcut) is told once, not at every start.
   */
  firstTimeFor(topic: string): boolean {
    const told = this.toldTopics();
    if (told.includes(topic)) return false;
    this.deps.settingsRepo.set(DESKTOP_NOTICES_KEY, [...told, topic], this.deps.clock.now());
    return true;
  }

  /** Whether `topic` was told (or its offer closed) before, without marking it. */
  toldBefore(topic: string): boolean {
    return this.toldTopics().includes(topic);
  }

  private toldTopics(): string[] {
    const stored = this.deps.settingsRepo.all()[DESKTOP_NOTICES_KEY];
    return Array.isArray(stored) ? stored.filter((t): t is string => typeof t === 'string') : [];
  }

  dismissRecovery(): DataOverview {
    this.deps.settingsRepo.delete(RECOVERY_KEY);
    return this.overview();
  }

  /** Today's backup, unless there is one: at start-up and with each presence sample. */
  backupIfDue(): BackupDto | null {
    const written = backupDaily(this.deps.db, this.deps.dataDir, this.today());
    return written && this.toDto(written);
  }

  /** Removes a deleted record from every backup copy, when the user asks (see purgeFromBackups). */
  purgeFromBackups(table: PurgeTable, id: string): PurgeOutcome {
    return purgeFromBackups(this.deps.dataDir, table, id, this.deps.nativeBinding);
  }

  /** "Back up now": today's copy written again with what is there now. */
  backupNow(): DataOverview {
    backupDaily(this.deps.db, this.deps.dataDir, { ...this.today(), refresh: true });
    return this.overview();
  }

  /**
   * Puts a backup's data in place of the current data. The backup is checked first, brought
   * up to this Keel's schema in a temporary copy, and the current data is kept as a safety copy.
   */
  restore(id: string): RestoreResult {
    const backup = findBackup(this.deps.dataDir, id);
    const problem = checkBackupFile(backup.path, this.deps.nativeBinding);
    if (problem) {
      throw new KeelError(
        'storage',
        `That backup cannot be restored because ${problem}; nothing was changed.`,
      );
    }
    // Staged inside the data folder (never the shared temp folder): a crash leaves the copy where
    // Keel tidies it up, and "Delete all my data" removes it.
    const staging = path.join(backupsDir(this.deps.dataDir), `restore-${process.pid}-${Date.now()}.staging`);
    try {
      fs.copyFileSync(backup.path, staging);
      openDatabase(staging, { nativeBinding: this.deps.nativeBinding }).close();
      const safety = this.safetyCopy();
      this.repo.replaceFrom(staging);
      this.deps.settings.reload();
      this.onReplaced.emit();
      return { restored: this.toDto(backup), safetyCopy: this.toDto(safety) };
    } finally {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
    }
  }

  /**
   * Every record, setting and dated rule change as versioned JSON, private notes included (what
   * `keel export` and Settings → Back up all my data write, encrypted or not).
   */
  exportJson(): string {
    const file: ExportFile = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: this.deps.clock.now(),
      appVersion: this.deps.appVersion,
      schemaVersion: schemaVersion(this.deps.db),
      settings: this.repo.exportSettings(),
      rules: this.repo.exportRules(),
      records: this.repo.exportRecords(),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  }

  exportFileName(encrypted = false): string {
    return `keel-export-${this.today().today}.${encrypted ? 'keel-encrypted' : 'json'}`;
  }

  /**
   * "Back up all my data (includes private notes)…": the whole export, every private note in it,
   * locked with `passphrase` when one is given. Main's save dialog picks the place; the window
   * never sees a path.
   */
  async exportTo(
    shell: Pick<FileDialogPort, 'saveFile'>,
    passphrase?: string,
  ): Promise<{ saved: boolean; fileName: string | null }> {
    const json = this.exportJson();
    if (Buffer.byteLength(json) > IMPORT_MAX_BYTES) {
      throw new KeelError(
        'invalid_input',
        'Your data is larger than Keel can import again (8 MB), so Keel wrote no backup file; the daily backups in the data folder hold it all.',
      );
    }
    const locked = passphrase !== undefined;
    const fileName = await shell.saveFile({
      defaultName: this.exportFileName(locked),
      content: locked ? await encryptExport(json, passphrase) : json,
      filters: locked
        ? [{ name: 'Encrypted Keel backup', extensions: ['keel-encrypted'] }]
        : [{ name: 'Keel backup', extensions: ['json'] }],
    });
    return { saved: fileName !== null, fileName };
  }

  /**
   * Import…: main's open dialog picks the file. An encrypted backup needs its passphrase: without
   * one, the answer says so and its bytes wait here (never on disk) for the next call, which
   * brings the passphrase; a wrong one keeps them for another try.
   */
  async importChosen(shell: Pick<FileDialogPort, 'chooseFile'>, passphrase?: string): Promise<ImportResult> {
    const waiting = this.locked;
    if (passphrase !== undefined && waiting !== null) return this.unlockAndImport(waiting, passphrase);
    this.locked = null;
    const file = await shell.chooseFile({ title: 'Import a Keel backup', filters: BACKUP_FILTERS });
    if (file === null) return { fileName: null, ...NOTHING_IMPORTED };
    const source = readImportFile(file);
    const fileName = path.basename(file);
    if (source.kind === 'plain') return this.importParsed(parseExportText(source.json), fileName);
    const locked = { bytes: source.bytes, fileName };
    if (passphrase !== undefined) return this.unlockAndImport(locked, passphrase);
    this.locked = locked;
    return { fileName, ...NOTHING_IMPORTED, needsPassphrase: true };
  }

  private async unlockAndImport(locked: LockedFile, passphrase: string): Promise<ImportResult> {
    this.locked = locked;
    const json = await decryptExport(locked.bytes, passphrase);
    this.locked = null;
    return this.importParsed(parseExportText(json), locked.fileName);
  }

  /**
   * Merges an export into the data here: every field is checked first and a file with any
   * problem changes nothing; records already here are skipped, so importing twice adds nothing.
   * Settings set here are kept, and so is a dated setting's history here; an older export's dated
   * settings come in as in force since the beginning.
   */
  importFile(file: string): ImportResult {
    const source = readImportFile(file);
    if (source.kind === 'locked') {
      throw new KeelError('invalid_input', 'That backup is locked with a passphrase; nothing was imported.');
    }
    return this.importParsed(parseExportText(source.json), path.basename(file));
  }

  private importParsed(parsed: ExportFile, fileName: string): ImportResult {
    const safety = this.safetyCopy();
    let result: MergeResult;
    try {
      result = this.repo.importMerge(parsed, this.deps.clock.now());
    } catch (error) {
      throw new KeelError(
        'invalid_input',
        'That file holds records Keel cannot accept; nothing was imported.',
        {
          cause: error,
        },
      );
    }
    const records = (counts: ImportCounts) => EXPORT_TABLES.reduce((sum, table) => sum + counts[table], 0);
    const summary = {
      fileName,
      added: records(result.added),
      skipped: records(result.skipped),
      settingsAdded: result.settings.added,
      settingsKept: result.settings.kept,
    };
    if (Object.values(result.added).every((n) => n === 0)) {
      // Nothing changed: the safety copy would only push an older one (perhaps a restore's undo) out.
      fs.rmSync(safety.path, { force: true });
      return { ...summary, safetyCopy: null };
    }
    this.deps.settings.reload();
    this.onReplaced.emit();
    return { ...summary, safetyCopy: this.toDto(safety) };
  }

  /**
   * Deletes every record, setting, backup and set-aside file. What stays: the do-not-disturb
   * state Keel must still put back, and the logs (which hold no note text).
   */
  deleteAll(): void {
    this.locked = null;
    this.repo.deleteAll(this.deps.clock.now());
    fs.rmSync(backupsDir(this.deps.dataDir), { recursive: true, force: true });
    fs.rmSync(path.join(this.deps.dataDir, SET_ASIDE_FOLDER), { recursive: true, force: true });
    this.deps.settings.reload();
    this.onReplaced.emit();
    // The records are gone already; wiping the free space they leave can fail (a full disk: it
    // needs room for a copy) or wait (another Keel reading). Say so truthfully, not "nothing changed".
    let compacted: boolean;
    try {
      compacted = this.repo.compact();
    } catch {
      compacted = false;
    }
    if (!compacted) {
      throw new KeelError(
        'storage',
        'Your data and its backups were deleted, but Keel could not yet wipe the space they used in its data file; choose Delete all my data again to finish.',
      );
    }
  }

  private safetyCopy(): BackupFile {
    return backupBeforeChange(this.deps.db, this.deps.dataDir, this.deps.clock.now());
  }

  private today() {
    const now = this.deps.clock.now();
    const today = localDateOf(now, this.deps.settings.get().zone);
    return { today, weekStart: weekStartOf(today), now };
  }

  private toDto(backup: BackupFile): BackupDto {
    return {
      id: backup.id,
      kind: backup.kind,
      createdAt: toLocalIso(Math.round(backup.createdAt), this.deps.settings.get().zone),
      sizeBytes: backup.sizeBytes,
    };
  }

  private recoveryDto(recovery: Recovery): RecoveryDto {
    return {
      at: toLocalIso(recovery.at, this.deps.settings.get().zone),
      reason: recovery.reason,
      movedTo: recovery.movedTo,
      restoredFrom: recovery.restoredFrom?.id ?? null,
      restoredAt: recovery.restoredFrom
        ? toLocalIso(recovery.restoredFrom.createdAt, this.deps.settings.get().zone)
        : null,
      message: recovery.message,
    };
  }
}
