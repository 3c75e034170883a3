/**
 * The passphrase-locked backup: the whole JSON export (core/export-format.ts) encrypted with
 * AES-256-GCM under a key scrypt derives from the passphrase, in a small text envelope. The format
 * is a contract (docs/encrypted-export.md); a test decrypts it with node:crypto alone.
 *
 *     KEEL-ENCRYPTED-EXPORT v1\n
 *     {"kdf":"scrypt","N":131072,"r":8,"p":1,"salt":"<16 bytes, base64>","cipher":"aes-256-gcm","iv":"<12 bytes, base64>"}\n
 *     <base64 of ciphertext followed by the 16-byte GCM tag>\n
 *
 * key = scrypt(UTF-8 of the passphrase in Unicode NFC, salt, 32 bytes, N, r, p); the first two
 * lines, each ended by "\n", are the additional authenticated data, so a changed header fails
 * like a changed ciphertext. Nothing here logs or keeps the passphrase.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { KeelError } from '../core/errors';

export const ENCRYPTED_EXPORT_MAGIC = 'KEEL-ENCRYPTED-EXPORT v1';
const MAGIC_PREFIX = 'KEEL-ENCRYPTED-EXPORT';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt choice: 128 MiB and a fraction of a second on a laptop for each try. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** scrypt's memory is 128 × N × r bytes: a file may ask for at most this, and no more time. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const WRONG_PASSPHRASE = 'That passphrase does not open this backup.';
const DAMAGED = 'That backup is damaged, so Keel cannot open it; nothing was imported.';
const NEWER = 'That backup was locked by a newer Keel; update Keel to open it.';

const base64Of = (bytes: number) =>
  z
    .string()
    .max(64)
    .refine((s) => isBase64(s) && Buffer.from(s, 'base64').length === bytes);

const headerSchema = z
  .object({
    kdf: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 18)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(2),
    salt: base64Of(SALT_BYTES),
    cipher: z.literal('aes-256-gcm'),
    iv: base64Of(IV_BYTES),
  })
  .strict()
  .refine((h) => 128 * h.N * h.r <= MAX_SCRYPT_MEMORY);

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** Whether the bytes are an encrypted backup (of this or another version of the envelope). */
export function isEncryptedExport(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, MAGIC_PREFIX.length)).toString('latin1') === MAGIC_PREFIX;
}

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: MAX_SCRYPT_MEMORY + 1024 * 1024,
  };
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** The whole export, locked with `passphrase`, as the envelope's text. */
export async function encryptExport(
  json: string,
  passphrase: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = JSON.stringify({
    kdf: 'scrypt',
    N: params.N,
    r: params.r,
    p: params.p,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
  });
  const aad = `${ENCRYPTED_EXPORT_MAGIC}\n${header}\n`;
  const key = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  return `${aad}${body.toString('base64')}\n`;
}

/** The envelope's parts, or one sentence on why it cannot be opened. */
function parseEnvelope(bytes: Buffer) {
  const text = bytes.toString('latin1');
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines[0] !== ENCRYPTED_EXPORT_MAGIC) {
    throw new KeelError(
      'invalid_input',
      /^KEEL-ENCRYPTED-EXPORT v\d+$/.test(lines[0] ?? '') ? NEWER : DAMAGED,
    );
  }
  const headerLine = lines[1] ?? '';
  const body = lines[2] ?? '';
  if (headerLine.length > 1024 || lines.slice(3).some((line) => line !== '') || !isBase64(body)) {
    throw new KeelError('invalid_input', DAMAGED);
  }
  let header: z.output<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(headerLine));
  } catch {
    throw new KeelError('invalid_input', DAMAGED);
  }
  const sealed = Buffer.from(body, 'base64');
  if (sealed.length < TAG_BYTES) throw new KeelError('invalid_input', DAMAGED);
  return { header, aad: `${ENCRYPTED_EXPORT_MAGIC}\n${headerLine}\n`, sealed };
}

/**
 * The export's JSON text from an encrypted backup. A wrong passphrase and a changed byte fail the
 * same way (GCM cannot tell them apart): one sentence, and nothing is returned.
 */
export async function decryptExport(bytes: Buffer, passphrase: string): Promise<string> {
  const { header, aad, sealed } = parseEnvelope(bytes);
  const key = await deriveKey(passphrase, Buffer.from(header.salt, 'base64'), header);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad, 'latin1'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new KeelError('invalid_input', WRONG_PASSPHRASE);
  } finally {
    key.fill(0);
  }
}

/** The size of the envelope around `plainBytes` of JSON (base64 and the header's few hundred bytes). */
export function encryptedSize(plainBytes: number): number {
  return Math.ceil((plainBytes + TAG_BYTES) / 3) * 4 + 1024;
}
