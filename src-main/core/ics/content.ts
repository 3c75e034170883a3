import { daysInMonth, wallOf, type WallMs } from './wall';

/**
 * A lenient reader of iCalendar content lines (RFC 5545 §3.1): unfolds lines, splits each into
 * name, parameters and raw value, and nests BEGIN/END into components. A line it cannot read is
 * skipped and counted instead of refusing the file, because real exports carry the odd broken
 * line (an unfolded Exchange DESCRIPTION) among thousands of good ones. Values stay raw text;
 * the few Keel needs are read by the parsers below.
 */

export interface Property {
  /** Upper case, e.g. `DTSTART`. */
  readonly name: string;
  /** Parameter names in upper case; values without quotes, several values joined by commas. */
  readonly params: Readonly<Record<string, string>>;
  /** The raw value, still escaped (see `unescapeText`). */
  readonly value: string;
}

export interface Component {
  /** Upper case, e.g. `VEVENT`. */
  readonly name: string;
  readonly props: Property[];
  readonly children: Component[];
  /** Lines inside this component (not its children) that could not be read. */
  skippedLines: number;
}

export interface ContentRead {
  /** Every VCALENDAR's contents merged into one (several calendars concatenated are read as one). */
  readonly calendar: Component;
  /** Lines outside any component or not content lines at all, and components never closed. */
  readonly skippedLines: number;
  readonly unclosedComponents: number;
}

/** Deeper nesting than this is not a calendar (VCALENDAR > VEVENT > VALARM is 3). */
export const MAX_DEPTH = 8;

const NAME = /^[A-Za-z0-9-]+/;

/**
 * The properties calendar reading uses (events, their zones and the user's answers). Everything
 * else — descriptions, attachments, alarms' text, often most of a file — is passed over without
 * being unfolded or stored: a 20 MB export is mostly DESCRIPTION and X-ALT-DESC.
 */
export const USED_PROPERTIES: ReadonlySet<string> = new Set([
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'SUMMARY',
  'STATUS',
  'TRANSP',
  'X-MICROSOFT-CDO-BUSYSTATUS',
  'ATTENDEE',
  'ORGANIZER',
  'CATEGORIES',
  'TZID',
  'TZOFFSETFROM',
  'TZOFFSETTO',
]);

/**
 * Null when the text holds no VCALENDAR at all. With `used`, only those properties are kept
 * (BEGIN and END always); a line whose name is not among them is skipped with its folds.
 */
export function readContent(text: string, used?: ReadonlySet<string>): ContentRead | null {
  const calendar: Component = { name: 'VCALENDAR', props: [], children: [], skippedLines: 0 };
  let sawCalendar = false;
  let skipped = 0;
  let unclosed = 0;
  /** Open components, outermost first; [0] is the merged calendar once one has begun. */
  const stack: Component[] = [];
  /** Components opened deeper than MAX_DEPTH: ignored with everything inside them. */
  let ignoredDepth = 0;

  const handle = (line: string): void => {
    if (line.length === 0) return;
    const prop = parseLine(line);
    const top = stack[stack.length - 1];
    if (!prop) {
      if (ignoredDepth > 0) return;
      if (top) top.skippedLines++;
      else skipped++;
      return;
    }
    if (prop.name === 'BEGIN') {
      const name = prop.value.trim().toUpperCase();
      if (ignoredDepth > 0 || stack.length >= MAX_DEPTH) {
        ignoredDepth++;
        return;
      }
      if (name === 'VCALENDAR' && stack.length === 0) {
        sawCalendar = true;
        stack.push(calendar);
        return;
      }
      if (!top) {
        skipped++;
        return;
      }
      const child: Component = { name, props: [], children: [], skippedLines: 0 };
      top.children.push(child);
      stack.push(child);
      return;
    }
    if (prop.name === 'END') {
      if (ignoredDepth > 0) {
        ignoredDepth--;
        return;
      }
      const name = prop.value.trim().toUpperCase();
      const at = lastIndexOfName(stack, name);
      if (at < 0) {
        if (top) top.skippedLines++;
        else skipped++;
        return;
      }
      // END:VEVENT with a VALARM still open closes both: the inner one was never ended.
      for (let i = stack.length - 1; i > at; i--) dropUnclosed(stack, i);
      unclosed += stack.length - 1 - at;
      stack.length = at;
      return;
    }
    if (ignoredDepth > 0) return;
    if (top) top.props.push(prop);
    else skipped++;
  };

  let pending: string | null = null;
  /** The line being folded is one `used` leaves out: its continuation lines go with it. */
  let passing = false;
  for (const raw of splitLines(text)) {
    const first = raw.charCodeAt(0);
    if (first === 32 || first === 9) {
      if (pending !== null) pending += raw.slice(1);
      else if (!passing && raw.trim() !== '') handle(raw); // a fold with nothing to continue
      continue;
    }
    if (pending !== null) handle(pending);
    pending = null;
    passing = used !== undefined && isPassedOver(raw, used);
    if (!passing) pending = raw;
  }
  if (pending !== null) handle(pending);
  if (!sawCalendar) return null;
  // A truncated file: components still open at the end were never finished, so not trusted.
  for (let i = stack.length - 1; i > 0; i--) dropUnclosed(stack, i);
  unclosed += Math.max(0, stack.length - 1);
  return { calendar, skippedLines: skipped, unclosedComponents: unclosed };
}

/** A content line whose name is known and not among `used` (BEGIN and END are always used). */
function isPassedOver(line: string, used: ReadonlySet<string>): boolean {
  let end = 0;
  while (end < line.length && end < 64) {
    const c = line.charCodeAt(end);
    // A–Z, a–z, 0–9 and '-': the name's characters.
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) break;
    end++;
  }
  const next = line.charCodeAt(end);
  if (end === 0 || (next !== 58 && next !== 59)) return false; // not a content line: counted by handle
  const name = line.slice(0, end).toUpperCase();
  return name !== 'BEGIN' && name !== 'END' && !used.has(name);
}

function lastIndexOfName(stack: Component[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.name === name) return i;
  return -1;
}

/** Removes the component at stack[i] from its parent: it was never closed. */
function dropUnclosed(stack: Component[], i: number): void {
  const parent = stack[i - 1];
  const child = stack[i];
  if (!parent || !child) return;
  const index = parent.children.lastIndexOf(child);
  if (index >= 0) parent.children.splice(index, 1);
}

function* splitLines(text: string): Generator<string> {
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      yield text.slice(start, i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < n) yield text.slice(start);
}

/** `NAME;PARAM=a,"b:c";X=y:value`, or null when the line is not a content line. */
export function parseLine(line: string): Property | null {
  const nameMatch = NAME.exec(line);
  if (!nameMatch) return null;
  const name = nameMatch[0].toUpperCase();
  let i = nameMatch[0].length;
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    const eq = line.indexOf('=', i + 1);
    if (eq < 0) return null;
    const paramName = line.slice(i + 1, eq).toUpperCase();
    if (!/^[A-Z0-9-]+$/.test(paramName)) return null;
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) return null;
        values.push(line.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < line.length && line[j] !== ',' && line[j] !== ';' && line[j] !== ':') j++;
        values.push(line.slice(i, j));
        i = j;
      }
      if (line[i] !== ',') break;
      i++;
    }
    params[paramName] = values.map(decodeParam).join(',');
  }
  if (line[i] !== ':') return null;
  return { name, params, value: line.slice(i + 1) };
}

/** RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret. */
function decodeParam(value: string): string {
  return value.includes('^')
    ? value.replace(/\^(n|'|\^)/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'))
    : value;
}

/** TEXT values (RFC 5545 §3.3.11): `\n`, `\,`, `\;` and `\\`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function firstProp(component: Component, name: string): Property | undefined {
  return component.props.find((p) => p.name === name);
}

export function allProps(component: Component, name: string): Property[] {
  return component.props.filter((p) => p.name === name);
}

/** A DATE or DATE-TIME value. `utc` when it ends in Z; `date` when it has no time part. */
export interface DateTimeValue {
  readonly wall: WallMs;
  readonly utc: boolean;
  readonly date: boolean;
}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/i;

/**
 * Reads `20270315`, `20270315T090000` or `20270315T090000Z`. The value decides, not VALUE=DATE:
 * `DTSTART;VALUE=DATE:20110804T120000` is a timed event whose exporter mislabelled it. Missing
 * seconds are tolerated; impossible dates and times give null.
 */
export function parseDateTime(value: string): DateTimeValue | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (m[4] === undefined) return { wall: wallOf(year, month, day), utc: false, date: true };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  // A leap second (60) is read as the last second of the minute, as RFC 5545 allows.
  const second = Math.min(59, Number(m[6] ?? 0));
  if (hour > 23 || minute > 59) return null;
  return { wall: wallOf(year, month, day, hour, minute, second), utc: m[7] !== undefined, date: false };
}

/** A DURATION: whole days and weeks are nominal (wall clock), the rest exact seconds. */
export interface DurationValue {
  readonly days: number;
  readonly seconds: number;
  readonly negative: boolean;
}

const DURATION = /^([+-])?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/i;

export function parseDuration(value: string): DurationValue | null {
  const text = value.trim();
  const m = DURATION.exec(text);
  if (!m || text.endsWith('T') || /^[+-]?P$/i.test(text)) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return {
    days: n(2) * 7 + n(3),
    seconds: n(4) * 3600 + n(5) * 60 + n(6),
    negative: m[1] === '-',
  };
}
