import type { CommandResult, CommandRunner } from '../../../src-main/platform/dnd/command-runner';
import { UnknownCookieError, type NotificationsBus } from '../../../src-main/platform/dnd/notifications-bus';

export interface Call {
  cmd: string;
  args: string[];
}

type Handler = (cmd: string, args: string[]) => CommandResult | Promise<CommandResult>;

export const ok = (stdout = ''): CommandResult => ({ code: 0, stdout, stderr: '' });
export const fail = (stderr: string, code = 1): CommandResult => ({ code, stdout: '', stderr });

/** Records every command and answers through `handler`. */
export class FakeRunner implements CommandRunner {
  readonly calls: Call[] = [];
  constructor(private readonly handler: Handler = () => ok()) {}

  async run(cmd: string, args: string[]): Promise<CommandResult> {
    this.calls.push({ cmd, args: [...args] });
    return this.handler(cmd, args);
  }
}

/** A gsettings that keeps `show-banners` in memory, like the real key. */
export function fakeGsettings(initial: boolean, options: { writable?: boolean; onSet?: () => void } = {}) {
  const state = { showBanners: initial };
  const runner = new FakeRunner((cmd, args) => {
    if (cmd !== 'gsettings') throw Object.assign(new Error(`spawn ${cmd} ENOENT`), { code: 'ENOENT' });
    const [verb, schema, key, value] = args;
    if (schema !== 'org.gnome.desktop.notifications' || key !== 'show-banners') {
      return fail(`No such schema “${schema}”`);
    }
    if (verb === 'get') return ok(`${state.showBanners}\n`);
    if (verb === 'writable') return ok(`${options.writable ?? true}\n`);
    if (verb === 'set') {
      options.onSet?.();
      state.showBanners = value === 'true';
      return ok();
    }
    return fail('Unknown command');
  });
  return { runner, state };
}

/** A runner on a machine without the program at all. */
export const missingProgram = () =>
  new FakeRunner((cmd) => {
    throw Object.assign(new Error(`spawn ${cmd} ENOENT`), { code: 'ENOENT' });
  });

/** A notification server that hands out counting cookies, like Plasma's. */
export class FakeNotificationsBus implements NotificationsBus {
  readonly held = new Set<number>();
  readonly log: string[] = [];
  private next = 1;
  supportsInhibit = true;
  failInhibit = false;

  async inhibit(): Promise<number> {
    this.log.push('inhibit');
    if (this.failInhibit) throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
    const cookie = this.next++;
    this.held.add(cookie);
    return cookie;
  }

  async uninhibit(cookie: number): Promise<void> {
    this.log.push(`uninhibit ${cookie}`);
    if (!this.held.delete(cookie)) throw new UnknownCookieError(cookie);
  }

  async hasInhibit(): Promise<boolean> {
    this.log.push('hasInhibit');
    return this.supportsInhibit;
  }

  async inhibited(): Promise<boolean | null> {
    return this.supportsInhibit ? this.held.size > 0 : null;
  }

  /** What the server does when Keel's connection closes (a crash or kill). */
  dropConnection(): void {
    this.held.clear();
  }
}
