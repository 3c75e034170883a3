import { allProps, firstProp, unescapeText, type Component } from './content';
import type { BusyStatus } from './types';

/**
 * How a VEVENT occupies its time, decided the way calendar apps decide it (see the README's
 * Calendar section), strongest signal first:
 * 1. STATUS:CANCELLED — cancelled.
 * 2. The user's own answer (an ATTENDEE with one of their addresses): DECLINED or DELEGATED is
 *    free; the organiser is taken to attend.
 * 3. Outlook's X-MICROSOFT-CDO-BUSYSTATUS, which Outlook itself reads instead of TRANSP:
 *    FREE and WORKINGELSEWHERE free, TENTATIVE tentative, OOF out of office, BUSY busy.
 * 4. TRANSP:TRANSPARENT — free.
 * 5. The user's TENTATIVE or unanswered (NEEDS-ACTION) invitation, or STATUS:TENTATIVE — tentative.
 * 6. Otherwise busy.
 * An all-day event that says it is an absence (OOF, or a holiday / vacation / out-of-office
 * category or title) is `out-of-office`: Keel offers those days as days off.
 */
export function busyStatusOf(event: Component, addresses: ReadonlySet<string>, allDay: boolean): BusyStatus {
  const status = text(event, 'STATUS');
  if (status === 'CANCELLED') return 'cancelled';
  const answer = ownAnswer(event, addresses);
  if (answer === 'DECLINED' || answer === 'DELEGATED') return 'free';
  const cdo = text(event, 'X-MICROSOFT-CDO-BUSYSTATUS');
  if (allDay && (cdo === 'OOF' || looksLikeAbsence(event))) return 'out-of-office';
  if (cdo === 'FREE' || cdo === 'WORKINGELSEWHERE') return 'free';
  if (cdo === 'TENTATIVE') return 'tentative';
  if (cdo === 'OOF') return 'out-of-office';
  if (cdo === 'BUSY') return 'busy';
  if (text(event, 'TRANSP') === 'TRANSPARENT') return 'free';
  if (answer === 'TENTATIVE' || answer === 'NEEDS-ACTION' || status === 'TENTATIVE') return 'tentative';
  return 'busy';
}

/** Whether the event says anything about how it occupies time (an override without it inherits). */
export function hasBusySignals(event: Component): boolean {
  return ['STATUS', 'TRANSP', 'X-MICROSOFT-CDO-BUSYSTATUS', 'ATTENDEE'].some((name) =>
    firstProp(event, name),
  );
}

function text(event: Component, name: string): string | null {
  const prop = firstProp(event, name);
  return prop ? prop.value.trim().toUpperCase() : null;
}

/** The PARTSTAT of the user's own ATTENDEE line, ACCEPTED when they organise it, else null. */
function ownAnswer(event: Component, addresses: ReadonlySet<string>): string | null {
  if (addresses.size === 0) return null;
  for (const attendee of allProps(event, 'ATTENDEE')) {
    if (addresses.has(addressOf(attendee.value))) {
      return (attendee.params.PARTSTAT ?? 'NEEDS-ACTION').toUpperCase();
    }
  }
  const organizer = firstProp(event, 'ORGANIZER');
  if (organizer && addresses.has(addressOf(organizer.value))) return 'ACCEPTED';
  return null;
}

/** `mailto:Ana@Example.com` → `ana@example.com`. */
export function addressOf(value: string): string {
  return value
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
}

const ABSENCE =
  /\b(out of office|ooo|vacation|holiday|holidays|pto|annual leave|day off|urlaub|congé|vacaciones)\b/iu;

/** Public holiday calendars list observances too; those are not days off. */
const NOT_A_DAY_OFF = /not a public holiday|observance/iu;

function looksLikeAbsence(event: Component): boolean {
  const summary = firstProp(event, 'SUMMARY');
  if (summary && NOT_A_DAY_OFF.test(unescapeText(summary.value))) return false;
  const categories = allProps(event, 'CATEGORIES').map((p) => unescapeText(p.value));
  if (categories.some((c) => ABSENCE.test(c))) return true;
  return summary !== undefined && ABSENCE.test(unescapeText(summary.value));
}
