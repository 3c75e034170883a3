/**
 * What a calendar read skipped or left out, one sentence per kind of loss ("2 events could not be
 * read and were skipped."), in `t`'s language, from the counts main sends (CalendarSkipped): the
 * window's calendar card and `keel calendar` word the same counts with the same messages.
 */
import type { CalendarSkipped } from '../../core/ics/types';
import type { MessageId } from './catalog';
import type { MessageValues } from './intl-core';

type Translate = (id: MessageId, values?: MessageValues) => string;

const SENTENCES = {
  unreadableEvents: 'focus.calendar.skipped.events',
  skippedLines: 'focus.calendar.skipped.lines',
  droppedSeries: 'focus.calendar.skipped.series',
  trimmedOccurrences: 'focus.calendar.skipped.occurrences',
} as const satisfies Record<keyof CalendarSkipped, MessageId>;

/** One sentence per kind of loss, in this order; none when everything was read. */
export function calendarNotesIn(t: Translate, skipped: CalendarSkipped): string[] {
  return (Object.keys(SENTENCES) as (keyof CalendarSkipped)[])
    .filter((kind) => skipped[kind] > 0)
    .map((kind) => t(SENTENCES[kind], { count: skipped[kind] }));
}
