import type { SignoffState } from '../core/signoff-policy';
import type { UnfinishedItem, WorkdayFacts } from '../core/signoff';
import type { LocalDate } from '../core/time';
import type { Db } from './database';

interface Row {
  date: string;
  zone: string;
  first_active: number | null;
  last_active: number | null;
  suggested_at: string;
  snoozed_until: number | null;
  not_today: number;
  signed_off_at: number | null;
  done: string | null;
  unfinished: string;
  first_tomorrow: string | null;
  energy: number | null;
  quiet_until: number | null;
}

/** One workday as stored: presence, the suggestion's state and the ritual's answers. */
export interface Workday extends WorkdayFacts {
  zone: string;
  state: SignoffState;
  done: string | null;
  unfinished: UnfinishedItem[];
  firstTomorrow: string | null;
  energy: number | null;
  quietUntil: number | null;
}

export interface SignoffRecord {
  signedOffAt: number;
  done: string;
  unfinished: UnfinishedItem[];
  firstTomorrow: string | null;
  energy: number | null;
  quietUntil: number | null;
}

type SignOffParams = Omit<SignoffRecord, 'unfinished'> & {
  date: string;
  zone: string;
  unfinished: string;
  keepTime: 0 | 1;
};

function parseList<T>(json: string): T[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as T[]) : [];
}

const toWorkday = (r: Row): Workday => ({
  date: r.date,
  zone: r.zone,
  firstActive: r.first_active,
  lastActive: r.last_active,
  signedOffAt: r.signed_off_at,
  state: {
    workday: r.date,
    suggestedAt: parseList<number>(r.suggested_at).filter((n) => typeof n === 'number'),
    snoozedUntil: r.snoozed_until,
    notToday: r.not_today === 1,
    signedOffAt: r.signed_off_at,
  },
  done: r.done,
  unfinished: parseList<UnfinishedItem>(r.unfinished),
  firstTomorrow: r.first_tomorrow,
  energy: r.energy,
  quietUntil: r.quiet_until,
});

/** The `workdays` table. Every method is one committed statement. */
export class WorkdayRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[string], Row>('SELECT * FROM workdays WHERE date = ?'),
      between: db.prepare<[string, string], Row>(
        'SELECT * FROM workdays WHERE date BETWEEN ? AND ? ORDER BY date',
      ),
      latestSignoff: db.prepare<[string, string], Row>(
        `SELECT * FROM workdays WHERE date < ? AND date >= ? AND signed_off_at IS NOT NULL
         ORDER BY date DESC LIMIT 1`,
      ),
      // First and last input only ever widen: a sample can arrive late or out of order.
      presence: db.prepare<[string, string, number, number]>(
        `INSERT INTO workdays (date, zone, first_active, last_active) VALUES (?, ?, ?, ?)
         ON CONFLICT(date) DO UPDATE SET
           first_active = min(coalesce(first_active, excluded.first_active), excluded.first_active),
           last_active  = max(coalesce(last_active, excluded.last_active), excluded.last_active)`,
      ),
      state: db.prepare<[string, string, string, number | null, number]>(
        `INSERT INTO workdays (date, zone, suggested_at, snoozed_until, not_today) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(date) DO UPDATE SET suggested_at = excluded.suggested_at,
           snoozed_until = excluded.snoozed_until, not_today = excluded.not_today`,
      ),
      signOff: db.prepare<[SignOffParams]>(
        `INSERT INTO workdays (date, zone, signed_off_at, done, unfinished, first_tomorrow, energy, quiet_until)
         VALUES (@date, @zone, @signedOffAt, @done, @unfinished, @firstTomorrow, @energy, @quietUntil)
         ON CONFLICT(date) DO UPDATE SET
           signed_off_at = CASE WHEN @keepTime = 1 THEN coalesce(signed_off_at, excluded.signed_off_at)
                                ELSE excluded.signed_off_at END,
           done = excluded.done, unfinished = excluded.unfinished,
           first_tomorrow = excluded.first_tomorrow, energy = excluded.energy,
           quiet_until = excluded.quiet_until`,
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM workdays'),
      facts: db.prepare<
        [string, string],
        {
          date: string;
          zone: string;
          first_active: number | null;
          last_active: number | null;
          signed_off_at: number | null;
        }
      >(
        `SELECT date, zone, first_active, last_active, signed_off_at FROM workdays
         WHERE date BETWEEN ? AND ? ORDER BY date`,
      ),
    };
  }

  get(date: LocalDate): Workday | undefined {
    const row = this.q.get.get(date);
    return row ? toWorkday(row) : undefined;
  }

  between(from: LocalDate, to: LocalDate): Workday[] {
    return this.q.between.all(from, to).map(toWorkday);
  }

  /** Presence and sign-off times only (no answers, no JSON), for creep and summaries. */
  facts(from: LocalDate, to: LocalDate): WorkdayFacts[] {
    return this.q.facts.all(from, to).map((r) => ({
      date: r.date,
      zone: r.zone,
      firstActive: r.first_active,
      lastActive: r.last_active,
      signedOffAt: r.signed_off_at,
    }));
  }

  /** The latest sign-off on a workday in [since, before). */
  latestSignoffBefore(before: LocalDate, since: LocalDate): Workday | undefined {
    const row = this.q.latestSignoff.get(before, since);
    return row ? toWorkday(row) : undefined;
  }

  /** Widens the workday's first/last active to include `instant`. */
  recordPresence(date: LocalDate, zone: string, instant: number): void {
    this.q.presence.run(date, zone, instant, instant);
  }

  saveState(state: SignoffState, zone: string): void {
    this.q.state.run(
      state.workday,
      zone,
      JSON.stringify(state.suggestedAt),
      state.snoozedUntil,
      state.notToday ? 1 : 0,
    );
  }

  /**
   * Records the ritual. With `keepTime`, a workday already signed off keeps its first sign-off
   * time (editing the answers is not signing off again).
   */
  signOff(date: LocalDate, zone: string, record: SignoffRecord, keepTime: boolean): void {
    this.q.signOff.run({
      date,
      zone,
      ...record,
      unfinished: JSON.stringify(record.unfinished),
      keepTime: keepTime ? 1 : 0,
    });
  }

  count(): number {
    return this.q.count.get()?.n ?? 0;
  }
}
