/**
 * Keel's composition root: the only place that builds Electron objects and hands them, behind
 * the platform ports, to the runtime. Everything with logic lives in small modules beside this
 * one (and in platform/), tested under plain Node with fakes; this file is glue.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell as electronShell,
  Tray,
} from 'electron';
import { systemClock } from '../core/clock';
import { KeelError } from '../core/errors';
import type { StateEvent } from '../shared/state';
import type { ViewName } from '../shared/views';
import { createHandlers } from '../ipc/handlers';
import { isChannel } from '../ipc/contract';
import { createLog, logIdentifier } from '../platform/log';
import { createAutostart, startedHidden } from '../platform/autostart';
import { watchDatabaseFiles } from '../platform/database-watch';
import { nodeFileWatch } from '../platform/file-watch';
import { createCommandRunner } from '../platform/dnd/command-runner';
import { detectDndController } from '../platform/dnd/detect';
import { DbusNotificationsBus } from '../platform/dnd/notifications-bus';
import { createElectronNotifier } from '../platform/electron-notifier';
import { createElectronPower } from '../platform/electron-power';
import { createElectronTray, loadTrayIcons } from '../platform/electron-tray';
import { systemTimers } from '../core/clock';
import type { ShellPort, TrayPort } from '../services/ports';
import { createServices, type Services } from '../services';
import { AutostartSync } from '../services/autostart-sync';
import { ExternalChangeWatcher } from '../services/external-changes';
import { FOCUS_SHORTCUT, KeelRuntime } from '../services/runtime';
import { databasePath, resolveDataDir } from '../storage/paths';
import { version } from '../version';
import { APP_ENTRY_URL, APP_SCHEME, createAppRequestHandler, registerAppScheme } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';
import { registerIpcHandlers, statePusher } from './ipc-main';
import { denyAllPermissions, hardenWebContents } from './security';
import { keepInTrayOnClose, revealWindow, windowOptions } from './window';

/** What the Electron smoke test reads from the main process (only with KEEL_SMOKE=1). */
export interface KeelSmokeState {
  trayCreated: boolean;
  trayState: string;
  dataDir: string;
  version: string;
}

const dataDir = resolveDataDir();
// The log lives in the data folder (logs/keel.log, rotated at 1 MB) and never holds note text.
const log = createLog(dataDir);
log.info('Keel started', { version: logIdentifier(version), platform: process.platform });
const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'none';
  }
};
const appRoot = app.getAppPath();
const assetsDir = path.join(appRoot, 'assets');
const appIcon = path.join(assetsDir, 'icon.png');

if (process.env.KEEL_DATA_DIR?.trim()) {
  // Before the single-instance lock, which lives in userData: a Keel on a test folder must not
  // collide with (or focus) the user's running Keel. setPath throws for a missing folder.
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    app.setPath('userData', dataDir);
  } catch {
    // A folder that cannot be made: opening the database says so, in one sentence, once ready.
  }
}
// Windows shows notifications only for an app with an AppUserModelId (the installer's too).
if (process.platform === 'win32') app.setAppUserModelId('app.keel');
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // Another Keel runs on this data folder; it was told (second-instance) and shows its window.
  app.quit();
} else {
  run();
}

function run(): void {
  let quitting = false;
  let window: BrowserWindow | undefined;
  let services: Services | undefined;
  let runtime: KeelRuntime | undefined;
  let tray: TrayPort | undefined;
  let disposeIpc: (() => void) | undefined;
  let autostart: AutostartSync | undefined;
  let externalChanges: ExternalChangeWatcher | undefined;

  const pushState = statePusher(() => window?.webContents);
  const dndBus = new DbusNotificationsBus();
  let dndRestored = false;

  /** `showWhenReady`: false only for the first window of a start in the tray (--hidden). */
  const createWindow = (showWhenReady: boolean): BrowserWindow => {
    const created = new BrowserWindow(
      windowOptions(path.join(appRoot, 'dist', 'preload', 'preload.cjs'), {
        dark: nativeTheme.shouldUseDarkColors,
        ...(process.platform === 'darwin' ? {} : { icon: appIcon }),
        devTools: !app.isPackaged,
      }),
    );
    keepInTrayOnClose(created, () => quitting);
    if (showWhenReady) created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = undefined;
    });
    created.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
      log.error('the window could not load its page (was the renderer built?)', error);
    });
    return created;
  };

  const sendWhenLoaded = (target: BrowserWindow, event: StateEvent): void => {
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', () => pushState(event));
    else pushState(event);
  };

  const shell: ShellPort = {
    showWindow(view?: ViewName) {
      // Shown at once (not on ready-to-show): the user asked for it; the background colour
      // covers the moment before the first paint.
      if (!window || window.isDestroyed()) window = createWindow(false);
      revealWindow(window);
      if (view) sendWhenLoaded(window, { type: 'navigate', view });
    },
    quit() {
      app.quit();
    },
    async saveFile({ defaultName, content, filters }) {
      const parent = window && !window.isDestroyed() ? window : undefined;
      const options = { defaultPath: path.join(app.getPath('documents'), defaultName), filters };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await fs.promises.writeFile(result.filePath, content);
      return path.basename(result.filePath);
    },
    async copyText(text) {
      clipboard.writeText(text);
    },
    async printToPdf(html) {
      // A hidden, sandboxed window with scripts off renders the summary; nothing else loads.
      const printer = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false },
      });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        printer.destroy();
      }
    },
    async chooseFile({ title, filters }) {
      const parent = window && !window.isDestroyed() ? window : undefined;
      const options = { title, filters, properties: ['openFile' as const] };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };

  const shutdown = (): void => {
    externalChanges?.stop();
    externalChanges = undefined;
    autostart?.stop();
    autostart = undefined;
    runtime?.stop();
    runtime = undefined;
    tray?.dispose();
    tray = undefined;
    disposeIpc?.();
    disposeIpc = undefined;
    services?.close();
    services = undefined;
  };

  const failStartup = (error: unknown): void => {
    // The cause (e.g. a native module built for another ABI) goes to the terminal for developers;
    // the user gets one sentence, never a stack trace.
    log.error('Keel cannot start', error);
    // The log keeps no messages; a developer's terminal gets the cause (e.g. a native module
    // built for another ABI).
    if (!app.isPackaged) {
      console.error('keel: cannot start:', error instanceof KeelError && error.cause ? error.cause : error);
    }
    const message =
      error instanceof KeelError
        ? error.message
        : 'Something went wrong while Keel was starting; nothing was changed.';
    dialog.showErrorBox('Keel cannot start', message);
    shutdown();
    app.exit(1);
  };

  const onReady = async (): Promise<void> => {
    // Which do-not-disturb this desktop offers; the macOS Shortcut names are read when used.
    const dndController = await detectDndController({
      platform: process.platform,
      env: process.env,
      runner: createCommandRunner(),
      bus: dndBus,
      settings: () => services?.settings.get().dnd ?? { enabled: false },
    });
    try {
      // After ready, so the error box is a real dialog on Linux too (before ready it is stderr).
      services = createServices({
        dataDir,
        clock: systemClock,
        version,
        nativeBinding: process.env.KEEL_NATIVE_BINDING,
        dndController,
        fileWatch: nodeFileWatch,
      });
    } catch (error) {
      failStartup(error);
      return;
    }

    denyAllPermissions(session.defaultSession);
    protocol.handle(
      APP_SCHEME,
      createAppRequestHandler({
        rootDir: path.join(appRoot, 'dist', 'renderer'),
        csp: CONTENT_SECURITY_POLICY,
      }),
    );
    // No reload or devtools shortcuts in Keel's window; macOS keeps the standard app, edit and
    // window menus so Quit, copy/paste and Minimize work as users expect there.
    Menu.setApplicationMenu(
      process.platform === 'darwin'
        ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }])
        : null,
    );

    disposeIpc = registerIpcHandlers(ipcMain, createHandlers(services, shell), {
      onUnexpected: (error, channel) =>
        log.error('a handler failed unexpectedly', error, {
          channel: isChannel(channel) ? channel : 'unknown',
        }),
      onRefused: (channel, sender) =>
        log.warn('refused a call from outside Keel’s window', {
          channel: isChannel(channel) ? channel : 'unknown',
          origin: logIdentifier(originOf(sender.url)),
          mainFrame: sender.isMainFrame,
        }),
    });

    const icons = loadTrayIcons((file) => nativeImage.createFromPath(file), assetsDir, process.platform);
    if (icons.idle.isEmpty()) {
      log.warn('no tray icons in the assets folder; run node scripts/make-icons.mjs');
    }
    tray = createElectronTray({
      tray: new Tray(icons.idle),
      menu: Menu,
      icons,
      ...(process.platform === 'win32' ? { clickSelects: 'open' } : {}),
    });
    const notifier = createElectronNotifier({
      create: (options) => new Notification(options),
      isSupported: () => Notification.isSupported(),
      platform: process.platform,
      ...(process.platform === 'darwin' ? {} : { icon: appIcon }),
    });

    runtime = new KeelRuntime({
      services,
      clock: systemClock,
      timers: systemTimers,
      tray,
      notifier,
      power: createElectronPower(powerMonitor),
      shell,
      push: pushState,
    });
    if (services.recovery) {
      log.warn('the data file could not be used; it was set aside', {
        reason: services.recovery.reason,
        restored: services.recovery.restoredFrom !== null,
      });
    }
    runtime.start();
    const started = runtime;
    // Another app may own the accelerator; Keel then works without it (tray, window, CLI).
    if (!globalShortcut.register(FOCUS_SHORTCUT, () => started.onFocusShortcut())) {
      log.warn('the focus shortcut is taken by another app; focus still starts from the tray', {
        shortcut: FOCUS_SHORTCUT,
      });
    }

    // Started at login (autostart): stay in the tray until asked.
    window = createWindow(!startedHidden(process.argv, process.platform, app));

    // The `autostart` setting drives the system's login item: now, and whenever it changes.
    autostart = new AutostartSync({
      port: createAutostart({ platform: process.platform, app }),
      settings: services.settings,
      onProblem: (message, error) => {
        log.error('could not update start at login', error);
        started.announce({
          id: `autostart:${Date.now()}`,
          title: 'Start at login',
          body: message,
          view: 'settings',
        });
      },
    });
    void autostart.start();

    // The `keel` CLI writes the same file: take its changes up without a restart.
    externalChanges = new ExternalChangeWatcher({
      db: services.db,
      settings: services.settings,
      calendar: services.calendar,
      replan: () => started.externalChange(),
      push: pushState,
      timers: systemTimers,
      onError: (error) => log.error('could not take up changes made by the keel command', error),
    });
    externalChanges.start(watchDatabaseFiles(databasePath(dataDir)));

    if (process.env.KEEL_SMOKE === '1') {
      const smoke: KeelSmokeState = { trayCreated: true, trayState: runtime.trayState(), dataDir, version };
      (globalThis as { __keelSmoke?: KeelSmokeState }).__keelSmoke = smoke;
    }
  };

  // A second launch, or (macOS) a click on the Dock icon: show the window, once Keel is up.
  app.on('second-instance', () => {
    if (services) shell.showWindow();
  });
  app.on('activate', () => {
    if (services) shell.showWindow();
  });
  // Keel lives in the tray: closing its window is not quitting.
  app.on('window-all-closed', () => undefined);
  // Links open in the user's browser only for the allowlisted https origins (security.ts).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { shell: electronShell }));
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('before-quit', (event) => {
    quitting = true;
    // Put back any do-not-disturb Keel turned on before going (it is async: quit again after).
    if (services && !dndRestored) {
      event.preventDefault();
      const pending = services.dnd.shutdown();
      void pending
        .catch(() => null)
        .finally(() => {
          dndRestored = true;
          dndBus.disconnect();
          app.quit();
        });
      return;
    }
    shutdown();
  });

  app.whenReady().then(onReady).catch(failStartup);
}
