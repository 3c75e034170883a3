import { create } from 'zustand';

interface CalendarState {
  /**
   * Dates whose day-off offer the user set aside with "Not now". Kept for this window's session
   * only (a view switch keeps it, a restart offers them again): the calendar still shows the
   * absence, and the question may be worth asking again another day.
   */
  dismissedDaysOff: readonly string[];
  dismissDaysOff(dates: readonly string[]): void;
}

const initial = { dismissedDaysOff: [] as readonly string[] };

export const useCalendar = create<CalendarState>()((set) => ({
  ...initial,
  dismissDaysOff(dates) {
    set((s) => ({ dismissedDaysOff: [...new Set([...s.dismissedDaysOff, ...dates])] }));
  },
}));

export function resetCalendar(): void {
  useCalendar.setState(initial);
}
