import { useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';

/**
 * Where focus goes after an action whose control leaves the page (Start turns into the running
 * block, Sign off into the signed-off card), or after a command that opens another view on one
 * of its parts (the palette's "Do a quick check", Check-ins' "Change in Settings"): once the
 * action has succeeded it names a target, and the element registered under that name takes
 * focus — at once if it is drawn, else the next time it is drawn. Several elements may share a
 * name; the first drawn (the earliest in the page among those drawn together) takes it. A
 * navigation drops a request no element took, so it cannot steal focus later.
 */
export type FocusTarget =
  /** A focus block started: the running block's heading. */
  | 'focus-started'
  /** A block ended: "Where did you leave off?", else the start card. */
  | 'focus-ended'
  /** The left-off line saved or put off: the start card. */
  | 'focus-idle'
  | 'checkin-saved'
  /** The first question of the quick check on Check-ins. */
  | 'quick-check'
  | 'new-talking-point'
  | 'signoff-form'
  /** A running block ended on Today: the title of the card that takes its place. */
  | 'today-live'
  /** One-on-one's weekly update card (the sign-off's offer, the palette). */
  | 'weekly-update'
  /** One-on-one's working agreement form (the palette): its first field. */
  | 'agreement-form'
  /** A card, by its heading's text (a card with a text title registers itself). */
  | `section:${string}`;

let pending: FocusTarget | null = null;
const listeners = new Set<() => void>();

function setPending(next: FocusTarget | null): void {
  if (pending === next) return;
  pending = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Names where focus goes now that the action is done (call once it has succeeded). */
export function requestFocus(target: FocusTarget): void {
  setPending(target);
}

/** Drops a request no element has taken (a navigation does this). */
export function dropFocusRequest(): void {
  setPending(null);
}

// Tab stops only: in a roving group the other options (tabindex -1) are not where focus starts.
const TABBABLE = [
  'input:not([type="hidden"]):not([disabled]):not([tabindex="-1"])',
  'textarea:not([disabled]):not([tabindex="-1"])',
  'select:not([disabled]):not([tabindex="-1"])',
  'button:not([disabled]):not([tabindex="-1"])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** The element itself when it can take focus (a field, a heading with tabindex), else its first field. */
function focusableIn(element: HTMLElement): HTMLElement {
  if (element.matches(TABBABLE) || element.hasAttribute('tabindex')) return element;
  return element.querySelector<HTMLElement>(TABBABLE) ?? element;
}

/**
 * Registers `ref`'s element under `targets`: it takes focus when one of them is requested (a
 * form or a group passes focus to its first field).
 */
export function useFocusTargetRef(ref: RefObject<HTMLElement | null>, ...targets: FocusTarget[]): void {
  // Re-renders this element when a request for it arrives while it is already drawn.
  const asked = useSyncExternalStore(subscribe, () => pending !== null && targets.includes(pending));
  useEffect(() => {
    if (pending === null || !targets.includes(pending) || ref.current === null) return;
    const target = focusableIn(ref.current);
    setPending(null);
    target.focus();
    target.scrollIntoView?.({ block: 'nearest' });
  });
  void asked;
}

/** A ref for the element that takes focus when one of `targets` was requested. */
export function useFocusTarget<T extends HTMLElement>(...targets: FocusTarget[]): RefObject<T | null> {
  const ref = useRef<T>(null);
  useFocusTargetRef(ref, ...targets);
  return ref;
}
