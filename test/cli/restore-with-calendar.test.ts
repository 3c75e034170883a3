import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, keel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: these tests run the built keel.');
});

/**
 * A restore (or an import that adds records) asks the calendar to follow what the data now says;
 * that follow-up reads the file asynchronously, after the command has closed the data. It must
 * not crash the finished command with a stack trace and exit 1.
 */
describe('the built keel, with a calendar imported', { timeout: 60_000 }, () => {
  it('restores a backup and exits 0 with nothing on stderr', () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: path.join(dir, 'data') };
    const ics = path.join(dir, 'work.ics');
    fs.writeFileSync(
      ics,
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20300101T100000Z\r\n' +
        'DTEND:20300101T110000Z\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    expect(keel(['calendar', 'import', ics], env).code).toBe(0);
    expect(keel(['backup', 'now'], env).code).toBe(0);
    const id = (
      JSON.parse(keel(['backup', 'list', '--json'], env).stdout) as { id: string; kind: string }[]
    ).find((b) => b.kind === 'daily')?.id;
    const restored = keel(['backup', 'restore', id ?? ''], env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
  });
});
