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
  ['a talking point edited to nothing', ['talk', 'edit', '12345678', '  '], /Write the talking point/],
  ['a talking point moved nowhere', ['talk', 'move', '12345678'], /Give one of --up, --down or --to/],
  ['a place that is no number', ['talk', 'move', '12345678', '--to', 'top'], /--to takes a whole number/],
];

describe('a refused command', () => {
  it.each(REFUSED)('(%s) leaves an empty data folder empty', async (_name, args, message) => {
    const dataDir = path.join(tempDir(), 'Keel');
    const run = await runKeel(args, { KEEL_DATA_DIR: dataDir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  // Refusals that need the data to decide: the data is opened, then what opening created goes.
  const notAnExport = '<not an export>';
  const AFTER_OPENING: [string, string[], RegExp][] = [
    ['an unknown check-in id', ['check', 'delete', '12345678'], /No check-in has the id/],
    ['an unknown backup', ['backup', 'restore', 'daily-2020-01-01'], /no backup by that name/],
    ['no running focus block', ['focus', 'stop'], /No focus block is running/],
    ['an unknown talking point (edit)', ['talk', 'edit', '12345678', 'x'], /No talking point has the id/],
    ['an unknown talking point (move)', ['talk', 'move', '12345678', '--up'], /No talking point has the id/],
    ['a malformed talking point id', ['talk', 'move', 'zz!', '--to', '1'], /not an id Keel gave/],
    ['place 0', ['talk', 'move', '12345678', '--to', '0'], /1 for the top/],
    ['a file that is not an export', ['import', notAnExport], /not JSON/],
    ['a calendar that is not one', ['calendar', 'import', notAnExport], /not a calendar/],
    [
      'an export to a folder that does not exist',
      ['export', '--out', path.join(notAnExport, 'x', 'y.json')],
      /could not write/,
    ],
    [
      'a note id not of the period',
      ['summary', '--from', '2027-01-01', '--to', '2027-01-31', '--sections', 'notes', '--notes', '12345678'],
      /not a note of this period/,
    ],
  ];
  it.each(AFTER_OPENING)('(%s) leaves an empty data folder empty too', async (_name, args, message) => {
    const dataDir = path.join(tempDir(), 'Keel');
    const file = path.join(tempDir(), 'hello.json');
    fs.writeFileSync(file, 'hello');
    const run = await runKeel(
      args.map((a) => a.replace(notAnExport, file)),
      { KEEL_DATA_DIR: dataDir },
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('keeps a data folder that was there, and a database that was there', async () => {
    const dataDir = tempDir();
    expect((await runKeel(['check', 'delete', '12345678'], { KEEL_DATA_DIR: dataDir })).code).toBe(1);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    const env = { KEEL_DATA_DIR: dataDir };
    const added = await runKeel(['talk', 'add', 'kept', '--json'], env);
    expect(added.code).toBe(0);
    const id = (JSON.parse(added.stdout) as { id: string }).id;
    expect((await runKeel(['check', 'delete', '12345678'], env)).code).toBe(1);
    expect(await runKeel(['talk', 'move', id, '--to', '2'], env)).toMatchObject({
      code: 1,
      stderr: 'keel: There is one open talking point, so its place is 1.\n',
    });
    expect((await runKeel(['talk', 'edit', id, ''], env)).code).toBe(1);
    expect(JSON.parse((await runKeel(['talk', 'list', '--json'], env)).stdout)).toMatchObject([
      { id, text: 'kept' },
    ]);
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
