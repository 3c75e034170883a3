/**
 * Figure 4: idle wake-ups. The app (createKeelApp's parts: the one agenda timer, presence
 * samples, the sign-off policy's follow-ups, the tray's refresh during a block) runs on a
 * hand-driven clock for 24 hours of a default Friday (two focus blocks, the weekly check-in
 * prompt, the sign-off suggestion) and of a Saturday, on five years of data. Every timer callback
 * is a wake-up; each is attributed to the code that armed it.
 *
 * The person: active 08:50–17:40 on the workday (the OS idle time says so), away otherwise; never
 * answers a prompt (the most wake-ups: the sign-off policy's reminders run their course). The
 * machine never sleeps (a sleeping machine wakes Keel for nothing at all).
 */
import type { TimerHandle, Timers } from '../../src-main/core/clock';
import { ManualClock } from '../../src-main/core/clock';
import { addLocalDays, clockTimeOf, instantAt, startOfLocalDate } from '../../src-main/core/time';
import { PRESENCE_SAMPLE_MS } from '../../src-main/app/presence-ticker';
import { benchApp } from '../lib/app';
import { emit, log } from '../lib/report';
import { copyDataset, removeDir, SATURDAY, TODAY, ZONE } from '../lib/world';

const POLLING_PER_DAY = 86_400;
const PRESENCE_PER_HOUR = 4;

/** Who armed a timer, from the frame that called setTimeout (names survive the unminified bundle). */
const ARMED_BY: [RegExp, string][] = [
  [/AgendaScheduler\.arm\b/, 'agenda'],
  [/PresenceTicker\.tick\b/, 'presence'],
  [/SignoffReactor\.armFollowUp\b/, 'signoff_followup'],
  [/TrayController\.refresh\b/, 'tray_refresh'],
  [/SignoffReactor\.takeUpQuiet\b/, 'quiet'],
  [/PresenceTicker\.armStartupBackup\b/, 'backup'],
];

function armedBy(stack: string | undefined): string {
  // Frame 0 is "Error", 1 is CountingTimers.setTimeout, 2 is whoever armed the timer.
  const caller = stack?.split('\n')[2] ?? '';
  return ARMED_BY.find(([re]) => re.test(caller))?.[1] ?? `other: ${caller.trim()}`;
}

/** The manual clock's timers, counting each callback that runs by who armed it. */
class CountingTimers implements Timers {
  readonly fired = new Map<string, number>();
  /** Local times of the wake-ups other than presence samples, by kind, to read what woke Keel. */
  readonly firedAt = new Map<string, string[]>();
  constructor(private readonly clock: ManualClock) {}
  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const kind = armedBy(new Error().stack);
    return this.clock.setTimeout(() => {
      this.fired.set(kind, (this.fired.get(kind) ?? 0) + 1);
      if (kind !== 'presence') {
        this.firedAt.set(kind, [...(this.firedAt.get(kind) ?? []), clockTimeOf(this.clock.now(), ZONE)]);
      }
      callback();
    }, delayMs);
  }
  clearTimeout(handle: TimerHandle): void {
    this.clock.clearTimeout(handle);
  }
}

interface DayResult {
  date: string;
  wakeups: number;
  byKind: Record<string, number>;
  firedAt: Record<string, string[]>;
  /** Agenda moments (warnings, starts, ends) planned for the day, and the distinct instants among them. */
  agendaMoments: number;
  agendaInstants: number;
  notifications: number;
  /** Notifications shown again with an id already shown (a moment delivered twice). */
  duplicateNotifications: number;
}

function simulateDay(baseDir: string, date: string, workday: boolean): DayResult {
  const dataDir = copyDataset(baseDir);
  const start = startOfLocalDate(date, ZONE);
  const end = startOfLocalDate(addLocalDays(date, 1), ZONE);
  const clock = new ManualClock(start);
  const timers = new CountingTimers(clock);
  const { app, services, power, notifier } = benchApp(dataDir, clock, timers);
  const moments = services.agenda.momentsBetween(start, end);
  const activeFrom = instantAt(date, '08:50', ZONE);
  const activeTo = instantAt(date, '17:40', ZONE);
  // The last input before the day: 18:00 the evening before.
  const lastBefore = start - 6 * 3_600_000;
  const idleAt = (t: number) => {
    if (workday && t >= activeFrom && t <= activeTo) return 0;
    const last = workday && t > activeTo ? activeTo : lastBefore;
    return Math.floor((t - last) / 1000);
  };

  power.idle = idleAt(start);
  app.start();
  const firedBefore = clock.firedCount;
  // Minute steps only move the OS idle time; the clock fires exactly the timers that are due.
  for (let t = start + 60_000; t <= end; t += 60_000) {
    power.idle = idleAt(t);
    clock.advanceTo(Math.min(t, end - 1));
  }
  const wakeups = clock.firedCount - firedBefore;
  const counted = [...timers.fired.values()].reduce((a, b) => a + b, 0);
  if (counted !== wakeups) throw new Error(`counted ${counted} callbacks, the clock fired ${wakeups}`);
  app.close();
  removeDir(dataDir);
  return {
    date,
    wakeups,
    byKind: Object.fromEntries([...timers.fired].sort()),
    firedAt: Object.fromEntries([...timers.firedAt].sort()),
    agendaMoments: moments.length,
    agendaInstants: new Set(moments.map((m) => m.at)).size,
    notifications: notifier.shown.length,
    duplicateNotifications: notifier.shown.length - new Set(notifier.shown.map((n) => n.id)).size,
  };
}

function emitDay(name: string, day: DayResult, hours: number): void {
  // The day's backup, 30 s after start-up: one wake-up per start (not per day).
  const backup = Math.min(1, day.byKind.backup ?? 0);
  const scheduled =
    (day.byKind.agenda ?? 0) + (day.byKind.signoff_followup ?? 0) + (day.byKind.quiet ?? 0) + backup;
  const presence = day.byKind.presence ?? 0;
  const allowed = day.agendaInstants + (day.byKind.signoff_followup ?? 0) + (day.byKind.quiet ?? 0) + backup;
  const budget = allowed + PRESENCE_PER_HOUR * hours;
  emit({
    name,
    value: day.wakeups,
    unit: 'wake-ups/day',
    target: `<= scheduled events + ${PRESENCE_PER_HOUR}/h presence (${budget})`,
    pass: day.wakeups <= budget && presence <= PRESENCE_PER_HOUR * hours,
    date: day.date,
    scheduled_wakeups: scheduled,
    agenda_moments: day.agendaMoments,
    agenda_instants: day.agendaInstants,
    presence_samples: presence,
    by_kind: day.byKind,
    fired_at: day.firedAt,
    notifications: day.notifications,
    duplicate_notifications: day.duplicateNotifications,
    polling_baseline: POLLING_PER_DAY,
    fewer_than_polling: Math.round(POLLING_PER_DAY / Math.max(1, day.wakeups)),
  });
}

export function wakeupFigures(baseDir: string): void {
  log('figure 4: idle wake-ups over 24 h (fake clock)');
  if (PRESENCE_SAMPLE_MS !== 15 * 60_000) log(`note: presence is sampled every ${PRESENCE_SAMPLE_MS} ms`);
  const friday = simulateDay(baseDir, TODAY, true);
  const saturday = simulateDay(baseDir, SATURDAY, false);
  // The days are 24 hours long (no DST change at the end of November).
  emitDay('idle_wakeups_weekday', friday, 24);
  emitDay('idle_wakeups_weekend_day', saturday, 24);
  emit({
    name: 'idle_wakeups_polling_baseline',
    value: POLLING_PER_DAY,
    unit: 'wake-ups/day',
    note: 'a 1-second polling loop, as in apps that tick a countdown every second',
  });
}
