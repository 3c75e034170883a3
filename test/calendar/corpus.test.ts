import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { occurrencesBetween, readCalendar } from '../../src-main/core/ics/read';
import type { BusyStatus, Occurrence } from '../../src-main/core/ics/types';
import { toLocalIso } from '../../src-main/core/time';
import { oracleAvailability, runOracle, type OracleAnswer, type OracleOccurrence } from './oracle';

/**
 * Keel's calendar reading against an independent implementation, occurrence by occurrence, on
 * real calendar files from public sources (test/calendar/corpus/SOURCES.md says where each came
 * from and what it exercises). For every file and window in corpus/manifest.json, Keel's
 * occurrencesBetween and Debian's python3-recurring-ical-events (oracle/occurrences.py) must
 * list the same occurrences, matched on (uid, start, end, allDay), and agree on busy status
 * wherever the file's TRANSP/STATUS (and Outlook's busy status, and the user's PARTSTAT) decide
 * it. Every difference either side is right about is listed in manifest.json's
 * knownDifferences with its reason; an unlisted difference fails, and so does a listed one that
 * no longer happens, so the list stays true.
 */

const CORPUS = path.join(__dirname, 'corpus');

const Manifest = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      zone: z.string(),
      windows: z.array(z.tuple([z.iso.datetime(), z.iso.datetime()])).min(1),
      /** Files without UIDs: match on the title instead. */
      matchOn: z.enum(['uid', 'title']).optional(),
      /** The user's own addresses, for PARTSTAT. */
      addresses: z.array(z.string()).optional(),
    }),
  ),
  knownDifferences: z.array(
    z.object({
      file: z.string(),
      /** keel-only / oracle-only: an occurrence only that side lists; busy: both list it, the statuses differ. */
      side: z.enum(['keel-only', 'oracle-only', 'busy']),
      /** The match key (UID, or title for matchOn title); absent: any occurrence of the file. */
      key: z.string().optional(),
      /** ISO instants of the occurrences' starts; absent: every occurrence of that key. */
      starts: z.array(z.iso.datetime()).optional(),
      /** Which RFC 5545 point is open, or which side is wrong and why. */
      reason: z.string().min(20),
    }),
  ),
});
type Manifest = z.infer<typeof Manifest>;
type FileEntry = Manifest['files'][number];
type Known = Manifest['knownDifferences'][number];

const manifest: Manifest = Manifest.parse(
  JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')),
);
const availability = oracleAvailability();
const skipReason = availability.ok ? '' : ` (skipped: ${availability.reason})`;

interface Difference {
  readonly side: Known['side'];
  readonly key: string;
  readonly start: number;
  readonly line: string;
}

/** A title as both sides can agree on it: one line, spaces collapsed, bounded. */
function normTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** The UID Keel makes up for an event without one (read.ts): `no-uid-` and the event's number. */
const MADE_UP_UID = /^no-uid-\d+$/;

/**
 * What an occurrence is matched on: its UID, or its title in files without UIDs (matchOn) and
 * for each event without one (the oracle says null or '', Keel makes one up).
 */
function keyOf(entry: FileEntry, uid: string | null, title: string, side: 'keel' | 'oracle'): string {
  const noUid = side === 'keel' ? MADE_UP_UID.test(uid ?? '') : !uid;
  return entry.matchOn === 'title' || noUid ? normTitle(title) : (uid ?? '');
}

function describeOccurrence(zone: string, start: number, end: number, allDay: boolean): string {
  const from = toLocalIso(start, zone);
  const to = toLocalIso(end, zone);
  return `${from} → ${to.slice(0, 10) === from.slice(0, 10) ? to.slice(11) : to}${allDay ? ' (all day)' : ''}`;
}

/**
 * The status the file's own properties decide, or null where they do not (signals that
 * contradict each other: RFC 5545 does not order TRANSP, STATUS and Outlook's busy status, so
 * the app decides). Without the user's addresses PARTSTAT is not consulted.
 */
export function expectedStatus(o: OracleOccurrence): BusyStatus | null {
  if (o.status === 'CANCELLED') return 'cancelled';
  const signals = new Set<BusyStatus>();
  if (o.partstat === 'DECLINED') signals.add('free');
  else if (o.partstat === 'TENTATIVE' || o.partstat === 'NEEDS-ACTION') signals.add('tentative');
  if (o.transp === 'TRANSPARENT') signals.add('free');
  if (o.status === 'TENTATIVE') signals.add('tentative');
  const ms: Record<string, BusyStatus> = {
    FREE: 'free',
    TENTATIVE: 'tentative',
    OOF: 'out-of-office',
    BUSY: 'busy',
  };
  if (o.msBusyStatus !== null) {
    const mapped = ms[o.msBusyStatus];
    if (mapped === undefined) return null;
    signals.add(mapped);
  }
  if (signals.size > 1 && signals.has('busy')) return null;
  if (signals.size === 0) return 'busy';
  return signals.size === 1 ? [...signals][0]! : null;
}

/**
 * Keel marks an all-day absence (Outlook's OOF, or a holiday / vacation word in the title or
 * categories) as out-of-office, to offer the day off: RFC 5545 has no such notion, so where the
 * file's own signals say busy, tentative or free, out-of-office is accepted for such an event.
 */
const ABSENCE_WORDS = /holiday|vacation|out of office|\booo\b|\bpto\b|leave|urlaub|feiertag|congé|ferien/iu;

function mayBeAbsence(o: OracleOccurrence): boolean {
  return (
    o.allDay &&
    (o.msBusyStatus === 'OOF' ||
      ABSENCE_WORDS.test(o.summary) ||
      o.categories.some((c) => ABSENCE_WORDS.test(c)))
  );
}

interface Side {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
}

const pairKey = (o: Side): string => `${o.key}|${o.start}|${o.end}|${o.allDay}`;

/** Differences between Keel and the oracle in one window, as multisets on (key, start, end, allDay). */
export function compareWindow(
  entry: FileEntry,
  keel: readonly Occurrence[],
  oracle: readonly OracleOccurrence[],
): Difference[] {
  const keelSides = keel.map((o) => ({ ...o, key: keyOf(entry, o.uid, o.title, 'keel') }));
  const oracleSides = oracle.map((o) => ({ ...o, key: keyOf(entry, o.uid, o.summary, 'oracle') }));
  const pending = new Map<string, (typeof keelSides)[number][]>();
  for (const o of keelSides) pending.set(pairKey(o), [...(pending.get(pairKey(o)) ?? []), o]);
  const differences: Difference[] = [];
  const text = (o: Side, title: string): string =>
    `${describeOccurrence(entry.zone, o.start, o.end, o.allDay)}  ${o.key === title ? '' : `[${o.key}] `}${title}`;
  for (const o of oracleSides) {
    const match = pending.get(pairKey(o))?.shift();
    if (!match) {
      differences.push({
        side: 'oracle-only',
        key: o.key,
        start: o.start,
        line: `oracle-only ${text(o, o.summary)}`,
      });
      continue;
    }
    const expected = expectedStatus(o);
    const absence = match.status === 'out-of-office' && expected !== 'cancelled' && mayBeAbsence(o);
    if (expected !== null && match.status !== expected && !absence) {
      const props = `STATUS=${o.status} TRANSP=${o.transp} X-MICROSOFT-CDO-BUSYSTATUS=${o.msBusyStatus} PARTSTAT=${o.partstat}`;
      const line = `busy        ${text(o, o.summary)}: Keel says ${match.status}, the file says ${expected} (${props})`;
      differences.push({ side: 'busy', key: o.key, start: o.start, line });
    }
  }
  for (const left of pending.values()) {
    for (const o of left) {
      differences.push({
        side: 'keel-only',
        key: o.key,
        start: o.start,
        line: `keel-only   ${text(o, o.title)}`,
      });
    }
  }
  return differences;
}

function knownMatches(known: Known, file: string, d: Difference): boolean {
  if (known.file !== file || known.side !== d.side) return false;
  if (known.key !== undefined && known.key !== d.key) return false;
  return known.starts === undefined || known.starts.some((s) => Date.parse(s) === d.start);
}

describe('the calendar corpus', () => {
  it('lists every .ics file in the manifest and in SOURCES.md, and every known difference names one of them', () => {
    const onDisk = fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith('.ics'))
      .sort();
    expect(manifest.files.map((f) => f.file).sort()).toEqual(onDisk);
    const sources = fs.readFileSync(path.join(CORPUS, 'SOURCES.md'), 'utf8');
    expect(onDisk.filter((f) => !sources.includes(`\`${f}\``))).toEqual([]);
    expect(manifest.knownDifferences.filter((k) => !onDisk.includes(k.file))).toEqual([]);
  });

  it('keeps the files byte for byte: git must not touch their line endings', () => {
    expect(fs.readFileSync(path.join(CORPUS, '.gitattributes'), 'utf8')).toMatch(/^\* -text$/m);
    const crlf = fs.readFileSync(path.join(CORPUS, 'rie-daylight_saving_time.ics'), 'latin1');
    expect(crlf.includes('\r\n')).toBe(true);
  });
});

describe('Keel against python3-recurring-ical-events, occurrence by occurrence', () => {
  const answers = new Map<string, OracleAnswer>();
  const idOf = (file: string, window: number): string => `${file}#${window}`;

  beforeAll(() => {
    if (!availability.ok) return;
    const requests = manifest.files.flatMap((entry) =>
      entry.windows.map(([from, to], i) => ({
        id: idOf(entry.file, i),
        file: path.join(CORPUS, entry.file),
        from,
        to,
        zone: entry.zone,
        addresses: entry.addresses ?? [],
      })),
    );
    for (const answer of runOracle(requests)) answers.set(answer.id, answer);
  }, 300_000);

  for (const entry of manifest.files) {
    it.skipIf(!availability.ok)(`${entry.file}${skipReason}`, () => {
      const text = fs.readFileSync(path.join(CORPUS, entry.file), 'utf8');
      const calendar = readCalendar(text, { addresses: entry.addresses ?? [] });
      const differences: Difference[] = [];
      entry.windows.forEach(([from, to], i) => {
        const answer = answers.get(idOf(entry.file, i));
        if (!answer || 'error' in answer) {
          throw new Error(`The oracle could not read ${entry.file}: ${answer ? answer.error : 'no answer'}`);
        }
        const keel = occurrencesBetween(calendar, Date.parse(from), Date.parse(to), entry.zone).occurrences;
        differences.push(...compareWindow(entry, keel, answer.occurrences));
      });
      const mine = manifest.knownDifferences.filter((k) => k.file === entry.file);
      const unlisted = differences.filter((d) => !mine.some((k) => knownMatches(k, entry.file, d)));
      expect(
        unlisted.map((d) => d.line),
        `differences not in manifest.json knownDifferences (zone ${entry.zone})`,
      ).toEqual([]);
      const stale = mine.flatMap((k) => {
        const hits = differences.filter((d) => knownMatches(k, entry.file, d));
        if (hits.length === 0) return [`${k.side} ${k.key ?? '(any)'}: no longer happens (${k.reason})`];
        const missing = (k.starts ?? []).filter((s) => !hits.some((d) => d.start === Date.parse(s)));
        return missing.map((s) => `${k.side} ${k.key ?? '(any)'} at ${s}: no longer happens`);
      });
      expect(stale, 'known differences that no longer happen: remove them from manifest.json').toEqual([]);
    });
  }
});
