/**
 * The process's terminal and standard input, for a backup's passphrase (cli/passphrase.ts):
 * typed in raw mode with nothing echoed. Imports nothing of the CLI, so io.ts can hand it in.
 */

/** The terminal and standard input, handed in (tests stand in for them). */
export interface SecretInput {
  /** Whether standard input is a terminal someone can type on. */
  isTty(): boolean;
  /** Asks on the terminal; what is typed is not shown. */
  ask(prompt: string): Promise<string>;
  /** Standard input's text, at most `limit` bytes. */
  readStdin(limit: number): Promise<string>;
}

/** Longer than any passphrase the contract takes, so too long a line is refused, not cut. */
export const MAX_SECRET_BYTES = 4096;

/** The process's own terminal: raw mode, nothing echoed, Enter ends, Ctrl-C cancels. */
export function processSecrets(): SecretInput {
  const stdin = process.stdin;
  return {
    isTty: () => stdin.isTTY === true,
    ask: (prompt) =>
      new Promise((resolve, reject) => {
        process.stderr.write(prompt);
        let typed = '';
        const done = () => {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
        };
        const onData = (chunk: string) => {
          for (const ch of chunk) {
            if (ch === '\r' || ch === '\n' || ch === '\u0004') {
              done();
              resolve(typed);
              return;
            }
            if (ch === '\u0003') {
              // Raw mode swallows Ctrl-C's signal: send it, so Keel stops as it always does.
              done();
              reject(new Error('interrupted'));
              process.kill(process.pid, 'SIGINT');
              return;
            }
            if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
            else if (ch >= ' ' && typed.length < MAX_SECRET_BYTES) typed += ch;
          }
        };
        stdin.setEncoding('utf8');
        stdin.setRawMode(true);
        stdin.resume();
        stdin.on('data', onData);
      }),
    readStdin: async (limit) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stdin) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        chunks.push(bytes);
        size += bytes.length;
        if (size > limit) break;
      }
      return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
    },
  };
}
