import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/**
 * Issue #16, item 7: the CLI never prints a stored ESC, BEL or bidi override raw. Keel cleans what
 * it stores now, but data written before (or by another program) can still hold them, so these
 * tests write the hostile text straight into the database, past the cleaning.
 */

const ESC_NOTE = 'Clear\u001b[2J screen\u0007 and \u202eevil';
const ESC_POINT = 'Ring\u0007 \u001b]0;owned\u0007 title \u009b31m';
/** Bytes a terminal acts on: C0 but tab and line feed, DEL, C1 and the bidi controls. */
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

async function dataWithStoredControls(): Promise<Record<string, string>> {
  const env = { KEEL_DATA_DIR: tempDir() };
  const args = ['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes'];
  expect((await runKeel([...args, '--note', 'placeholder', '--at', '2026-03-16T16:05'], env)).code).toBe(0);
  expect((await runKeel(['talk', 'add', 'placeholder'], env)).code).toBe(0);
  const db = new Database(path.join(env.KEEL_DATA_DIR, 'keel.db'));
  try {
    db.prepare('UPDATE checkins SET note = ?').run(ESC_NOTE);
    db.prepare('UPDATE talking_points SET text = ?').run(ESC_POINT);
  } finally {
    db.close();
  }
  return env;
}

describe('the CLI’s output and stored control characters', () => {
  it('check list: a stored ESC[2J, BEL and RIGHT-TO-LEFT OVERRIDE print visibly escaped', async () => {
    const env = await dataWithStoredControls();
    const r = await runKeel(['check', 'list', '--from', '2026-03-16', '--to', '2026-03-16'], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('Clear\\u001b[2J screen\\u0007 and \\u202eevil');
  });

  it('talk list: an OSC title sequence and an 8-bit CSI print visibly escaped', async () => {
    const env = await dataWithStoredControls();
    const r = await runKeel(['talk', 'list'], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('Ring\\u0007 \\u001b]0;owned\\u0007 title \\u009b31m');
  });

  it('talk move and edit: the stored point prints escaped; new words are stored cleaned', async () => {
    const env = await dataWithStoredControls();
    const id = (JSON.parse((await runKeel(['talk', 'list', '--json'], env)).stdout) as { id: string }[])[0]
      ?.id;
    const moved = await runKeel(['talk', 'move', id ?? '', '--to', '1'], env);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(moved.stdout).not.toMatch(RAW_CONTROL);
    expect(moved.stdout).toContain('Ring\\u0007 \\u001b]0;owned\\u0007 title \\u009b31m');
    const edited = await runKeel(
      ['talk', 'edit', id ?? '', 'Ring\u0007 \u001b]0;again\u0007 \u202etitle'],
      env,
    );
    expect(edited).toMatchObject({ code: 0, stdout: `Edited ${id?.slice(0, 8)}: Ring ]0;again title\n` });
  });

  it('--json stays JSON with the stored value, and carries no raw control or bidi character', async () => {
    const env = await dataWithStoredControls();
    const checks = await runKeel(
      ['check', 'list', '--from', '2026-03-16', '--to', '2026-03-16', '--json'],
      env,
    );
    const points = await runKeel(['talk', 'list', '--json'], env);
    for (const r of [checks, points]) expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(checks.stdout)).toMatchObject([{ note: ESC_NOTE }]);
    expect(JSON.parse(points.stdout)).toMatchObject([{ text: ESC_POINT }]);
  });

  it('an error sentence that quotes what was typed reaches stderr escaped', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const args = ['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes'];
    const r = await runKeel([...args, '--stretched', 'a\u001b]0;x\u0007[b]'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^keel: The tag "/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('what the CLI stores is cleaned: a note typed with ESC and BEL is kept without them', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const args = ['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes'];
    const added = await runKeel(
      [...args, '--note', 'Line\u001b[2J one\u0007\nline \u202etwo', '--json'],
      env,
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ note: 'Line[2J one\nline two' });
    const db = new Database(path.join(env.KEEL_DATA_DIR, 'keel.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT note FROM checkins').get()).toEqual({ note: 'Line[2J one\nline two' });
    } finally {
      db.close();
    }
  });
});
