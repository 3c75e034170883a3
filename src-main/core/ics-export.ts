import { exportLanguage, type ExportLanguage } from './export-language';
import type { FocusPause, FocusRule } from './focus-plan';
import { escapeText, weeklyEventsToIcs, type WeeklyEvent } from './ics-export-weekly';
import { WEEKDAYS, type Weekday } from './time';

export interface IcsExportOptions {
  /** "Now": picks each rule's first date, the DTSTAMP and the zone rules to describe. */
  now: number;
  /**
   * This install's id (a random UUID made once and kept): part of every UID, so two people
   * with the same plan never overwrite each other's events in a shared calendar, while every
   * export from this install updates the same events.
   */
  installId: string;
  productId?: string;
  /** The language of the events' titles and the calendar's name (the window's; none: en-US). */
  lang?: ExportLanguage;
}

/** The focus events' title in en-US. */
export const FOCUS_EVENT_SUMMARY = exportLanguage().t('export.ics.focus.summary');
export const DEFAULT_PRODUCT_ID = '-//Keel//Focus plan//EN';
/**
 * Paused dates are written as EXDATEs, and blocks a DST change lengthens or shortens as
 * occurrences of their own, this far ahead; re-exporting refreshes them.
 */
export const PAUSE_HORIZON_DAYS = 366;

const INSTALL_ID = /^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/;

/** Throws unless `installId` can be part of a UID. */
export function checkInstallId(installId: string): void {
  if (!INSTALL_ID.test(installId)) throw new RangeError('An install id is 8–64 letters, digits or dashes.');
}

/**
 * Stable across exports of one install, so re-importing updates the same events instead of
 * duplicating them; unique per install, so colleagues with the same plan do not collide.
 * Readable rather than hashed: it carries no user text, only the rule and the install's id.
 */
export function focusRuleUid(rule: FocusRule, installId: string): string {
  checkInstallId(installId);
  const hhmm = (time: string) => time.replace(':', '');
  return `focus-${rule.weekday}-${hhmm(rule.start)}-${hhmm(rule.end)}-${installId}@keel.local`;
}

/**
 * The weekly focus plan as an iCalendar file: one weekly busy VEVENT per rule in `zone`, with a
 * VTIMEZONE so clients that do not know the IANA name (Outlook maps by rules) still place blocks
 * right. Within the next year, paused dates (and blocks a DST gap swallows) are EXDATEs, and a
 * block whose times a DST change skips, repeats or stretches gets an override (RECURRENCE-ID)
 * with its own start and end, so every client shows the instants Keel plans (ics-export-weekly.ts).
 * Pause notes are deliberately left out: the file is meant to be shared with a work calendar.
 */
export function focusPlanToIcs(
  plan: readonly FocusRule[],
  pauses: readonly FocusPause[],
  zone: string,
  options: IcsExportOptions,
): string {
  const lang = options.lang ?? exportLanguage();
  return weeklyEventsToIcs(focusEvents(plan, pauses, options.installId, lang), {
    productId: options.productId ?? DEFAULT_PRODUCT_ID,
    name: lang.t('export.ics.focus.name'),
    zone,
    now: options.now,
    horizonDays: PAUSE_HORIZON_DAYS,
  });
}

/** The plan's rules as weekly busy events, by weekday and start. */
export function focusEvents(
  plan: readonly FocusRule[],
  pauses: readonly FocusPause[],
  installId: string,
  lang: ExportLanguage = exportLanguage(),
): WeeklyEvent[] {
  const details = focusDetails(lang);
  return [...plan]
    .sort((a, b) => dayIndex(a.weekday) - dayIndex(b.weekday) || a.start.localeCompare(b.start))
    .map((rule) => ({
      weekday: rule.weekday,
      start: rule.start,
      end: rule.end,
      skip: pauses,
      uid: focusRuleUid(rule, installId),
      details,
    }));
}

const focusDetails = (lang: ExportLanguage): string[] => [
  `SUMMARY:${escapeText(lang.t('export.ics.focus.summary'))}`,
  `DESCRIPTION:${escapeText(lang.t('export.ics.focus.description'))}`,
  'TRANSP:OPAQUE',
  // Outlook reads free/busy from its own property and ignores TRANSP on import.
  'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
];

export function dayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}
