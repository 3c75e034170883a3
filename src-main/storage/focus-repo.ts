import type { FocusSession, Interruption, InterruptionCounts, InterruptionKind } from '../core/focus';
import type { Db } from './database';

interface SessionRow {
  id: number;
  kind: 'planned' | 'adhoc';
  occurrence_id: string | null;
  started_at: number;
  planned_end: number;
  ended_at: number | null;
  end_reason: 'completed' | 'stopped' | null;
  local_date: string;
  zone: string;
}

interface InterruptionRow {
  id: number;
  session_id: number;
  at: number;
  kind: InterruptionKind;
  note: string | null;
  local_date: string;
}

const toSession = (r: SessionRow): FocusSession => ({
  id: r.id,
  kind: r.kind,
  occurrenceId: r.occurrence_id,
  startedAt: r.started_at,
  plannedEnd: r.planned_end,
  endedAt: r.ended_at,
  endReason: r.end_reason,
  localDate: r.local_date,
  zone: r.zone,
});

const toInterruption = (r: InterruptionRow): Interruption => ({
  id: r.id,
  sessionId: r.session_id,
  at: r.at,
  kind: r.kind,
  note: r.note,
  localDate: r.local_date,
});

export interface ResumeCue {
  id: number;
  at: number;
  text: string;
  sessionId: number | null;
  shownAt: number | null;
}

/** Focus sessions, their interruptions, skipped blocks and resume cues. */
export class FocusRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      running: db.prepare<[], SessionRow>('SELECT * FROM focus_sessions WHERE ended_at IS NULL'),
      byId: db.prepare<[number], SessionRow>('SELECT * FROM focus_sessions WHERE id = ?'),
      byOccurrence: db.prepare<[string], SessionRow>(
        'SELECT * FROM focus_sessions WHERE occurrence_id = ? ORDER BY started_at DESC LIMIT 1',
      ),
      insertSession: db.prepare<[string, string | null, number, number, string, string]>(
        `INSERT INTO focus_sessions (kind, occurrence_id, started_at, planned_end, local_date, zone)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      endSession: db.prepare<[number, string, number]>(
        'UPDATE focus_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL',
      ),
      protectedByDate: db.prepare<[number, string, string], { local_date: string; minutes: number }>(
        // Each session's whole minutes (as core/focus.ts protectedMs, floored), summed per date.
        `SELECT local_date, sum(max(0, coalesce(ended_at, min(CAST(? AS INTEGER), planned_end)) - started_at) / 60000) AS minutes
         FROM focus_sessions WHERE local_date BETWEEN ? AND ? GROUP BY local_date`,
      ),
      interruptionsByDate: db.prepare<[string, string], { local_date: string; kind: string; n: number }>(
        `SELECT local_date, kind, count(*) AS n FROM interruptions
         WHERE local_date BETWEEN ? AND ? GROUP BY local_date, kind`,
      ),
      sessionsBetween: db.prepare<[string, string], SessionRow>(
        'SELECT * FROM focus_sessions WHERE local_date BETWEEN ? AND ? ORDER BY started_at',
      ),
      insertInterruption: db.prepare<[number, number, string, string | null, string]>(
        'INSERT INTO interruptions (session_id, at, kind, note, local_date) VALUES (?, ?, ?, ?, ?)',
      ),
      interruptionsOf: db.prepare<[number], InterruptionRow>(
        'SELECT * FROM interruptions WHERE session_id = ? ORDER BY at',
      ),
      interruptionsBetween: db.prepare<[string, string], InterruptionRow>(
        'SELECT * FROM interruptions WHERE local_date BETWEEN ? AND ? ORDER BY at',
      ),
      skip: db.prepare<[string, number]>(
        'INSERT INTO focus_skips (occurrence_id, skipped_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
      isSkipped: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM focus_skips WHERE occurrence_id = ?',
      ),
      skipsLike: db.prepare<[string], { occurrence_id: string }>(
        'SELECT occurrence_id FROM focus_skips WHERE occurrence_id >= ?',
      ),
      insertCue: db.prepare<[number, string, number | null]>(
        'INSERT INTO resume_cues (at, text, session_id) VALUES (?, ?, ?)',
      ),
      latestCue: db.prepare<
        [],
        { id: number; at: number; text: string; session_id: number | null; shown_at: number | null }
      >('SELECT * FROM resume_cues ORDER BY at DESC, id DESC LIMIT 1'),
      markCueShown: db.prepare<[number, number]>(
        'UPDATE resume_cues SET shown_at = ? WHERE id = ? AND shown_at IS NULL',
      ),
    };
  }

  running(): FocusSession | undefined {
    const row = this.q.running.get();
    return row ? toSession(row) : undefined;
  }

  get(id: number): FocusSession | undefined {
    const row = this.q.byId.get(id);
    return row ? toSession(row) : undefined;
  }

  latestForOccurrence(occurrenceId: string): FocusSession | undefined {
    const row = this.q.byOccurrence.get(occurrenceId);
    return row ? toSession(row) : undefined;
  }

  start(s: Omit<FocusSession, 'id' | 'endedAt' | 'endReason'>): FocusSession {
    const info = this.q.insertSession.run(
      s.kind,
      s.occurrenceId,
      s.startedAt,
      s.plannedEnd,
      s.localDate,
      s.zone,
    );
    return this.get(Number(info.lastInsertRowid)) as FocusSession;
  }

  /** Ends the session if still running; returns whether it did. */
  end(id: number, at: number, reason: 'completed' | 'stopped'): boolean {
    return this.q.endSession.run(at, reason, id).changes === 1;
  }

  /**
   * Per local date from `fromDate` to `toDate`: the whole minutes focus sessions ran (a running one
   * up to `now`), and interruptions by kind. Dates without either are absent.
   */
  focusByDate(
    fromDate: string,
    toDate: string,
    now: number,
  ): Map<string, { protectedMinutes: number; interruptions: InterruptionCounts }> {
    const out = new Map<string, { protectedMinutes: number; interruptions: InterruptionCounts }>();
    const entry = (date: string) => {
      let e = out.get(date);
      if (!e) {
        e = { protectedMinutes: 0, interruptions: { meeting: 0, chat: 0, incident: 0, other: 0 } };
        out.set(date, e);
      }
      return e;
    };
    for (const r of this.q.protectedByDate.all(now, fromDate, toDate))
      entry(r.local_date).protectedMinutes = r.minutes;
    for (const r of this.q.interruptionsByDate.all(fromDate, toDate)) {
      const counts = entry(r.local_date).interruptions;
      if (r.kind in counts) counts[r.kind as InterruptionKind] += r.n;
    }
    return out;
  }

  sessionsBetween(fromDate: string, toDate: string): FocusSession[] {
    return this.q.sessionsBetween.all(fromDate, toDate).map(toSession);
  }

  interrupt(
    sessionId: number,
    at: number,
    kind: InterruptionKind,
    note: string | null,
    localDate: string,
  ): Interruption {
    const info = this.q.insertInterruption.run(sessionId, at, kind, note, localDate);
    return { id: Number(info.lastInsertRowid), sessionId, at, kind, note, localDate };
  }

  interruptionsOf(sessionId: number): Interruption[] {
    return this.q.interruptionsOf.all(sessionId).map(toInterruption);
  }

  interruptionsBetween(fromDate: string, toDate: string): Interruption[] {
    return this.q.interruptionsBetween.all(fromDate, toDate).map(toInterruption);
  }

  skip(occurrenceId: string, at: number): void {
    this.q.skip.run(occurrenceId, at);
  }

  isSkipped(occurrenceId: string): boolean {
    return (this.q.isSkipped.get(occurrenceId)?.n ?? 0) > 0;
  }

  /** Skipped occurrence ids from `fromId` on (ids sort by date: `focus:YYYY-MM-DD@HH:MM`). */
  skippedFrom(fromId: string): Set<string> {
    return new Set(this.q.skipsLike.all(fromId).map((r) => r.occurrence_id));
  }

  addCue(at: number, text: string, sessionId: number | null): void {
    this.q.insertCue.run(at, text, sessionId);
  }

  latestCue(): ResumeCue | undefined {
    const r = this.q.latestCue.get();
    return r ? { id: r.id, at: r.at, text: r.text, sessionId: r.session_id, shownAt: r.shown_at } : undefined;
  }

  markCueShown(id: number, at: number): void {
    this.q.markCueShown.run(at, id);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
