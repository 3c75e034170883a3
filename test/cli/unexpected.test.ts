import { describe, expect, it } from 'vitest';
import { catchUnexpected, netMessages, unexpectedLine } from '../../src-main/cli/unexpected';

const UNEXPECTED_SENTENCE =
  'keel: an unexpected problem stopped this command; what it had already saved is kept.';

type Listener = (error: unknown) => void;

function fakeProcess() {
  const listeners = new Map<string, Listener>();
  const exits: number[] = [];
  const proc = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return proc;
    },
    exit(code: number): never {
      exits.push(code);
      return undefined as never;
    },
  };
  return { proc, listeners, exits };
}

describe('the keel command’s last net', () => {
  it('ends an unhandled rejection with one sentence and exit code 1, never the message or a stack', () => {
    const { proc, listeners, exits } = fakeProcess();
    const written: string[] = [];
    catchUnexpected(proc, (text) => written.push(text));
    const error = new TypeError('The database connection is not open: my private note about Ada');
    listeners.get('unhandledRejection')?.(error);
    expect(exits).toEqual([1]);
    expect(written).toEqual([`${UNEXPECTED_SENTENCE} (TypeError)\n`]);
    expect(written.join('')).not.toMatch(/private note|Ada|\n\s+at /);
  });

  it('catches uncaught exceptions too, and speaks once however many follow', () => {
    const { proc, listeners, exits } = fakeProcess();
    const written: string[] = [];
    catchUnexpected(proc, (text) => written.push(text));
    listeners.get('uncaughtException')?.(new RangeError('x'));
    listeners.get('unhandledRejection')?.('not even an Error');
    expect(written).toHaveLength(1);
    expect(exits).toEqual([1]);
  });

  it('names an odd error kind plainly rather than echoing it', () => {
    const odd = new Error('m');
    odd.name = '\u001b[2Jhello';
    expect(unexpectedLine(odd)).toBe(`${UNEXPECTED_SENTENCE} (unknown error)\n`);
    expect(unexpectedLine('a string')).toBe(`${UNEXPECTED_SENTENCE} (unknown error)\n`);
  });

  it('says it in the line’s language: its last --locale Keel speaks, else the environment’s', () => {
    const de = netMessages({ LANG: 'de_DE.UTF-8' }, ['summary', '--locale', 'xx']);
    expect(unexpectedLine(new TypeError('x'), de)).toBe(
      'keel: Ein unerwartetes Problem hat diesen Befehl beendet; was er schon gespeichert hatte, bleibt erhalten. (TypeError)\n',
    );
    const fr = netMessages({ LANG: 'de_DE.UTF-8' }, ['--locale', 'fr', 'status']);
    expect(unexpectedLine('odd', fr)).toMatch(/^keel: .+ \(erreur inconnue\)\n$/);
    const { proc, listeners } = fakeProcess();
    const written: string[] = [];
    catchUnexpected(proc, (text) => written.push(text), de);
    listeners.get('unhandledRejection')?.(new RangeError('my note'));
    expect(written).toEqual([
      'keel: Ein unerwartetes Problem hat diesen Befehl beendet; was er schon gespeichert hatte, bleibt erhalten. (RangeError)\n',
    ]);
  });
});
