import type { SummaryTalkingPoint } from '../core/summary-sections';
import type { LocalDate } from '../core/time';
import type { Db } from './database';

export type ShareFormat = 'md' | 'html' | 'pdf' | 'clipboard' | 'json';

export interface Share {
  id: string;
  at: number;
  localDate: LocalDate;
  from: LocalDate;
  to: LocalDate;
  sections: string[];
  noteCount: number;
  format: ShareFormat;
  via: 'window' | 'cli';
  contentHash: string;
}

interface PointRow {
  id: string;
  text: string;
  created_at: number;
  discussed_at: number | null;
}

interface ShareRow {
  id: string;
  at: number;
  local_date: string;
  period_from: string;
  period_to: string;
  sections: string;
  note_count: number;
  format: ShareFormat;
  via: 'window' | 'cli';
  content_hash: string;
}

const toPoint = (r: PointRow): SummaryTalkingPoint => ({
  id: r.id,
  text: r.text,
  createdAt: r.created_at,
  discussedAt: r.discussed_at,
});

const toShare = (r: ShareRow): Share => {
  const sections = JSON.parse(r.sections) as unknown;
  return {
    id: r.id,
    at: r.at,
    localDate: r.local_date,
    from: r.period_from,
    to: r.period_to,
    sections: Array.isArray(sections) ? sections.filter((s): s is string => typeof s === 'string') : [],
    noteCount: r.note_count,
    format: r.format,
    via: r.via,
    contentHash: r.content_hash,
  };
};

/** Talking points and the share log. One statement per write. */
export class SummaryRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      addPoint: db.prepare<[string, string, number]>(
        'INSERT INTO talking_points (id, text, created_at) VALUES (?, ?, ?)',
      ),
      point: db.prepare<[string], PointRow>('SELECT * FROM talking_points WHERE id = ?'),
      open: db.prepare<[], PointRow>(
        'SELECT * FROM talking_points WHERE discussed_at IS NULL ORDER BY created_at, id',
      ),
      all: db.prepare<[], PointRow>('SELECT * FROM talking_points ORDER BY created_at, id'),
      discussed: db.prepare<[number | null, string]>(
        'UPDATE talking_points SET discussed_at = ? WHERE id = ?',
      ),
      deletePoint: db.prepare<[string]>('DELETE FROM talking_points WHERE id = ?'),
      byPrefix: db.prepare<[string], { id: string }>(
        "SELECT id FROM talking_points WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2",
      ),
      addShare: db.prepare<[ShareRow]>(
        `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash)
         VALUES (@id, @at, @local_date, @period_from, @period_to, @sections, @note_count, @format, @via, @content_hash)`,
      ),
      shares: db.prepare<[number], ShareRow>('SELECT * FROM shares ORDER BY at DESC LIMIT ?'),
      lastShare: db.prepare<[], ShareRow>('SELECT * FROM shares ORDER BY at DESC LIMIT 1'),
    };
  }

  addPoint(point: { id: string; text: string; createdAt: number }): void {
    this.q.addPoint.run(point.id, point.text, point.createdAt);
  }

  point(id: string): SummaryTalkingPoint | undefined {
    const row = this.q.point.get(id);
    return row ? toPoint(row) : undefined;
  }

  /** Undiscussed points, oldest first (or every point with `all`). */
  points(all = false): SummaryTalkingPoint[] {
    return (all ? this.q.all : this.q.open).all().map(toPoint);
  }

  setDiscussed(id: string, at: number | null): boolean {
    return this.q.discussed.run(at, id).changes === 1;
  }

  deletePoint(id: string): boolean {
    return this.q.deletePoint.run(id).changes === 1;
  }

  /** The one id starting with `prefix`, 'ambiguous' when several do, undefined when none. */
  findPoint(prefix: string): string | 'ambiguous' | undefined {
    const rows = this.q.byPrefix.all(prefix.replace(/[\\%_]/g, (c) => `\\${c}`));
    return rows.length > 1 ? 'ambiguous' : rows[0]?.id;
  }

  addShare(share: Share): void {
    this.q.addShare.run({
      id: share.id,
      at: share.at,
      local_date: share.localDate,
      period_from: share.from,
      period_to: share.to,
      sections: JSON.stringify(share.sections),
      note_count: share.noteCount,
      format: share.format,
      via: share.via,
      content_hash: share.contentHash,
    });
  }

  shares(limit = 200): Share[] {
    return this.q.shares.all(limit).map(toShare);
  }

  lastShare(): Share | undefined {
    const row = this.q.lastShare.get();
    return row ? toShare(row) : undefined;
  }
}
