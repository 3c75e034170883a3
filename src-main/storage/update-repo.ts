import { updateEditsSchema, type UpdateEdits } from '../core/weekly-update';
import type { LocalDate } from '../core/time';
import type { Db } from './database';

/** A stored draft: the user's edits of the weekly update for one period. */
export interface StoredUpdateDraft {
  from: LocalDate;
  to: LocalDate;
  edits: UpdateEdits;
  updatedAt: number;
}

interface Row {
  period_from: string;
  period_to: string;
  edits: string;
  updated_at: number;
}

/** The `update_drafts` table (schema 10). Every method is one committed statement. */
export class UpdateRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[string, string], Row>(
        'SELECT * FROM update_drafts WHERE period_from = ? AND period_to = ?',
      ),
      save: db.prepare<[string, string, string, number]>(
        `INSERT INTO update_drafts (period_from, period_to, edits, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (period_from, period_to) DO UPDATE SET edits = excluded.edits, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string, string]>(
        'DELETE FROM update_drafts WHERE period_from = ? AND period_to = ?',
      ),
    };
  }

  /**
   * The edits kept for the period, or undefined. A row that no longer reads as edits (written by
   * hand, or by a future Keel) counts as none: the draft is made again from the sign-offs.
   */
  get(from: LocalDate, to: LocalDate): StoredUpdateDraft | undefined {
    const row = this.q.get.get(from, to);
    if (!row) return undefined;
    const parsed = updateEditsSchema.safeParse(JSON.parse(row.edits));
    if (!parsed.success) return undefined;
    return { from: row.period_from, to: row.period_to, edits: parsed.data, updatedAt: row.updated_at };
  }

  save(from: LocalDate, to: LocalDate, edits: UpdateEdits, at: number): void {
    this.q.save.run(from, to, JSON.stringify(edits), at);
  }

  /** Forgets the edits: the period's draft is made from the sign-offs again. */
  remove(from: LocalDate, to: LocalDate): void {
    this.q.remove.run(from, to);
  }
}
