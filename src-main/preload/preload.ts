/**
 * The window's preload: runs sandboxed and context-isolated, and exposes `window.keel` — nothing
 * else. Bundled to CommonJS requiring only 'electron' (a sandboxed preload cannot load files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeKeelApi } from './keel-api';

exposeKeelApi(contextBridge, ipcRenderer);
