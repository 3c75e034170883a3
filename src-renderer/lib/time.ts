import { setSystemHourCycle, windowClock, type HourCycle } from '../i18n/window-locale';

/**
 * Every time of day Keel shows goes through `formatTime`, so all follow the system's 12/24-hour
 * choice and the window's locale ("5:30 PM", "17:30"). Main says what the choice is (app:status's
 * `hourCycle`, read from the system's regional format); where it cannot (the preview), and until
 * status arrives, the window's locale decides (its URL carries the same regional clock). The frame
 * re-renders when the choice changes (app/App.tsx), so nothing keeps an old format.
 */

/** Takes main's answer (null: this window's locale); returns the cycle in force. */
export function setHourCycle(system: HourCycle | null): HourCycle {
  return setSystemHourCycle(system);
}

/** "14:05", or "2:05 PM" on a 12-hour system, in the window's locale; anything not `HH:MM` as given. */
export function formatTime(hhmm: string): string {
  return windowClock(hhmm);
}

export function resetHourCycle(): void {
  setSystemHourCycle(null);
}
