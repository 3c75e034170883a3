import type {
  Event,
  HandlerDetails,
  Session,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WindowOpenHandlerResponse,
} from 'electron';
import type { SessionHardeningSlice, WebContentsSlice } from '../security';
import type { ClosableWindow } from '../window';
import { FakeEmitter, fakeEvent, type FakeListener } from '../../platform/fakes/fake-events';

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];
type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
export type Permission = Parameters<PermissionCheckHandler>[1];

/** A WebContents, as far as the hardening in electron/security.ts uses it. */
export class FakeWebContents implements Pick<WebContents, 'setWindowOpenHandler'>, WebContentsSlice {
  private readonly emitter = new FakeEmitter();
  private openHandler: WindowOpenHandler | undefined;

  on(event: string, listener: FakeListener): this {
    this.emitter.add(event, listener);
    return this;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.openHandler = handler;
  }

  /** Test helper: the page tries to navigate; returns the event so the test can see if it was prevented. */
  navigate(url: string): Event<WebContentsWillNavigateEventParams> {
    const details = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emitter.emit('will-navigate', details, url, false, true, 1, 1);
    return details;
  }

  /** Test helper: a server-side redirect during navigation. */
  redirect(url: string): Event<WebContentsWillRedirectEventParams> {
    const details = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emitter.emit('will-redirect', details, url, false, true, 1, 1);
    return details;
  }

  /** Test helper: the page adds a <webview>. */
  attachWebview(): Event {
    const event = fakeEvent({});
    this.emitter.emit('will-attach-webview', event, {}, {});
    return event;
  }

  /** Test helper: `window.open(url)` or a target=_blank link; returns what the handler decided. */
  openWindow(url: string): WindowOpenHandlerResponse {
    if (!this.openHandler) return { action: 'allow' }; // Electron's default when no handler is set.
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
    };
    return this.openHandler(details);
  }

  listenerCount(event: string): number {
    return this.emitter.count(event);
  }
}

type BeforeRequestListener = Parameters<SessionHardeningSlice['webRequest']['onBeforeRequest']>[0];

/** A Session, as far as the permission handlers, the spellchecker and the request filter use it. */
export class FakeSession implements SessionHardeningSlice {
  private requestHandler: PermissionRequestHandler | null = null;
  private checkHandler: PermissionCheckHandler | null = null;
  private beforeRequest: BeforeRequestListener | null = null;
  /** Chromium's defaults: the spellchecker on, the system's language, Google's CDN. */
  spellChecker = {
    enabled: true,
    languages: ['en-US'],
    downloadUrl: 'https://redirector.gvt1.com/edgedl/chrome/dict/',
  };

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };

  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker.enabled = enable;
  }

  setSpellCheckerLanguages(languages: string[]): void {
    this.spellChecker.languages = [...languages];
  }

  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellChecker.downloadUrl = url;
  }

  /** Test helper: a request is about to start; resolves true if it may go ahead (Electron's default). */
  load(url: string): Promise<boolean> {
    const listener = this.beforeRequest;
    if (!listener) return Promise.resolve(true);
    return new Promise((resolve) => listener({ url }, (response) => resolve(response.cancel !== true)));
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }

  /** Test helper: the page asks for a permission; resolves with the decision (Electron grants without a handler). */
  request(permission: Permission): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => {
      // A WebContents can only be made inside Electron; Keel's handler never reads it.
      const contents = new FakeWebContents() as unknown as WebContents;
      handler(contents, permission, resolve, { isMainFrame: true, requestingUrl: 'app://keel/index.html' });
    });
  }

  /** Test helper: Chromium checks a permission synchronously. */
  check(permission: Permission): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(null, permission, 'app://keel', { isMainFrame: true });
  }
}

/** A BrowserWindow, as far as close-to-tray uses it. */
export class FakeBrowserWindow implements ClosableWindow {
  hidden = false;
  destroyed = false;
  private readonly emitter = new FakeEmitter();

  on(event: string, listener: FakeListener): this {
    this.emitter.add(event, listener);
    return this;
  }

  hide(): void {
    this.hidden = true;
  }

  /** Test helper: the user closes the window; it is destroyed unless a listener prevented it. */
  close(): Event {
    const event = fakeEvent({});
    this.emitter.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
    return event;
  }
}
