import { exportLanguage, type ExportLanguage } from './export-language';
import { planPauses, type FocusPause, type FocusRule } from './focus-plan';
import { checkInstallId, focusEvents, PAUSE_HORIZON_DAYS } from './ics-export';
import { escapeText, weeklyEventsToIcs, type WeeklyEvent } from './ics-export-weekly';
import { WEEKDAYS } from './time';
import type { Holiday, WorkingHours } from './working-hours';

/**
 * The working agreement's calendar: the working hours as weekly free events and the focus blocks
 * as weekly busy ones (the same events, UIDs included, as the focus-plan export), in the user's
 * zone as TZID. Holidays are dates without hours or blocks, focus pauses dates without blocks,
 * within the next year (ics-export-weekly.ts); re-exporting refreshes them. No user text goes in.
 */

export const AGREEMENT_PRODUCT_ID = '-//Keel//Working agreement//EN';

export interface AgreementIcsInput {
  zone: string;
  workingHours: WorkingHours;
  holidays: readonly Holiday[];
  focusPlan: readonly FocusRule[];
  focusPauses: readonly FocusPause[];
  now: number;
  installId: string;
  /** The language of the events' titles and the calendar's name (the window's; none: en-US). */
  lang?: ExportLanguage;
}

const hoursDetails = (lang: ExportLanguage): string[] => [
  `SUMMARY:${escapeText(lang.t('export.ics.hours.summary'))}`,
  `DESCRIPTION:${escapeText(lang.t('export.ics.hours.description'))}`,
  // Hours are when the user can be reached: they leave the time free for invitations.
  'TRANSP:TRANSPARENT',
  'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
];

/** `hours-mon-0900-1730-<install>@keel.local`: stable per weekday and times, unique per install. */
export function hoursUid(weekday: string, start: string, end: string, installId: string): string {
  checkInstallId(installId);
  const hhmm = (time: string) => time.replace(':', '');
  return `hours-${weekday}-${hhmm(start)}-${hhmm(end)}-${installId}@keel.local`;
}

/** The working hours and focus blocks as one iCalendar file. */
export function agreementToIcs(input: AgreementIcsInput): string {
  const lang = input.lang ?? exportLanguage();
  const details = hoursDetails(lang);
  const hours: WeeklyEvent[] = WEEKDAYS.flatMap((weekday) => {
    const range = input.workingHours[weekday];
    if (range === null) return [];
    return [
      {
        weekday,
        start: range.start,
        end: range.end,
        skip: input.holidays,
        uid: hoursUid(weekday, range.start, range.end, input.installId),
        details,
      },
    ];
  });
  // Blocks on a weekday without working hours are never planned, so they are not exported.
  const plan = input.focusPlan.filter((rule) => input.workingHours[rule.weekday] !== null);
  const pauses = planPauses({ focusPauses: input.focusPauses, holidays: input.holidays });
  return weeklyEventsToIcs([...hours, ...focusEvents(plan, pauses, input.installId, lang)], {
    productId: AGREEMENT_PRODUCT_ID,
    name: lang.t('export.ics.agreement.name'),
    zone: input.zone,
    now: input.now,
    horizonDays: PAUSE_HORIZON_DAYS,
  });
}
