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

afterEach(() => {
  cleanup();
  resetStores();
  // The locale plain formatters use (set by KeelIntl as it renders): English again.
  resetWindowLocale();
  delete window.keel;
  document.documentElement.removeAttribute('data-theme');
});
