/**
 * Five years of one person's Keel data, built deterministically (a seeded PRNG, fixed dates) and
 * written through Keel's own repositories into a real database file, in one transaction.
 *
 * Per workday (Monday–Friday, minus about 8% off for holidays and sick days): presence (first and
 * last active), the two default focus blocks (09:00–11:00, 14:00–16:00) each with 0–4
 * interruptions, a sign-off with the ritual's notes on most days, and sometimes an ad-hoc block.
 * Every calendar day: one check-in (a fifth of workdays get a second), a third with a note.
 * Weekly: a talking point (all but the last few discussed). Monthly: a shared summary in the share
 * log and a WHO-5 result.
 */
import fs from 'node:fs';
import { DEFAULT_TAGS, makeCheckin, parseCheckinInput, type Checkin } from '../../src-main/core/checkin';
import { INTERRUPTION_KINDS } from '../../src-main/core/focus';
import { occurrenceId } from '../../src-main/core/focus-plan';
import { makeQuestionnaireResult } from '../../src-main/core/questionnaires';
import { addLocalDays, instantAt, weekdayOf, type LocalDate } from '../../src-main/core/time';
import { openDatabase } from '../../src-main/storage/database';
import { CheckinRepo } from '../../src-main/storage/checkin-repo';
import { FocusRepo } from '../../src-main/storage/focus-repo';
import { databasePath } from '../../src-main/storage/paths';
import { SummaryRepo } from '../../src-main/storage/summary-repo';
import { TalkingPointRepo } from '../../src-main/storage/talking-point-repo';
import { type ShareFormat } from '../../src-main/shared/dto';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import { DATA_FROM, DATA_TO, ZONE } from './world';

/** mulberry32: small, fast and good enough to make realistic-looking days; same seed, same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof prng>;

const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

/** A UUID-shaped id from the PRNG (Keel uses random UUIDs; these only need to be unique). */
export function fakeUuid(rnd: Random): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rnd() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const NOTES = [
  'Release week, lots of small fixes and reviews.',
  'On call this week; two pages overnight, tired but fine.',
  'Good focus day, finished the migration design.',
  'Too many meetings, barely wrote any code.',
  'Priorities shifted again mid-sprint; unclear what matters most.',
  'Pairing with the new teammate took most of the afternoon, worth it.',
  'Incident review ran long. Need to write up the follow-ups tomorrow.',
  'Quiet day. Caught up on the backlog and docs.',
  'Deadline for the quarterly planning doc is close, feeling the pressure.',
  'Kids were sick, worked short hours.',
];
const DONE = [
  'Reviewed three pull requests and merged the retry fix.',
  'Wrote the design doc draft for the sync protocol.',
  'Fixed the flaky integration test; it was a timezone issue.',
  'Shipped the settings migration behind a flag.',
  'Planning meeting, then refactored the export module.',
  'Handled two support escalations and updated the runbook.',
];
const UNFINISHED = [
  { item: 'Review of the storage PR', plan: '10:00, after stand-up' },
  { item: 'Benchmark the summary builder', plan: 'First focus block' },
  { item: 'Reply to the design feedback', plan: 'Before lunch' },
  { item: 'Update the on-call handover notes', plan: '09:30, first thing' },
];
const FIRST_TOMORROW = ['Finish the review', 'Write the migration test', 'Pair on the flaky test', ''];
const INTERRUPTION_NOTES = [
  'Quick question in chat',
  'Pager: disk space alert',
  'Manager ping',
  'Build broke',
];
const TALKING_POINTS = [
  'Scope of the Q3 platform work: too much for the team?',
  'I would like to mentor the new joiner',
  'On-call rotation feels uneven this quarter',
  'Feedback on my design review',
  'Conference budget for next year',
  'Too many meetings on Tuesdays',
];
const SHARED_SECTIONS = [
  ['trends', 'talkingPoints'],
  ['trends', 'sustainability', 'focus', 'talkingPoints'],
  ['trends', 'stretched', 'endOfDay', 'talkingPoints', 'notes'],
];
const SHARE_FORMATS: ShareFormat[] = ['md', 'html', 'pdf', 'clipboard'];
/** Talking points still open at the end (the rest were discussed a week after they were raised). */
const OPEN_POINTS = 4;

export interface DatasetStats {
  days: number;
  workdays: number;
  checkins: number;
  focusSessions: number;
  interruptions: number;
  workdayRecords: number;
  signoffs: number;
  questionnaireResults: number;
  talkingPoints: number;
  shares: number;
  databaseBytes: number;
  generateMs: number;
}

/** A realistic check-in at `at`, through Keel's own validation (so it is stored as Keel would). */
function checkinAt(rnd: Random, at: number, busy: number): Checkin {
  const workload = Math.min(5, Math.max(1, Math.round(3 + busy + (rnd() - 0.5) * 2)));
  const energy = Math.min(5, Math.max(1, Math.round(3.5 - busy + (rnd() - 0.5) * 2)));
  const tags: string[] = [];
  for (let n = int(rnd, 0, 3); n > 0; n--) tags.push(pick(rnd, DEFAULT_TAGS).id);
  const note = rnd() < 0.33 ? pick(rnd, NOTES) : undefined;
  const input = parseCheckinInput({
    workload,
    energy,
    sustainable: workload >= 5 ? 'no' : workload === 4 ? pick(rnd, ['mostly', 'no'] as const) : 'yes',
    stretched: tags,
    ...(note !== undefined ? { note, shareable: rnd() < 0.5 } : {}),
  });
  return makeCheckin(input, { id: fakeUuid(rnd), at, zone: ZONE });
}

const minutes = (m: number) => m * 60_000;

interface Writers {
  checkins: CheckinRepo;
  focus: FocusRepo;
  workdays: WorkdayRepo;
  summary: SummaryRepo;
  talkingPoints: TalkingPointRepo;
}

/** One generated day: its date, the random source, the week's mood and what was written so far. */
interface Day {
  date: LocalDate;
  rnd: () => number;
  busy: number;
  stats: DatasetStats;
  at(hhmm: string, plusMinutes?: number): number;
}

function emptyStats(): DatasetStats {
  return {
    days: 0,
    workdays: 0,
    checkins: 0,
    focusSessions: 0,
    interruptions: 0,
    workdayRecords: 0,
    signoffs: 0,
    questionnaireResults: 0,
    talkingPoints: 0,
    shares: 0,
    databaseBytes: 0,
    generateMs: 0,
  };
}

/** A planned block that ran (with interruptions, maybe stopped early, maybe a cue), or was skipped. */
function writePlannedBlock(focus: FocusRepo, day: Day, start: string, end: string): void {
  const { rnd, date, stats, at } = day;
  if (rnd() < 0.12) {
    if (rnd() < 0.5) focus.skip(occurrenceId(date, start), at(start, -10));
    return;
  }
  const startedAt = at(start, rnd() < 0.8 ? 0 : int(rnd, 1, 20));
  const plannedEnd = at(end);
  const session = focus.start({
    kind: 'planned',
    occurrenceId: occurrenceId(date, start),
    startedAt,
    plannedEnd,
    localDate: date,
    zone: ZONE,
  });
  stats.focusSessions++;
  const interruptions = Math.min(4, Math.floor(-Math.log(1 - rnd()) * (1.2 + day.busy * 0.4)));
  for (let i = 0; i < interruptions; i++) {
    const when = startedAt + Math.floor(rnd() * (plannedEnd - startedAt));
    const kind = pick(rnd, INTERRUPTION_KINDS);
    focus.interrupt(session.id, when, kind, rnd() < 0.3 ? pick(rnd, INTERRUPTION_NOTES) : null, date);
    stats.interruptions++;
  }
  const stopped = rnd() < 0.15;
  focus.end(
    session.id,
    stopped ? startedAt + minutes(int(rnd, 20, 100)) : plannedEnd,
    stopped ? 'stopped' : 'completed',
  );
  if (rnd() < 0.4) focus.addCue(plannedEnd, pick(rnd, UNFINISHED).item, session.id);
}

/** The day's end: a sign-off most days, otherwise a suggestion left alone. */
function writeDayEnd(workdays: WorkdayRepo, day: Day, last: number): void {
  const { rnd, date, at } = day;
  if (rnd() < 0.85) {
    const items = int(rnd, 0, 2);
    workdays.signOff(
      date,
      ZONE,
      {
        signedOffAt: last,
        done: pick(rnd, DONE),
        unfinished: Array.from({ length: items }, () => pick(rnd, UNFINISHED)),
        firstTomorrow: pick(rnd, FIRST_TOMORROW) || null,
        energy: int(rnd, 1, 5),
        quietUntil: null,
      },
      false,
    );
    day.stats.signoffs++;
  } else {
    // Suggested at the end of hours, then left alone.
    const state = { workday: date, suggestedAt: [at('17:30')], snoozedUntil: null, notToday: false };
    workdays.saveState({ ...state, signedOffAt: null }, ZONE);
  }
}

/** A working day: presence, the two planned blocks, sometimes an ad-hoc one, the end, check-ins. */
function writeWorkday(w: Writers, day: Day): void {
  const { rnd, date, stats, at } = day;
  stats.workdays++;
  const first = at('08:30', int(rnd, 0, 60));
  const late = rnd() < 0.1;
  const last = at('17:00', late ? int(rnd, 150, 240) : int(rnd, 0, 120));
  w.workdays.recordPresence(date, ZONE, first);
  w.workdays.recordPresence(date, ZONE, last);
  stats.workdayRecords++;
  writePlannedBlock(w.focus, day, '09:00', '11:00');
  writePlannedBlock(w.focus, day, '14:00', '16:00');
  if (rnd() < 0.2) {
    const startedAt = at('16:15', int(rnd, 0, 30));
    const session = w.focus.start({
      kind: 'adhoc',
      occurrenceId: null,
      startedAt,
      plannedEnd: startedAt + minutes(50),
      localDate: date,
      zone: ZONE,
    });
    w.focus.end(session.id, startedAt + minutes(50), 'completed');
    stats.focusSessions++;
  }
  writeDayEnd(w.workdays, day, last);
  w.checkins.add(checkinAt(rnd, at('16:00', int(rnd, 0, 120)), day.busy));
  stats.checkins++;
  if (rnd() < 0.2) {
    w.checkins.add(checkinAt(rnd, at('11:00', int(rnd, 0, 60)), day.busy));
    stats.checkins++;
  }
}

/** A day off: now and then a little weekend (or holiday) work, and a check-in. */
function writeDayOff(w: Writers, day: Day): void {
  const { rnd, date, stats, at } = day;
  if (rnd() < 0.1) {
    const first = at('10:00', int(rnd, 0, 240));
    w.workdays.recordPresence(date, ZONE, first);
    w.workdays.recordPresence(date, ZONE, first + minutes(int(rnd, 20, 180)));
    stats.workdayRecords++;
  }
  w.checkins.add(checkinAt(rnd, at('10:00', int(rnd, 0, 600)), day.busy - 1));
  stats.checkins++;
}

/** What comes on a calendar rhythm: Tuesday's talking point, the WHO-5 on the 1st, a share on the 15th. */
function writeRhythm(w: Writers, day: Day, points: { id: string; createdAt: number }[]): void {
  const { rnd, date, stats, at } = day;
  if (weekdayOf(date) === 'tue') {
    // In this order: the random draws make the same data set as before.
    const createdAt = at('10:00', int(rnd, 0, 300));
    const point = { id: fakeUuid(rnd), text: pick(rnd, TALKING_POINTS), createdAt };
    w.talkingPoints.addPoint(point);
    points.push(point);
    stats.talkingPoints++;
  }
  if (date.endsWith('-01')) {
    const answers = Array.from({ length: 5 }, () => int(rnd, 2, 5));
    w.checkins.addResult(
      makeQuestionnaireResult('who5', answers, { id: fakeUuid(rnd), at: at('12:00'), zone: ZONE }),
    );
    stats.questionnaireResults++;
  }
  if (date.endsWith('-15') && date > DATA_FROM) {
    const sections = pick(rnd, SHARED_SECTIONS);
    w.summary.addShare({
      id: fakeUuid(rnd),
      at: at('15:00'),
      localDate: date,
      from: addLocalDays(date, -13),
      to: date,
      sections,
      noteCount: sections.includes('notes') ? int(rnd, 1, 6) : 0,
      format: pick(rnd, SHARE_FORMATS),
      via: 'window',
      kind: 'summary',
      contentHash: Array.from({ length: 8 }, () =>
        Math.floor(rnd() * 2 ** 32)
          .toString(16)
          .padStart(8, '0'),
      ).join(''),
    });
    stats.shares++;
  }
}

/** Writes five years of data into `dataDir` (which must not hold a database yet). */
export function generateDataset(dataDir: string, seed = 20261127): DatasetStats {
  const started = process.hrtime.bigint();
  const file = databasePath(dataDir);
  if (fs.existsSync(file)) throw new Error(`${file} exists already; the data set goes into a new folder.`);
  const db = openDatabase(file);
  const writers: Writers = {
    checkins: new CheckinRepo(db),
    focus: new FocusRepo(db),
    workdays: new WorkdayRepo(db),
    summary: new SummaryRepo(db),
    talkingPoints: new TalkingPointRepo(db),
  };
  const rnd = prng(seed);
  const points: { id: string; createdAt: number }[] = [];
  const stats = emptyStats();
  // A slow wave of busier and calmer weeks, so trends have something to show.
  let busy = 0;

  db.transaction(() => {
    for (let date: LocalDate = DATA_FROM; date <= DATA_TO; date = addLocalDays(date, 1)) {
      stats.days++;
      const weekday = weekdayOf(date);
      if (weekday === 'mon') busy = Math.max(-1.5, Math.min(1.5, busy * 0.6 + (rnd() - 0.5) * 1.6));
      const isWorkday = weekday !== 'sat' && weekday !== 'sun' && rnd() > 0.08;
      const at = (hhmm: string, plusMinutes = 0) => instantAt(date, hhmm, ZONE) + minutes(plusMinutes);
      const day: Day = { date, rnd, busy, stats, at };
      if (isWorkday) writeWorkday(writers, day);
      else writeDayOff(writers, day);
      writeRhythm(writers, day, points);
    }
    for (const point of points.slice(0, -OPEN_POINTS)) {
      writers.talkingPoints.setDiscussed(point.id, point.createdAt + 7 * 86_400_000);
    }
  })();

  // One self-contained file to copy: fold the WAL back in.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  stats.databaseBytes = fs.statSync(file).size;
  stats.generateMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  for (const extra of ['-wal', '-shm']) fs.rmSync(`${file}${extra}`, { force: true });
  return stats;
}
