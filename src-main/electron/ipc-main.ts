import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, STATE_CHANNEL, type IpcResult } from '../ipc/contract';
import { type StateEvent } from '../shared/state';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { APP_ORIGIN, isTrustedSender, type SenderInfo } from '../ipc/sender';

export type IpcMainSlice = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface IpcOptions {
  /** Logs a non-KeelError thrown inside a handler (the caller only sees `internal`). */
  onUnexpected?: (error: unknown, channel: string) => void;
  /** Logs a refused call. */
  onRefused?: (channel: string, sender: SenderInfo) => void;
  origin?: string;
}

/** Who is calling: the frame's URL, and whether it is its page's main frame (not an iframe). */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderInfo {
  const frame = event.senderFrame;
  // senderFrame is null once the frame navigated away or was destroyed: not trusted either.
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Keel answers only its own window.' },
};

/**
 * One `ipcMain.handle` per contract channel, and nothing else (GitHub Desktop's one-wrapper
 * rule): each refuses any sender but Keel's own page in its main frame (VS Code's
 * validatedIpcMain), then goes through `dispatch`, which validates the payload with zod.
 * Returns a function that removes the handlers again.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainSlice,
  handlers: Handlers,
  options: IpcOptions = {},
): () => void {
  const origin = options.origin ?? APP_ORIGIN;
  for (const channel of CHANNELS) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
        const sender = senderOf(event);
        if (!isTrustedSender(sender, origin)) {
          options.onRefused?.(channel, sender);
          return FORBIDDEN;
        }
        return dispatch(handlers, channel, payload, options.onUnexpected);
      },
    );
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Sends state events to the window, if there is one; dropped otherwise (the page re-reads on load). */
export function statePusher(
  contents: () => Pick<WebContents, 'send' | 'isDestroyed'> | undefined,
): (event: StateEvent) => void {
  return (event) => {
    const target = contents();
    if (target && !target.isDestroyed()) target.send(STATE_CHANNEL, event);
  };
}
