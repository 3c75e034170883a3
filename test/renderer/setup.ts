import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetWindowLocale } from '../../src-renderer/i18n/window-locale';
import { resetStores } from '../../src-renderer/stores/reset';

// jsdom knows <dialog> and its `open` attribute but not the modal methods; a minimal stand-in.
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// jsdom has no canvas (and says so on the console): answer "no 2D context", as a browser without
// canvas would, so charts show their table instead.
HTMLCanvasElement.prototype.getContext = function getContext() {
  return null;
} as typeof HTMLCanvasElement.prototype.getContext;

/**
 * Listeners a test adds to window must be gone once its windows are unmounted. The files share one
 * jsdom per worker: a window left mounted (boot() draws its own root, which cleanup() does not
 * know) kept its Ctrl+K listener and took the keys of a later file's window.
 */
function trackWindowListeners(): Map<EventListenerOrEventListenerObject, string> {
  const tracked = new Map<EventListenerOrEventListenerObject, string>();
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  window.addEventListener = function addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (!listener) return; // the DOM ignores a null listener
    tracked.set(listener, type);
    add(type, listener, options);
  } as typeof window.addEventListener;
  window.removeEventListener = function removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    if (!listener) return;
    tracked.delete(listener);
    remove(type, listener, options);
  } as typeof window.removeEventListener;
  return tracked;
}

// This file runs again for each test file in the worker's one jsdom: the tracking is set up once.
const TRACKED = Symbol.for('keel.test.windowListeners');
const holder = globalThis as { [TRACKED]?: Map<EventListenerOrEventListenerObject, string> };
const windowListeners = (holder[TRACKED] ??= trackWindowListeners());

function leftOnWindow(): string[] {
  const left = [...windowListeners.values()];
  windowListeners.clear();
  return left;
}

afterEach(() => {
  cleanup();
  const left = leftOnWindow();
  resetStores();
  // The locale plain formatters use (set by KeelIntl as it renders): English again.
  resetWindowLocale();
  delete window.keel;
  document.documentElement.removeAttribute('data-theme');
  if (left.length > 0) {
    throw new Error(
      `The test left ${left.join(', ')} listener(s) on window after its windows were unmounted.`,
    );
  }
});
