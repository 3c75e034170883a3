import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { isValidZone } from './time';

/**
 * Zone resolution for calendar import (ics-import.ts): the TZIDs a file names but does not define
 * with a VTIMEZONE are mapped to IANA zones and registered with ical.js, so its own EXDATE,
 * RECURRENCE-ID and UNTIL comparisons happen on real instants.
 */

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;

/**
 * Outlook sometimes writes Windows zone names without a VTIMEZONE; the common ones map to IANA
 * so such files still land at the right times (unknown names fall back to the user's zone).
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  UTC: 'UTC',
};

/**
 * A zone ical.js can use, backed by the runtime's IANA data through @date-fns/tz. Used for TZIDs
 * the file names but does not define with a VTIMEZONE, so EXDATE/RECURRENCE-ID/UNTIL comparisons
 * inside ical.js still happen on real instants.
 */
class IanaTimezone extends ICAL.Timezone {
  private readonly iana: string;

  constructor(tzid: string, iana: string) {
    super({ tzid });
    this.iana = iana;
  }

  override utcOffset(tt: IcalTime): number {
    const wall = Date.UTC(tt.year, tt.month - 1, tt.day, tt.hour, tt.minute, tt.second);
    const instant = new TZDate(tt.year, tt.month - 1, tt.day, tt.hour, tt.minute, tt.second, this.iana);
    return (wall - instant.getTime()) / 1000;
  }
}

/**
 * ical.js resolves a TZID through the file's own VTIMEZONE first, then its global
 * TimezoneService. For IANA (or well-known Windows) names the file does not define, register a
 * zone backed by the runtime's tz data. The registry is process-wide, but what is registered
 * under a name depends only on that name, so files cannot disturb each other.
 */
export function registerUndefinedZones(root: IcalComponent): void {
  const tzids = new Set<string>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    for (const name of ['dtstart', 'dtend', 'exdate', 'rdate', 'recurrence-id']) {
      for (const prop of vevent.getAllProperties(name)) {
        const tzid = prop.getParameter('tzid');
        if (typeof tzid === 'string' && tzid.length > 0) tzids.add(tzid);
      }
    }
  }
  for (const tzid of tzids) {
    if (root.getTimeZoneByID(tzid) || ICAL.TimezoneService.has(tzid)) continue;
    const iana = ianaZoneFor(tzid);
    if (iana) ICAL.TimezoneService.register(new IanaTimezone(tzid, iana), tzid);
  }
}

/** The IANA zone a TZID names: itself, a known Windows name, or a vendor-prefixed IANA name. */
function ianaZoneFor(tzid: string): string | null {
  const bare = tzid.replace(/^"|"$/g, '');
  if (bare.includes('/') || bare === 'UTC') {
    // e.g. "/mozilla.org/20050126_1/Europe/Berlin": try ever shorter suffixes.
    const parts = bare.split('/').filter((p) => p.length > 0);
    for (let i = 0; i < parts.length; i++) {
      const candidate = parts.slice(i).join('/');
      if (candidate.includes('/') && isValidZone(candidate)) return candidate;
    }
    if (bare === 'UTC') return 'UTC';
  }
  return WINDOWS_ZONES[bare] ?? null;
}
