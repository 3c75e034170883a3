import { useEffect } from 'react';
import { api } from '../api/keel';
import { useNavigation } from '../stores/navigation';
import { windowMessage } from '../i18n/window-locale';
import { VIEW_ORDER } from './views';

/** The digit a key event stands for, by physical key first so other keyboard layouts work. */
function digitOf(event: KeyboardEvent): number | null {
  const byCode = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (byCode) return Number(byCode[1]);
  return /^[1-9]$/.test(event.key) ? Number(event.key) : null;
}

/** Ctrl+1…6 (Cmd on macOS) jumps to the views in sidebar order. */
export function useViewShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented)
        return;
      const digit = digitOf(event);
      const view = digit === null ? undefined : VIEW_ORDER[digit - 1];
      if (!view) return;
      event.preventDefault();
      useNavigation.getState().navigate(view);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Ctrl+Q (Cmd+Q on macOS, where the app menu's Quit also has it) quits Keel: closing the window
 * only hides it, and a desktop without a tray has no other way out.
 */
export function useQuitShortcut(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented)
        return;
      if (event.code !== 'KeyQ' && event.key.toLowerCase() !== 'q') return;
      event.preventDefault();
      // Unsaved Settings edits ask first (Save, Discard or Stay), as switching views does.
      useNavigation.getState().leave(() => void api.quit());
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Whether focus is in a field that takes text (where macOS reads Ctrl+K as "delete to the end"). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !/^(?:checkbox|radio|button|submit|reset|range|color|file)$/.test(target.type)
  );
}

/**
 * Ctrl+K (Cmd+K on macOS) opens the command palette, and closes it again; in text fields too, as
 * K edits nothing there (except Ctrl+K on macOS, which stays the field's own). While another
 * dialog is open it does nothing: that dialog is finished first.
 */
export function usePaletteShortcut(onToggle: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented)
        return;
      if (event.code !== 'KeyK' && event.key.toLowerCase() !== 'k') return;
      if (modifierLabel() === '⌘' && !event.metaKey && inTextField(event.target)) return;
      if (document.querySelector('dialog[open]:not(.palette)')) return;
      event.preventDefault();
      onToggle();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onToggle]);
}

/** "⌘" on macOS, "Ctrl" elsewhere, for showing shortcuts. */
export function modifierLabel(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent;
  return /Mac|iPhone|iPad/i.test(platform) ? '⌘' : windowMessage('app.keys.ctrl');
}
