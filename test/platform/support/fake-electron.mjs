// A stand-in for the 'electron' module, loaded with `node --import` in front of the bundled
// dist/main/main.cjs, so the composition root runs under plain Node where Electron's binary is
// missing. It records what main asks of Electron and answers the test's commands over the fork
// IPC channel. Behaviour follows Electron's documented semantics only as far as main relies on
// them (quit emits before-quit, then closes windows, which may prevent it).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module from 'node:module';
import { setImmediate, setTimeout } from 'node:timers';

const root = process.env.FAKE_ELECTRON_APP_ROOT;
const record = {
  schemes: [],
  schemesBeforeReady: false,
  userData: undefined,
  appUserModelId: undefined,
  protocolHandlers: new Map(),
  permissionRequest: undefined,
  permissionCheck: undefined,
  spellChecker: { enabled: true, languages: ['en-US'], downloadUrl: 'https://redirector.gvt1.com/' },
  beforeRequest: undefined,
  errorBoxes: [],
  shortcuts: new Map(),
  applicationMenu: 'unset',
};
let ready = false;
const windows = [];
const trays = [];
const notifications = [];
const ipcHandlers = new Map();

function fakeEvent(params = {}) {
  let prevented = false;
  return Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    params,
  );
}

function send(message, then) {
  if (process.send) process.send(message, then);
  else if (then) then();
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  getAppPath: () => root,
  setPath(name, value) {
    if (name === 'userData') record.userData = value;
  },
  setAppUserModelId(id) {
    record.appUserModelId = id;
  },
  requestSingleInstanceLock: () => true,
  // A German desktop with a US regional format: the window's URL carries both (#20).
  getPreferredSystemLanguages: () => ['de-DE', 'en-US'],
  getSystemLocale: () => 'en-US',
  isReady: () => ready,
  whenReady() {
    return new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        resolve();
      }),
    );
  },
  quit() {
    const event = fakeEvent();
    app.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of windows.filter((w) => !w.destroyed)) {
      if (!window.close()) return; // a window prevented closing: Electron cancels the quit
    }
    app.emit('will-quit', fakeEvent());
    app.emit('quit', fakeEvent(), 0);
    send({ type: 'exit', code: 0 }, () => process.exit(0));
  },
  exit(code = 0) {
    send({ type: 'exit', code }, () => process.exit(code));
  },
});

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.sent = [];
    this.openHandler = undefined;
  }
  send(channel, payload) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
  isLoading() {
    return false;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.url = undefined;
    this.visible = false;
    this.destroyed = false;
    this.webContents = new FakeWebContents();
    windows.push(this);
    // The window is the last thing main's (async) ready handler creates: main is up.
    if (windows.length === 1) setTimeout(() => send({ type: 'ready' }), 20);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
    setImmediate(() => this.emit('ready-to-show'));
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  isDestroyed() {
    return this.destroyed;
  }
  /** Returns true if the window closed. */
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.emit('closed');
    return true;
  }
}

class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.image = image;
    this.tooltip = '';
    this.menu = null;
    this.destroyed = false;
    trays.push(this);
  }
  setImage(image) {
    this.image = image;
  }
  setToolTip(tooltip) {
    this.tooltip = tooltip;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

class Notification extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    notifications.push(this);
  }
  static isSupported() {
    return true;
  }
  show() {}
  close() {}
}

const powerMonitor = new EventEmitter();
powerMonitor.getSystemIdleTime = () => 0;

const globalShortcut = {
  register(accelerator, callback) {
    record.shortcuts.set(accelerator, callback);
    return true;
  },
  unregisterAll() {
    record.shortcuts.clear();
  },
};

const electron = {
  app,
  globalShortcut,
  BrowserWindow,
  Tray,
  Notification,
  powerMonitor,
  dialog: {
    showErrorBox(title, content) {
      record.errorBoxes.push({ title, content });
    },
  },
  ipcMain: {
    handle(channel, listener) {
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel) {
      ipcHandlers.delete(channel);
    },
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu(menu) {
      record.applicationMenu = menu;
    },
  },
  nativeImage: {
    createFromPath: (file) => ({ file, isEmpty: () => !fs.existsSync(file) }),
  },
  nativeTheme: { shouldUseDarkColors: false },
  protocol: {
    registerSchemesAsPrivileged(schemes) {
      record.schemes.push(...schemes);
      record.schemesBeforeReady = !ready;
    },
    handle(scheme, handler) {
      record.protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler(handler) {
        record.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler) {
        record.permissionCheck = handler;
      },
      setSpellCheckerEnabled(enable) {
        record.spellChecker.enabled = enable;
      },
      setSpellCheckerLanguages(languages) {
        record.spellChecker.languages = languages;
      },
      setSpellCheckerDictionaryDownloadURL(url) {
        record.spellChecker.downloadUrl = url;
      },
      webRequest: {
        onBeforeRequest(listener) {
          record.beforeRequest = listener;
        },
      },
    },
  },
};

// main.cjs is CommonJS: answer its require('electron') from the loader's cache.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'fake-electron' : resolve.call(this, request, ...rest);
};
Module._cache['fake-electron'] = {
  id: 'fake-electron',
  filename: 'fake-electron',
  loaded: true,
  exports: electron,
};

// ---------------------------------------------------------------------------------------------
// Commands from the test.

const mainWindow = () => windows.find((w) => !w.destroyed);

async function snapshot() {
  // Let pending Electron-like events (ready-to-show is queued with setImmediate) happen first.
  await new Promise((done) => setImmediate(done));
  const window = mainWindow();
  const tray = trays[0];
  const contents = window?.webContents;
  const navigation = fakeEvent({ url: 'https://example.com/' });
  contents?.emit('will-navigate', navigation, navigation.url);
  const permission = await new Promise((done) => record.permissionRequest?.(contents, 'media', done, {}));
  return {
    schemes: record.schemes,
    schemesBeforeReady: record.schemesBeforeReady,
    userData: record.userData,
    protocols: [...record.protocolHandlers.keys()],
    ipcChannels: [...ipcHandlers.keys()],
    applicationMenu: record.applicationMenu,
    window: window && {
      url: window.url,
      visible: window.visible,
      options: { ...window.options, webPreferences: { ...window.options.webPreferences } },
    },
    windowCount: BrowserWindow.getAllWindows().length,
    notifications: notifications.map((n) => ({ title: n.options.title, body: n.options.body })),
    tray: tray && {
      image: tray.image.file,
      tooltip: tray.tooltip,
      labels: tray.menu ? tray.menu.template.map((item) => item.label ?? '---') : [],
      destroyed: tray.destroyed,
    },
    navigationPrevented: navigation.defaultPrevented,
    windowOpen: contents?.openHandler?.({ url: 'https://example.com/' }),
    permissionGranted: permission,
    permissionCheck: record.permissionCheck?.(null, 'media', 'app://keel', {}),
    spellChecker: record.spellChecker,
    requests: Object.fromEntries(
      await Promise.all(
        ['app://keel/index.html', 'https://example.com/', 'file:///etc/passwd'].map(
          (url) =>
            new Promise((done) =>
              record.beforeRequest
                ? record.beforeRequest({ url }, (response) => done([url, response.cancel !== true]))
                : done([url, true]),
            ),
        ),
      ),
    ),
    smoke: globalThis.__keelSmoke,
  };
}

async function invoke({ channel, payload, url, mainFrame }) {
  const listener = ipcHandlers.get(channel);
  if (!listener) return { noHandler: channel };
  const main = { url };
  const frame = mainFrame ? main : { url };
  return listener({ sender: { mainFrame: main }, senderFrame: frame }, payload);
}

async function fetchApp({ url }) {
  const handler = record.protocolHandlers.get('app');
  const response = await handler(new globalThis.Request(url));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
  };
}

function selectTray({ id }) {
  const item = trays[0]?.menu?.template.find((entry) => entry.id === id);
  if (!item?.click) throw new Error(`no tray item ${id}`);
  item.click();
  return true;
}

function closeWindow() {
  const window = mainWindow();
  const closed = window.close();
  return { closed, visible: window.visible };
}

/** Another launch of Keel (the single-instance lock sends it here). */
async function secondInstance() {
  app.emit('second-instance', fakeEvent(), [process.execPath, root], process.cwd());
  await new Promise((done) => setImmediate(done));
  const window = mainWindow();
  return { windowCount: BrowserWindow.getAllWindows().length, visible: window?.visible ?? false };
}

/** An error nothing catches, and a rejection nobody handles, thrown in main's own event loop. */
function throwUncaught({ message }) {
  setImmediate(() => {
    throw new Error(message);
  });
  setImmediate(() => void Promise.reject(new TypeError(message)));
  return true;
}

const commands = {
  snapshot,
  invoke,
  fetch: fetchApp,
  selectTray,
  closeWindow,
  secondInstance,
  throwUncaught,
};

process.on('message', async (message) => {
  if (!message || typeof message !== 'object' || !('id' in message)) return;
  try {
    const command = commands[message.command];
    const result = await command(message.args ?? {});
    send({ type: 'reply', id: message.id, result });
  } catch (error) {
    send({ type: 'reply', id: message.id, error: String(error && error.stack ? error.stack : error) });
  }
});

// The error box is the one thing a failing start leaves behind; report it as it happens.
const showErrorBox = electron.dialog.showErrorBox;
electron.dialog.showErrorBox = (title, content) => {
  showErrorBox(title, content);
  send({ type: 'errorBox', title, content });
};
