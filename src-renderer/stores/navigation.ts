import { create } from 'zustand';
import type { ViewName } from '../../src-main/shared/views';
import { isViewName } from '../app/views';
import { dropFocusRequest, requestFocus, type FocusTarget } from '../components/focusRequest';

interface NavigationState {
  view: ViewName;
  /**
   * Bumped on every navigation that should move keyboard focus to the view's heading. Zero on
   * start-up, so opening the window does not steal focus.
   */
  focusRequest: number;
  /**
   * `target`: a part of the view that takes focus once it is drawn (Settings' check-in card, the
   * quick check's first question); the heading has it until then, and keeps it if it never is.
   */
  navigate(view: ViewName, options?: { focus?: boolean; target?: FocusTarget }): void;
  /**
   * Asked before leaving the current view (Settings with unsaved edits): true when it holds the
   * navigation back; it calls `proceed` once the user has decided to go on.
   */
  leaveGuard: ((proceed: () => void) => boolean) | null;
  setLeaveGuard(guard: ((proceed: () => void) => boolean) | null): void;
  /** Leaving the window's work (quitting Keel): `proceed` runs once the leave guard lets it. */
  leave(proceed: () => void): void;
}

const initial = { view: 'today' as ViewName, focusRequest: 0, leaveGuard: null };

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
    dropFocusRequest();
    set((s) => ({
      view,
      focusRequest: options.focus === false ? s.focusRequest : s.focusRequest + 1,
    }));
    if (options.target !== undefined) requestFocus(options.target);
  },
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
  leave(proceed) {
    const { leaveGuard } = get();
    if (leaveGuard !== null && leaveGuard(proceed)) return;
    proceed();
  },
}));

export function resetNavigation(): void {
  dropFocusRequest();
  useNavigation.setState(initial);
}
