import { KeelError } from '../core/errors';
import { meetingsOf } from '../core/ics-import';
import { NOTHING_SKIPPED, skippedOf } from '../core/ics/notes';
import { addLocalDays, localDaysBetween, startOfLocalDate, toLocalIso } from '../core/time';
import type { CalendarConflictsDto } from '../shared/dto';
import type { CalendarService } from './calendar-service';
import type { FocusService } from './focus-service';
import type { SettingsService } from './settings-service';

/** Ten years: any range a person asks about, and still a bounded answer. */
export const MAX_CONFLICT_DAYS = 3_660;

/**
 * Each planned focus block from `from` through `to` (dates in the user's zone, both included)
 * with the meetings that overlap it: busy, out of office and tentative (marked as such, whatever
 * the warning setting: this is the question "what lands on my blocks?", not a warning).
 */
export async function calendarConflicts(
  deps: { calendar: CalendarService; focus: FocusService; settings: SettingsService },
  from: string,
  to: string,
): Promise<CalendarConflictsDto> {
  if (to < from) throw new KeelError('invalid_input', 'The start date must not be after the end date.');
  if (localDaysBetween(from, to) >= MAX_CONFLICT_DAYS) {
    throw new KeelError('invalid_input', 'Ask about ten years at most.');
  }
  const zone = deps.settings.get().zone;
  const start = startOfLocalDate(from, zone);
  const end = startOfLocalDate(addLocalDays(to, 1), zone);
  const blocks = deps.focus.occurrences(start, end);
  const status = deps.calendar.status();
  const read = await deps.calendar.occurrencesBetween(start, end);
  const meetings = meetingsOf(read.occurrences, { tentative: 'warn' });
  const out = blocks.map((block) => ({
    date: block.date,
    start: toLocalIso(block.start, zone),
    end: toLocalIso(block.end, zone),
    startTime: block.startTime,
    endTime: block.endTime,
    meetings: meetings
      .filter((m) => m.start < block.end && m.end > block.start)
      .map((m) => ({
        title: m.title,
        start: toLocalIso(m.start, zone),
        end: toLocalIso(m.end, zone),
        status: m.status,
        warns: m.warns,
      })),
  }));
  return {
    from,
    to,
    zone,
    calendar: status.file,
    blocks: out,
    conflicts: out.filter((b) => b.meetings.length > 0).length,
    error: status.error,
    // What the read behind this range skipped (the kept window's, or the range's own read).
    skipped: read.stats ? skippedOf(read.stats) : NOTHING_SKIPPED,
  };
}
