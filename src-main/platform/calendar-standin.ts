import { KeelError } from '../core/errors';
import { firstProp, parseDateTime, readContent, unescapeText } from '../core/ics/content';
import type { CalendarStats, Occurrence } from '../core/ics/types';
import type { CalendarReader } from './calendar-file';

// STAND-IN until core/ics/read.ts lands on main: single UTC events only.
const standIn: CalendarReader<Occurrence[]> = {
  readCalendar(text) {
    const content = readContent(text);
    if (!content) throw new KeelError('invalid_input', 'That file is not a calendar (.ics) file.');
    const out: Occurrence[] = [];
    for (const event of content.calendar.children.filter((c) => c.name === 'VEVENT')) {
      const start = parseDateTime(firstProp(event, 'DTSTART')?.value ?? '');
      const end = parseDateTime(firstProp(event, 'DTEND')?.value ?? '');
      if (!start || !end) continue;
      out.push({
        uid: firstProp(event, 'UID')?.value ?? '',
        title: unescapeText(firstProp(event, 'SUMMARY')?.value ?? ''),
        start: start.wall,
        end: end.wall,
        allDay: start.date,
        status: 'busy',
      });
    }
    return out;
  },
  occurrencesBetween(all, from, to) {
    const occurrences = all.filter((o) => o.start < to && o.end > from).sort((a, b) => a.start - b.start);
    const stats: CalendarStats = {
      events: all.length,
      unreadableEvents: 0,
      skippedLines: 0,
      droppedSeries: 0,
      trimmedOccurrences: 0,
    };
    return { occurrences, stats };
  },
};

export const { readCalendar, occurrencesBetween } = standIn;
