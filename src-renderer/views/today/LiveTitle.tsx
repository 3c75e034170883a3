import type { ReactNode } from 'react';
import { useFocusTarget } from '../../components/focusRequest';

/**
 * A Today live card's title, where focus lands after an action on Today replaced the card (End
 * block on a running block): the card that takes its place.
 */
export function LiveTitle({ children }: { children: ReactNode }) {
  const ref = useFocusTarget<HTMLSpanElement>('today-live');
  return (
    <span ref={ref} tabIndex={-1}>
      {children}
    </span>
  );
}
