import type { KeyboardEvent } from 'react';

const plainEnter = (event: KeyboardEvent): boolean =>
  event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;

/**
 * Ctrl/Cmd+Enter submits the form from any of its fields. Plain Enter on a checkbox (a chip, a
 * toggle) toggles it, as Space does, and never submits: the browser's implicit submission would
 * otherwise save a half-filled form. Plain Enter in a one-line field (a time, a name) does
 * nothing either: only Ctrl/Cmd+Enter or the form's button submits.
 */
export function submitOnModEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
    return;
  }
  enterTogglesCheckbox(event);
  enterInFieldStays(event);
}

/** Plain Enter in a one-line field does not submit its form (the browser's implicit submission). */
export function enterInFieldStays(event: KeyboardEvent): void {
  if (!plainEnter(event) || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof HTMLInputElement && !/^(?:button|submit|reset|image)$/.test(target.type)) {
    event.preventDefault();
  }
}

/** Plain Enter on a checkbox or radio input toggles it instead of submitting its form. */
export function enterTogglesCheckbox(event: KeyboardEvent): void {
  if (!plainEnter(event) || event.defaultPrevented) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || (target.type !== 'checkbox' && target.type !== 'radio')) {
    return;
  }
  event.preventDefault();
  if (!target.disabled) target.click();
}
