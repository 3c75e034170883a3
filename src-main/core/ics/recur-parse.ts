/**
 * Reading an RRULE value (RFC 5545 §3.3.10) into a RecurRule. Strict about what it understands (a
 * part out of range or a malformed list makes the whole rule unreadable: guessing could invent
 * meetings), lenient about what does not change the dates (case, empty parts, X- parts).
 */
import { parseDateTime } from './content';
import type { Frequency, RecurRule, WeekdayNum } from './recur-types';

const FREQUENCIES: readonly Frequency[] = [
  'YEARLY',
  'MONTHLY',
  'WEEKLY',
  'DAILY',
  'HOURLY',
  'MINUTELY',
  'SECONDLY',
];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const UNSIGNED = /^\d{1,9}$/;
const SIGNED = /^[+-]?\d{1,3}$/;
const WEEKDAY_NUM = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

/** The numbers of a list part, each within [min, max] and not 0 when `signed`; null when one is not. */
function numbers(value: string, min: number, max: number, signed: boolean): number[] | null {
  const out: number[] = [];
  for (const item of value.split(',')) {
    const text = item.trim();
    if (!(signed ? SIGNED : UNSIGNED).test(text)) return null;
    const n = Number(text);
    if (n < min || n > max || (signed && n === 0)) return null;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function weekdayNums(value: string): WeekdayNum[] | null {
  const out: WeekdayNum[] = [];
  for (const item of value.split(',')) {
    const m = WEEKDAY_NUM.exec(item.trim());
    if (!m) return null;
    const n = m[1] === undefined ? 0 : Number(m[1]);
    if (m[1] !== undefined && (n === 0 || Math.abs(n) > 53)) return null;
    const weekday = WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]);
    if (!out.some((w) => w.weekday === weekday && w.n === n)) out.push({ weekday, n });
  }
  return out;
}

function emptyRule(freq: Frequency): RecurRule {
  return {
    freq,
    interval: 1,
    count: null,
    until: null,
    bySecond: [],
    byMinute: [],
    byHour: [],
    byDay: [],
    byMonthDay: [],
    byYearDay: [],
    byWeekNo: [],
    byMonth: [],
    bySetPos: [],
    wkst: 0,
  };
}

type ListPart =
  'bySecond' | 'byMinute' | 'byHour' | 'byMonthDay' | 'byYearDay' | 'byWeekNo' | 'byMonth' | 'bySetPos';

/** [field, min, max, signed] of each numeric list part. */
const LISTS: Record<string, readonly [ListPart, number, number, boolean]> = {
  // BYSECOND=60 is a leap second (RFC 5545 allows it); recur.ts skips it as a time that never
  // shows on a wall clock.
  BYSECOND: ['bySecond', 0, 60, false],
  BYMINUTE: ['byMinute', 0, 59, false],
  BYHOUR: ['byHour', 0, 23, false],
  BYMONTHDAY: ['byMonthDay', -31, 31, true],
  BYYEARDAY: ['byYearDay', -366, 366, true],
  BYWEEKNO: ['byWeekNo', -53, 53, true],
  BYMONTH: ['byMonth', 1, 12, false],
  BYSETPOS: ['bySetPos', -366, 366, true],
};

/** Applies one NAME=VALUE part to `rule`; false when the part cannot be read. */
function applyPart(rule: RecurRule, name: string, value: string): boolean {
  const list = LISTS[name];
  if (list) {
    const values = numbers(value, list[1], list[2], list[3]);
    if (!values) return false;
    rule[list[0]] = values;
    return true;
  }
  switch (name) {
    case 'UNTIL': {
      const until = parseDateTime(value);
      rule.until = until;
      return until !== null;
    }
    case 'COUNT':
    case 'INTERVAL': {
      // RFC 5545 allows COUNT=0 in its grammar but it cannot bound anything (DTSTART always
      // counts): read as an unreadable rule, like INTERVAL=0.
      if (!UNSIGNED.test(value) || Number(value) < 1) return false;
      if (name === 'COUNT') rule.count = Number(value);
      else rule.interval = Number(value);
      return true;
    }
    case 'BYDAY': {
      const days = weekdayNums(value);
      if (days) rule.byDay = days;
      return days !== null;
    }
    case 'WKST': {
      rule.wkst = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
      return rule.wkst >= 0;
    }
    // RFC 7529's parts, when they say what RFC 5545 does anyway.
    case 'RSCALE':
      return value === 'GREGORIAN';
    case 'SKIP':
      return value === 'OMIT';
    default:
      return name.startsWith('X-');
  }
}

/**
 * Null when the value is not a rule Keel can read (unknown FREQ, a part out of range, junk).
 * Unknown X- parts are ignored. Names and values are read case-insensitively; a part given twice
 * (RFC 5545: MUST NOT) makes the rule unreadable, as nobody can say which one was meant.
 */
export function parseRecur(value: string): RecurRule | null {
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const name = part.slice(0, eq).trim().toUpperCase();
    if (parts.has(name)) return null;
    parts.set(
      name,
      part
        .slice(eq + 1)
        .trim()
        .toUpperCase(),
    );
  }
  const freq = parts.get('FREQ') as Frequency | undefined;
  if (freq === undefined || !FREQUENCIES.includes(freq)) return null;
  const rule = emptyRule(freq);
  for (const [name, partValue] of parts) {
    if (name !== 'FREQ' && !applyPart(rule, name, partValue)) return null;
  }
  return rule;
}
