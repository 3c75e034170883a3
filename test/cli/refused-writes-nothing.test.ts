import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/**
 * A command refused for bad input writes nothing: on an empty data folder there is afterwards no
 * database, no backup and no folder. (The built binary is run the same way in
 * owner-only-binary.test.ts.)
 */
const REFUSED: [string, string[], RegExp][] = [
  [
    'a rating out of range',
    ['check', 'add', '--workload', '99', '--energy', '3', '--sustainable', 'yes'],
    /Workload is a whole number/,
  ],
  [
    'a check-in time in the future',
    ['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes', '--at', '2099-01-01T10:00'],
    /cannot be in the future/,
  ],
  ['a setting’s refused value', ['settings', 'set', 'theme', 'purple'], /Use system, light or dark/],
  ['a malformed id', ['check', 'delete', 'zz!'], /not a check-in id/],
  ['a malformed date', ['check', 'list', '--from', 'someday', '--to', '2027-01-01'], /YYYY-MM-DD/],
  [
    'a period that ends before it starts',
    ['agenda', '--from', '2027-01-02', '--to', '2027-01-01'],
    /start date/,
  ],
  ['an unknown option', ['check', 'add', '--load', '99'], /error:/],
];

describe('a refused command', () => {
  it.each(REFUSED)('(%s) leaves an empty data folder empty', async (_name, args, message) => {
    const dataDir = path.join(tempDir(), 'Keel');
    const run = await runKeel(args, { KEEL_DATA_DIR: dataDir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('still opens the data for a well-formed command (and says what it wrote)', async () => {
    const dataDir = path.join(tempDir(), 'Keel');
    const run = await runKeel(['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes'], {
      KEEL_DATA_DIR: dataDir,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(path.join(dataDir, 'keel.db'))).toBe(true);
  });
});
