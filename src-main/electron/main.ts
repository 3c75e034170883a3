/**
 * Keel's composition root: the only place that builds Electron objects and hands them, behind
 * the platform ports, to createKeelApp. Everything with logic lives in small modules beside this
 * one (and in platform/), tested under plain Node with fakes; this file is glue.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  session,
  shell as electronShell,
  Tray,
} from 'electron';
import { systemClock, systemTimers } from '../core/clock';
import { KeelError } from '../core/errors';
import { hourCycleOf } from '../core/hour-cycle';
import { createKeelApp, type KeelAdapters, type KeelApp } from '../app/create-keel-app';
import { FOCUS_SHORTCUT } from '../app/tray-controller';
import { isChannel } from '../ipc/contract';
import { createLog, logIdentifier } from '../platform/log';
import { ownerOnly } from '../platform/owner-only';
import { createAutostart, startedHidden } from '../platform/autostart';
import { watchDatabaseFiles } from '../platform/database-watch';
import { nodeFileWatch } from '../platform/file-watch';
import { WorkerCalendarParser } from '../platform/calendar-parser';
import { createCommandRunner } from '../platform/dnd/command-runner';
import { detectDndController } from '../platform/dnd/detect';
import { DbusNotificationsBus } from '../platform/dnd/notifications-bus';
import { createElectronShell } from '../platform/electron-shell';
import { createElectronTray, loadTrayIcons } from '../platform/electron-tray';
import { handleUncaughtErrors } from '../platform/uncaught-errors';
import { wantsShortcutsPortal } from '../platform/doctor/shortcut';
import type { DndController, ShellPort, TrayPort } from '../services/ports';
import { databasePath, resolveDataDir } from '../storage/paths';
import { developmentNativeBinding } from '../storage/native-binding';
import { version } from '../version';
import { APP_SCHEME, createAppRequestHandler, registerAppScheme } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { DesktopAdapters } from './desktop-adapters';
import { electronDesktop } from './desktop-notifier';
import { tellIfNoTrayHost, tellShortcutMissing, TRAY_CHECK_DELAY_MS } from './desktop-notices';
import { registerIpcHandlers } from './ipc-main';
import { hardenSession, hardenWebContents } from './security';
import { keelWindow, type KeelWindow } from './keel-window';

/** What the Electron smoke test reads from the main process (only with KEEL_SMOKE=1). */
export interface KeelSmokeState {
  trayCreated: boolean;
  trayState: string;
  dataDir: string;
  version: string;
}

// First, before any folder is made: umask 077, and an older install's files made owner-only.
const dataDir = ownerOnly(resolveDataDir());
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
// On Wayland a global shortcut reaches Keel only through the desktop's GlobalShortcuts portal.
if (wantsShortcutsPortal(process.platform, process.env)) {
  app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
}

if (!app.requestSingleInstanceLock()) {
  // Another Keel runs on this data folder; it was told (second-instance) and shows its window.
  app.quit();
} else {
  run();
}

/** The tray on Electron's Tray, with the icons for this platform. */
function createTray(): TrayPort {
  const icons = loadTrayIcons((file) => nativeImage.createFromPath(file), assetsDir, process.platform);
  if (icons.idle.isEmpty()) {
    log.warn('no tray icons in the assets folder; run node scripts/make-icons.mjs');
  }
  return createElectronTray({
    tray: new Tray(icons.idle),
    menu: Menu,
    icons,
    ...(process.platform === 'win32' ? { clickSelects: { kind: 'open' as const } } : {}),
  });
}

/** Builds the app on Electron's adapters (it opens the database: this may throw). */
function createApp(
  shell: ShellPort,
  tray: TrayPort,
  dnd: DndController,
  desktop: DesktopAdapters,
  push: KeelAdapters['push'],
): KeelApp {
  return createKeelApp({
    data: {
      dataDir,
      version,
      nativeBinding: developmentNativeBinding(process.env, { packaged: app.isPackaged }),
      // The regional format (not the UI language) holds the 12/24-hour choice.
      systemHourCycle: () => hourCycleOf(app.getSystemLocale()),
    },
    clock: systemClock,
    timers: systemTimers,
    // With Settings → Language, what notifications and the tray speak (as the window does).
    languages: { preferred: () => app.getPreferredSystemLanguages(), regional: () => app.getSystemLocale() },
    tray,
    // Idle time, the lock, notifications, Settings → This computer and its shortcut offer.
    ...desktop.adapters,
    shell,
    autostart: createAutostart({ platform: process.platform, app }),
    dnd,
    fileWatch: nodeFileWatch,
    calendarParser: new WorkerCalendarParser(),
    // The `keel` CLI writes the same file: take its changes up without a restart.
    externalChanges: { trigger: watchDatabaseFiles(databasePath(dataDir)) },
    push,
    onProblem: (what, error) => log.error(what, error),
  });
}

/** The protocol, the permissions, the menu bar and ipcMain, once the app exists. */
function openTheDoors(keel: KeelApp): () => void {
  // No permissions, no spellchecker, no request but Keel's own (security.ts).
  hardenSession(session.defaultSession, {
    devTools: !app.isPackaged,
    platform: process.platform,
    onRefused: (scheme) => log.warn('refused a request outside Keel', { scheme: logIdentifier(scheme) }),
  });
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
  return registerIpcHandlers(ipcMain, keel.handlers, {
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
}

/** What the running main process holds; `keel` is there once the data is open. */
interface MainState {
  quitting: boolean;
  keel?: KeelApp;
  tray?: TrayPort;
  disposeIpc?: () => void;
  desktop?: DesktopAdapters;
  /** The one-time tray-host check, a little after start (cleared at quit). */
  trayCheck?: NodeJS.Timeout;
  /** Do-not-disturb was put back before quitting (it is async: quit waits for it once). */
  dndRestored: boolean;
}

function run(): void {
  const state: MainState = { quitting: false, dndRestored: false };
  // Instead of Electron's dialog with a stack trace: the log (no messages), one calm sentence,
  // and Keel runs on; a storm of errors closes it, do-not-disturb put back first.
  handleUncaughtErrors(process, {
    log,
    tell: (body) => {
      if (app.isReady() && Notification.isSupported()) new Notification({ title: 'Keel', body }).show();
    },
    restoreDesktop: async () => state.keel?.services.dnd.shutdown(),
    quit: () => app.quit(),
    exit: () => app.exit(1),
    clock: systemClock,
    timers: systemTimers,
    ...(app.isPackaged ? {} : { developer: (kind, error) => console.error(`keel: ${kind}:`, error) }),
  });
  const windows = keelWindow({
    quitting: () => state.quitting,
    language: () => state.keel?.services.settings.get().language ?? null,
    preload: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
    ...(process.platform === 'darwin' ? {} : { icon: appIcon }),
    onLoadError: (error) => log.error('the window could not load its page (was the renderer built?)', error),
  });
  const dndBus = new DbusNotificationsBus();
  const shell = createElectronShell({
    window: windows.current,
    showWindow: (view) => windows.show(view),
    quit: () => app.quit(),
    dialog,
    clipboard,
    clipboardItem: (data) => new ClipboardItem(data),
    documentsDir: () => app.getPath('documents'),
    createPrinter: (options) => new BrowserWindow(options),
  });
  const shutdown = (): void => {
    clearTimeout(state.trayCheck);
    state.keel?.stop();
    state.tray?.dispose();
    state.disposeIpc?.();
    state.keel?.services.close();
    state.desktop?.dispose();
    state.keel = state.tray = state.disposeIpc = state.desktop = undefined;
  };
  const failStartup = (error: unknown): void => {
    // The log keeps no messages; a developer's terminal gets the cause (e.g. a native module
    // built for another ABI); the user gets one sentence, never a stack trace.
    log.error('Keel cannot start', error);
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
  followLifecycle(state, shell, dndBus, shutdown);
  app
    .whenReady()
    .then(() => startKeel(state, windows, shell, dndBus, failStartup))
    .catch(failStartup);
}

/** Once Electron is ready: the desktop's do-not-disturb, the app, the doors, the window. */
async function startKeel(
  state: MainState,
  windows: KeelWindow,
  shell: ShellPort,
  dndBus: DbusNotificationsBus,
  failStartup: (error: unknown) => void,
): Promise<void> {
  // Which do-not-disturb this desktop offers; the macOS Shortcut names are read when used.
  const dnd = await detectDndController({
    platform: process.platform,
    env: process.env,
    runner: createCommandRunner(),
    bus: dndBus,
    settings: () => state.keel?.services.settings.get().dnd ?? { enabled: false },
  });
  // Starts with Electron's notifier; on Linux the desktop's server takes over once it answers.
  state.desktop = electronDesktop({ dataDir, version, appIcon });
  state.tray = createTray();
  let keel: KeelApp;
  try {
    // After ready, so the error box is a real dialog on Linux too (before ready it is stderr).
    keel = state.keel = createApp(shell, state.tray, dnd, state.desktop, windows.pushState);
  } catch (error) {
    failStartup(error);
    return;
  }
  state.disposeIpc = openTheDoors(keel);
  const { recovery } = keel.services;
  if (recovery) {
    log.warn('the data file could not be used; it was set aside', {
      reason: recovery.reason,
      restored: recovery.restoredFrom !== null,
    });
  }
  keel.start();
  // Settings → Language: the window opens again in the new language (notifications and the tray
  // read it from the settings as they speak).
  let language = keel.services.settings.get().language;
  keel.services.settings.onDidChange.on((settings) => {
    if (settings.language === language) return;
    language = settings.language;
    windows.reload();
  });
  // Another app may own the accelerator; Keel then works without it (tray, window, CLI).
  const desktop = { keel, platform: process.platform, env: process.env, dataDir };
  if (!globalShortcut.register(FOCUS_SHORTCUT, () => keel.onFocusShortcut())) {
    // Taken by another app, or (Wayland) no GlobalShortcuts portal to register it with.
    log.warn('the focus shortcut could not be registered; focus still starts from the tray', {
      shortcut: FOCUS_SHORTCUT,
    });
    const offers = state.desktop?.adapters.shortcutOffers;
    offers?.registerFailed();
    tellShortcutMissing(desktop, offers?.command);
  }
  state.trayCheck = setTimeout(() => void tellIfNoTrayHost(desktop).catch(() => false), TRAY_CHECK_DELAY_MS);
  state.trayCheck.unref();
  // Started at login (autostart): stay in the tray until asked.
  windows.create(!startedHidden(process.argv, process.platform, app));
  if (process.env.KEEL_SMOKE === '1') {
    const smoke: KeelSmokeState = { trayCreated: true, trayState: keel.trayState(), dataDir, version };
    (globalThis as { __keelSmoke?: KeelSmokeState }).__keelSmoke = smoke;
  }
}

/** Electron's app events: a second launch, the Dock, closing the window, quitting. */
function followLifecycle(
  state: MainState,
  shell: ShellPort,
  dndBus: DbusNotificationsBus,
  shutdown: () => void,
): void {
  // A second launch, or (macOS) a click on the Dock icon: show the window, once Keel is up.
  app.on('second-instance', () => {
    if (state.keel) shell.showWindow();
  });
  app.on('activate', () => {
    if (state.keel) shell.showWindow();
  });
  // Keel lives in the tray: closing its window is not quitting.
  app.on('window-all-closed', () => undefined);
  // Links open in the user's browser only for the allowlisted https origins (security.ts).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { shell: electronShell }));
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('before-quit', (event) => {
    state.quitting = true;
    // Put back any do-not-disturb Keel turned on before going (it is async: quit again after).
    if (state.keel && !state.dndRestored) {
      event.preventDefault();
      void state.keel.services.dnd
        .shutdown()
        .catch(() => null)
        .finally(() => {
          state.dndRestored = true;
          dndBus.disconnect();
          app.quit();
        });
      return;
    }
    shutdown();
  });
}
