import { TZDB_NAMES } from './ics/zone-tzdb-names';
import { isValidZone } from './time';

/*
 * The "zone" setting's spelling. Intl reads zone names in any case, but calendar programs do not:
 * `europe/berlin` in an exported TZID names no zone. So the setting keeps the name the user chose,
 * spelled as the IANA tz database spells it (`europe/berlin` → `Europe/Berlin`, `us/pacific` →
 * `US/Pacific`, `etc/gmt+5` → `Etc/GMT+5`).
 *
 * An alias stays an alias: `US/Pacific` and `Asia/Kolkata` are both names of the tz database,
 * which every calendar program reads, and the runtime's own "canonical" name is CLDR's, which
 * lags IANA (Node 20 and Chromium answer `Asia/Calcutta` for `Asia/Kolkata` and `Europe/Kiev` for
 * `Europe/Kyiv`): replacing the user's name with it would undo a rename they chose. A name the
 * runtime knows but the database list does not (a newer zone) is spelled as the runtime spells it.
 *
 * Each distinct input costs at most one Intl.DateTimeFormat (through the memoised isValidZone, or
 * one resolvedOptions() here), so a crafted import naming a zone in every record stays fast.
 */

const MEMO_MAX = 1_000;
const memo = new Map<string, string | null>();
let spellings: Map<string, string> | null = null;

function tzdbSpelling(name: string): string | undefined {
  spellings ??= new Map(
    TZDB_NAMES.trim()
      .split(/\s+/)
      .map((n) => [n.toLowerCase(), n]),
  );
  return spellings.get(name.toLowerCase());
}

function runtimeSpelling(name: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Offsets such as "+01:00" (which newer runtimes accept) are not zone names.
    return /^[A-Za-z]/.test(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

function canonical(input: string): string | null {
  const name = input.trim();
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z]/.test(name)) return null;
  const spelled = tzdbSpelling(name);
  if (spelled !== undefined) return isValidZone(spelled) ? spelled : null;
  return runtimeSpelling(name);
}

/**
 * `zone` as Keel stores it: the tz database's spelling of the name the user gave (aliases kept),
 * or null when it names no time zone this runtime knows.
 */
export function canonicalZone(zone: string): string | null {
  let answer = memo.get(zone);
  if (answer === undefined) {
    answer = canonical(zone);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(zone, answer);
  }
  return answer;
}

const cityKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/**
 * The zone a name that is not one probably means: a city of the tz database typed alone, in any
 * case, with spaces for underscores ("Berlin", "new york" → Europe/Berlin, America/New_York).
 * Null when no zone's city is named so (or starts so, for three letters or more).
 */
export function zoneSuggestion(name: string): string | null {
  const key = cityKey(name);
  if (key.length === 0 || key.length > 64 || key.includes('/')) return null;
  const names = TZDB_NAMES.trim().split(/\s+/);
  const city = (zone: string) => cityKey(zone.slice(zone.lastIndexOf('/') + 1));
  // The tz database's own zones come before its old aliases (Europe/Berlin, not Etc/…).
  const real = (zone: string) => zone.includes('/') && !/^(Etc|US|Canada|Brazil|Mexico|Chile)\//.test(zone);
  const exact = names.find((z) => real(z) && city(z) === key);
  if (exact !== undefined) return canonicalZone(exact);
  if (key.length < 3) return null;
  const prefix = names.find((z) => real(z) && city(z).startsWith(key));
  return prefix === undefined ? null : canonicalZone(prefix);
}

/** The sentence for a zone name that is none, with the zone it probably means. */
export function unknownZoneMessage(name: string): string {
  const suggestion = zoneSuggestion(name);
  return suggestion === null
    ? 'That is not a time zone Keel knows; type a city and pick its zone, such as Europe/Berlin.'
    : `That is not a time zone Keel knows; did you mean ${suggestion}?`;
}
