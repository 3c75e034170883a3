import { describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src-main/platform/dnd/command-runner';

describe('createCommandRunner (execFile)', () => {
  const runner = createCommandRunner({ timeoutMs: 5_000 });

  it('passes argv untouched, with no shell, and returns output', async () => {
    const arg = '$(echo hi); "quoted" `x`';
    const result = await runner.run(process.execPath, ['-e', 'process.stdout.write(process.argv[1])', arg]);
    expect(result).toEqual({ code: 0, stdout: arg, stderr: '' });
  });

  it('resolves a non-zero exit with its code and stderr', async () => {
    const result = await runner.run(process.execPath, ['-e', 'process.stderr.write("bad"); process.exit(3)']);
    expect(result).toMatchObject({ code: 3, stderr: 'bad' });
  });

  it('rejects a program that is not installed', async () => {
    await expect(runner.run('keel-no-such-program', [])).rejects.toThrow(/ENOENT/);
  });

  it('rejects a program that outlives the timeout', async () => {
    const quick = createCommandRunner({ timeoutMs: 200 });
    await expect(quick.run(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])).rejects.toThrow();
  });
});
