import type { ContextBridge, IpcRendererEvent } from 'electron';
import type { IpcRendererSlice } from '../keel-api';

/** `ipcRenderer`, as far as the preload uses it: invocations are answered by `answer`. */
export class FakeIpcRenderer implements IpcRendererSlice {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  private readonly listeners = new Map<string, Set<(event: IpcRendererEvent, ...args: unknown[]) => void>>();

  constructor(
    private readonly answer: (channel: string, payload: unknown) => unknown = () => ({ ok: true }),
  ) {}

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.answer(channel, args[0]));
  }

  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  /** Test helper: main sends `payload` on `channel`. */
  emit(channel: string, payload: unknown): void {
    // An IpcRendererEvent carries ipcRenderer and ports, which only Electron can make.
    const event = { sender: this, ports: [] } as unknown as IpcRendererEvent;
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener(event, payload);
  }
}

/** `contextBridge`, recording what was exposed. */
export class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey))
      throw new Error(`Cannot bind an API on top of an existing property: ${apiKey}`);
    this.exposed.set(apiKey, api);
  }
}
