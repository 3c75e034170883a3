import { ADHOC_MINUTES, INTERRUPTION_KINDS, type InterruptionKind } from './focus-vocabulary';
import type { LocalDate } from './time';

export { ADHOC_MINUTES, INTERRUPTION_KINDS, type InterruptionKind };
/** The longest block Keel will start; "until the next meeting" looks no further than this. */
export const MAX_BLOCK_MS = 8 * 60 * 60 * 1000;

export interface FocusSession {
  id: number;
  kind: 'planned' | 'adhoc';
  /** The planned occurrence this session protects (planned sessions only). */
  occurrenceId: string | null;
  startedAt: number;
  plannedEnd: number;
  endedAt: number | null;
  endReason: 'completed' | 'stopped' | null;
  localDate: LocalDate;
  zone: string;
}

export interface Interruption {
  id: number;
  sessionId: number;
  at: number;
  kind: InterruptionKind;
  note: string | null;
  localDate: LocalDate;
}

/** Time a session kept protected, up to `now` for one still running. */
export function protectedMs(session: FocusSession, now: number): number {
  const end = session.endedAt ?? Math.min(now, session.plannedEnd);
  return Math.max(0, end - session.startedAt);
}

/**
 * When a block started at `now` ends: after `minutes`, or "until the next meeting or block end" —
 * the first of the running planned block's end, the next planned block's start and the next
 * meeting's start. Undefined when nothing comes within MAX_BLOCK_MS.
 */
export function adhocEnd(
  now: number,
  request: { minutes: number } | { until: 'next' },
  next: { runningBlockEnd?: number; nextBlockStart?: number; nextMeetingStart?: number },
): number | undefined {
  if ('minutes' in request) return now + request.minutes * 60_000;
  const candidates = [next.runningBlockEnd, next.nextBlockStart, next.nextMeetingStart].filter(
    (t): t is number => t !== undefined && t > now && t - now <= MAX_BLOCK_MS,
  );
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

/** "2 h", "1 h 20 min", "25 min", "under a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The block-end line: "2 h protected, 1 interruption". */
export function protectedSummary(ms: number, interruptions: number): string {
  const count =
    interruptions === 0
      ? 'no interruptions'
      : interruptions === 1
        ? '1 interruption'
        : `${interruptions} interruptions`;
  return `${formatDuration(ms)} protected, ${count}`;
}

export type InterruptionCounts = Record<InterruptionKind, number>;

export interface FocusDayStats {
  date: LocalDate;
  plannedMinutes: number;
  protectedMinutes: number;
  interruptions: InterruptionCounts;
}

export interface FocusStats {
  days: FocusDayStats[];
  /** Monday-based weeks, by the date of their Monday. */
  weeks: (Omit<FocusDayStats, 'date'> & { weekOf: LocalDate })[];
  totals: Omit<FocusDayStats, 'date'>;
}
