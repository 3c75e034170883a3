import type { Checkin, Rating, Sustainable } from '../core/checkin';
import type { QuestionnaireKind, QuestionnaireResult } from '../core/questionnaires';
import type { LocalDate } from '../core/time';
import { forgetDeleted, type Db } from './database';

interface CheckRow {
  id: string;
  at: number;
  local_date: string;
  zone: string;
  workload: number;
  energy: number;
  sustainable: string;
  stretched: string;
  note: string | null;
  shareable: number;
  updated_at?: number | null;
}

/** A stored check: the domain record and when its answers were last edited. */
export type StoredCheckin = Checkin & { updatedAt: number | null };

interface ResultRow {
  id: string;
  kind: string;
  at: number;
  local_date: string;
  zone: string;
  answers: string;
  score: number;
}

function list(json: string): unknown[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value : [];
}

const toCheck = (r: CheckRow): StoredCheckin => ({
  id: r.id,
  at: r.at,
  localDate: r.local_date,
  zone: r.zone,
  workload: r.workload as Rating,
  energy: r.energy as Rating,
  sustainable: r.sustainable as Sustainable,
  stretched: list(r.stretched).filter((t): t is string => typeof t === 'string'),
  note: r.note,
  shareable: r.shareable === 1 && r.note !== null,
  updatedAt: r.updated_at ?? null,
});

const toResult = (r: ResultRow): QuestionnaireResult => ({
  id: r.id,
  kind: r.kind as QuestionnaireKind,
  at: r.at,
  localDate: r.local_date,
  zone: r.zone,
  answers: list(r.answers).filter((n): n is number => typeof n === 'number'),
  score: r.score,
});

/** Check-ins, questionnaire results and answers to check-in prompts. One statement per write. */
export class CheckinRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      insert: db.prepare<[CheckRow & { updated_at: number | null }]>(
        `INSERT INTO checkins (id, at, local_date, zone, workload, energy, sustainable, stretched, note, shareable, updated_at)
         VALUES (@id, @at, @local_date, @zone, @workload, @energy, @sustainable, @stretched, @note, @shareable, @updated_at)`,
      ),
      update: db.prepare<[CheckRow & { updated_at: number }]>(
        `UPDATE checkins SET workload = @workload, energy = @energy, sustainable = @sustainable,
           stretched = @stretched, note = @note, shareable = @shareable, updated_at = @updated_at
         WHERE id = @id`,
      ),
      get: db.prepare<[string], CheckRow>('SELECT * FROM checkins WHERE id = ?'),
      byPrefix: db.prepare<[string], { id: string }>(
        "SELECT id FROM checkins WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2",
      ),
      remove: db.prepare<[string]>('DELETE FROM checkins WHERE id = ?'),
      between: db.prepare<[string, string], CheckRow>(
        'SELECT * FROM checkins WHERE local_date BETWEEN ? AND ? ORDER BY local_date, at',
      ),
      latest: db.prepare<[], CheckRow>('SELECT * FROM checkins ORDER BY local_date DESC, at DESC LIMIT 1'),
      insertResult: db.prepare<[ResultRow]>(
        `INSERT INTO questionnaire_results (id, kind, at, local_date, zone, answers, score)
         VALUES (@id, @kind, @at, @local_date, @zone, @answers, @score)`,
      ),
      results: db.prepare<[string, string, string], ResultRow>(
        `SELECT * FROM questionnaire_results WHERE kind = ? AND local_date BETWEEN ? AND ?
         ORDER BY local_date, at`,
      ),
      latestResults: db.prepare<[string], ResultRow>(
        'SELECT * FROM questionnaire_results WHERE kind = ? ORDER BY local_date DESC, at DESC LIMIT 2',
      ),
      answerPrompt: db.prepare<[string, string, number | null, number]>(
        `INSERT INTO check_prompt_answers (prompt_id, action, until, at) VALUES (?, ?, ?, ?)
         ON CONFLICT(prompt_id) DO UPDATE SET action = excluded.action, until = excluded.until, at = excluded.at`,
      ),
      promptAnswer: db.prepare<[string], { action: 'snooze' | 'skip'; until: number | null }>(
        'SELECT action, until FROM check_prompt_answers WHERE prompt_id = ?',
      ),
      countOnDate: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM checkins WHERE local_date = ?',
      ),
    };
  }

  add(check: Checkin): void {
    this.q.insert.run({ ...toRow(check), updated_at: null });
  }

  /** Replaces the answers of an existing check (its time and date stay); false when it is gone. */
  update(check: Checkin, now: number): boolean {
    return this.q.update.run({ ...toRow(check), updated_at: now }).changes === 1;
  }

  get(id: string): StoredCheckin | undefined {
    const row = this.q.get.get(id);
    return row ? toCheck(row) : undefined;
  }

  /** The one id starting with `prefix`, 'ambiguous' when several do, undefined when none. */
  findByPrefix(prefix: string): string | 'ambiguous' | undefined {
    const rows = this.q.byPrefix.all(prefix.replace(/[\\%_]/g, (c) => `\\${c}`));
    if (rows.length > 1) return 'ambiguous';
    return rows[0]?.id;
  }

  /** Deletes a check-in; its note's bytes are overwritten in the file and the WAL emptied. */
  delete(id: string): boolean {
    const deleted = this.q.remove.run(id).changes === 1;
    if (deleted) forgetDeleted(this.db);
    return deleted;
  }

  /** Checks with local dates in [from, to], oldest first (uses checkins_by_date). */
  between(from: LocalDate, to: LocalDate): StoredCheckin[] {
    return this.q.between.all(from, to).map(toCheck);
  }

  latest(): StoredCheckin | undefined {
    const row = this.q.latest.get();
    return row ? toCheck(row) : undefined;
  }

  countOn(date: LocalDate): number {
    return this.q.countOnDate.get(date)?.n ?? 0;
  }

  addResult(result: QuestionnaireResult): void {
    this.q.insertResult.run({
      id: result.id,
      kind: result.kind,
      at: result.at,
      local_date: result.localDate,
      zone: result.zone,
      answers: JSON.stringify(result.answers),
      score: result.score,
    });
  }

  results(kind: QuestionnaireKind, from: LocalDate, to: LocalDate): QuestionnaireResult[] {
    return this.q.results.all(kind, from, to).map(toResult);
  }

  /** The latest result of `kind` and the one before it. */
  latestResults(kind: QuestionnaireKind): QuestionnaireResult[] {
    return this.q.latestResults.all(kind).map(toResult);
  }

  answerPrompt(promptId: string, action: 'snooze' | 'skip', until: number | null, now: number): void {
    this.q.answerPrompt.run(promptId, action, until, now);
  }

  promptAnswer(promptId: string): { action: 'snooze' | 'skip'; until: number | null } | undefined {
    return this.q.promptAnswer.get(promptId);
  }
}

function toRow(c: Checkin): CheckRow {
  return {
    id: c.id,
    at: c.at,
    local_date: c.localDate,
    zone: c.zone,
    workload: c.workload,
    energy: c.energy,
    sustainable: c.sustainable,
    stretched: JSON.stringify(c.stretched),
    note: c.note,
    shareable: c.shareable && c.note !== null ? 1 : 0,
  };
}
