import type { RuleWrite } from '../core/rule-writes';
import type { RuleChange } from '../core/rules';
import type { LocalDate } from '../core/time';
import type { Db } from './database';

/** The settings-table key that holds the instant Keel first opened this data file. */
export const FIRST_START_KEY = 'firstStartAt';

/**
 * Dated rules as stored (validation lives in core/rules.ts), and where Keel's counting starts:
 * its first start on this data file, or the earliest record, whichever is earlier.
 */
export class RuleRepo {
  private readonly selectAll;
  private readonly upsert;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], { key: string; effective_from: string; value: string }>(
      'SELECT key, effective_from, value FROM rule_changes ORDER BY key, effective_from',
    );
    this.upsert = db.prepare<[string, string, string, number]>(
      `INSERT INTO rule_changes (key, effective_from, value, changed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(key, effective_from) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at`,
    );
  }

  all(): RuleChange[] {
    return this.selectAll.all().map((r) => ({
      key: r.key as RuleChange['key'],
      from: r.effective_from,
      value: JSON.parse(r.value) as unknown,
    }));
  }

  set(change: RuleChange, at: number): void {
    this.upsert.run(change.key, change.from, JSON.stringify(change.value), at);
  }

  /** Stores one write's changes and removals in one transaction. */
  apply(write: RuleWrite, at: number): void {
    this.db.transaction(() => {
      for (const change of write.upserts) this.set(change, at);
      for (const gone of write.deletes) this.delete(gone.key, gone.from);
    })();
  }

  /** Removes a change that has not taken effect yet (or any, for a correction). */
  delete(key: string, from: LocalDate): boolean {
    return (
      this.db.prepare('DELETE FROM rule_changes WHERE key = ? AND effective_from = ?').run(key, from)
        .changes > 0
    );
  }

  /** Records Keel's first start on this data file; later starts leave it alone. */
  markFirstStart(now: number): void {
    this.db
      .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING`)
      .run(FIRST_START_KEY, JSON.stringify(now), now);
  }

  /** The instant of the first start, if recorded. */
  firstStart(): number | null {
    const row = this.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(FIRST_START_KEY);
    if (!row) return null;
    const value = JSON.parse(row.value) as unknown;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  /** The earliest local date any record of the user's days carries, if any. */
  earliestRecordDate(): LocalDate | null {
    const row = this.db
      .prepare<[], { date: string | null }>(
        `SELECT min(d) AS date FROM (
           SELECT min(date) AS d FROM workdays
           UNION ALL SELECT min(local_date) FROM focus_sessions
           UNION ALL SELECT min(local_date) FROM checkins
           UNION ALL SELECT min(local_date) FROM questionnaire_results
         )`,
      )
      .get();
    return row?.date ?? null;
  }
}
