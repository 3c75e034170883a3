/**
 * Reading the user's calendar file away from the app's own thread (issue #15 "Never block the
 * app"): platform/calendar-parser.ts implements it with a worker that has memory and time limits,
 * and in process for tests. A parse never throws: every way it can fail is one of these.
 */
import type { CalendarStats, Occurrence } from '../../core/ics/types';

export interface CalendarParseRequest {
  filePath: string;
  from: number;
  to: number;
  zone: string;
  addresses: readonly string[];
}

export type CalendarParseFailure =
  'unreadable' | 'not-a-file' | 'too-big' | 'not-a-calendar' | 'too-slow' | 'too-much-memory';

export type CalendarParseOutcome =
  | { ok: true; occurrences: Occurrence[]; stats: CalendarStats; file: { size: number; mtimeMs: number } }
  | { ok: false; failure: CalendarParseFailure; message: string /* one true sentence for the user */ };

export interface CalendarParserPort {
  parse(request: CalendarParseRequest): Promise<CalendarParseOutcome>;
}
