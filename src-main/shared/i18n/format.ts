/**
 * Locale-true formatting through `Intl`, one module for main, the CLI and the renderer: dates,
 * date ranges, times in the locale's (or the OS's) hour cycle, numbers, durations, lists and the
 * first day of the week. Pure: the locale and the zone are passed in. Keel's calendar days are
 * `YYYY-MM-DD` strings (core/time.ts's LocalDate); they are formatted as that day at noon UTC, so
 * no zone can move them to a neighbouring day.
 */
import { defaultHourCycle, type ResolvedLocale } from './locale';

/** What formatting needs of a resolved locale. */
export type FormatLocale = Pick<ResolvedLocale, 'format' | 'hourCycle'>;

/** ISO weekday: 1 = Monday … 7 = Sunday (as `Intl.Locale#getWeekInfo().firstDay`). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as an instant `Intl` formats in UTC: noon, so no offset moves it. */
function dayInstant(day: string): Date {
  const match = LOCAL_DATE.exec(day);
  if (!match) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

/**
 * CLDR 48's first day of the week by region (weekData, as Node 20.20's ICU 78 has it), for a runtime that has neither
 * `Intl.Locale#getWeekInfo()` (Chromium 130+) nor the `weekInfo` getter (Node 20, older
 * Chromium). Every region not listed starts on Monday.
 */
const FIRST_DAY_BY_REGION: Record<string, IsoWeekday> = {
  ...Object.fromEntries(
    (
      'AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN IS JM JP KE KH KR LA MH MM MO MT ' +
      'MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'
    )
      .split(' ')
      .map((region) => [region, 7]),
  ),
  ...Object.fromEntries('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' ').map((region) => [region, 6])),
  MV: 5,
};

/** The first day of the week from the table alone (exported for its test against `Intl`). */
export function tableFirstDay(tag: string): IsoWeekday {
  const locale = new Intl.Locale(tag);
  const region = locale.region ?? locale.maximize().region ?? '';
  return FIRST_DAY_BY_REGION[region] ?? 1;
}

type WeekInfoLocale = Intl.Locale & {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
};

/** The locale's first day of the week: `getWeekInfo()`, else `weekInfo`, else CLDR's table. */
export function firstDayOfWeek(tag: string): IsoWeekday {
  const locale = new Intl.Locale(tag) as WeekInfoLocale;
  const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo;
  const day = info?.firstDay;
  return typeof day === 'number' && day >= 1 && day <= 7 ? (day as IsoWeekday) : tableFirstDay(tag);
}

/** The formatters of one locale, built once and reused (Intl objects are costly to make). */
export interface LocaleFormat {
  readonly locale: string;
  /**
   * "Tuesday, December 1" / "Dienstag, 1. Dezember"; with the year when `year` is set, the
   * weekday short or left out, the month short ("Wed, Jan 15" / "Mi., 15. Jan.").
   */
  day(
    day: string,
    options?: { year?: boolean; weekday?: boolean | 'short'; month?: 'long' | 'short' },
  ): string;
  /** The day's weekday alone: "Wednesday" / "Wed" / "Mi." (`short`). */
  weekday(day: string, width?: 'long' | 'short'): string;
  /** "November 17 – 30, 2026" / "17.–30. November 2026": the locale's own range. */
  dayRange(from: string, to: string): string;
  /** "5:30 PM" / "17:30" in `zone`, in the locale's hour cycle unless the OS chose another. */
  time(instant: Date | number, zone: string): string;
  /**
   * A time of day kept as `HH:MM` (24-hour, no zone) as the user reads it: "5:30 PM" / "17:30"
   * / "17 h 30" in the locale's way and hour cycle (or `hourCycle` when given); anything that is
   * not `HH:MM` comes back as given.
   */
  clock(hhmm: string, hourCycle?: 'h12' | 'h23'): string;
  /** "12,345.5" / "12.345,5". */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** "1 hr, 25 min" / "1 Std., 25 Min." (Intl.DurationFormat's short style) from whole minutes. */
  duration(minutes: number): string;
  /** "a, b, and c" / "a, b und c". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** 1 = Monday … 7 = Sunday. */
  readonly firstDayOfWeek: IsoWeekday;
}

/** A calendar day's fields (formatted in UTC: the day is noon UTC, see dayInstant). */
function dayOptions(
  year: boolean,
  weekday: boolean | 'short',
  month: 'long' | 'short',
): Intl.DateTimeFormatOptions {
  return {
    timeZone: 'UTC',
    day: 'numeric',
    month,
    ...(year ? { year: 'numeric' } : {}),
    ...(weekday ? { weekday: weekday === 'short' ? 'short' : 'long' } : {}),
  };
}

/** A 24-hour clock writes two-digit hours ("09:05"), as Keel's times always read. */
function hourOptions(tag: string, cycle: 'h12' | 'h23' | undefined): Intl.DateTimeFormatOptions {
  const effective = cycle ?? defaultHourCycle(tag);
  return { hour: effective === 'h23' ? '2-digit' : 'numeric', minute: '2-digit', hourCycle: effective };
}

/** Builds the formatters of one resolved locale. */
export function createLocaleFormat(resolved: FormatLocale): LocaleFormat {
  const tag = resolved.format;
  let firstDay: IsoWeekday | undefined;
  const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
  function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
    key: string,
    make: () => T,
  ): T {
    let held = cache.get(key) as T | undefined;
    if (!held) {
      held = make();
      cache.set(key, held);
    }
    return held;
  }
  const dayFormat = (year: boolean, weekday: boolean | 'short', month: 'long' | 'short' = 'long') =>
    memo(
      `day:${year}:${weekday}:${month}`,
      () => new Intl.DateTimeFormat(tag, dayOptions(year, weekday, month)),
    );
  const clockFormat = (cycle: 'h12' | 'h23' | undefined) =>
    memo(
      `clock:${cycle}`,
      () => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...hourOptions(tag, cycle) }),
    );
  const unit = (name: 'hour' | 'minute') =>
    memo(
      `unit:${name}`,
      () => new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay: 'short' }),
    );
  return {
    locale: tag,
    day: (day, options = {}) =>
      dayFormat(options.year ?? false, options.weekday ?? true, options.month).format(dayInstant(day)),
    weekday: (day, width = 'long') =>
      memo(
        `weekday:${width}`,
        () => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: width }),
      ).format(dayInstant(day)),
    dayRange: (from, to) => dayFormat(true, false).formatRange(dayInstant(from), dayInstant(to)),
    time: (instant, zone) =>
      memo(
        `time:${zone}`,
        () => new Intl.DateTimeFormat(tag, { timeZone: zone, ...hourOptions(tag, resolved.hourCycle) }),
      ).format(instant),
    clock: (hhmm, hourCycle) => {
      const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return hhmm;
      const instant = Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]));
      return clockFormat(hourCycle ?? resolved.hourCycle).format(instant);
    },
    number: (value, options) =>
      (options
        ? new Intl.NumberFormat(tag, options)
        : memo('number', () => new Intl.NumberFormat(tag))
      ).format(value),
    duration: (minutes) => {
      const whole = Math.max(0, Math.round(minutes));
      const hours = Math.floor(whole / 60);
      const rest = whole % 60;
      const parts = [
        ...(hours > 0 ? [unit('hour').format(hours)] : []),
        ...(rest > 0 || hours === 0 ? [unit('minute').format(rest)] : []),
      ];
      return memo('duration', () => new Intl.ListFormat(tag, { type: 'unit', style: 'short' })).format(parts);
    },
    list: (items, type = 'conjunction') =>
      memo(`list:${type}`, () => new Intl.ListFormat(tag, { type, style: 'long' })).format(items),
    // Asked for only where a week is laid out: the first Intl.Locale costs a page tens of ms.
    get firstDayOfWeek() {
      firstDay ??= firstDayOfWeek(tag);
      return firstDay;
    },
  };
}
