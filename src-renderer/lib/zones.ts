/*
 * Time zones for the zone picker: the runtime's list (Intl.supportedValuesOf, in Chromium and
 * Node alike), found by city or region in any case and with spaces for underscores ("new york",
 * "Berlin", "sao paulo"), plus a few everyday names no zone id carries ("NYC", "Bangalore").
 *
 * The runtime answers CLDR's names, which lag the tz database (Asia/Calcutta for Asia/Kolkata,
 * Europe/Kiev for Europe/Kyiv); the list shows the current names when the runtime knows them.
 */

const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** Everyday names (lower case) for zones whose id names another city. */
const NICKNAMES: Record<string, string> = {
  nyc: 'America/New_York',
  'washington dc': 'America/New_York',
  boston: 'America/New_York',
  miami: 'America/New_York',
  atlanta: 'America/New_York',
  'san francisco': 'America/Los_Angeles',
  sf: 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  la: 'America/Los_Angeles',
  portland: 'America/Los_Angeles',
  austin: 'America/Chicago',
  dallas: 'America/Chicago',
  houston: 'America/Chicago',
  'san diego': 'America/Los_Angeles',
  montreal: 'America/Toronto',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  beijing: 'Asia/Shanghai',
  munich: 'Europe/Berlin',
  hamburg: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  cologne: 'Europe/Berlin',
  barcelona: 'Europe/Madrid',
  milan: 'Europe/Rome',
  geneva: 'Europe/Zurich',
  krakow: 'Europe/Warsaw',
  edinburgh: 'Europe/London',
  manchester: 'Europe/London',
  'tel aviv': 'Asia/Jerusalem',
  'hong kong': 'Asia/Hong_Kong',
  'rio de janeiro': 'America/Sao_Paulo',
  rio: 'America/Sao_Paulo',
  utc: 'UTC',
  gmt: 'UTC',
};

/** Lower case, with `_`, `-`, `/` and runs of spaces read as one space. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_\-/]+/g, ' ')
    .trim();
}

function knownByRuntime(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let cached: readonly string[] | null = null;

/** Every zone this runtime knows, current names first where it knows them, sorted. */
export function allZones(): readonly string[] {
  if (cached) return cached;
  let list: string[];
  try {
    list = Intl.supportedValuesOf('timeZone');
  } catch {
    list = [];
  }
  const names = new Set(
    list.map((z) => (RENAMED[z] !== undefined && knownByRuntime(RENAMED[z]) ? RENAMED[z] : z)),
  );
  names.add('UTC');
  cached = [...names].sort();
  return cached;
}

/** The zone's id as the list spells it, for any case or spacing ("europe/berlin"), or null. */
export function exactZone(text: string): string | null {
  const key = normalise(text);
  if (key.length === 0) return null;
  const hit = allZones().find((z) => normalise(z) === key);
  if (hit !== undefined) return hit;
  const renamed = Object.entries(RENAMED).find(([old]) => normalise(old) === key)?.[1];
  return renamed !== undefined && allZones().includes(renamed) ? renamed : null;
}

function cityOf(zone: string): string {
  return normalise(zone.slice(zone.lastIndexOf('/') + 1));
}

/** Lower is better; null when the zone does not match at all. */
function rank(zone: string, query: string): number | null {
  const city = cityOf(zone);
  const whole = normalise(zone);
  if (city === query) return 0;
  if (city.startsWith(query)) return 1;
  if (whole.startsWith(query)) return 2;
  if (whole.split(' ').some((word) => word.startsWith(query))) return 3;
  if (whole.includes(query)) return 4;
  return null;
}

/** Zones for what the user typed, best first (a nickname, then the city, then anywhere). */
export function searchZones(text: string, limit = 8): string[] {
  const query = normalise(text);
  if (query.length === 0) return [];
  const found: { zone: string; score: number }[] = [];
  const nickname = NICKNAMES[query];
  if (nickname !== undefined && allZones().includes(nickname)) found.push({ zone: nickname, score: -1 });
  for (const zone of allZones()) {
    const score = rank(zone, query);
    if (score !== null && zone !== nickname) found.push({ zone, score });
  }
  found.sort((a, b) => a.score - b.score || a.zone.localeCompare(b.zone));
  return found.slice(0, limit).map((f) => f.zone);
}

/** The closest zone to a name that is not one ("Berlin" → Europe/Berlin), for "Did you mean…?". */
export function closestZone(text: string): string | null {
  return exactZone(text) ?? searchZones(text, 1)[0] ?? null;
}

/** The zone's offset from UTC right now, such as "UTC+2", "UTC−5" or "UTC+5:30". */
export function offsetLabel(zone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (part === undefined) return '';
    const offset = part.replace(/^GMT/, '');
    return offset === '' ? 'UTC' : `UTC${offset.replace('-', '−')}`;
  } catch {
    return '';
  }
}

/** A zone id for reading: "America/New_York" → "America / New York". */
export function zoneWords(zone: string): string {
  return zone.replace(/_/g, ' ').replace(/\//g, ' / ');
}
