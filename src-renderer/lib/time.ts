import { formatClockTime, hourCycleOf, type HourCycle } from '../../src-main/shared/vocabulary';

/**
 * Every time of day Keel shows goes through `formatTime`, so all follow the system's 12/24-hour
 * choice. Main says what it is (app:status's `hourCycle`, read from the system's regional locale);
 * where it cannot (the preview), this window's own locale decides. Until status arrives, 24-hour.
 * The frame re-renders when the choice changes (app/App.tsx), so nothing keeps an old format.
 */
let cycle: HourCycle = 'h23';

/** Takes main's answer; null: this window's locale. */
export function setHourCycle(system: HourCycle | null): HourCycle {
  cycle = system ?? hourCycleOf();
  return cycle;
}

/** "14:05", or "2:05 PM" on a 12-hour system; anything not `HH:MM` as given. */
export function formatTime(hhmm: string): string {
  return formatClockTime(hhmm, cycle);
}

export function resetHourCycle(): void {
  cycle = 'h23';
}
