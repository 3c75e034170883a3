/**
 * The child of crash-safety.test.ts: writes check-ins, focus blocks and sign-offs through the
 * real services as fast as it can, one workday after another, until the test kills it.
 *
 * After each service call returns it writes one JSON line to fd 3 (synchronously, so a line the
 * test reads was sent before the kill). Only those lines count as acknowledged.
 *
 * Usage: KEEL_CRASH_WRITER=1 node crash-writer.cjs <dataDir> <seed> <round> <firstDay>
 * (without the variable it only exports its helpers, for the test to import).
 */
import fs from 'node:fs';
import { DEFAULT_TAGS, type Rating, type Sustainable } from '../../src-main/core/checkin';
import { ManualClock } from '../../src-main/core/clock';
import { MAX_UNFINISHED } from '../../src-main/core/signoff';
import { addLocalDays, instantAt } from '../../src-main/core/time';
import { createServices } from '../../src-main/services';

/** Day 0 of every round's numbering; a round writes from its `firstDay` on. */
const BASE_DATE = '2027-01-04';
export const ZONE = 'Europe/Berlin';
/** A child the test forgot to kill stops by itself, so a broken test cannot hang. */
const GIVE_UP_MS = 30_000;
const ACK_FD = 3;

/** Small seeded PRNG (mulberry32): the same seed and round write the same content. */
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

function ack(record: Record<string, unknown>): void {
  const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
  let sent = 0;
  while (sent < bytes.length) sent += fs.writeSync(ACK_FD, bytes, sent, bytes.length - sent);
}

function main(): void {
  const [dataDir, seedArg, roundArg, firstDayArg] = process.argv.slice(2);
  if (!dataDir || seedArg === undefined || roundArg === undefined || firstDayArg === undefined) {
    throw new Error('usage: crash-writer <dataDir> <seed> <round> <firstDay>');
  }
  const round = Number(roundArg);
  const firstDay = Number(firstDayArg);
  const random = prng((Number(seedArg) ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rating = (): Rating => (1 + Math.floor(random() * 5)) as Rating;
  const text = (label: string, length: number) => {
    // Non-ASCII on purpose: the content must come back byte for byte.
    const words = ['Überstunden', 'review', 'naïve', 'deploy', '✓', 'migration', 'on-call', 'docs'];
    let out = label;
    while (out.length < length) out += ` ${pick(words)}`;
    // The services trim free text, as the window's forms do; start and end with a letter.
    return out.slice(0, length).trimEnd();
  };

  const clock = new ManualClock(instantAt(addLocalDays(BASE_DATE, firstDay), '08:00', ZONE));
  const services = createServices({
    dataDir,
    clock,
    version: '0.0.0-crash',
    systemZone: () => ZONE,
  });
  // The previous child may have died inside a focus block; end it, as the app would on start.
  if (services.focus.running()) services.focus.stop();
  ack({ kind: 'ready', round, firstDay });

  const startedAt = Date.now();
  for (let day = firstDay; Date.now() - startedAt < GIVE_UP_MS; day++) {
    const date = addLocalDays(BASE_DATE, day);
    const tag = `r${round} d${day}`;

    clock.jumpTo(instantAt(date, '09:15', ZONE));
    const withNote = random() < 0.7;
    const check = services.checkin.add({
      workload: rating(),
      energy: rating(),
      sustainable: pick<Sustainable>(['yes', 'mostly', 'no']),
      stretched: DEFAULT_TAGS.filter(() => random() < 0.3).map((t) => t.id),
      ...(withNote ? { note: text(`check ${tag}`, 20 + Math.floor(random() * 400)) } : {}),
      shareable: withNote && random() < 0.5,
    });
    ack({
      kind: 'checkin',
      day,
      id: check.id,
      at: clock.now(),
      date: check.date,
      workload: check.workload,
      energy: check.energy,
      sustainable: check.sustainable,
      stretched: check.stretched.map((t) => t.id),
      note: check.note,
      shareable: check.shareable,
    });

    // 12:00 is outside the default plan's blocks, so this is an ad-hoc block.
    clock.jumpTo(instantAt(date, '12:00', ZONE));
    const session = services.focus.startAdhoc({ minutes: 50 });
    ack({
      kind: 'focus-start',
      day,
      startedAt: session.startedAt,
      plannedEnd: session.plannedEnd,
      blockKind: session.kind,
    });
    if (random() < 0.5) {
      clock.jumpTo(instantAt(date, '12:10', ZONE));
      const note = text(`interrupted ${tag}`, 30);
      services.focus.interrupt('chat', note);
      ack({ kind: 'interruption', day, startedAt: session.startedAt, at: clock.now(), note });
    }
    clock.jumpTo(instantAt(date, '12:40', ZONE));
    const ended = services.focus.stop();
    ack({ kind: 'focus-end', day, startedAt: session.startedAt, endedAt: ended.endedAt });

    // Every third sign-off or so is large (long text, a full list): a commit over several pages.
    clock.jumpTo(instantAt(date, '17:30', ZONE));
    const big = random() < 0.35;
    const count = big ? MAX_UNFINISHED : Math.floor(random() * 4);
    const unfinished = Array.from({ length: count }, (_, i) => ({
      item: text(`item ${i + 1} of ${count}, ${tag}`, big ? 190 : 40),
      plan: text(`plan ${i + 1}`, big ? 190 : 30),
    }));
    const done = text(`done ${tag}`, big ? 2000 : 60);
    const firstTomorrow = random() < 0.5 ? text(`first ${tag}`, 50) : '';
    const energy = random() < 0.8 ? rating() : null;
    services.signoff.submit({ done, unfinished, firstTomorrow, energy, quiet: false });
    ack({
      kind: 'signoff',
      day,
      date,
      signedOffAt: clock.now(),
      done,
      unfinished,
      firstTomorrow: firstTomorrow === '' ? null : firstTomorrow,
      energy,
    });
  }
  services.close();
  process.exit(3);
}

if (process.env.KEEL_CRASH_WRITER === '1') main();
