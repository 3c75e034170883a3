import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { IpcMainSlice } from '../ipc-main';

type InvokeListener = Parameters<IpcMain['handle']>[1];

/** Which frame a fake call comes from. */
export interface FakeSender {
  url: string;
  /** 'main': the page itself; 'sub': an iframe inside it; 'gone': a frame already destroyed. */
  frame: 'main' | 'sub' | 'gone';
}

/** `ipcMain`, as far as Keel's IPC wrapper uses it. */
export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'>, IpcMainSlice {
  private readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** Test helper: the renderer calls `ipcRenderer.invoke(channel, payload)` from `sender`. */
  async invoke(channel: string, payload: unknown, sender: FakeSender): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const mainFrame = { url: sender.frame === 'main' ? sender.url : 'app://keel/index.html' };
    const senderFrame =
      sender.frame === 'main' ? mainFrame : sender.frame === 'sub' ? { url: sender.url } : null;
    // Only Electron can make a WebContents or WebFrameMain; the wrapper reads just these fields.
    const event = {
      sender: { mainFrame },
      senderFrame,
      processId: 1,
      frameId: 1,
    } as unknown as IpcMainInvokeEvent;
    return (await listener(event, payload)) as unknown;
  }
}
