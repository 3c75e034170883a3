import type { SummaryTalkingPoint } from '../core/summary-sections';
import { forgetDeleted, type Db } from './database';

interface PointRow {
  id: string;
  text: string;
  created_at: number;
  discussed_at: number | null;
  position: number | null;
}

const toPoint = (r: PointRow): SummaryTalkingPoint => ({
  id: r.id,
  text: r.text,
  createdAt: r.created_at,
  discussedAt: r.discussed_at,
});

/**
 * The agenda's order: the points the user arranged (by position), then the others oldest first.
 * A point added after an arrangement has no position, so it goes to the end; points added in the
 * same millisecond keep the order they were added in (rowid).
 */
export const AGENDA_ORDER = 'ORDER BY position IS NULL, position, created_at, rowid';

/** The open points' ids in the agenda's order. */
export function openAgenda(db: Db): string[] {
  return db
    .prepare<[], { id: string }>(`SELECT id FROM talking_points WHERE discussed_at IS NULL ${AGENDA_ORDER}`)
    .all()
    .map((r) => r.id);
}

/**
 * Points from an export in the agenda's order, as they are to be inserted: by position (none
 * last), then oldest first, then as the file lists them. Inserted so, points added in the same
 * millisecond keep their order (the rowid), and an export from before positions (schema 8) comes
 * in oldest first.
 */
export function inAgendaOrder<T extends { position?: number | null; created_at: number }>(
  points: readonly T[],
): T[] {
  const key = (p: T) => p.position ?? Number.POSITIVE_INFINITY;
  return [...points].sort((a, b) => key(a) - key(b) || a.created_at - b.created_at);
}

/**
 * After an import merged points into an agenda that had open points: those keep their places
 * and the new open points follow, in the file's order (their positions, numbered on another
 * machine, would otherwise fall between them). Writes nothing when no open point was added.
 */
export function placeImportedPoints(db: Db, agendaBefore: readonly string[]): void {
  if (agendaBefore.length === 0) return;
  const here = new Set(agendaBefore);
  const added = openAgenda(db).filter((id) => !here.has(id));
  if (added.length === 0) return;
  const position = db.prepare<[number, string]>('UPDATE talking_points SET position = ? WHERE id = ?');
  [...agendaBefore, ...added].forEach((id, i) => position.run(i, id));
}

/** Talking points for the next one-on-one. One statement per write, except a move (one transaction). */
export class TalkingPointRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      addPoint: db.prepare<[string, string, number]>(
        'INSERT INTO talking_points (id, text, created_at) VALUES (?, ?, ?)',
      ),
      point: db.prepare<[string], PointRow>('SELECT * FROM talking_points WHERE id = ?'),
      open: db.prepare<[], PointRow>(
        `SELECT * FROM talking_points WHERE discussed_at IS NULL ${AGENDA_ORDER}`,
      ),
      openCount: db.prepare<[], { n: number }>(
        'SELECT COUNT(*) AS n FROM talking_points WHERE discussed_at IS NULL',
      ),
      all: db.prepare<[], PointRow>(`SELECT * FROM talking_points ${AGENDA_ORDER}`),
      discussed: db.prepare<[number | null, string]>(
        'UPDATE talking_points SET discussed_at = ? WHERE id = ?',
      ),
      text: db.prepare<[string, string]>('UPDATE talking_points SET text = ? WHERE id = ?'),
      position: db.prepare<[number, string]>('UPDATE talking_points SET position = ? WHERE id = ?'),
      deletePoint: db.prepare<[string]>('DELETE FROM talking_points WHERE id = ?'),
      byPrefix: db.prepare<[string], { id: string }>(
        "SELECT id FROM talking_points WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2",
      ),
    };
  }

  addPoint(point: { id: string; text: string; createdAt: number }): void {
    this.q.addPoint.run(point.id, point.text, point.createdAt);
  }

  point(id: string): SummaryTalkingPoint | undefined {
    const row = this.q.point.get(id);
    return row ? toPoint(row) : undefined;
  }

  /** Undiscussed points in the agenda's order (or every point with `all`). */
  points(all = false): SummaryTalkingPoint[] {
    return (all ? this.q.all : this.q.open).all().map(toPoint);
  }

  setDiscussed(id: string, at: number | null): boolean {
    return this.q.discussed.run(at, id).changes === 1;
  }

  /** Rewrites a point's text (the old text is overwritten in the file, as on delete). */
  setText(id: string, text: string): boolean {
    const changed = this.q.text.run(text, id).changes === 1;
    if (changed) forgetDeleted(this.db);
    return changed;
  }

  /**
   * Moves an open point one place up (-1) or down (+1) among the open points; the open points
   * are numbered afresh in their new order. False when it is not open or already at that end.
   */
  move(id: string, by: -1 | 1): boolean {
    return this.reorder((ids) => {
      const from = ids.indexOf(id);
      const to = from + by;
      const other = ids[to];
      if (from < 0 || other === undefined) return false;
      ids[to] = id;
      ids[from] = other;
      return true;
    });
  }

  /**
   * Puts an open point at `index` (0 for the top) among the open points, the others keeping
   * their order. False when it is not open, `index` is past the last, or it is there already.
   */
  place(id: string, index: number): boolean {
    return this.reorder((ids) => {
      const from = ids.indexOf(id);
      if (from < 0 || index < 0 || index >= ids.length || from === index) return false;
      ids.splice(from, 1);
      ids.splice(index, 0, id);
      return true;
    });
  }

  /** The number of open points. */
  openCount(): number {
    return this.q.openCount.get()?.n ?? 0;
  }

  /** Rearranges the open points' ids in one transaction and numbers them afresh if `change` did. */
  private reorder(change: (ids: string[]) => boolean): boolean {
    return this.db.transaction(() => {
      const ids = this.q.open.all().map((r) => r.id);
      if (!change(ids)) return false;
      ids.forEach((pointId, i) => this.q.position.run(i, pointId));
      return true;
    })();
  }

  /** Deletes a point; its text is overwritten in the file (secure_delete) and the WAL emptied. */
  deletePoint(id: string): boolean {
    const deleted = this.q.deletePoint.run(id).changes === 1;
    if (deleted) forgetDeleted(this.db);
    return deleted;
  }

  /** The one id starting with `prefix`, 'ambiguous' when several do, undefined when none. */
  findPoint(prefix: string): string | 'ambiguous' | undefined {
    const rows = this.q.byPrefix.all(prefix.replace(/[\\%_]/g, (c) => `\\${c}`));
    return rows.length > 1 ? 'ambiguous' : rows[0]?.id;
  }
}
