/**
 * The system's 12/24-hour choice and the one way Keel writes a time of day with it. Times are kept
 * as `HH:MM` (24-hour) everywhere; only what the user reads follows the choice. Plain words for
 * now: a later message catalog (issue #20) takes "AM"/"PM" from the locale.
 */

/** 'h12': "2:05 PM"; 'h23': "14:05". */
export type HourCycle = 'h12' | 'h23';

/** The hour cycle a locale uses ("en-US": 'h12', "en-GB": 'h23'); undefined: the process's own. */
export function hourCycleOf(locale?: string): HourCycle {
  let cycle: string | undefined;
  try {
    cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  } catch {
    cycle = undefined;
  }
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/** "14:05" as the user reads it: "14:05", or "2:05 PM" on a 12-hour system; anything else as given. */
export function formatClockTime(hhmm: string, cycle: HourCycle): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (m === null || cycle === 'h23') return hhmm;
  const hours = Number(m[1]);
  const suffix = hours < 12 || hours === 24 ? 'AM' : 'PM';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${m[2]} ${suffix}`;
}
