import type { Db } from './database';

/** Stored settings as raw JSON values by key; validation lives in core. */
export class SettingsRepo {
  private readonly selectAll;
  private readonly upsert;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  all(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const row of this.selectAll.all()) out[row.key] = JSON.parse(row.value) as unknown;
    return out;
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }

  /** Stores `value` unless `key` already has one (another process may have just set it). */
  insertIfAbsent(key: string, value: unknown, at: number): void {
    this.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING')
      .run(key, JSON.stringify(value), at);
  }

  set(key: string, value: unknown, at: number): void {
    this.upsert.run(key, JSON.stringify(value), at);
  }
}
