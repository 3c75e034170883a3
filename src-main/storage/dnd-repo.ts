import type { DndPrior } from '../core/dnd';
import type { Db } from './database';

/** What Keel changed on the desktop and how to undo it; at most one row exists. */
export interface DndStateRecord {
  /** The id of the adapter that made the change, the only one that may undo it. */
  adapter: string;
  prior: DndPrior;
  changedAt: number;
}

interface Row {
  adapter: string;
  prior: string;
  changed_at: number;
}

/** The single `dnd_state` row (id = 1). Each write is its own committed statement. */
export class DndRepo {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: Db) {
    this.select = db.prepare<[], Row>('SELECT adapter, prior, changed_at FROM dnd_state WHERE id = 1');
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO dnd_state (id, adapter, prior, changed_at) VALUES (1, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET adapter = excluded.adapter, prior = excluded.prior,
         changed_at = excluded.changed_at`,
    );
    this.remove = db.prepare('DELETE FROM dnd_state WHERE id = 1');
  }

  get(): DndStateRecord | null {
    const row = this.select.get();
    if (!row) return null;
    const parsed = JSON.parse(row.prior) as unknown;
    // The column only holds valid JSON; anything but an object was not written by Keel, and
    // an empty prior makes the adapter refuse to restore rather than guess.
    const prior =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as DndPrior) : {};
    return { adapter: row.adapter, prior, changedAt: row.changed_at };
  }

  write(record: DndStateRecord): void {
    this.upsert.run(record.adapter, JSON.stringify(record.prior), record.changedAt);
  }

  delete(): void {
    this.remove.run();
  }
}
