import { WINDOWS_ZONE_ALIASES, WINDOWS_ZONE_IDS } from './windows-zones';
import { WINDOWS_DISPLAY_NAMES } from './zone-display-names';
import { TZDB_NAMES } from './zone-tzdb-names';

/*
 * TZID → IANA name. Real files name zones in many ways: IANA names and their old aliases
 * ("US/Eastern"), with vendor prefixes ("/mozilla.org/20050126_1/Europe/Berlin"), Windows ids
 * ("W. Europe Standard Time"), Outlook display names ("(UTC-05:00) Eastern Time (US & Canada)"),
 * and plain offsets ("UTC+05:30"). A name found here uses the runtime's time-zone data, whatever
 * VTIMEZONE the file carries for it (vendors' VTIMEZONEs are often truncated or wrong).
 *
 * Intl is the judge of IANA names, but building an Intl.DateTimeFormat costs ~0.2 ms (~0.05 ms to
 * refuse), so answers are remembered per TZID, names Intl lists are looked up without building
 * one, and only names of the tz database (zone-tzdb-names.ts) are ever offered to Intl: 5,000
 * made-up TZIDs cost milliseconds, not seconds.
 */

const MEMO_MAX = 10_000;
const resolved = new Map<string, string | null>();

/**
 * The IANA name a TZID stands for (as Intl spells it, e.g. "Asia/Calcutta" for "Asia/Kolkata" on
 * Node 20), "UTC", "Etc/GMT-5" for a whole-hour offset written "UTC+5", or "+05:30" for another
 * fixed offset (ianaZone reads those too). Null when nobody can resolve it.
 */
export function resolveTzid(tzid: string): string | null {
  let name = resolved.get(tzid);
  if (name === undefined) {
    name = resolve(tzid);
    if (resolved.size >= MEMO_MAX) resolved.clear();
    resolved.set(tzid, name);
  }
  return name;
}

function resolve(tzid: string): string | null {
  const text = tzid
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
  if (text.length === 0 || text.length > 200) return null;
  return fixedName(text) ?? ianaName(text) ?? windowsName(text) ?? displayName(text) ?? prefixedName(text);
}

const UTC_NAMES = /^(?:etc\/)?(?:utc|uct|ut|z|gmt|gmt[+-]?0|greenwich|universal|zulu)$/i;
const OFFSET = /^(?:(?:utc|gmt)\s*)?([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * UTC and offsets written as a person would ("UTC+05:30", "GMT-3", "+0100"): the sign means what
 * it says (UTC+05:30 is ahead of UTC), as in Windows' own "UTC-11" zone; POSIX's reversed sign
 * appears only in "Etc/GMT+5", which is an IANA name and read as one.
 */
function fixedName(text: string): string | null {
  if (UTC_NAMES.test(text)) return 'UTC';
  const m = OFFSET.exec(text);
  if (!m || (!/^(utc|gmt)/i.test(text) && m[3] === undefined)) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  const total = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  if (total === 0) return 'UTC';
  if (minutes === 0 && total >= -12 * 60) return `Etc/GMT${total > 0 ? '-' : '+'}${hours}`;
  return `${m[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

let listed: Map<string, string> | null = null;
let tzdb: Set<string> | null = null;

/** The runtime's zone names by lower case. */
function listedNames(): Map<string, string> {
  if (!listed) {
    const names: string[] =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    listed = new Map(names.map((n) => [n.toLowerCase(), n]));
    tzdb = new Set(TZDB_NAMES.trim().toLowerCase().split(/\s+/));
  }
  return listed;
}

/** An IANA name or alias, as Intl spells it; spaces for underscores are forgiven. */
function ianaName(text: string): string | null {
  const name = (text.includes('/') ? text.replace(/ /g, '_') : text).toLowerCase();
  const known = listedNames().get(name);
  if (known) return known;
  return tzdb!.has(name) ? intlName(name) : null;
}

function intlName(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

let windows: Map<string, string> | null = null;

/** A Windows id or another name Windows gives the zone (case ignored). */
function windowsName(text: string): string | null {
  if (!windows) {
    windows = new Map(WINDOWS_ZONE_IDS.map(([id, iana]) => [id.toLowerCase(), iana]));
    for (const [alias, id] of WINDOWS_ZONE_ALIASES) {
      const iana = windows.get(id.toLowerCase());
      if (iana) windows.set(alias.toLowerCase(), iana);
    }
  }
  const iana = windows.get(text.replace(/\s+/g, ' ').toLowerCase());
  return iana ? ianaName(iana) : null;
}

interface DisplayEntry {
  readonly offset: string;
  readonly iana: string;
}
let displays: Map<string, DisplayEntry[]> | null = null;

/** Display-name text compared loosely: case, accents, punctuation, "&"/"and", en-GB spelling. */
export function displayKey(text: string): string {
  return text
    .replace(/co-ordinated/gi, 'coordinated')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9+-]+/g, ' ')
    .trim();
}

const DISPLAY = /^\(\s*(?:utc|gmt)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)\s*(.+)$/i;

/**
 * An Outlook display name, "(UTC-05:00) Eastern Time (US & Canada)" or the older "(GMT-05:00)"
 * form, or its text alone. Outlook sometimes writes the summer offset in the prefix, so the text
 * decides, and the offset only chooses between zones that share a text.
 */
function displayName(text: string): string | null {
  if (!displays) {
    displays = new Map();
    const ids = new Map(WINDOWS_ZONE_IDS);
    for (const [offset, name, id] of WINDOWS_DISPLAY_NAMES) {
      const iana = ids.get(id);
      if (!iana) continue;
      const key = displayKey(name);
      displays.set(key, [...(displays.get(key) ?? []), { offset, iana }]);
    }
  }
  const m = DISPLAY.exec(text);
  const entries = displays.get(displayKey(m ? m[4]! : text));
  if (!entries) return null;
  const zones = new Set(entries.map((e) => e.iana));
  if (zones.size === 1) return ianaName(entries[0]!.iana);
  const offset = m?.[1] ? `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}` : '+00:00';
  const match = entries.find((e) => e.offset === offset);
  return match ? ianaName(match.iana) : null;
}

/**
 * A vendor-prefixed IANA name ("/mozilla.org/20050126_1/Europe/Berlin",
 * "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", "posix/Europe/Vaduz"): the longest
 * tail that is an IANA name of two or more parts, or UTC.
 */
function prefixedName(text: string): string | null {
  if (!text.includes('/')) return null;
  const parts = text.split('/').filter((p) => p.length > 0);
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    const name = i < parts.length - 1 ? ianaName(tail) : UTC_NAMES.test(tail) ? 'UTC' : null;
    if (name) return name;
  }
  return null;
}
