import { TZDate, tzName, tzOffset, tzScan } from '@date-fns/tz';
import ICAL from 'ical.js';
import { isPaused, type FocusPause, type FocusRule } from './focus-plan';
import { addLocalDays, localDateOf, weekdayOf, type LocalDate, type Weekday } from './time';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;

export interface IcsExportOptions {
  /** "Now": picks each rule's first date, the DTSTAMP and the zone rules to describe. */
  now: number;
  productId?: string;
}

export const FOCUS_EVENT_SUMMARY = 'Focus time';
export const DEFAULT_PRODUCT_ID = '-//Keel//Focus plan//EN';
/** Paused dates are written as EXDATEs this far ahead; re-exporting refreshes them. */
export const PAUSE_HORIZON_DAYS = 366;

const BYDAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};
const BYDAY_BY_JS_DAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * Stable across exports, so re-importing updates the same events instead of duplicating them.
 * Readable rather than hashed: it carries no user text, only the rule itself.
 */
export function focusRuleUid(rule: FocusRule): string {
  return `focus-${rule.weekday}-${rule.start.replace(':', '')}-${rule.end.replace(':', '')}@keel.local`;
}

/**
 * The weekly focus plan as an iCalendar file: one weekly busy VEVENT per rule in `zone`, paused
 * dates in the next year excluded, with a VTIMEZONE so clients that do not know the IANA name
 * (Outlook maps by rules) still place blocks right. CRLF line endings, lines folded at 75 octets.
 * Pause notes are deliberately left out: the file is meant to be shared with a work calendar.
 */
export function focusPlanToIcs(
  plan: readonly FocusRule[],
  pauses: readonly FocusPause[],
  zone: string,
  options: IcsExportOptions,
): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', options.productId ?? DEFAULT_PRODUCT_ID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  // Google and Apple show the calendar name and default zone from these widely read extensions.
  cal.addPropertyWithValue('x-wr-calname', 'Keel focus time');
  cal.addPropertyWithValue('x-wr-timezone', zone);

  if (plan.length > 0) cal.addSubcomponent(buildVtimezone(zone, options.now));

  const today = localDateOf(options.now, zone);
  const horizon = addLocalDays(today, PAUSE_HORIZON_DAYS);
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true);
  const sorted = [...plan].sort(
    (a, b) => dayIndex(a.weekday) - dayIndex(b.weekday) || a.start.localeCompare(b.start),
  );
  for (const rule of sorted) cal.addSubcomponent(ruleEvent(rule, pauses, zone, today, horizon, stamp));

  const text = cal.toString();
  // RFC 5545 ends every line, the last included, with CRLF; ical.js omits the final one.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

function dayIndex(day: Weekday): number {
  return Object.keys(BYDAY).indexOf(day);
}

function ruleEvent(
  rule: FocusRule,
  pauses: readonly FocusPause[],
  zone: string,
  today: LocalDate,
  horizon: LocalDate,
  stamp: IcalTime,
): IcalComponent {
  let first = today;
  while (weekdayOf(first) !== rule.weekday) first = addLocalDays(first, 1);
  // Start on the first date that is not paused: some clients mishandle an EXDATE on DTSTART.
  let start = first;
  while (isPaused(start, pauses) && start <= horizon) start = addLocalDays(start, 7);
  if (start > horizon) start = first;

  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', focusRuleUid(rule));
  event.addPropertyWithValue('dtstamp', stamp);
  addZoned(event, 'dtstart', zone, wallTime(start, rule.start));
  addZoned(event, 'dtend', zone, wallTime(start, rule.end));
  event.addPropertyWithValue('rrule', ICAL.Recur.fromString(`FREQ=WEEKLY;BYDAY=${BYDAY[rule.weekday]}`));
  // One EXDATE per date keeps every line short and is what every client reads.
  for (let date = start; date <= horizon; date = addLocalDays(date, 7)) {
    if (isPaused(date, pauses)) addZoned(event, 'exdate', zone, wallTime(date, rule.start));
  }
  event.addPropertyWithValue('summary', FOCUS_EVENT_SUMMARY);
  event.addPropertyWithValue('description', 'A focus block planned in Keel.');
  event.addPropertyWithValue('transp', 'OPAQUE');
  // Outlook reads free/busy from its own property and ignores TRANSP on import.
  event.addPropertyWithValue('x-microsoft-cdo-busystatus', 'BUSY');
  return event;
}

function wallTime(date: LocalDate, hhmm: string): IcalTime {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
}

function addZoned(component: IcalComponent, name: string, zone: string, time: IcalTime): void {
  const prop = new ICAL.Property(name);
  prop.setParameter('tzid', zone);
  prop.setValue(time);
  component.addProperty(prop);
}

interface Transition {
  /** Local wall time of the onset, in the offset before the change (RFC 5545 3.6.5). */
  onset: IcalTime;
  fromMinutes: number;
  toMinutes: number;
  daylight: boolean;
}

/**
 * A VTIMEZONE describing `zone` as it behaves around `now`, from the runtime's tz data. Regular
 * yearly rules become STANDARD/DAYLIGHT with an RRULE (what Outlook and Apple expect); zones
 * whose changes follow no "nth weekday" rule list them as RDATEs; zones without changes get one
 * fixed-offset STANDARD.
 */
export function buildVtimezone(zone: string, now: number): IcalComponent {
  const vtz = new ICAL.Component('vtimezone');
  vtz.addPropertyWithValue('tzid', zone);
  const year = new TZDate(now, zone).getFullYear();
  // From last year, so dates early this year are covered; five years on to check regularity.
  const changes = tzScan(zone, {
    start: new Date(Date.UTC(year - 1, 0, 1)),
    end: new Date(Date.UTC(year + 5, 0, 1)),
  });
  if (changes.length === 0) {
    const offset = tzOffset(zone, new Date(now));
    vtz.addSubcomponent(
      observance(
        'standard',
        ICAL.Time.fromData({ year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 }),
        offset,
        offset,
        abbreviation(zone, now),
      ),
    );
    return vtz;
  }

  const transitions: Transition[] = changes.map((c) => {
    const fromMinutes = c.offset - c.change;
    const wall = new Date(c.date.getTime() + fromMinutes * 60_000);
    return {
      onset: ICAL.Time.fromData({
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
      }),
      fromMinutes,
      toMinutes: c.offset,
      daylight: c.offset > fromMinutes,
    };
  });

  const groups = [transitions.filter((t) => t.daylight), transitions.filter((t) => !t.daylight)];
  const rules = groups.map(yearlyRule);
  if (rules.every((r) => r !== null)) {
    for (const [i, group] of groups.entries()) {
      const first = group[0] as Transition;
      const sub = observance(
        first.daylight ? 'daylight' : 'standard',
        first.onset,
        first.fromMinutes,
        first.toMinutes,
        abbreviation(zone, onsetInstant(first) + 1),
      );
      sub.addPropertyWithValue('rrule', ICAL.Recur.fromString(rules[i] as string));
      vtz.addSubcomponent(sub);
    }
    return vtz;
  }

  // Irregular: one observance per distinct (kind, from, to), listing every onset as an RDATE.
  const byKey = new Map<string, Transition[]>();
  for (const t of transitions) {
    const key = `${t.daylight}:${t.fromMinutes}:${t.toMinutes}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  for (const list of byKey.values()) {
    const first = list[0] as Transition;
    const sub = observance(
      first.daylight ? 'daylight' : 'standard',
      first.onset,
      first.fromMinutes,
      first.toMinutes,
      abbreviation(zone, onsetInstant(first) + 1),
    );
    // The first onset is DTSTART, but ical.js (and some others) read only RDATEs once any exist.
    for (const t of list) sub.addPropertyWithValue('rdate', t.onset);
    vtz.addSubcomponent(sub);
  }
  return vtz;
}

function onsetInstant(t: Transition): number {
  return (
    Date.UTC(t.onset.year, t.onset.month - 1, t.onset.day, t.onset.hour, t.onset.minute, t.onset.second) -
    t.fromMinutes * 60_000
  );
}

/**
 * "FREQ=YEARLY;BYMONTH=m;BYDAY=nXX" when every transition of the group is the same nth (or last)
 * weekday of the same month at the same time with the same offsets, once a year; else null.
 */
function yearlyRule(group: Transition[]): string | null {
  const first = group[0];
  if (!first) return null;
  const describe = (t: Transition) => {
    const dim = new Date(Date.UTC(t.onset.year, t.onset.month, 0)).getUTCDate();
    const weekday =
      BYDAY_BY_JS_DAY[new Date(Date.UTC(t.onset.year, t.onset.month - 1, t.onset.day)).getUTCDay()];
    return {
      shape: `${t.onset.month}|${weekday}|${t.onset.hour}:${t.onset.minute}:${t.onset.second}|${t.fromMinutes}|${t.toMinutes}`,
      nth: Math.ceil(t.onset.day / 7),
      last: t.onset.day + 7 > dim,
      weekday,
    };
  };
  const d0 = describe(first);
  const all = group.map(describe);
  const yearsConsecutive = group.every((t, i) => t.onset.year === first.onset.year + i);
  if (!yearsConsecutive || !all.every((d) => d.shape === d0.shape)) return null;
  // "Last Sunday" and "4th Sunday" look alike in some years; prefer whichever holds every year.
  const ordinal = all.every((d) => d.last) ? -1 : all.every((d) => d.nth === d0.nth) ? d0.nth : null;
  if (ordinal === null) return null;
  return `FREQ=YEARLY;BYMONTH=${first.onset.month};BYDAY=${ordinal}${d0.weekday}`;
}

function observance(
  kind: 'standard' | 'daylight',
  onset: IcalTime,
  fromMinutes: number,
  toMinutes: number,
  name: string | null,
): IcalComponent {
  const sub = new ICAL.Component(kind);
  sub.addPropertyWithValue('dtstart', onset);
  sub.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(fromMinutes * 60));
  sub.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(toMinutes * 60));
  if (name) sub.addPropertyWithValue('tzname', name);
  return sub;
}

/** "CET", "EDT"…: only real abbreviations; "GMT+2" style names add nothing. */
function abbreviation(zone: string, instant: number): string | null {
  const name = tzName(zone, new Date(instant), 'short');
  return /^[A-Z]{3,5}$/.test(name) && name !== 'GMT' ? name : null;
}
