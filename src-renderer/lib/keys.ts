import type { KeyboardEvent } from 'react';

/** Ctrl/Cmd+Enter submits the form from any of its fields. */
export function submitOnModEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}
