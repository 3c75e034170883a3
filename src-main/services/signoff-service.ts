import type { AgendaEvent, AgendaSource } from '../core/agenda';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import type { Settings } from '../core/settings';
import type { DayFigures } from '../core/day-figures';
import { creepStats, type CreepStats, type SignoffInput } from '../core/signoff';
import {
  plannedSignoffAt,
  recordSignoff,
  signoffDecision,
  signoffWorkdayOf,
  SIGNOFF_DEFAULTS,
  type SignoffAction,
  type SignoffDecision,
  type SignoffState,
} from '../core/signoff-policy';
import {
  addLocalDays,
  clockTimeOf,
  instantAt,
  localDateOf,
  toLocalIso,
  weekStartOf,
  type LocalDate,
} from '../core/time';
import { holidayName, hoursOn } from '../core/working-hours';
import type { Workday, WorkdayRepo } from '../storage/workday-repo';
import type { SignoffRecordDto, SignoffStatus } from '../shared/dto';
import { Emitter } from './events';
import type { FiguresService } from './figures-service';
import type { SettingsService } from './settings-service';

export type SignoffChange =
  { type: 'signed-off'; workday: LocalDate; quietUntil: number | null } | { type: 'changed' };

/** `keel day --json`: one workday's facts. */
export interface DayReport {
  date: LocalDate;
  zone: string;
  hours: { start: string; end: string } | null;
  holiday: string | null;
  /** ISO 8601 with the local offset. */
  firstActive: string | null;
  lastActive: string | null;
  signedOff: string | null;
  /** Last active more than 30 minutes after the end of hours. */
  late: boolean;
  /** Active on a day off. */
  workedDayOff: boolean;
  /** False for a day before Keel was counting: it is neither missed nor late. */
  counted: boolean;
  /** The plan's focus time that day (none on a holiday, pause or day off) and the time blocks ran. */
  plannedFocusMinutes: number;
  protectedFocusMinutes: number;
  done: string | null;
  unfinished: { item: string; plan: string }[];
  firstTomorrow: string | null;
  energy: number | null;
}

/** A shown suggestion stays answerable in the window this long (then it is just history). */
const ANSWERABLE_MS = 3 * 60 * 60 * 1000;
/** How far back the last working day is looked for (a long holiday; the Today view's "first thing"). */
const LAST_WORKING_DAY_LOOKBACK = 14;
/** A quiet evening is looked for this far back (before a long weekend). */
const QUIET_LOOKBACK_DAYS = 7;
/** Presence further back than this is not believed (a clock jump, a bogus idle time). */
const MAX_IDLE_S = 7 * 24 * 3600;

/**
 * The end-of-day sign-off: presence from the OS idle time (first and last input per workday,
 * nothing else), the suggestion's state, the ritual and creep.
 */
export class SignoffService {
  readonly onDidChange = new Emitter<SignoffChange>();

  constructor(
    private readonly repo: WorkdayRepo,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly figures: Pick<FiguresService, 'days'>,
  ) {}

  /** The planned sign-off (the end of working hours) for each workday, as agenda events. */
  readonly agendaSource: AgendaSource = {
    name: 'signoff',
    eventsBetween: (from, to, rules) => {
      const events: AgendaEvent[] = [];
      const zone = rules.current.zone;
      const last = addLocalDays(localDateOf(to, zone), 1);
      for (let date = addLocalDays(localDateOf(from, zone), -1); date <= last; date = addLocalDays(date, 1)) {
        const at = plannedSignoffAt(date, rules.on(date));
        if (at === null || at < from || at >= to) continue;
        // A workday already signed off, or set aside, has no suggestion left to plan.
        const stored = this.repo.get(date);
        if (stored && (stored.signedOffAt !== null || stored.state.notToday)) continue;
        events.push({ id: `signoff:${date}`, kind: 'signoff', title: 'Sign-off', start: at });
      }
      return events;
    },
  };

  /** The workday `instant` belongs to for sign-off and presence. */
  workdayAt(instant: number = this.clock.now()): LocalDate {
    return signoffWorkdayOf(instant, this.settings.byDate());
  }

  /**
   * One presence sample: the OS says the last input was `idleSeconds` ago. That instant widens
   * its workday's first/last active. Nothing else about the user is read or kept.
   */
  samplePresence(idleSeconds: number): void {
    if (!Number.isFinite(idleSeconds) || idleSeconds < 0 || idleSeconds > MAX_IDLE_S) return;
    const lastInput = this.clock.now() - Math.round(idleSeconds) * 1000;
    const settings = this.settings.get();
    const workday = signoffWorkdayOf(lastInput, this.settings.byDate());
    const before = this.repo.get(workday);
    this.repo.recordPresence(workday, settings.zone, lastInput);
    // Tell the window only when first/last active moved (at most four times an hour).
    const widened =
      !before ||
      before.firstActive === null ||
      lastInput < before.firstActive ||
      lastInput > (before.lastActive ?? 0);
    if (widened) this.onDidChange.emit({ type: 'changed' });
  }

  /** Whether to suggest signing off now (see `signoffDecision`). */
  decide(idleSeconds: number, focusRunning: boolean): SignoffDecision {
    const now = this.clock.now();
    const settings = this.settings.get();
    const workday = signoffWorkdayOf(now, this.settings.byDate());
    const stored = this.repo.get(workday);
    return signoffDecision({
      now,
      ...this.settings.byDate(),
      // The workday is judged by its own rules (hours, holidays), which may differ from today's.
      ...pickCalendar(this.settings.on(workday)),
      longDayCapMinutes: settings.signoff.longDayCapMinutes,
      idleSeconds,
      presence: { firstActive: stored?.firstActive ?? null, lastActive: stored?.lastActive ?? null },
      focusRunning,
      state: stored?.state ?? null,
      countingFrom: this.settings.countingFrom(),
    });
  }

  /** A suggestion was shown (not held) for `workday`. */
  markSuggested(workday: LocalDate): void {
    this.update(workday, 'suggested');
  }

  /** "15 more minutes" or "Not today" for the current workday. */
  respond(action: Extract<SignoffAction, 'snooze' | 'not-today'>): SignoffStatus {
    this.update(this.workdayAt(), action);
    return this.status();
  }

  /**
   * When the policy should look again without any other wake-up: a snooze's end, or a reminder's
   * earliest time. Presence samples and the end-of-hours agenda event cover the rest.
   */
  nextCheckAt(): number | null {
    const stored = this.repo.get(this.workdayAt());
    if (!stored) return null;
    const { state } = stored;
    if (state.signedOffAt !== null || state.notToday) return null;
    if (state.suggestedAt.length === 0 || state.suggestedAt.length > SIGNOFF_DEFAULTS.maxReminders)
      return null;
    const last = Math.max(...state.suggestedAt);
    const gap = last + SIGNOFF_DEFAULTS.reminderGapMinutes * 60_000;
    const at = state.snoozedUntil !== null && state.snoozedUntil > last ? state.snoozedUntil : gap;
    return at > this.clock.now() ? at : null;
  }

  /**
   * Signs off the workday `at` belongs to (default now) with the ritual's answers. Signing off
   * again edits the answers and keeps the first time, unless `at` is given.
   */
  submit(input: SignoffInput, at?: number): SignoffStatus {
    const now = this.clock.now();
    const instant = at ?? now;
    if (instant > now + 60_000) {
      throw new KeelError('invalid_input', 'A sign-off cannot be in the future.');
    }
    const settings = this.settings.get();
    const workday = signoffWorkdayOf(instant, this.settings.byDate());
    const quietUntil = input.quiet ? this.nextWorkingStart(Math.max(now, instant)) : null;
    this.repo.signOff(
      workday,
      settings.zone,
      {
        signedOffAt: instant,
        done: input.done,
        unfinished: input.unfinished,
        firstTomorrow: input.firstTomorrow === '' ? null : input.firstTomorrow,
        energy: input.energy,
        quietUntil,
      },
      at === undefined,
    );
    this.onDidChange.emit({ type: 'signed-off', workday, quietUntil });
    return this.status();
  }

  /** Until when Keel keeps quiet after a sign-off, if that is now. */
  activeQuietUntil(): number | null {
    const now = this.clock.now();
    const today = signoffWorkdayOf(now, this.settings.byDate());
    for (const date of [today, addLocalDays(today, -1)]) {
      const quiet = this.repo.get(date)?.quietUntil ?? null;
      if (quiet !== null && quiet > now) return quiet;
    }
    // A quiet evening before a long weekend may reach further back.
    const latest = this.repo.latestSignoffBefore(today, addLocalDays(today, -QUIET_LOOKBACK_DAYS));
    return latest?.quietUntil != null && latest.quietUntil > now ? latest.quietUntil : null;
  }

  /** The first start of working hours after `after` (within three weeks), for "quiet until". */
  nextWorkingStart(after: number): number | null {
    const settings = this.settings.get();
    const first = addLocalDays(localDateOf(after, settings.zone), -1);
    for (let i = 0; i < 21; i++) {
      const date = addLocalDays(first, i);
      const rules = this.settings.on(date);
      const hours = hoursOn(date, rules);
      if (!hours) continue;
      const start = instantAt(date, hours.start, rules.zone);
      if (start > after) return start;
    }
    return null;
  }

  /**
   * `HH:MM` of the current workday's sign-off, or null. One row read: the tray asks on every
   * refresh, and needs none of the rest of `status()`.
   */
  signedOffTime(): string | null {
    const now = this.clock.now();
    const settings = this.settings.get();
    const signedOffAt = this.repo.get(signoffWorkdayOf(now, this.settings.byDate()))?.signedOffAt ?? null;
    return signedOffAt === null ? null : clockTimeOf(signedOffAt, settings.zone);
  }

  status(): SignoffStatus {
    const now = this.clock.now();
    const settings = this.settings.get();
    const zone = settings.zone;
    const workday = signoffWorkdayOf(now, this.settings.byDate());
    const stored = this.repo.get(workday);
    const rules = this.settings.on(workday);
    const hours = hoursOn(workday, rules);
    const planned = plannedSignoffAt(workday, rules);
    const state = stored?.state;
    const lastSuggested = state && state.suggestedAt.length > 0 ? Math.max(...state.suggestedAt) : null;
    const answerable =
      lastSuggested !== null &&
      now - lastSuggested < ANSWERABLE_MS &&
      !state?.notToday &&
      stored?.signedOffAt === null &&
      !(
        state?.snoozedUntil !== null &&
        state?.snoozedUntil !== undefined &&
        state.snoozedUntil > lastSuggested
      );
    const previous = this.carriedOver(workday);
    return {
      workday,
      hours: hours ? { start: hours.start, end: hours.end } : null,
      holiday: holidayName(workday, rules),
      plannedAt: planned === null ? null : toLocalIso(planned, zone),
      firstActive: stored?.firstActive != null ? clockTimeOf(stored.firstActive, zone) : null,
      lastActive: stored?.lastActive != null ? clockTimeOf(stored.lastActive, zone) : null,
      signedOff: stored && stored.signedOffAt !== null ? toRecordDto(stored, zone) : null,
      suggested:
        answerable && lastSuggested !== null
          ? { reason: this.reasonAt(lastSuggested, workday, rules), at: toLocalIso(lastSuggested, zone) }
          : null,
      snoozedUntil:
        state?.snoozedUntil != null && state.snoozedUntil > now ? toLocalIso(state.snoozedUntil, zone) : null,
      notToday: state?.notToday ?? false,
      carriedOver: previous
        ? { workday: previous.date, firstTomorrow: previous.firstTomorrow, unfinished: previous.unfinished }
        : null,
      quietDefault: settings.signoff.quietAfterSignoff,
    };
  }

  /**
   * The date before `workday` that had working hours by the rules in force on it (looking back
   * at most two weeks), or null.
   */
  private lastWorkingDayBefore(workday: LocalDate): LocalDate | null {
    for (let i = 1; i <= LAST_WORKING_DAY_LOOKBACK; i++) {
      const date = addLocalDays(workday, -i);
      if (hoursOn(date, this.settings.on(date)) !== null) return date;
    }
    return null;
  }

  /**
   * What the Today view carries into `workday`: the last working day's sign-off, and only that
   * (a day without one carries nothing, never an older one); nothing on a day off.
   */
  private carriedOver(workday: LocalDate): Workday | null {
    if (hoursOn(workday, this.settings.on(workday)) === null) return null;
    const last = this.lastWorkingDayBefore(workday);
    const stored = last === null ? undefined : this.repo.get(last);
    return stored && stored.signedOffAt !== null ? stored : null;
  }

  /** Late evenings, days off worked and missed sign-offs over the last `weeks` weeks. */
  creep(weeks: number): CreepStats {
    const today = signoffWorkdayOf(this.clock.now(), this.settings.byDate());
    const from = weekStartOf(addLocalDays(today, -7 * (weeks - 1)));
    return creepStats(this.figures.days(from, today), from, today);
  }

  /** One workday's facts, for `keel day`, judged by the rules in force on it. */
  day(date: LocalDate): DayReport {
    const stored = this.repo.get(date);
    const figures = this.figures.days(date, date)[0] as DayFigures;
    const zone = figures.zone;
    const iso = (t: number | null | undefined) => (t == null ? null : toLocalIso(t, zone));
    return {
      date,
      zone,
      hours: figures.hours ? { start: figures.hours.start, end: figures.hours.end } : null,
      holiday: figures.holiday,
      counted: figures.counting !== 'before',
      firstActive: iso(stored?.firstActive),
      lastActive: iso(stored?.lastActive),
      signedOff: iso(stored?.signedOffAt),
      late: figures.late,
      workedDayOff: figures.workedDayOff,
      plannedFocusMinutes: figures.plannedFocusMinutes,
      protectedFocusMinutes: figures.protectedFocusMinutes,
      done: stored?.done ?? null,
      unfinished: stored?.unfinished ?? [],
      firstTomorrow: stored?.firstTomorrow ?? null,
      energy: stored?.energy ?? null,
    };
  }

  private reasonAt(at: number, workday: LocalDate, settings: Settings): 'end-of-hours' | 'long-day' {
    const end = plannedSignoffAt(workday, settings);
    return end !== null && at >= end ? 'end-of-hours' : 'long-day';
  }

  private update(workday: LocalDate, event: 'suggested' | SignoffAction): void {
    const zone = this.settings.get().zone;
    const stored: SignoffState | null = this.repo.get(workday)?.state ?? null;
    this.repo.saveState(recordSignoff(stored, workday, event, this.clock.now()), zone);
    this.onDidChange.emit({ type: 'changed' });
  }
}

function toRecordDto(w: Workday, zone: string): SignoffRecordDto {
  const at = w.signedOffAt as number;
  return {
    workday: w.date,
    signedOffAt: toLocalIso(at, zone),
    signedOffTime: clockTimeOf(at, zone),
    done: w.done ?? '',
    unfinished: w.unfinished,
    firstTomorrow: w.firstTomorrow,
    energy: w.energy,
    quietUntil: w.quietUntil === null ? null : toLocalIso(w.quietUntil, zone),
  };
}

/** The calendar keys of a day's rules: what decides its hours. */
function pickCalendar(rules: Settings): Pick<Settings, 'workingHours' | 'holidays'> {
  return { workingHours: rules.workingHours, holidays: rules.holidays };
}
