/**
 * Reading a file to import: an ordinary file only, at most the cap, through one descriptor
 * (services/ports/regular-file.ts, the calendar's reader too), then either the export's JSON or
 * an encrypted backup's bytes (services/export-crypto.ts) to unlock. Every refusal is one
 * sentence ending "nothing was imported", and comes before anything is written.
 */
import path from 'node:path';
import { KeelError } from '../core/errors';
import { describeExportProblem, exportFileSchema, type ExportFile } from '../core/export-format';
import { encryptedSize, isEncryptedExport } from './export-crypto';
import { readRegularFile } from './ports/regular-file';

/**
 * The largest export Keel imports: five years of realistic daily use (bench/lib/dataset.ts) export
 * to 2.7 MB, so 8 MB is three times that, and a bound on what a hostile file can make Keel read.
 */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
/** An encrypted backup of the largest export (base64 is a third larger). */
export const IMPORT_MAX_FILE_BYTES = encryptedSize(IMPORT_MAX_BYTES);

const TOO_BIG = 'That file is larger than any Keel backup can be (over 8 MB); nothing was imported.';

export type ImportSource = { kind: 'plain'; json: string } | { kind: 'locked'; bytes: Buffer };

/** The file's content to import, or a KeelError with one sentence on why not. Never blocks. */
export function readImportFile(file: string): ImportSource {
  const name = path.basename(file);
  const read = readRegularFile(file, IMPORT_MAX_FILE_BYTES);
  if (!read.ok) {
    switch (read.reason) {
      case 'too-big':
        throw new KeelError('invalid_input', TOO_BIG);
      case 'directory':
        throw new KeelError('invalid_input', `${name} is a folder, not a Keel backup; nothing was imported.`);
      case 'not-a-file':
        throw new KeelError(
          'invalid_input',
          `${name} is a device or a pipe, not an ordinary file; Keel imports only files, so nothing was imported.`,
        );
      case 'denied':
        throw new KeelError('not_found', `Keel is not allowed to read ${name}; nothing was imported.`);
      default:
        throw new KeelError('not_found', `Keel cannot read ${name}; nothing was imported.`);
    }
  }
  if (isEncryptedExport(read.bytes)) return { kind: 'locked', bytes: read.bytes };
  if (read.bytes.length > IMPORT_MAX_BYTES) throw new KeelError('invalid_input', TOO_BIG);
  return { kind: 'plain', json: new TextDecoder('utf-8').decode(read.bytes) };
}

/** An export's JSON text, checked field by field (the first problem in one sentence). */
export function parseExportText(json: string): ExportFile {
  if (json.length > IMPORT_MAX_BYTES) throw new KeelError('invalid_input', TOO_BIG);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new KeelError(
      'invalid_input',
      'That file is not JSON, so it is not a Keel backup; nothing was imported.',
    );
  }
  const parsed = exportFileSchema.safeParse(value);
  if (!parsed.success) throw new KeelError('invalid_input', describeExportProblem(parsed.error));
  return parsed.data;
}
