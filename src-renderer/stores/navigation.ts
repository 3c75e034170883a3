import { create } from 'zustand';
import type { ViewName } from '../../src-main/shared/views';
import { isViewName } from '../app/views';

/** A part of a view that can be asked for by name, e.g. Settings' check-in card. */
export type NavigationTarget = 'checkins' | 'weekly-update';

interface NavigationState {
  view: ViewName;
  /**
   * Bumped on every navigation that should move keyboard focus to the view's heading. Zero on
   * start-up, so opening the window does not steal focus.
   */
  focusRequest: number;
  /** Where in the view focus should go instead of its heading; the target clears it once used. */
  target: NavigationTarget | null;
  navigate(view: ViewName, options?: { focus?: boolean; target?: NavigationTarget }): void;
  /** Called by a target once it has taken focus. */
  clearTarget(): void;
  /**
   * Asked before leaving the current view (Settings with unsaved edits): true when it holds the
   * navigation back; it calls `proceed` once the user has decided to go on.
   */
  leaveGuard: ((proceed: () => void) => boolean) | null;
  setLeaveGuard(guard: ((proceed: () => void) => boolean) | null): void;
}

const initial = { view: 'today' as ViewName, focusRequest: 0, target: null, leaveGuard: null };

export const useNavigation = create<NavigationState>()((set, get) => ({
  ...initial,
  navigate(view, options = {}) {
    if (!isViewName(view)) return;
    const { leaveGuard, navigate } = get();
    if (leaveGuard !== null && view !== get().view) {
      const proceed = () => {
        get().setLeaveGuard(null);
        navigate(view, options);
      };
      if (leaveGuard(proceed)) return;
    }
    set((s) => ({
      view,
      focusRequest: options.focus === false ? s.focusRequest : s.focusRequest + 1,
      target: options.target ?? null,
    }));
  },
  clearTarget: () => set({ target: null }),
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
}));

export function resetNavigation(): void {
  useNavigation.setState(initial);
}
