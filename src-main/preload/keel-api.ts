import type { ContextBridge, IpcRendererEvent } from 'electron';
import { buildApi, STATE_CHANNEL, type IpcResult } from '../ipc/channels';
import type { KeelApi } from '../ipc/contract';
import { type StateEvent } from '../shared/state';

/**
 * The slice of `ipcRenderer` the preload uses. `on`/`removeListener` are spelled out because
 * Electron's return the whole IpcRenderer; `ipcRenderer` itself fits (preload.ts passes it).
 */
export interface IpcRendererSlice {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/** The name the page sees: `window.keel`. */
export const API_KEY = 'keel';

/**
 * `window.keel`, built from the IPC contract: one intent-level method per channel and the one
 * state subscription. Never `ipcRenderer` itself, never a generic `invoke(channel)` — the page
 * can reach exactly the contract's channels (STYLE.md anti-pattern 2).
 */
export function createKeelApi(ipc: IpcRendererSlice): KeelApi {
  return buildApi<KeelApi>(
    (channel, input) => ipc.invoke(channel, input) as Promise<IpcResult<unknown>>,
    (listener) => {
      // Only the payload crosses: the IPC event carries `sender` (ipcRenderer itself).
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as StateEvent);
      ipc.on(STATE_CHANNEL, forward);
      return () => {
        ipc.removeListener(STATE_CHANNEL, forward);
      };
    },
  );
}

/** Exposes `window.keel` through the context bridge, and nothing else. */
export function exposeKeelApi(bridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: IpcRendererSlice): void {
  bridge.exposeInMainWorld(API_KEY, createKeelApi(ipc));
}
