import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptExport,
  encryptExport,
  ENCRYPTED_EXPORT_MAGIC,
  isEncryptedExport,
  SCRYPT_PARAMS,
  WRONG_PASSPHRASE,
} from '../../src-main/services/export-crypto';
import { populate } from '../helpers/populate';
import { makeServices } from '../helpers/services';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');
/** The cheapest cost an import accepts: these tests are about the format, not the cost. */
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'correct horse battery staple';

async function realExport(): Promise<string> {
  const { services, clock } = makeServices(MONDAY);
  await populate(services, clock);
  return services.data.exportJson();
}

/**
 * Opens an encrypted backup with node:crypto and docs/encrypted-export.md alone: no Keel code. If
 * this fails, the file no longer is what the documentation promises.
 */
function openIndependently(file: Buffer, passphrase: string): string {
  const [magic, headerLine, body, rest] = file.toString('latin1').split('\n');
  expect(magic).toBe('KEEL-ENCRYPTED-EXPORT v1');
  expect(rest).toBe('');
  const h = JSON.parse(headerLine ?? '') as Record<string, unknown>;
  expect(Object.keys(h).sort()).toEqual(['N', 'cipher', 'iv', 'kdf', 'p', 'r', 'salt']);
  expect(h).toMatchObject({ kdf: 'scrypt', cipher: 'aes-256-gcm' });
  const salt = Buffer.from(String(h.salt), 'base64');
  const iv = Buffer.from(String(h.iv), 'base64');
  expect([salt.length, iv.length]).toEqual([16, 12]);
  const key = crypto.scryptSync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 32, {
    N: Number(h.N),
    r: Number(h.r),
    p: Number(h.p),
    maxmem: 512 * 1024 * 1024,
  });
  const sealed = Buffer.from(body ?? '', 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(`${magic}\n${headerLine}\n`, 'latin1'));
  decipher.setAuthTag(sealed.subarray(-16));
  return Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]).toString('utf8');
}

describe('the encrypted backup', () => {
  it('is opened by node:crypto alone with the documented parameters (Keel’s own cost)', async () => {
    const json = await realExport();
    const file = Buffer.from(await encryptExport(json, PASS));
    const header = JSON.parse(file.toString('latin1').split('\n')[1] ?? '') as Record<string, number>;
    expect(header).toMatchObject(SCRYPT_PARAMS);
    expect(SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(openIndependently(file, PASS)).toBe(json);
  }, 60_000);

  it('round-trips, with a fresh salt and IV each time', async () => {
    const json = await realExport();
    const a = await encryptExport(json, PASS, FAST);
    const b = await encryptExport(json, PASS, FAST);
    expect(a).not.toBe(b);
    expect(isEncryptedExport(Buffer.from(a))).toBe(true);
    expect(isEncryptedExport(Buffer.from(json))).toBe(false);
    expect(await decryptExport(Buffer.from(a), PASS)).toBe(json);
    // NFC: "é" typed as one code point or as e + combining accent opens the same file.
    const accented = await encryptExport(json, 'caf\u00e9 au lait', FAST);
    expect(await decryptExport(Buffer.from(accented), 'cafe\u0301 au lait')).toBe(json);
  });

  it('holds no private note, or any record, in a form that can be found', async () => {
    const json = await realExport();
    const file = Buffer.from(await encryptExport(json, PASS, FAST));
    const body = Buffer.from(file.toString('latin1').split('\n')[2] ?? '', 'base64');
    expect(json).toContain('Private A');
    for (const needle of ['Private A', 'Note A', 'Ping A', 'checkins', 'keel-export']) {
      // Neither in the file's bytes nor in the decoded body (the base64 is not the plaintext's).
      expect(file.includes(needle)).toBe(false);
      expect(body.includes(needle)).toBe(false);
    }
  });

  it('refuses a wrong passphrase in one sentence', async () => {
    const file = Buffer.from(await encryptExport('{"a":1}', PASS, FAST));
    await expect(decryptExport(file, 'Correct horse battery staple')).rejects.toThrow(WRONG_PASSPHRASE);
    expect(WRONG_PASSPHRASE).toBe('That passphrase does not open this backup.');
  });

  it('refuses a changed ciphertext, tag or header', async () => {
    const text = await encryptExport('{"records":{"checkins":[]}}', PASS, FAST);
    const [magic, header, body] = text.split('\n') as [string, string, string];
    const sealed = Buffer.from(body, 'base64');
    const flip = (index: number) => {
      const copy = Buffer.from(sealed);
      copy[index] = (copy[index] ?? 0) ^ 1;
      return `${magic}\n${header}\n${copy.toString('base64')}\n`;
    };
    const h = JSON.parse(header) as Record<string, unknown>;
    const withHeader = (changed: Record<string, unknown>) =>
      `${magic}\n${JSON.stringify(changed)}\n${body}\n`;
    const otherSalt = crypto.randomBytes(16).toString('base64');
    const sameButSpaced = `${magic}\n${header.replace(':', ': ')}\n${body}\n`;
    for (const changed of [
      flip(0), // ciphertext
      flip(sealed.length - 1), // tag
      withHeader({ ...h, salt: otherSalt }),
      withHeader({ ...h, iv: crypto.randomBytes(12).toString('base64') }),
      withHeader({ ...h, p: 2 }),
      sameButSpaced, // the same parameters, another header: the AAD catches it
    ]) {
      await expect(decryptExport(Buffer.from(changed), PASS)).rejects.toThrow(WRONG_PASSPHRASE);
    }
    for (const broken of [
      withHeader({ ...h, extra: 1 }),
      withHeader({ ...h, cipher: 'aes-128-gcm' }),
      `${magic}\n{not json\n${body}\n`,
      `${magic}\n${header}\n${body.slice(0, -3)}!\n`,
      `${magic}\n${header}\n\n`,
    ]) {
      await expect(decryptExport(Buffer.from(broken), PASS)).rejects.toThrow(
        'That backup is damaged, so Keel cannot open it; nothing was imported.',
      );
    }
    await expect(
      decryptExport(Buffer.from(`KEEL-ENCRYPTED-EXPORT v2\n${header}\n${body}\n`), PASS),
    ).rejects.toThrow('That backup was locked by a newer Keel; update Keel to open it.');
    expect(magic).toBe(ENCRYPTED_EXPORT_MAGIC);
  });

  it('refuses a header asking for more scrypt work than Keel ever writes, at once', async () => {
    const text = await encryptExport('{}', PASS, FAST);
    const [magic, header, body] = text.split('\n') as [string, string, string];
    const h = JSON.parse(header) as Record<string, unknown>;
    for (const cost of [{ N: 2 ** 30 }, { N: 2 ** 18, r: 16 }, { p: 1000 }, { N: 3000 }, { N: 2 ** 10 }]) {
      const started = performance.now();
      await expect(
        decryptExport(Buffer.from(`${magic}\n${JSON.stringify({ ...h, ...cost })}\n${body}\n`), PASS),
      ).rejects.toThrow('That backup is damaged');
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
