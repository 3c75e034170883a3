import { useEffect, useRef, type RefObject } from 'react';

/**
 * After an item leaves a list, the control that was pressed is gone with it: once the list is
 * drawn again, focus the named item's control (from `controls`), or the fallback input. Returns
 * the function that names the target, to call when the removal succeeded.
 */
export function useFocusAfterRemoval(
  fallback: RefObject<HTMLElement | null>,
  controls: ReadonlyMap<string, HTMLElement>,
): (target: string | 'input') => void {
  const pending = useRef<string | 'input' | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (target === null) return;
    pending.current = null;
    (target === 'input' ? fallback.current : (controls.get(target) ?? fallback.current))?.focus();
  });
  return (target) => {
    pending.current = target;
  };
}
