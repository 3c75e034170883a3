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
 *
 * Twice: with the idle time sampled each quarter hour (Electron's, macOS, Windows, X11, KDE), and
 * with GNOME's idle watches (Keel's Linux presence, createLinuxPower and the Mutter source, on an
 * in-memory Mutter that fires the watches as the person comes and goes). There the watches'
 * signals are wake-ups too, and the quarter-hour samples rest while the person is away.
 */
import type { TimerHandle, Timers } from '../../src-main/core/clock';
import { ManualClock } from '../../src-main/core/clock';
import { addLocalDays, clockTimeOf, instantAt, startOfLocalDate } from '../../src-main/core/time';
import { PRESENCE_SAMPLE_MS } from '../../src-main/app/presence-ticker';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { startMutterIdle } from '../../src-main/platform/linux-presence/idle-sources';
import { createLinuxPower } from '../../src-main/platform/linux-presence/linux-power';
import { benchApp } from '../lib/app';
import { InMemoryMutter } from '../lib/fake-mutter';
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
  /** With idle watches: the watches' signals (counted in `wakeups`) and the calls Keel made. */
  watchSignals?: number;
  busCalls?: Record<string, number>;
  /** The day's first and last active as stored (the watches must keep them). */
  active: [string | null, string | null];
}

/** Idle watches: Linux presence on an in-memory Mutter, its idle time set by the minute. */
async function watchedPresence(clock: ManualClock, idleSeconds: number) {
  const mutter = new InMemoryMutter();
  mutter.idleMs = idleSeconds * 1000;
  const linux = createLinuxPower(new FakePowerMonitor(), clock);
  linux.useIdle(await startMutterIdle(mutter, clock));
  return { mutter, linux };
}

/** Lets the replies and signals of the in-memory Mutter be taken up (they are promises). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function simulateDay(
  baseDir: string,
  date: string,
  workday: boolean,
  watches = false,
): Promise<DayResult> {
  const dataDir = copyDataset(baseDir);
  const start = startOfLocalDate(date, ZONE);
  const end = startOfLocalDate(addLocalDays(date, 1), ZONE);
  const clock = new ManualClock(start);
  const timers = new CountingTimers(clock);
  const lastBefore = start - 6 * 3_600_000;
  const watched = watches ? await watchedPresence(clock, (start - lastBefore) / 1000) : undefined;
  const { app, services, power, notifier } = benchApp(dataDir, clock, timers, watched?.linux.power);
  const moments = services.agenda.momentsBetween(start, end);
  const activeFrom = instantAt(date, '08:50', ZONE);
  const activeTo = instantAt(date, '17:40', ZONE);
  // The last input before the day: 18:00 the evening before (lastBefore, above).
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
    if (watched) watched.mutter.idleMs = idleAt(t) * 1000;
    clock.advanceTo(Math.min(t, end - 1));
    if (!watched) continue;
    await settle();
    watched.mutter.step(idleAt(t) * 1000);
    await settle();
  }
  const signals = watched?.mutter.signals ?? 0;
  const wakeups = clock.firedCount - firedBefore + signals;
  const counted = [...timers.fired.values()].reduce((a, b) => a + b, 0);
  if (counted + signals !== wakeups)
    throw new Error(`counted ${counted} callbacks, the clock fired ${wakeups}`);
  const { firstActive, lastActive } = services.signoff.status();
  app.close();
  watched?.linux.dispose();
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
    active: [firstActive, lastActive],
    ...(watched
      ? { watchSignals: signals, busCalls: Object.fromEntries([...watched.mutter.calls].sort()) }
      : {}),
  };
}

/**
 * One day's figure. `sampled`: the same day with sampled presence, which the watched day must
 * beat (its watch signals count as presence wake-ups, within the same allowance).
 */
function emitDay(name: string, day: DayResult, hours: number, sampled?: DayResult): void {
  // The day's backup, 30 s after start-up: one wake-up per start (not per day).
  const backup = Math.min(1, day.byKind.backup ?? 0);
  const scheduled =
    (day.byKind.agenda ?? 0) + (day.byKind.signoff_followup ?? 0) + (day.byKind.quiet ?? 0) + backup;
  const presence = (day.byKind.presence ?? 0) + (day.watchSignals ?? 0);
  const allowed = day.agendaInstants + (day.byKind.signoff_followup ?? 0) + (day.byKind.quiet ?? 0) + backup;
  const budget = allowed + PRESENCE_PER_HOUR * hours;
  // Fewer wake-ups, and the day's first and last active as the samples found them or closer.
  const [first, last] = day.active;
  const [sampledFirst, sampledLast] = sampled?.active ?? day.active;
  const keeps = (first ?? '') <= (sampledFirst ?? '') && (last ?? '') >= (sampledLast ?? '');
  const beats = sampled === undefined || (day.wakeups < sampled.wakeups && keeps);
  emit({
    name,
    value: day.wakeups,
    unit: 'wake-ups/day',
    target: `<= scheduled events + ${PRESENCE_PER_HOUR}/h presence (${budget})${sampled ? `, < sampled (${sampled.wakeups})` : ''}`,
    pass: day.wakeups <= budget && presence <= PRESENCE_PER_HOUR * hours && beats,
    date: day.date,
    scheduled_wakeups: scheduled,
    agenda_moments: day.agendaMoments,
    agenda_instants: day.agendaInstants,
    presence_samples: day.byKind.presence ?? 0,
    first_active: first,
    last_active: last,
    ...(sampled
      ? {
          watch_signals: day.watchSignals ?? 0,
          idle_monitor_calls: day.busCalls,
          sampled_wakeups: sampled.wakeups,
          fewer_than_sampled: sampled.wakeups - day.wakeups,
        }
      : {}),
    by_kind: day.byKind,
    fired_at: day.firedAt,
    notifications: day.notifications,
    duplicate_notifications: day.duplicateNotifications,
    polling_baseline: POLLING_PER_DAY,
    fewer_than_polling: Math.round(POLLING_PER_DAY / Math.max(1, day.wakeups)),
  });
}

export async function wakeupFigures(baseDir: string): Promise<void> {
  log('figure 4: idle wake-ups over 24 h (fake clock)');
  if (PRESENCE_SAMPLE_MS !== 15 * 60_000) log(`note: presence is sampled every ${PRESENCE_SAMPLE_MS} ms`);
  const friday = await simulateDay(baseDir, TODAY, true);
  const saturday = await simulateDay(baseDir, SATURDAY, false);
  const watchedFriday = await simulateDay(baseDir, TODAY, true, true);
  const watchedSaturday = await simulateDay(baseDir, SATURDAY, false, true);
  // The days are 24 hours long (no DST change at the end of November).
  emitDay('idle_wakeups_weekday', friday, 24);
  emitDay('idle_wakeups_weekend_day', saturday, 24);
  emitDay('idle_wakeups_weekday_idle_watches', watchedFriday, 24, friday);
  emitDay('idle_wakeups_weekend_day_idle_watches', watchedSaturday, 24, saturday);
  emit({
    name: 'idle_wakeups_polling_baseline',
    value: POLLING_PER_DAY,
    unit: 'wake-ups/day',
    note: 'a 1-second polling loop, as in apps that tick a countdown every second',
  });
}
