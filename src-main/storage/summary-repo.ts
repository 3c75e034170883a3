import type { LocalDate } from '../core/time';
import type { Db } from './database';
import type { ShareFormat, ShareKind } from '../shared/dto';

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
  /** What left: the summary, the weekly update, the working agreement or its status line (schema 10; rows from before are summaries). */
  kind: ShareKind;
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
  kind: ShareKind;
}

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
    kind: r.kind,
  };
};

/** The share log: what was exported, when, and its content hash. One statement per write. */
export class SummaryRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      addShare: db.prepare<[ShareRow]>(
        `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash, kind)
         VALUES (@id, @at, @local_date, @period_from, @period_to, @sections, @note_count, @format, @via, @content_hash, @kind)`,
      ),
      shares: db.prepare<[number], ShareRow>('SELECT * FROM shares ORDER BY at DESC LIMIT ?'),
      // "Since the last shared summary": a weekly update or agreement shared since does not move it.
      lastShare: db.prepare<[], ShareRow>(
        "SELECT * FROM shares WHERE kind = 'summary' ORDER BY at DESC LIMIT 1",
      ),
    };
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
      kind: share.kind,
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
