import type { ExternalOpener } from '../security';

/** Electron's `shell`, as far as opening links goes: records each URL instead of starting a browser. */
export class FakeShell implements ExternalOpener {
  readonly opened: string[] = [];
  /** Set to make `openExternal` reject, as it does when the OS has no browser for the URL. */
  failWith: Error | undefined;

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
}
