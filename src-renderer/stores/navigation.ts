import { create } from 'zustand';
import type { ViewName } from '../../src-main/ipc/contract';
import { isViewName } from '../app/views';

interface NavigationState {
  view: ViewName;
  /**
   * Bumped on every navigation that should move keyboard focus to the view's heading. Zero on
   * start-up, so opening the window does not steal focus.
   */
  focusRequest: number;
  navigate(view: ViewName, options?: { focus?: boolean }): void;
}

const initial = { view: 'today' as ViewName, focusRequest: 0 };

export const useNavigation = create<NavigationState>()((set) => ({
  ...initial,
  navigate(view, options = {}) {
    if (!isViewName(view)) return;
    set((s) => ({ view, focusRequest: options.focus === false ? s.focusRequest : s.focusRequest + 1 }));
  },
}));

export function resetNavigation(): void {
  useNavigation.setState(initial);
}
