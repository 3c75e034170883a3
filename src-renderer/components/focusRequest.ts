import { useEffect, useRef, type RefObject } from 'react';

/**
 * Where focus goes after an action whose control leaves the page (Start turns into the running
 * block, Sign off into the signed-off card): the action names a target before it runs, and the
 * element registered under that name takes focus the next time it is drawn. Several elements may
 * share a name; the first drawn (the earliest in the page among those drawn together) takes it.
 */
let pending: string | null = null;

/** Names where focus goes once the action is done (call before awaiting it). */
export function requestFocus(target: string): void {
  pending = target;
}

/** Drops a request whose action failed: focus stays where it is. */
export function cancelFocusRequest(target: string): void {
  if (pending === target) pending = null;
}

/** A ref for the element that takes focus when one of `targets` was requested. */
export function useFocusTarget<T extends HTMLElement>(...targets: string[]): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (pending === null || !targets.includes(pending) || ref.current === null) return;
    pending = null;
    ref.current.focus();
  });
  return ref;
}
