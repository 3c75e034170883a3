import type { AgendaEvent, AgendaSource } from '../core/agenda';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { adhocEnd, protectedMs, type FocusSession, type InterruptionKind } from '../core/focus';
import { expandFocusPlan, isPaused, occurrenceAt, type FocusOccurrence } from '../core/focus-plan';
import type { Rules, RulesView } from '../core/rules';
import { holidayName, hoursOn } from '../core/working-hours';
import { addLocalDays, clockTimeOf, localDateOf, startOfLocalDate, toLocalIso } from '../core/time';
import type { FocusRepo } from '../storage/focus-repo';
import { Emitter } from './events';
import type { FiguresService } from './figures-service';
import { focusStatsOf } from './focus-stats-view';
import type { SettingsService } from './settings-service';
import type { FocusBlockDto, FocusStatsDto, FocusStatus, MeetingDto } from '../shared/dto';
import type { Meeting } from '../core/ics-import';

/** Meetings from an imported calendar, when there is one (the calendar service). */
export interface MeetingSource {
  meetingsBetween(from: number, to: number): Meeting[];
}

export type StartRequest = { minutes: number } | { until: 'next' };

export type FocusChange =
  | { type: 'started'; session: FocusSession; silent: boolean }
  | { type: 'ended'; session: FocusSession; interruptions: number; protectedMs: number; silent: boolean }
  | { type: 'interrupted'; session: FocusSession }
  | { type: 'changed' };

const NO_MEETINGS: MeetingSource = { meetingsBetween: () => [] };

/** Focus blocks: the plan on the agenda, sessions that protect them, interruptions and stats. */
export class FocusService {
  readonly onDidChange = new Emitter<FocusChange>();
  meetings: MeetingSource = NO_MEETINGS;
  /** While true (a new user's first run is open), no planned block starts by itself. */
  planHeld: () => boolean = () => false;

  constructor(
    private readonly repo: FocusRepo,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly figures: Pick<FiguresService, 'days'>,
  ) {}

  /** The plan's blocks (and a running ad-hoc block's end) as agenda events. */
  readonly agendaSource: AgendaSource = {
    name: 'focus',
    eventsBetween: (from, to, rules) => {
      const settings = rules.current;
      const events: AgendaEvent[] = this.occurrences(from, to, rules)
        .filter((o) => !this.repo.isSkipped(o.id))
        .map((o) => ({
          id: o.id,
          kind: 'focus' as const,
          title: 'Focus block',
          start: o.start,
          end: o.end,
          wakeAtEnd: true,
          ...(settings.focusWarningMinutes > 0
            ? { warnAt: o.start - settings.focusWarningMinutes * 60_000 }
            : {}),
        }));
      const running = this.repo.running();
      // A running planned block whose occurrence left the plan (the plan was edited, paused or
      // skipped meanwhile) still has to end on time, or it would hold every prompt forever.
      if (
        running &&
        running.kind === 'planned' &&
        running.occurrenceId !== null &&
        running.startedAt >= from &&
        running.startedAt < to &&
        !events.some((e) => e.id === running.occurrenceId)
      ) {
        events.push({
          id: running.occurrenceId,
          kind: 'focus',
          title: `Focus until ${clockTimeOf(running.plannedEnd, settings.zone)}`,
          start: running.startedAt,
          end: running.plannedEnd,
          wakeAtEnd: true,
        });
      }
      if (running && running.kind === 'adhoc' && running.startedAt >= from && running.startedAt < to) {
        events.push({
          id: adhocEventId(running.id),
          kind: 'focus',
          title: `Focus until ${clockTimeOf(running.plannedEnd, settings.zone)}`,
          start: running.startedAt,
          end: running.plannedEnd,
          wakeAtEnd: true,
        });
      }
      return events;
    },
  };

  /** The plan's blocks overlapping [from, to), each date's by the rules in force on it. */
  occurrences(from: number, to: number, rules: RulesView = this.settings.view()): FocusOccurrence[] {
    return expandFocusPlan(rules, from, to);
  }

  running(): FocusSession | undefined {
    return this.repo.running();
  }

  /** A planned block starts: protect it unless skipped, already protected once, or another block runs. */
  startPlanned(occurrenceId: string, options: { silent?: boolean } = {}): FocusSession | undefined {
    const now = this.clock.now();
    const occ = this.findOccurrence(occurrenceId, now);
    if (!occ || occ.end <= now || this.planHeld()) return undefined;
    if (this.repo.isSkipped(occ.id) || this.repo.latestForOccurrence(occ.id) || this.repo.running())
      return undefined;
    const zone = this.settings.get().zone;
    const session = this.repo.start({
      kind: 'planned',
      occurrenceId: occ.id,
      startedAt: now,
      plannedEnd: occ.end,
      localDate: localDateOf(now, zone),
      zone,
    });
    this.onDidChange.emit({ type: 'started', session, silent: options.silent ?? false });
    return session;
  }

  /** Starts a block now for some minutes, or until the next meeting or block boundary. */
  startAdhoc(request: StartRequest): FocusSession {
    const now = this.clock.now();
    const settings = this.settings.get();
    const running = this.repo.running();
    if (running) {
      throw new KeelError(
        'conflict',
        `A focus block is already running until ${clockTimeOf(running.plannedEnd, settings.zone)}; end it first.`,
      );
    }
    const rules = this.settings.view();
    const current = occurrenceAt(rules, now);
    const end = this.adhocEndAt(now, request, rules);
    if (end === undefined) {
      throw new KeelError('conflict', 'Nothing is planned in the next 8 hours; pick a length instead.');
    }
    // Starting inside a planned block protects that block (its end stays the plan's).
    const occurrenceId = current && !this.repo.latestForOccurrence(current.id) ? current.id : null;
    const session = this.repo.start({
      kind: occurrenceId ? 'planned' : 'adhoc',
      occurrenceId,
      startedAt: now,
      plannedEnd: occurrenceId && current ? current.end : end,
      localDate: localDateOf(now, settings.zone),
      zone: settings.zone,
    });
    this.onDidChange.emit({ type: 'started', session, silent: false });
    return session;
  }

  /** Where a block started now would end: after its minutes, or at the next meeting or block boundary. */
  private adhocEndAt(now: number, request: StartRequest, rules = this.settings.view()): number | undefined {
    const horizon = now + 8 * 3_600_000;
    return adhocEnd(now, request, {
      runningBlockEnd: occurrenceAt(rules, now)?.end,
      nextBlockStart: this.occurrences(now + 1, horizon, rules).find((o) => o.start > now)?.start,
      nextMeetingStart: this.meetings.meetingsBetween(now, horizon).find((m) => m.start > now && m.warns)
        ?.start,
    });
  }

  /** Ends the running block now (the user ended it early). */
  stop(): FocusSession {
    const running = this.repo.running();
    if (!running) throw new KeelError('not_found', 'No focus block is running.');
    return this.finish(running, Math.min(this.clock.now(), running.plannedEnd), 'stopped', false);
  }

  /** A block's end came: close the session it belongs to. */
  completeByEvent(eventId: string): FocusSession | undefined {
    const running = this.repo.running();
    if (!running) return undefined;
    const matches = running.occurrenceId === eventId || adhocEventId(running.id) === eventId;
    if (!matches) return undefined;
    return this.finish(running, running.plannedEnd, 'completed', false);
  }

  /**
   * After a start, a wake-up or a clock change: close a block whose end passed (quietly — it is
   * not announced late) and take up a planned block that is running now (quietly too).
   */
  reconcile(): void {
    const now = this.clock.now();
    const running = this.repo.running();
    if (running && running.plannedEnd <= now) this.finish(running, running.plannedEnd, 'completed', true);
    if (!this.repo.running()) {
      const current = occurrenceAt(this.settings.view(), now);
      if (current) this.startPlanned(current.id, { silent: true });
    }
  }

  interrupt(kind: InterruptionKind, note?: string): FocusSession {
    const running = this.repo.running();
    if (!running)
      throw new KeelError('not_found', 'No focus block is running, so there is nothing to interrupt.');
    const now = this.clock.now();
    this.repo.interrupt(
      running.id,
      now,
      kind,
      note?.trim() || null,
      localDateOf(now, this.settings.get().zone),
    );
    this.onDidChange.emit({ type: 'interrupted', session: running });
    return running;
  }

  /** Records "where I left off"; it is shown when the next block starts. */
  leaveOff(text: string): void {
    const running = this.repo.running();
    const latest = running ?? this.lastEnded();
    this.repo.addCue(this.clock.now(), text.trim(), latest?.id ?? null);
    this.onDidChange.emit({ type: 'changed' });
  }

  /** The latest cue, marked as shown (at a block's start). */
  takeCue(): string | undefined {
    const cue = this.repo.latestCue();
    if (!cue || cue.shownAt !== null) return undefined;
    this.repo.markCueShown(cue.id, this.clock.now());
    return cue.text;
  }

  skip(occurrenceId: string): void {
    const now = this.clock.now();
    const occ = this.findOccurrence(occurrenceId, now);
    if (!occ || occ.end <= now) throw new KeelError('not_found', 'That focus block is not coming up.');
    if (this.repo.running()?.occurrenceId === occ.id) {
      throw new KeelError('conflict', 'That block is running; end it instead.');
    }
    this.repo.skip(occ.id, now);
    this.onDidChange.emit({ type: 'changed' });
  }

  status(): FocusStatus {
    const now = this.clock.now();
    const rules = this.settings.view();
    const s = rules.current;
    const zone = s.zone;
    const today = localDateOf(now, zone);
    const dayStart = startOfLocalDate(today, zone);
    const dayEnd = startOfLocalDate(addLocalDays(today, 1), zone);
    const running = this.repo.running();
    const countFrom = this.settings.countingFrom();
    // One look at the calendar for the day: today's blocks take theirs from it.
    const dayMeetings = this.meetings.meetingsBetween(dayStart, dayEnd);
    const block = (o: FocusOccurrence): FocusBlockDto => ({
      id: o.id,
      start: toLocalIso(o.start, zone),
      end: toLocalIso(o.end, zone),
      startTime: o.startTime,
      endTime: o.endTime,
      state: this.blockState(o, now, running, countFrom),
      meetings: (o.start >= dayStart && o.end <= dayEnd
        ? dayMeetings
        : this.meetings.meetingsBetween(o.start, o.end)
      )
        .filter((m) => m.start < o.end && m.end > o.start)
        .slice(0, MAX_MEETINGS_SHOWN)
        .map((m) => meetingDto(m, zone)),
    });
    const todays = this.occurrences(dayStart, dayEnd, rules).map(block);
    const nextOcc = this.occurrences(now + 1, now + 8 * 24 * 3_600_000, rules).find(
      (o) => o.start > now && !this.repo.isSkipped(o.id),
    );
    const cue = this.repo.latestCue();
    const lastEnded = this.lastEnded();
    const until = running ? undefined : this.adhocEndAt(now, { until: 'next' }, rules);
    return {
      running: running
        ? {
            sessionId: running.id,
            kind: running.kind,
            occurrenceId: running.occurrenceId,
            startedAt: toLocalIso(running.startedAt, zone),
            endsAt: toLocalIso(running.plannedEnd, zone),
            endTime: clockTimeOf(running.plannedEnd, zone),
            protectedMinutes: Math.floor(protectedMs(running, now) / 60_000),
            interruptions: this.repo.interruptionsOf(running.id).length,
          }
        : null,
      today: todays,
      next: nextOcc ? block(nextOcc) : null,
      leftOff: cue ? { text: cue.text, at: toLocalIso(cue.at, zone) } : null,
      askLeftOff: this.shouldAskLeftOff(running, lastEnded, cue?.at),
      pausedToday: isPaused(today, s.focusPauses),
      dayOffToday: dayOffOn(today, s),
      meetingsToday: dayMeetings.slice(0, MAX_MEETINGS_SHOWN).map((m) => meetingDto(m, zone)),
      untilNext:
        until === undefined ? null : { endsAt: toLocalIso(until, zone), endTime: clockTimeOf(until, zone) },
    };
  }

  /**
   * Planned vs protected per day and week, from the days' figures (services/figures-service.ts),
   * with which days Keel counted and how much of each day's plan has come by now.
   */
  stats(from: string, to: string): FocusStatsDto {
    return focusStatsOf(this.figures.days(from, to), {
      rulesOn: (date) => this.settings.on(date),
      now: this.clock.now(),
      countFrom: this.settings.countingFrom(),
    });
  }

  private finish(
    session: FocusSession,
    at: number,
    reason: 'completed' | 'stopped',
    silent: boolean,
  ): FocusSession {
    this.repo.end(session.id, at, reason);
    const ended = this.repo.get(session.id) as FocusSession;
    const interruptions = this.repo.interruptionsOf(session.id).length;
    this.onDidChange.emit({
      type: 'ended',
      session: ended,
      interruptions,
      protectedMs: protectedMs(ended, at),
      silent,
    });
    return ended;
  }

  private lastEnded(): FocusSession | undefined {
    const today = localDateOf(this.clock.now(), this.settings.get().zone);
    return this.repo
      .sessionsBetween(addLocalDays(today, -1), today)
      .filter((x) => x.endedAt !== null)
      .at(-1);
  }

  /**
   * Ask for "where I left off" after an interruption (from the tray, where nothing can be typed)
   * or a block's end, until a line is written.
   */
  private shouldAskLeftOff(
    running: FocusSession | undefined,
    lastEnded: FocusSession | undefined,
    cueAt: number | undefined,
  ): boolean {
    const since = (t: number) => cueAt === undefined || cueAt < t;
    if (running) {
      const lastInterruption = this.repo.interruptionsOf(running.id).at(-1);
      return lastInterruption !== undefined && since(lastInterruption.at);
    }
    return lastEnded?.endedAt != null && since(lastEnded.endedAt);
  }

  /**
   * What became of a block: a past one no session protected is "not started" (a fact, not a
   * failure), or "before Keel started" when it ended before Keel was counting.
   */
  private blockState(
    o: FocusOccurrence,
    now: number,
    running: FocusSession | undefined,
    countFrom: number,
  ): FocusBlockDto['state'] {
    if (running?.occurrenceId === o.id) return 'running';
    if (this.repo.isSkipped(o.id)) return 'skipped';
    if (o.start > now) return 'upcoming';
    if (this.repo.latestForOccurrence(o.id)) return 'done';
    if (o.end > now) return 'upcoming';
    return o.end <= countFrom ? 'before-start' : 'not-started';
  }

  private findOccurrence(id: string, now: number): FocusOccurrence | undefined {
    return this.occurrences(now - 24 * 3_600_000, now + 15 * 24 * 3_600_000).find((o) => o.id === id);
  }
}

export function adhocEventId(sessionId: number): string {
  return `adhoc:${sessionId}`;
}

/** Why `date` has no working hours, if it has none: the holiday's note, "Holiday" or "Day off". */
/** A day or a block with more meetings than this is a calendar gone wrong: the window shows these. */
export const MAX_MEETINGS_SHOWN = 50;

function meetingDto(m: Meeting, zone: string): MeetingDto {
  return {
    title: m.title,
    start: toLocalIso(m.start, zone),
    end: toLocalIso(m.end, zone),
    status: m.status,
    warns: m.warns,
  };
}

function dayOffOn(date: string, rules: Rules): string | null {
  return holidayName(date, rules) ?? (hoursOn(date, rules) === null ? 'Day off' : null);
}
