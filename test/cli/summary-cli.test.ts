import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('keel talk and keel summary', () => {
  it('talking points carry into the summary; shareable notes can be ticked; the share is logged', () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    expect(keel(['talk', 'add', 'Rotate', 'on-call'], env).code).toBe(0);
    const listed = JSON.parse(keel(['talk', 'list', '--json'], env).stdout) as { text: string }[];
    expect(listed.map((p) => p.text)).toEqual(['Rotate on-call']);
    const add = (extra: string[]) =>
      JSON.parse(
        keel(
          [
            'check',
            'add',
            '--workload',
            '4',
            '--energy',
            '2',
            '--sustainable',
            'no',
            '--at',
            '2026-03-16T16:00',
            '--json',
            ...extra,
          ],
          env,
        ).stdout,
      ) as { id: string };
    const shared = add(['--note', 'Release week', '--shareable']);
    const secret = add(['--note', 'SECRET-91c: job hunting']);
    const out = path.join(tempDir(), 'summary.html');
    const made = keel(
      [
        'summary',
        '--from',
        '2026-03-09',
        '--to',
        '2026-03-22',
        '--format',
        'html',
        '--sections',
        'trends,talkingPoints,notes',
        '--notes',
        shared.id,
        '--out',
        out,
      ],
      env,
    );
    expect(made.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Rotate on-call');
    expect(html).toContain('Release week');
    expect(html).not.toContain('SECRET-91c');

    const refused = keel(
      ['summary', '--from', '2026-03-09', '--to', '2026-03-22', '--sections', 'notes', '--notes', secret.id],
      env,
    );
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      1,
      '',
      'keel: Only notes marked “may be shared” can go in a summary.\n',
    ]);
  });

  it('refuses a malformed period with one line', () => {
    const r = keel(['summary', '--from', '2026-03-22', '--to', '2026-03-09'], { KEEL_DATA_DIR: tempDir() });
    expect([r.code, r.stderr]).toEqual([1, 'keel: The period must end on or after the day it starts.\n']);
  });
});
