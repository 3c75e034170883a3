import type { Clock } from '../core/clock';
import { addLocalDays, localDateOf, type LocalDate } from '../core/time';
import { workingSpanOn } from '../core/working-hours';
import { FakePower } from '../platform/recording';
import type { SettingsService } from '../services/settings-service';

/** How long the make-believe user stays at the keyboard after their hours end (wrapping up). */
export const WRAP_UP_MINUTES = 10;
/** How far back the schedule looks for the last stretch at the desk (a long holiday). */
const LOOK_BACK_DAYS = 14;

/**
 * The idle time of a user who is at the keyboard from the start of each day's working hours
 * until `WRAP_UP_MINUTES` after their end, and away otherwise (nights, days off, holidays): 0
 * inside a stretch at the desk, else the seconds since the last one ended. `spanOn` gives a date's
 * working span (by the rules in force on it); a night shift's span runs past midnight.
 */
export function scheduledIdleSeconds(
  now: number,
  today: LocalDate,
  spanOn: (date: LocalDate) => { start: number; end: number } | null,
): number {
  let lastInput: number | null = null;
  for (let back = 0; back <= LOOK_BACK_DAYS; back++) {
    const span = spanOn(addLocalDays(today, -back));
    if (span === null || span.start > now) continue;
    const leaves = span.end + WRAP_UP_MINUTES * 60_000;
    if (now < leaves) return 0;
    if (lastInput === null || leaves > lastInput) lastInput = leaves;
  }
  return lastInput === null ? LOOK_BACK_DAYS * 24 * 3600 : Math.floor((now - lastInput) / 1000);
}

/**
 * The preview's presence: fake and local (no desktop is asked), but believable, so first and
 * last active, late evenings and the sign-off's "still here" read like a real week in the
 * preview, its e2e tests and screenshots: at the keyboard in working hours (see
 * `scheduledIdleSeconds`), away outside them, and at the keyboard when the preview starts (no
 * input is older than that: a first start on a Monday morning does not date back to Friday). A
 * test pins the idle time with `pin(seconds)` (the `/__keel/test/power` endpoint's
 * `idleSeconds`), and hands it back to the schedule with `pin(null)`.
 */
export class PreviewPresence extends FakePower {
  private pinned: number | null = null;
  private settings: Pick<SettingsService, 'get' | 'on'> | null = null;
  /** Whoever started the preview was at the keyboard then: no input is older than this. */
  private readonly startedAt: number;

  constructor(private readonly clock: Clock) {
    super();
    this.startedAt = clock.now();
  }

  /** The settings whose working hours make the schedule (the app is built after its adapters). */
  follow(settings: Pick<SettingsService, 'get' | 'on'>): void {
    this.settings = settings;
  }

  pin(seconds: number | null): void {
    this.pinned = seconds;
  }

  override idleSeconds(): number {
    if (this.pinned !== null) return this.pinned;
    const settings = this.settings;
    if (settings === null) return 0;
    const now = this.clock.now();
    const zone = settings.get().zone;
    const scheduled = scheduledIdleSeconds(now, localDateOf(now, zone), (date) => {
      const rules = settings.on(date);
      return workingSpanOn(date, { ...rules, zone });
    });
    return Math.min(scheduled, Math.max(0, Math.floor((now - this.startedAt) / 1000)));
  }
}
