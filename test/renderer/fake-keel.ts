import {
  DEFAULT_TAGS,
  ENERGY_LABELS,
  makeCheckIn,
  normaliseTags,
  NOTE_MAX_LENGTH,
  RATINGS,
  STRETCHED_QUESTION,
  SUSTAINABLE,
  SUSTAINABLE_LABELS,
  SUSTAINABLE_QUESTION,
  tagLabel,
  WORKLOAD_LABELS,
  type CheckIn as CoreCheckIn,
  type Rating,
} from '../../src-main/core/checkin';
import { defaultCadence, describeCadence } from '../../src-main/core/checkin-cadence';
import { checkPromptsBetween } from '../../src-main/core/checkin-prompts';
import {
  questionnaireSeries,
  tagFrequencies,
  trendRange,
  trendSummary,
  weeklyTrends,
} from '../../src-main/core/checkin-trends';
import { KeelError } from '../../src-main/core/errors';
import {
  BURNOUT_INTERPRETATION,
  BURNOUT_OPTIONS,
  BURNOUT_QUESTION,
  BURNOUT_SYMPTOMS_FROM,
  makeQuestionnaireResult,
  QUESTIONNAIRE_DISCLAIMER,
  QUESTIONNAIRES,
  questionnaireDue,
  WHO5_INTERPRETATION,
  WHO5_ITEMS,
  WHO5_OPTIONS,
  WHO5_STEM,
  who5Note,
  type QuestionnaireKind,
  type QuestionnaireResult,
} from '../../src-main/core/questionnaires';
import { defaultSettings } from '../../src-main/core/settings';
import {
  parseSummaryChoices,
  SUMMARY_MESSAGES,
  summaryPeriod,
  type SummaryChoices,
  type SummaryChoicesInput,
} from '../../src-main/core/summary-choices';
import { renderHtml } from '../../src-main/core/summary-html';
import { renderMarkdown } from '../../src-main/core/summary-markdown';
import { buildSummary, type SummaryData, type SummaryModel } from '../../src-main/core/summary-model';
import {
  DEFAULT_SECTIONS,
  SUMMARY_SECTION_TITLES,
  SUMMARY_SECTIONS,
  unshareableNoteIds,
  type SummaryTalkingPoint,
} from '../../src-main/core/summary-sections';
import { creepStats, type WorkdayFacts } from '../../src-main/core/signoff';
import { plannedSignoffAt, signoffWorkdayOf } from '../../src-main/core/signoff-policy';
import {
  addLocalDays,
  clockTimeOf,
  instantAt,
  localDateOf,
  startOfLocalDate,
  toLocalIso,
  weekdayOf,
  weekStartOf,
} from '../../src-main/core/time';
import { holidayOn, hoursOn } from '../../src-main/core/working-hours';
import { describeIssues } from '../../src-main/core/validation';
import { contract, type ChannelOutput, type IpcResult, type KeelApi } from '../../src-main/ipc/contract';
import { STATE_TOPICS, type StateEvent } from '../../src-main/shared/state';
import type {
  AgendaEvent,
  CalendarStatus,
  CheckForm,
  CheckIn,
  CheckTrends,
  CreepStats,
  DndStatus,
  ExportResult,
  FocusBlock,
  FocusStats,
  FocusStatus,
  InterruptionKind,
  Questionnaire,
  QuestionnaireOutcome,
  SettingKey,
  Settings,
  SignoffRecord,
  SignoffStatus,
  Share as ShareDto,
  Status,
  SummaryExportFormat as ExportFormat,
  SummaryOptions,
  TalkingPoint,
} from '../../src-renderer/api/types';

/**
 * An in-memory `KeelApi` for renderer tests (and for screenshots in a browser). `api` is typed as
 * `KeelApi`, so the fake breaks the build when the contract changes. It keeps settings, derives
 * `app.status()` from them like main does, validates `settings.set` with main's own zod
 * schemas (same sentences for the common cases), records every call, and pushes
 * `{type:'changed'}` after a successful save.
 */

export type FakeMethod =
  | 'app.status'
  | 'settings.get'
  | 'settings.set'
  | 'agenda.list'
  | 'focus.status'
  | 'focus.start'
  | 'focus.stop'
  | 'focus.interrupt'
  | 'focus.leaveOff'
  | 'focus.skip'
  | 'focus.stats'
  | 'focus.exportIcs'
  | 'calendar.status'
  | 'calendar.import'
  | 'calendar.clear'
  | 'dnd.status'
  | 'signoff.status'
  | 'signoff.submit'
  | 'signoff.respond'
  | 'signoff.creep'
  | 'checks.form'
  | 'checks.add'
  | 'checks.update'
  | 'checks.delete'
  | 'checks.list'
  | 'checks.trends'
  | 'checks.questionnaire'
  | 'talk.add'
  | 'talk.list'
  | 'talk.discussed'
  | 'talk.delete'
  | 'summary.options'
  | 'summary.preview'
  | 'summary.export'
  | 'summary.copy'
  | 'summary.shares'
  | 'data.overview'
  | 'data.backupNow'
  | 'data.restore'
  | 'data.dismissRecovery'
  | 'data.export'
  | 'data.import'
  | 'data.deleteAll';

/** Meetings overlapping a block, by occurrence id ("focus:2025-03-11@09:00"). */
export type FakeMeetings = Record<string, FocusBlock['meetings']>;

export interface FakeFocusOptions {
  /** The fake's clock (ISO with offset); defaults to the status snapshot's `now`. */
  now?: string;
  /** A block running from the start. */
  running?: FocusStatus['running'];
  leftOff?: FocusStatus['leftOff'];
  askLeftOff?: boolean;
  meetings?: FakeMeetings;
  /** Protected minutes already recorded per date (YYYY-MM-DD), for stats. */
  protectedByDate?: Record<string, number>;
  /** Interruptions already recorded per date, for stats. */
  interruptionsByDate?: Record<string, Partial<Record<InterruptionKind, number>>>;
}

/** The imported calendar: what `calendar.status` answers first, and what `calendar.import` picks. */
export interface FakeCalendarOptions {
  /** The calendar already imported; none by default. */
  status?: CalendarStatus;
  /** What `calendar.import` answers (the file the user picked). */
  importResult?: CalendarStatus;
}

/** One past (or the current) workday's presence, for creep. */
export interface FakeWorkday {
  date: string;
  /** Minutes from the date's midnight; the last activity may pass 1440 (after midnight). */
  firstActive: number | null;
  lastActive: number | null;
  signedOff?: boolean;
}

/**
 * The sign-off: today's presence, a waiting suggestion, today's record, the previous sign-off,
 * and the history creep is computed from (with main's own `creepStats`).
 */
export interface FakeSignoffOptions {
  /** Today's presence, `HH:MM`. */
  firstActive?: string | null;
  lastActive?: string | null;
  suggested?: SignoffStatus['suggested'];
  snoozedUntil?: string | null;
  notToday?: boolean;
  /** Today's sign-off, already made. */
  signedOff?: SignoffRecord | null;
  carriedOver?: SignoffStatus['carriedOver'];
  history?: FakeWorkday[];
  /** What `signoff.creep` answers, instead of computing it from `history`. */
  creep?: CreepStats;
}

/** A check-in already recorded: its answers and when it was taken. */
export interface FakeCheckIn {
  id?: string;
  /** ISO 8601 with an offset, e.g. "2025-03-07T16:05:00+01:00". */
  at: string;
  workload: Rating;
  energy: Rating;
  sustainable: 'yes' | 'mostly' | 'no';
  stretched?: string[];
  note?: string | null;
  shareable?: boolean;
  edited?: boolean;
}

/** A questionnaire answered earlier. */
export interface FakeQuestionnaireResult {
  kind: QuestionnaireKind;
  /** ISO 8601 with an offset. */
  at: string;
  answers: number[];
}

/**
 * Check-ins: the history, earlier questionnaire answers, and optional fixed answers. Without the
 * fixed answers the fake computes like main (main's own core functions for the cadence, trends,
 * scores and the calm WHO-5 note).
 */
export interface FakeChecksOptions {
  history?: FakeCheckIn[];
  results?: FakeQuestionnaireResult[];
  /** What `checks.trends` answers, instead of computing it from the history. */
  trends?: CheckTrends;
  /** What `checks.questionnaire` answers, instead of scoring the answers. */
  outcome?: QuestionnaireOutcome;
}

/** Talking points already written; `createdAt`/`discussedAt` are ISO 8601 with an offset. */
export interface FakeTalkOptions {
  points?: { id?: string; text: string; createdAt: string; discussedAt?: string | null }[];
}

/** Summaries shared earlier, and whether the save dialog is cancelled. */
export interface FakeSummaryOptions {
  /** Newest or oldest first, any order; `at` is ISO 8601 with an offset. */
  shares?: ShareDto[];
  /** Every `summary.export` answers as if the save dialog was cancelled. */
  cancelExport?: boolean;
}

type DataOverview = ChannelOutput<'data:overview'>;
type BackupDto = DataOverview['backups'][number];
type ImportResult = ChannelOutput<'data:import'>;

/** A backup already written; its kind comes from its id (`daily-…`, `weekly-…`, `safety-…`). */
export interface FakeBackup {
  id: string;
  /** ISO 8601 with an offset. */
  createdAt: string;
  sizeBytes?: number;
}

/**
 * The user's data as a whole: backups, a start-up recovery to tell about, and export. Restoring
 * a backup puts back the settings, check-ins, questionnaire answers, talking points, shares and
 * sign-off state as they were when it was written (backups given here hold the starting data).
 */
export interface FakeDataOptions {
  /**
   * Backups already written, in any order (listed newest first). By default three, as a Keel
   * that has run for a while has: today's and yesterday's daily copies and this week's weekly.
   */
  backups?: FakeBackup[];
  /** What start-up had to recover, until dismissed; none by default. */
  recovery?: DataOverview['recovery'];
  /** What `data.export` answers; `{saved:false, fileName:null}` is a cancelled dialog. */
  exportResult?: ExportResult;
}

/**
 * What the next `data.import` does (see `setNextImport`): the file the user picked and what it
 * held, or the sentence main answers for a file it refuses. Without one the dialog is cancelled.
 */
export type FakeImport =
  | {
      /** null: the user cancelled the open dialog. */
      fileName: string | null;
      /** Check-ins the file holds: those whose id is new are added, the others skipped. */
      checkIns?: FakeCheckIn[];
      /** Fixed counts, instead of counting `checkIns`. */
      added?: number;
      skipped?: number;
    }
  | { error: { code: string; message: string } };

export interface FakeCall {
  method: FakeMethod;
  input: unknown;
}

export interface FakeKeelOptions {
  settings?: Partial<Settings>;
  /** Overrides for the status snapshot; `zone` and `today`'s hours/blocks come from settings. */
  status?: Partial<Omit<StatusBase, 'today'>> & { today?: Partial<StatusBase['today']> };
  /** Events `agenda.list` returns (filtered by date). */
  agenda?: AgendaEvent[];
  /** Milliseconds every answer waits (0: the next microtask). */
  delayMs?: number;
  /** Push `{type:'changed', topics:['settings','status']}` after each successful `settings.set`. */
  emitOnSet?: boolean;
  focus?: FakeFocusOptions;
  calendar?: FakeCalendarOptions;
  /** What `dnd.status` answers (its `enabled` always follows settings); GNOME with control by default. */
  dnd?: DndStatus;
  /** What `focus.exportIcs` answers; `{saved:false, fileName:null}` is a cancelled dialog. */
  exportResult?: ExportResult;
  signoff?: FakeSignoffOptions;
  checks?: FakeChecksOptions;
  talk?: FakeTalkOptions;
  summary?: FakeSummaryOptions;
  data?: FakeDataOptions;
}

export interface FakeKeel {
  /** Install as `window.keel`. */
  api: KeelApi;
  /** Every call, in order, with a copy of its input. */
  calls: FakeCall[];
  /** The stored settings (what a successful `settings.set` changed). */
  readonly settings: Settings;
  callsTo(method: FakeMethod): FakeCall[];
  /** The next call to `method` answers with this error instead. */
  failNext(method: FakeMethod, error: { code: string; message: string }): void;
  /** Replaces settings as if another process (the CLI) wrote them; does not emit. */
  replaceSettings(patch: Partial<Settings>): void;
  /** Changes the status snapshot; does not emit. */
  patchStatus(patch: FakeKeelOptions['status']): void;
  /** Pushes a state event to every `onState` listener. */
  emit(event: StateEvent): void;
  listenerCount(): number;
  /** The focus status the fake would answer now. */
  focusStatus(): FocusStatus;
  /** Moves the fake's clock (ends a running block whose end passed); does not emit. */
  advance(ms: number): void;
  /** The sign-off status the fake would answer now. */
  signoffStatus(): SignoffStatus;
  /** Changes the sign-off state (presence, suggestion…) as main would; does not emit. */
  patchSignoff(patch: Omit<FakeSignoffOptions, 'history' | 'creep'>): void;
  /** The recorded check-ins as `checks.list` shows them, oldest first. */
  checkIns(): CheckIn[];
  /** The check-in form the fake would answer now. */
  checkForm(): CheckForm;
  /** Talking points as `talk.list({includeDiscussed:true})` answers them, oldest first. */
  talkingPoints(): TalkingPoint[];
  /** What `summary.copy` put on the clipboard, in order. */
  readonly copied: readonly string[];
  /** What `summary.export` wrote (the bytes of md and html; the HTML a PDF prints), in order. */
  readonly exported: readonly { format: ExportFormat; fileName: string; text: string }[];
  /** What the next `data.import` answers (once); without it the open dialog is cancelled. */
  setNextImport(next: FakeImport): void;
  /** The backups as `data.overview` lists them, newest first. */
  backups(): BackupDto[];
  /** The overview the fake would answer now. */
  dataOverview(): DataOverview;
  /** The file names `data.export` saved, in order. */
  readonly dataExports: readonly string[];
}

/** Main's defaults, in the zone the fake's status is in. */
export function defaultFakeSettings(): Settings {
  return defaultSettings('Europe/Berlin');
}

/** What the fake keeps of a status; the rest is derived from settings. */
type StatusBase = Omit<Status, 'zone' | 'today'> & { today: Pick<Status['today'], 'date' | 'weekday'> };

const defaultStatus: StatusBase = {
  app: { name: 'Keel', version: '0.1.0' },
  dataDir: '/home/ada/.config/Keel',
  database: { path: '/home/ada/.config/Keel/keel.db', schemaVersion: 1 },
  now: '2025-03-11T08:40:00+01:00',
  today: { date: '2025-03-11', weekday: 'tue' },
  nextEvent: {
    id: 'focus:2025-03-11T09:00',
    kind: 'focus',
    title: 'Focus block',
    start: '2025-03-11T09:00:00+01:00',
    end: '2025-03-11T11:00:00+01:00',
  },
};

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The sentence main answers for an invalid `{key, value}` (the contract's own schema), or null. */
export function validateSetting(key: unknown, value: unknown): string | null {
  const parsed = contract['settings:set'].input.safeParse({ key, value });
  return parsed.success ? null : describeIssues(parsed.error);
}

export function createFakeKeel(options: FakeKeelOptions = {}): FakeKeel {
  let settings: Settings = { ...defaultFakeSettings(), ...structuredClone(options.settings ?? {}) };
  let status: StatusBase = structuredClone(defaultStatus);
  patch(options.status);
  const agenda = structuredClone(options.agenda ?? []);
  const listeners = new Set<(event: StateEvent) => void>();
  const failures = new Map<FakeMethod, { code: string; message: string }[]>();
  const calls: FakeCall[] = [];
  const emitOnSet = options.emitOnSet ?? true;

  function answer<T>(method: FakeMethod, input: unknown, produce: () => IpcResult<T>): Promise<IpcResult<T>> {
    calls.push({ method, input: input === undefined ? undefined : structuredClone(input) });
    const failure = failures.get(method)?.shift();
    const result: IpcResult<T> = failure
      ? { ok: false, error: failure as Extract<IpcResult<T>, { ok: false }>['error'] }
      : produce();
    return new Promise((resolve) => {
      if (options.delayMs) setTimeout(() => resolve(result), options.delayMs);
      else queueMicrotask(() => resolve(result));
    });
  }

  function patch(overrides: FakeKeelOptions['status'] = {}) {
    const { today, ...rest } = structuredClone(overrides);
    status = { ...status, ...rest, today: { ...status.today, ...today } };
  }

  function currentStatus(): Status {
    const weekday = status.today.weekday;
    return structuredClone({
      ...status,
      zone: settings.zone,
      today: {
        date: status.today.date,
        weekday,
        workingHours: settings.workingHours[weekday],
        focusBlocks: settings.focusPlan
          .filter((r) => r.weekday === weekday)
          .map(({ start, end }) => ({ start, end }))
          .sort((a, b) => a.start.localeCompare(b.start)),
        // The fake's focus model is declared below; status is only read after set-up.
        focusRunningUntil: running ? timeAt(running.endsAt) : null,
      },
    });
  }

  function emit(event: StateEvent) {
    for (const listener of [...listeners]) listener(event);
  }

  /* ---------- Focus: a small deterministic model of main's focus service ---------- */
  const focusOptions = structuredClone(options.focus ?? {});
  const clockStart = focusOptions.now ?? status.now;
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(clockStart)?.[1] ?? 'Z';
  const offsetMs = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * minutes(offset.slice(1)) * 60_000;
  let nowMs = Date.parse(clockStart);
  interface FakeSession {
    sessionId: number;
    kind: 'planned' | 'adhoc';
    occurrenceId: string | null;
    startedAt: number;
    endsAt: number;
    interruptions: number;
  }
  let running: FakeSession | null = null;
  let sessionIds = 0;
  if (focusOptions.running) {
    const r = focusOptions.running;
    running = {
      sessionId: r.sessionId,
      kind: r.kind,
      occurrenceId: r.occurrenceId,
      startedAt: Date.parse(r.startedAt),
      endsAt: Date.parse(r.endsAt),
      interruptions: r.interruptions,
    };
    sessionIds = r.sessionId;
  }
  let leftOff = focusOptions.leftOff ?? null;
  let askLeftOff = focusOptions.askLeftOff ?? false;
  const skipped = new Set<string>();
  const protectedOccurrences = new Set<string>();
  const protectedByDate: Record<string, number> = { ...focusOptions.protectedByDate };
  const interruptionsByDate: Record<string, Partial<Record<InterruptionKind, number>>> = structuredClone(
    focusOptions.interruptionsByDate ?? {},
  );
  const meetings = focusOptions.meetings ?? {};
  const exportResult = structuredClone(options.exportResult);

  const isoAt = (ms: number) =>
    `${new Date(ms + offsetMs).toISOString().slice(0, 19)}${offset === 'Z' ? 'Z' : offset}`;
  const timeAt = (ms: number) => isoAt(ms).slice(11, 16);
  const dateAt = (ms: number) => isoAt(ms).slice(0, 10);
  const instant = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00${offset}`);
  const paused = (date: string) => settings.focusPauses.some((p) => p.from <= date && date <= p.to);

  function blocksOn(date: string): FocusBlock[] {
    if (paused(date)) return [];
    return settings.focusPlan
      .filter((r) => r.weekday === weekdayOf(date))
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((r) => {
        const id = `focus:${date}@${r.start}`;
        const start = instant(date, r.start);
        const end = instant(date, r.end);
        let state: FocusBlock['state'];
        if (running?.occurrenceId === id) state = 'running';
        else if (skipped.has(id)) state = 'skipped';
        else if (start > nowMs) state = 'upcoming';
        else if (protectedOccurrences.has(id)) state = 'done';
        else state = end <= nowMs ? 'missed' : 'upcoming';
        return {
          id,
          start: isoAt(start),
          end: isoAt(end),
          startTime: r.start,
          endTime: r.end,
          state,
          meetings: structuredClone(meetings[id] ?? []),
        };
      });
  }

  function nextBlock(): FocusBlock | null {
    const today = dateAt(nowMs);
    for (let i = 0; i < 8; i++) {
      const found = blocksOn(addLocalDays(today, i)).find(
        (b) => Date.parse(b.start) > nowMs && !skipped.has(b.id),
      );
      if (found) return found;
    }
    return null;
  }

  function focusStatus(): FocusStatus {
    const today = dateAt(nowMs);
    return structuredClone({
      running: running
        ? {
            sessionId: running.sessionId,
            kind: running.kind,
            occurrenceId: running.occurrenceId,
            startedAt: isoAt(running.startedAt),
            endsAt: isoAt(running.endsAt),
            endTime: timeAt(running.endsAt),
            protectedMinutes: Math.floor((Math.min(nowMs, running.endsAt) - running.startedAt) / 60_000),
            interruptions: running.interruptions,
          }
        : null,
      today: blocksOn(today),
      next: nextBlock(),
      leftOff,
      askLeftOff: running === null && askLeftOff,
      pausedToday: paused(today),
    });
  }

  function finish(at: number) {
    if (!running) return;
    const date = dateAt(running.startedAt);
    protectedByDate[date] = (protectedByDate[date] ?? 0) + Math.floor((at - running.startedAt) / 60_000);
    if (running.occurrenceId) protectedOccurrences.add(running.occurrenceId);
    running = null;
    askLeftOff = true;
  }

  function advance(ms: number) {
    nowMs += ms;
    if (running && running.endsAt <= nowMs) finish(running.endsAt);
  }

  function focusChanged(): IpcResult<FocusStatus> {
    if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['focus', 'status'] }));
    return { ok: true, value: focusStatus() };
  }

  const fail = (code: string, message: string) =>
    ({ ok: false, error: { code, message } }) as Extract<IpcResult<never>, { ok: false }>;

  function stats(from: string, to: string): FocusStats {
    const emptyCounts = () => ({ meeting: 0, chat: 0, incident: 0, other: 0 });
    const days: FocusStats['days'] = [];
    for (let d = from; d <= to; d = addLocalDays(d, 1)) {
      const plannedMinutes = blocksOn(d).reduce(
        (n, b) => n + (Date.parse(b.end) - Date.parse(b.start)) / 60_000,
        0,
      );
      const live =
        running && dateAt(running.startedAt) === d
          ? Math.floor((Math.min(nowMs, running.endsAt) - running.startedAt) / 60_000)
          : 0;
      days.push({
        date: d,
        plannedMinutes,
        protectedMinutes: (protectedByDate[d] ?? 0) + live,
        interruptions: { ...emptyCounts(), ...interruptionsByDate[d] },
      });
    }
    const totals = days.reduce(
      (acc, day) => {
        acc.plannedMinutes += day.plannedMinutes;
        acc.protectedMinutes += day.protectedMinutes;
        for (const k of Object.keys(acc.interruptions) as InterruptionKind[])
          acc.interruptions[k] += day.interruptions[k];
        return acc;
      },
      { plannedMinutes: 0, protectedMinutes: 0, interruptions: emptyCounts() },
    );
    return { days, weeks: [{ weekOf: from, ...structuredClone(totals) }], totals };
  }

  const focus: KeelApi['focus'] = {
    status: (input) => answer('focus.status', input, () => ({ ok: true, value: focusStatus() })),
    start: (input) =>
      answer('focus.start', input, () => {
        if (running)
          return fail(
            'conflict',
            `A focus block is already running until ${timeAt(running.endsAt)}; end it first.`,
          );
        let end: number;
        let occurrenceId: string | null = null;
        if ('minutes' in input) {
          if (!Number.isInteger(input.minutes) || input.minutes < 5 || input.minutes > 480)
            return fail('invalid_input', 'A focus block lasts 5 to 480 minutes.');
          end = nowMs + input.minutes * 60_000;
        } else {
          const current = blocksOn(dateAt(nowMs)).find(
            (b) => Date.parse(b.start) <= nowMs && nowMs < Date.parse(b.end) && b.state === 'upcoming',
          );
          const next = nextBlock();
          if (current) {
            occurrenceId = current.id;
            end = Date.parse(current.end);
          } else if (next && Date.parse(next.start) - nowMs <= 8 * 3_600_000) end = Date.parse(next.start);
          else return fail('conflict', 'Nothing is planned in the next 8 hours; pick a length instead.');
        }
        running = {
          sessionId: ++sessionIds,
          kind: occurrenceId ? 'planned' : 'adhoc',
          occurrenceId,
          startedAt: nowMs,
          endsAt: end,
          interruptions: 0,
        };
        return focusChanged();
      }),
    stop: (input) =>
      answer('focus.stop', input, () => {
        if (!running) return fail('not_found', 'No focus block is running.');
        finish(nowMs);
        return focusChanged();
      }),
    interrupt: (input) =>
      answer('focus.interrupt', input, () => {
        if (!running)
          return fail('not_found', 'No focus block is running, so there is nothing to interrupt.');
        running.interruptions++;
        const date = dateAt(nowMs);
        const counts = (interruptionsByDate[date] ??= {});
        counts[input.kind] = (counts[input.kind] ?? 0) + 1;
        return focusChanged();
      }),
    leaveOff: (input) =>
      answer('focus.leaveOff', input, () => {
        const text = input.text.trim();
        if (text.length === 0) return fail('invalid_input', 'text: Write one line.');
        if (text.length > 280) return fail('invalid_input', 'text: Keep it to one line (280 characters).');
        if (/[\r\n]/.test(text)) return fail('invalid_input', 'text: Keep it to one line.');
        leftOff = { text, at: isoAt(nowMs) };
        askLeftOff = false;
        return focusChanged();
      }),
    skip: (input) =>
      answer('focus.skip', input, () => {
        const block = [dateAt(nowMs), addLocalDays(dateAt(nowMs), 1)]
          .flatMap(blocksOn)
          .find((b) => b.id === input.occurrenceId && Date.parse(b.end) > nowMs);
        if (!block) return fail('not_found', 'That focus block is not coming up.');
        if (running?.occurrenceId === block.id)
          return fail('conflict', 'That block is running; end it instead.');
        skipped.add(block.id);
        return focusChanged();
      }),
    stats: (input) =>
      answer('focus.stats', input, () => {
        if (input.from > input.to)
          return fail('invalid_input', 'The start date must not be after the end date.');
        return { ok: true, value: stats(input.from, input.to) };
      }),
    exportIcs: (input) =>
      answer('focus.exportIcs', input, () => ({
        ok: true,
        value: structuredClone(exportResult ?? { saved: true, fileName: 'keel-focus.ics' }),
      })),
  };

  /* ---------- Calendar and do-not-disturb ---------- */
  const calendarOptions = structuredClone(options.calendar ?? {});
  const dndOptions = structuredClone(options.dnd);
  let calendar: CalendarStatus = calendarOptions.status ?? {
    file: null,
    upcomingMeetings: 0,
    lastReadAt: null,
    error: null,
  };

  /* ---------- Sign-off: status derived from settings and the clock, like main's ---------- */
  const signoffOptions = structuredClone(options.signoff ?? {});
  const signoffState = {
    firstActive: signoffOptions.firstActive ?? null,
    lastActive: signoffOptions.lastActive ?? null,
    suggested: signoffOptions.suggested ?? null,
    snoozedUntil: signoffOptions.snoozedUntil ?? null,
    notToday: signoffOptions.notToday ?? false,
    signedOff: signoffOptions.signedOff ?? null,
    carriedOver: signoffOptions.carriedOver ?? null,
  };
  const history = signoffOptions.history ?? [];
  const creepAnswer = signoffOptions.creep;

  const workdayNow = () => signoffWorkdayOf(nowMs, settings);

  /** Where "quiet until tomorrow" ends: the next working start after `workday`. */
  function nextWorkingStart(workday: string): number {
    for (let i = 1; i <= 14; i++) {
      const date = addLocalDays(workday, i);
      const hours = hoursOn(date, settings);
      if (hours) return instantAt(date, hours.start, settings.zone);
    }
    return instantAt(addLocalDays(workday, 1), settings.dayBoundary, settings.zone);
  }

  function signoffStatus(): SignoffStatus {
    const workday = workdayNow();
    const planned = plannedSignoffAt(workday, settings);
    const holiday = holidayOn(workday, settings);
    const record = signoffState.signedOff;
    // A sign-off from an earlier workday is what today carries over.
    const carriedOver =
      record !== null && record.workday < workday
        ? { workday: record.workday, firstTomorrow: record.firstTomorrow, unfinished: record.unfinished }
        : signoffState.carriedOver;
    return structuredClone({
      workday,
      hours: hoursOn(workday, settings),
      holiday: holiday ? holiday.note || 'Holiday' : null,
      plannedAt: planned === null ? null : isoAt(planned),
      firstActive: signoffState.firstActive,
      lastActive: signoffState.lastActive,
      signedOff: record !== null && record.workday === workday ? record : null,
      suggested: signoffState.suggested,
      snoozedUntil: signoffState.snoozedUntil,
      notToday: signoffState.notToday,
      carriedOver,
      quietDefault: settings.signoff.quietAfterSignoff,
    });
  }

  function signoffChanged(): IpcResult<SignoffStatus> {
    if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['signoff', 'status'] }));
    return { ok: true, value: signoffStatus() };
  }

  function creep(weeks: number): CreepStats {
    const today = workdayNow();
    const zone = settings.zone;
    const at = (date: string, minutes: number | null) =>
      minutes === null ? null : startOfLocalDate(date, zone) + minutes * 60_000;
    const facts: WorkdayFacts[] = history.map((d) => ({
      date: d.date,
      firstActive: at(d.date, d.firstActive),
      lastActive: at(d.date, d.lastActive),
      signedOffAt: d.signedOff ? at(d.date, d.lastActive) : null,
    }));
    if (!facts.some((f) => f.date === today) && signoffState.firstActive !== null) {
      const first = instantAt(today, signoffState.firstActive, zone);
      facts.push({
        date: today,
        firstActive: first,
        lastActive:
          signoffState.lastActive === null ? first : instantAt(today, signoffState.lastActive, zone),
        signedOffAt:
          signoffState.signedOff?.workday === today ? Date.parse(signoffState.signedOff.signedOffAt) : null,
      });
    }
    const from = addLocalDays(weekStartOf(today), -(weeks - 1) * 7);
    return creepStats(facts, settings, from, today, today);
  }

  const signoff: KeelApi['signoff'] = {
    status: (input) => answer('signoff.status', input, () => ({ ok: true, value: signoffStatus() })),
    submit: (input) =>
      answer('signoff.submit', input, () => {
        const parsed = contract['signoff:submit'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const answers = parsed.data;
        const workday = workdayNow();
        const previous = signoffState.signedOff;
        // Editing keeps the first sign-off time.
        const at =
          previous !== null && previous.workday === workday ? Date.parse(previous.signedOffAt) : nowMs;
        if (previous !== null && previous.workday < workday)
          signoffState.carriedOver = {
            workday: previous.workday,
            firstTomorrow: previous.firstTomorrow,
            unfinished: previous.unfinished,
          };
        signoffState.signedOff = {
          workday,
          signedOffAt: isoAt(at),
          signedOffTime: timeAt(at),
          done: answers.done,
          unfinished: answers.unfinished,
          firstTomorrow: answers.firstTomorrow === '' ? null : answers.firstTomorrow,
          energy: answers.energy,
          quietUntil: answers.quiet ? isoAt(nextWorkingStart(workday)) : null,
        };
        signoffState.suggested = null;
        return signoffChanged();
      }),
    respond: (input) =>
      answer('signoff.respond', input, () => {
        const parsed = contract['signoff:respond'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        if (parsed.data.action === 'snooze') signoffState.snoozedUntil = isoAt(nowMs + 15 * 60_000);
        else signoffState.notToday = true;
        signoffState.suggested = null;
        return signoffChanged();
      }),
    creep: (input) =>
      answer('signoff.creep', input, () => {
        const parsed = contract['signoff:creep'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        return { ok: true, value: creepAnswer ? structuredClone(creepAnswer) : creep(parsed.data.weeks) };
      }),
  };

  /* ---------- Check-ins: a small model of main's check-in service ---------- */
  const checksOptions = structuredClone(options.checks ?? {});
  let checkIds = 0;
  const nextCheckId = () => `00000000-0000-4000-8000-${(++checkIds).toString(16).padStart(12, '0')}`;
  const storedChecks: (CoreCheckIn & { edited: boolean })[] = (checksOptions.history ?? []).map((c) => {
    const at = Date.parse(c.at);
    const check = makeCheckIn(
      {
        workload: c.workload,
        energy: c.energy,
        sustainable: c.sustainable,
        stretched: normaliseTags(c.stretched ?? []),
        ...(c.note ? { note: c.note } : {}),
        shareable: c.shareable ?? false,
      },
      { id: c.id ?? nextCheckId(), at, zone: settings.zone },
    );
    return { ...check, edited: c.edited ?? false };
  });
  let resultIds = 0;
  const results: QuestionnaireResult[] = (checksOptions.results ?? []).map((r) =>
    makeQuestionnaireResult(r.kind, r.answers, {
      id: `r${++resultIds}`,
      at: Date.parse(r.at),
      zone: settings.zone,
    }),
  );

  const byTime = (a: { at: number }, b: { at: number }) => a.at - b.at;
  const todayOf = () => localDateOf(nowMs, settings.zone);

  function checkDto(c: CoreCheckIn & { edited: boolean }): CheckIn {
    return {
      id: c.id,
      at: toLocalIso(c.at, c.zone),
      date: c.localDate,
      time: clockTimeOf(c.at, c.zone),
      workload: c.workload,
      workloadLabel: WORKLOAD_LABELS[c.workload],
      energy: c.energy,
      energyLabel: ENERGY_LABELS[c.energy],
      sustainable: c.sustainable,
      stretched: c.stretched.map((id) => ({ id, label: tagLabel(id) })),
      note: c.note,
      shareable: c.shareable,
      edited: c.edited,
    };
  }

  const cadenceNow = () =>
    settings.checkins.cadence ?? defaultCadence(settings.oneOnOne, settings.workingHours);

  /** The next planned prompt within two weeks; a day that already has a check needs none. */
  function nextPrompt(): string | null {
    const planned = checkPromptsBetween(nowMs + 1, nowMs + 15 * 86_400_000, cadenceNow(), settings.zone, {
      isWorkday: (date) => hoursOn(date, settings) !== null,
    });
    const next = planned.find(
      (e) => !storedChecks.some((c) => c.localDate === localDateOf(e.start, settings.zone)),
    );
    return next ? toLocalIso(next.start, settings.zone) : null;
  }

  function latestResult(kind: QuestionnaireKind): QuestionnaireResult | undefined {
    return results
      .filter((r) => r.kind === kind)
      .sort(byTime)
      .at(-1);
  }

  function questionnaireDto(kind: QuestionnaireKind): Questionnaire {
    const info = QUESTIONNAIRES[kind];
    const last = latestResult(kind);
    const enabled = settings.checkins[kind];
    return {
      kind,
      title: info.title,
      enabled,
      due: questionnaireDue(kind, last?.at ?? null, nowMs, settings.zone, enabled),
      source: info.source,
      disclaimer: QUESTIONNAIRE_DISCLAIMER,
      stem: kind === 'who5' ? WHO5_STEM : BURNOUT_QUESTION,
      items: kind === 'who5' ? [...WHO5_ITEMS] : [BURNOUT_QUESTION],
      options:
        kind === 'who5'
          ? WHO5_OPTIONS.map((o) => ({ value: o.value, label: o.label }))
          : BURNOUT_OPTIONS.map((o) => ({ value: o.value, label: o.text })),
      last: last ? { date: last.localDate, score: last.score } : null,
    };
  }

  function checkForm(): CheckForm {
    const cadence = cadenceNow();
    const custom = settings.checkins.customTags.filter((t) => !DEFAULT_TAGS.some((d) => d.id === t));
    return structuredClone({
      workload: RATINGS.map((value) => ({ value, label: WORKLOAD_LABELS[value] })),
      energy: RATINGS.map((value) => ({ value, label: ENERGY_LABELS[value] })),
      sustainableQuestion: SUSTAINABLE_QUESTION,
      sustainable: SUSTAINABLE.map((value) => ({ value, label: SUSTAINABLE_LABELS[value] })),
      stretchedQuestion: STRETCHED_QUESTION,
      tags: [
        ...DEFAULT_TAGS.map((t) => ({ ...t, custom: false })),
        ...custom.map((id) => ({ id, label: tagLabel(id), custom: true })),
      ],
      noteMax: NOTE_MAX_LENGTH,
      cadence: {
        mode: cadence.mode,
        text: describeCadence(cadence),
        isDefault: settings.checkins.cadence === null,
      },
      nextPrompt: nextPrompt(),
      checkedToday: storedChecks.filter((c) => c.localDate === todayOf()).length,
      questionnaires: (['burnout', 'who5'] as const).map(questionnaireDto),
    });
  }

  function trendsOf(range: CheckTrends['range']): CheckTrends {
    const { from, to } = trendRange(range, todayOf());
    const checks = storedChecks.filter((c) => c.localDate >= from && c.localDate <= to).sort(byTime);
    const summary = trendSummary(checks, from, to);
    const series = (kind: QuestionnaireKind) =>
      questionnaireSeries(results, kind, { from, to }).map((p) => ({ date: p.localDate, score: p.score }));
    return {
      range,
      from,
      to,
      count: summary.count,
      weeks: weeklyTrends(checks, from, to),
      tags: tagFrequencies(checks),
      workloadDirection: summary.workloadDirection,
      energyDirection: summary.energyDirection,
      burnout: series('burnout'),
      who5: series('who5'),
    };
  }

  function checksChanged() {
    if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['checks', 'agenda', 'status'] }));
  }

  const checks: KeelApi['checks'] = {
    form: (input) => answer('checks.form', input, () => ({ ok: true, value: checkForm() })),
    add: (input) =>
      answer('checks.add', input, () => {
        const parsed = contract['checks:add'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const check = {
          ...makeCheckIn(parsed.data, { id: nextCheckId(), at: nowMs, zone: settings.zone }),
          edited: false,
        };
        storedChecks.push(check);
        checksChanged();
        return { ok: true, value: checkDto(check) };
      }),
    update: (input) =>
      answer('checks.update', input, () => {
        const parsed = contract['checks:update'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const index = storedChecks.findIndex((c) => c.id === parsed.data.id);
        const existing = storedChecks[index];
        if (!existing) return fail('not_found', 'That check-in no longer exists.');
        const check = {
          ...makeCheckIn(parsed.data.input, { id: existing.id, at: existing.at, zone: existing.zone }),
          edited: true,
        };
        storedChecks[index] = check;
        checksChanged();
        return { ok: true, value: checkDto(check) };
      }),
    delete: (input) =>
      answer('checks.delete', input, () => {
        const parsed = contract['checks:delete'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const index = storedChecks.findIndex((c) => c.id === parsed.data.id);
        if (index < 0) return fail('not_found', `No check-in has the id "${parsed.data.id}".`);
        storedChecks.splice(index, 1);
        checksChanged();
        return { ok: true, value: { deleted: parsed.data.id } };
      }),
    list: (input) =>
      answer('checks.list', input, () => {
        const parsed = contract['checks:list'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const { from, to } = parsed.data;
        const value = storedChecks
          .filter((c) => c.localDate >= from && c.localDate <= to)
          .sort(byTime)
          .map(checkDto);
        return { ok: true, value };
      }),
    trends: (input) =>
      answer('checks.trends', input, () => {
        const parsed = contract['checks:trends'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const fixed = checksOptions.trends;
        return {
          ok: true,
          value: fixed
            ? { ...structuredClone(fixed), range: parsed.data.range }
            : trendsOf(parsed.data.range),
        };
      }),
    questionnaire: (input) =>
      answer('checks.questionnaire', input, () => {
        const parsed = contract['checks:questionnaire'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const { kind, answers } = parsed.data;
        if (!settings.checkins[kind])
          return fail('invalid_input', `Turn on the ${QUESTIONNAIRES[kind].title} in Settings first.`);
        const previous = latestResult(kind) ?? null;
        let result: QuestionnaireResult;
        try {
          result = makeQuestionnaireResult(kind, answers, {
            id: `r${++resultIds}`,
            at: nowMs,
            zone: settings.zone,
          });
        } catch (error) {
          if (error instanceof KeelError) return fail(error.code, error.message);
          throw error;
        }
        results.push(result);
        checksChanged();
        if (checksOptions.outcome) return { ok: true, value: structuredClone(checksOptions.outcome) };
        const note = kind === 'who5' ? who5Note(result.score, previous?.score ?? null) : null;
        return {
          ok: true,
          value: {
            kind,
            date: result.localDate,
            score: result.score,
            interpretation:
              kind === 'who5'
                ? result.score <= 50
                  ? WHO5_INTERPRETATION.low
                  : WHO5_INTERPRETATION.notLow
                : result.score >= BURNOUT_SYMPTOMS_FROM
                  ? BURNOUT_INTERPRETATION.symptoms
                  : BURNOUT_INTERPRETATION.none,
            note: note ? { ...note, resources: note.resources.map((r) => ({ ...r })) } : null,
            disclaimer: QUESTIONNAIRE_DISCLAIMER,
          },
        };
      }),
  };

  /* ---------- Talking points and the summary: a small model of main's summary service ---------- */
  const talkOptions = structuredClone(options.talk ?? {});
  const summaryOptions = structuredClone(options.summary ?? {});
  let recordIds = 0;
  const nextRecordId = () => `00000000-0000-4000-9000-${(++recordIds).toString(16).padStart(12, '0')}`;
  const points: SummaryTalkingPoint[] = (talkOptions.points ?? []).map((p) => ({
    id: p.id ?? nextRecordId(),
    text: p.text,
    createdAt: Date.parse(p.createdAt),
    discussedAt: p.discussedAt ? Date.parse(p.discussedAt) : null,
  }));
  const shares: (ShareDto & { localDate: string })[] = (summaryOptions.shares ?? []).map((s) => ({
    ...s,
    localDate: s.at.slice(0, 10),
  }));
  const copied: string[] = [];
  const exported: { format: ExportFormat; fileName: string; text: string }[] = [];

  const oldestFirst = (a: SummaryTalkingPoint, b: SummaryTalkingPoint) =>
    a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  const openPoints = () => points.filter((p) => p.discussedAt === null).sort(oldestFirst);
  function pointDto(p: SummaryTalkingPoint): TalkingPoint {
    return {
      id: p.id,
      text: p.text,
      createdAt: toLocalIso(p.createdAt, settings.zone),
      discussedAt: p.discussedAt === null ? null : toLocalIso(p.discussedAt, settings.zone),
    };
  }
  function talkChanged() {
    if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['talk', 'summary'] }));
  }
  /** Most recent first; of shares made at the same instant, the one logged last. */
  const sharesNewestFirst = () => [...shares].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const lastShare = () => sharesNewestFirst()[0] ?? null;
  const shareDto = ({ localDate: _localDate, ...s }: ShareDto & { localDate: string }): ShareDto =>
    structuredClone(s);

  /** Like the service: the model for the choices, refusing ticked notes that may not be shared. */
  function built(choices: SummaryChoicesInput): { model: SummaryModel; choices: SummaryChoices } {
    const parsed = parseSummaryChoices(choices);
    const data: SummaryData = {
      zone: settings.zone,
      generatedAt: nowMs,
      checks: storedChecks,
      focus: null,
      workdays: null,
      talkingPoints: openPoints(),
    };
    if (unshareableNoteIds(data, parsed).length > 0) {
      throw new KeelError('invalid_input', SUMMARY_MESSAGES.unshareable);
    }
    return { model: buildSummary(data, parsed), choices: parsed };
  }

  function logShare(choices: SummaryChoices, model: SummaryModel, format: ShareDto['format'], text: string) {
    shares.push({
      id: nextRecordId(),
      at: isoAt(nowMs),
      localDate: todayOf(),
      from: choices.from,
      to: choices.to,
      sections: model.sections.map((s) => s.kind),
      noteCount: model.sections.reduce((n, s) => n + (s.kind === 'notes' ? s.items.length : 0), 0),
      format,
      via: 'window',
      contentHash: fakeHash(text),
    });
    if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['summary'] }));
  }

  /** Runs `produce`, turning a KeelError (main's sentence) into an error answer. */
  function guarded<T>(produce: () => IpcResult<T>): IpcResult<T> {
    try {
      return produce();
    } catch (error) {
      if (error instanceof KeelError) return fail(error.code, error.message);
      throw error;
    }
  }

  const talk: KeelApi['talk'] = {
    add: (input) =>
      answer('talk.add', input, () => {
        const parsed = contract['talk:add'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const point = {
          id: nextRecordId(),
          text: parsed.data.text.replace(/\s+/g, ' ').trim(),
          createdAt: nowMs,
          discussedAt: null,
        };
        points.push(point);
        talkChanged();
        return { ok: true, value: pointDto(point) };
      }),
    list: (input) =>
      answer('talk.list', input, () => {
        const parsed = contract['talk:list'].input.safeParse(input ?? {});
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const list = parsed.data.includeDiscussed ? [...points].sort(oldestFirst) : openPoints();
        return { ok: true, value: list.map(pointDto) };
      }),
    discussed: (input) =>
      answer('talk.discussed', input, () => {
        const parsed = contract['talk:discussed'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const point = points.find((p) => p.id === parsed.data.id);
        if (!point) return fail('not_found', `No talking point has the id "${parsed.data.id}".`);
        point.discussedAt = parsed.data.discussed ? nowMs : null;
        talkChanged();
        return { ok: true, value: pointDto(point) };
      }),
    delete: (input) =>
      answer('talk.delete', input, () => {
        const parsed = contract['talk:delete'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const index = points.findIndex((p) => p.id === parsed.data.id);
        if (index < 0) return fail('not_found', `No talking point has the id "${parsed.data.id}".`);
        points.splice(index, 1);
        talkChanged();
        return { ok: true, value: { deleted: parsed.data.id } };
      }),
  };

  const summary: KeelApi['summary'] = {
    options: (input) =>
      answer('summary.options', input, () => {
        // As over the real bridge, where a call without input sends `{}`.
        const parsed = contract['summary:options'].input.safeParse(input ?? {});
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const today = todayOf();
        const last = lastShare();
        const sinceLast = summaryPeriod('since-last', today, last?.localDate ?? null);
        const { from, to } = parsed.data;
        const period = from !== undefined && to !== undefined ? { from, to } : sinceLast;
        const value: SummaryOptions = {
          sections: SUMMARY_SECTIONS.map((id) => ({
            id,
            title: SUMMARY_SECTION_TITLES[id],
            default: DEFAULT_SECTIONS.includes(id),
          })),
          periods: { sinceLast, twoWeeks: summaryPeriod('two-weeks', today) },
          lastShare: last ? shareDto(last) : null,
          notes: [...storedChecks]
            .sort(byTime)
            .filter((c) => c.localDate >= period.from && c.localDate <= period.to && c.note !== null)
            .map((c) => ({ id: c.id, date: c.localDate, text: c.note as string, shareable: c.shareable })),
        };
        return { ok: true, value };
      }),
    preview: (input) =>
      answer('summary.preview', input, () => {
        const parsed = contract['summary:preview'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        return guarded(() => {
          const { model } = built(input.choices);
          const format = parsed.data.format;
          const text = format === 'md' ? renderMarkdown(model) : renderHtml(model);
          return { ok: true, value: { format, text, contentHash: fakeHash(text), model } };
        });
      }),
    export: (input) =>
      answer('summary.export', input, () => {
        const parsed = contract['summary:export'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        return guarded<ExportResult>(() => {
          const { model, choices } = built(input.choices);
          const format = parsed.data.format;
          const text = format === 'md' ? renderMarkdown(model) : renderHtml(model);
          if (summaryOptions.cancelExport) return { ok: true, value: { saved: false, fileName: null } };
          const fileName = `keel-one-on-one-${choices.from}-to-${choices.to}.${format}`;
          exported.push({ format, fileName, text });
          logShare(choices, model, format, text);
          return { ok: true, value: { saved: true, fileName } };
        });
      }),
    copy: (input) =>
      answer('summary.copy', input, () => {
        const parsed = contract['summary:copy'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        return guarded(() => {
          const { model, choices } = built(input.choices);
          const text = renderMarkdown(model);
          copied.push(text);
          logShare(choices, model, 'clipboard', text);
          return { ok: true, value: { copied: true as const } };
        });
      }),
    shares: (input) =>
      answer('summary.shares', input, () => ({
        ok: true,
        value: sharesNewestFirst().map(shareDto),
      })),
  };

  /* ---------- The user's data as a whole: backups, restore, export, import, delete ---------- */
  const dataOptions = structuredClone(options.data ?? {});
  interface DataSnapshot {
    settings: Settings;
    checks: typeof storedChecks;
    results: QuestionnaireResult[];
    points: SummaryTalkingPoint[];
    shares: typeof shares;
    signoff: typeof signoffState;
    history: FakeWorkday[];
  }
  interface StoredBackup extends BackupDto {
    snapshot: DataSnapshot;
  }
  const KEEP_BACKUPS = { daily: 7, weekly: 4, safety: 3 } as const;
  const snapshot = (): DataSnapshot =>
    structuredClone({
      settings,
      checks: storedChecks,
      results,
      points,
      shares,
      signoff: signoffState,
      history,
    });
  const recordCount = () => Object.values(dataCounts()).reduce((a, b) => a + b, 0);
  const backupSize = () => 49_152 + 512 * recordCount();
  const kindOf = (id: string): BackupDto['kind'] =>
    id.startsWith('daily-') ? 'daily' : id.startsWith('weekly-') ? 'weekly' : 'safety';
  // Focus sessions deleted with everything else; the running counter only ever grows.
  let sessionBase = 0;
  let seededFocusDays = Object.keys(focusOptions.protectedByDate ?? {}).length;

  function dataCounts(): DataOverview['counts'] {
    return {
      checkins: storedChecks.length,
      questionnaire_results: results.length,
      check_prompt_answers: 0,
      focus_sessions: sessionIds - sessionBase + seededFocusDays,
      interruptions: Object.values(interruptionsByDate).reduce(
        (n, day) => n + Object.values(day).reduce((a, b) => a + (b ?? 0), 0),
        0,
      ),
      focus_skips: skipped.size,
      resume_cues: leftOff ? 1 : 0,
      workdays: history.length + (signoffState.firstActive !== null ? 1 : 0),
      talking_points: points.length,
      shares: shares.length,
    };
  }

  const startingData = snapshot();
  const defaultBackups = (): FakeBackup[] => {
    const today = todayOf();
    const weekStart = weekStartOf(today);
    return [
      { id: `daily-${today}`, createdAt: toLocalIso(nowMs - 10 * 60_000, settings.zone) },
      {
        id: `daily-${addLocalDays(today, -1)}`,
        createdAt: toLocalIso(instantAt(addLocalDays(today, -1), '08:31', settings.zone), settings.zone),
      },
      {
        id: `weekly-${weekStart}`,
        createdAt: toLocalIso(instantAt(weekStart, '08:31', settings.zone), settings.zone),
      },
    ];
  };
  let storedBackups: StoredBackup[] = (dataOptions.backups ?? defaultBackups()).map((b) => ({
    id: b.id,
    kind: kindOf(b.id),
    createdAt: b.createdAt,
    sizeBytes: b.sizeBytes ?? backupSize(),
    snapshot: structuredClone(startingData),
  }));
  let recovery: DataOverview['recovery'] = dataOptions.recovery ?? null;
  let nextImport: FakeImport | null = null;
  const dataExports: string[] = [];

  const backupDto = ({ snapshot: _snapshot, ...b }: StoredBackup): BackupDto => structuredClone(b);
  /** Newest first; a daily and a weekly copy written together list the daily first. */
  const backupList = () =>
    [...storedBackups].sort(
      (a, b) =>
        Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
        ['daily', 'weekly', 'safety'].indexOf(a.kind) - ['daily', 'weekly', 'safety'].indexOf(b.kind),
    );

  function dataOverview(): DataOverview {
    return {
      folder: status.dataDir,
      backupsFolder: `${status.dataDir}/backups`,
      backups: backupList().map(backupDto),
      recovery: structuredClone(recovery),
      counts: dataCounts(),
    };
  }

  function writeBackup(id: string, at = nowMs): StoredBackup {
    const backup: StoredBackup = {
      id,
      kind: kindOf(id),
      createdAt: toLocalIso(at, settings.zone),
      sizeBytes: backupSize(),
      snapshot: snapshot(),
    };
    storedBackups = [...storedBackups.filter((b) => b.id !== id), backup];
    for (const kind of ['daily', 'weekly', 'safety'] as const) {
      const old = storedBackups
        .filter((b) => b.kind === kind)
        .sort((a, b) => b.id.localeCompare(a.id))
        .slice(KEEP_BACKUPS[kind]);
      storedBackups = storedBackups.filter((b) => !old.includes(b));
    }
    return backup;
  }

  /** Like main: `safety-YYYYMMDD-HHMMSS` (UTC); two in one second each keep their own copy. */
  function safetyCopy(): StoredBackup {
    const newest = storedBackups
      .filter((b) => b.kind === 'safety')
      .map((b) => b.id)
      .sort()
      .pop();
    const idAt = (ms: number) =>
      `safety-${new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
    let at = nowMs;
    while (newest !== undefined && idAt(at) <= newest) at += 1000;
    return writeBackup(idAt(at));
  }

  function putBack(data: DataSnapshot) {
    const copy = structuredClone(data);
    settings = copy.settings;
    storedChecks.splice(0, storedChecks.length, ...copy.checks);
    results.splice(0, results.length, ...copy.results);
    points.splice(0, points.length, ...copy.points);
    shares.splice(0, shares.length, ...copy.shares);
    Object.assign(signoffState, copy.signoff);
    history.splice(0, history.length, ...copy.history);
  }

  /** As main's runtime does once data was replaced: every topic changed. */
  function dataReplaced() {
    if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: [...STATE_TOPICS] }));
  }

  const data: KeelApi['data'] = {
    overview: (input) => answer('data.overview', input, () => ({ ok: true, value: dataOverview() })),
    backupNow: (input) =>
      answer('data.backupNow', input, () => {
        const today = todayOf();
        writeBackup(`daily-${today}`);
        const weekly = `weekly-${weekStartOf(today)}`;
        if (!storedBackups.some((b) => b.id === weekly)) writeBackup(weekly);
        return { ok: true, value: dataOverview() };
      }),
    restore: (input) =>
      answer('data.restore', input, () => {
        const parsed = contract['data:restore'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        const backup = storedBackups.find((b) => b.id === parsed.data.id);
        if (!backup) return fail('not_found', 'There is no backup by that name.');
        const safety = safetyCopy();
        putBack(backup.snapshot);
        dataReplaced();
        return { ok: true, value: { restored: backupDto(backup), safetyCopy: backupDto(safety) } };
      }),
    dismissRecovery: (input) =>
      answer('data.dismissRecovery', input, () => {
        recovery = null;
        return { ok: true, value: dataOverview() };
      }),
    export: (input) =>
      answer('data.export', input, () => {
        const value = dataOptions.exportResult ?? {
          saved: true,
          fileName: `keel-export-${todayOf()}.json`,
        };
        if (value.saved && value.fileName !== null) dataExports.push(value.fileName);
        return { ok: true, value: structuredClone(value) };
      }),
    import: (input) =>
      answer('data.import', input, () => {
        const next = nextImport;
        nextImport = null;
        if (next === null || ('fileName' in next && next.fileName === null))
          return { ok: true, value: { fileName: null, added: 0, skipped: 0, safetyCopy: null } };
        if ('error' in next) return fail(next.error.code, next.error.message);
        const safety = safetyCopy();
        const fresh = (next.checkIns ?? []).filter(
          (c, i, all) =>
            c.id === undefined ||
            (!storedChecks.some((s) => s.id === c.id) && all.findIndex((o) => o.id === c.id) === i),
        );
        for (const c of fresh) {
          const check = makeCheckIn(
            {
              workload: c.workload,
              energy: c.energy,
              sustainable: c.sustainable,
              stretched: normaliseTags(c.stretched ?? []),
              ...(c.note ? { note: c.note } : {}),
              shareable: c.shareable ?? false,
            },
            { id: c.id ?? nextCheckId(), at: Date.parse(c.at), zone: settings.zone },
          );
          storedChecks.push({ ...check, edited: c.edited ?? false });
        }
        const value: ImportResult = {
          fileName: next.fileName,
          added: next.added ?? fresh.length,
          skipped: next.skipped ?? (next.checkIns ?? []).length - fresh.length,
          safetyCopy: backupDto(safety),
        };
        if (value.added > 0) dataReplaced();
        return { ok: true, value };
      }),
    deleteAll: (input) =>
      answer('data.deleteAll', input, () => {
        const parsed = contract['data:deleteAll'].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
        // Every record and setting, every backup and the recovery notice; Keel runs on with defaults.
        putBack({
          settings: defaultFakeSettings(),
          checks: [],
          results: [],
          points: [],
          shares: [],
          signoff: {
            firstActive: null,
            lastActive: null,
            suggested: null,
            snoozedUntil: null,
            notToday: false,
            signedOff: null,
            carriedOver: null,
          },
          history: [],
        });
        running = null;
        sessionBase = sessionIds;
        seededFocusDays = 0;
        leftOff = null;
        askLeftOff = false;
        skipped.clear();
        protectedOccurrences.clear();
        for (const key of Object.keys(protectedByDate)) delete protectedByDate[key];
        for (const key of Object.keys(interruptionsByDate)) delete interruptionsByDate[key];
        storedBackups = [];
        recovery = null;
        dataReplaced();
        return { ok: true, value: { deleted: true as const } };
      }),
  };

  const api: KeelApi = {
    focus,
    signoff,
    checks,
    talk,
    summary,
    data,
    calendar: {
      status: (input) =>
        answer('calendar.status', input, () => ({ ok: true, value: structuredClone(calendar) })),
      import: (input) =>
        answer('calendar.import', input, () => {
          calendar = structuredClone(calendarOptions.importResult) ?? {
            file: 'team.ics',
            upcomingMeetings: 12,
            lastReadAt: isoAt(nowMs),
            error: null,
          };
          return { ok: true, value: structuredClone(calendar) };
        }),
      clear: (input) =>
        answer('calendar.clear', input, () => {
          calendar = { file: null, upcomingMeetings: 0, lastReadAt: null, error: null };
          return { ok: true, value: structuredClone(calendar) };
        }),
    },
    dnd: {
      status: (input) =>
        answer('dnd.status', input, () => ({
          ok: true,
          value: {
            ...(dndOptions ?? {
              capability: 'control',
              desktop: 'GNOME',
              help: null,
              active: false,
            }),
            enabled: settings.dnd.enabled,
          },
        })),
    },
    app: {
      status: (input) => answer('app.status', input, () => ({ ok: true, value: currentStatus() })),
    },
    settings: {
      get: (input) => answer('settings.get', input, () => ({ ok: true, value: structuredClone(settings) })),
      set: (input) =>
        answer('settings.set', input, () => {
          // Stored as main stores it: parsed, so normalised (custom tags become slugs, notes trimmed).
          const parsed = contract['settings:set'].input.safeParse(input);
          if (!parsed.success)
            return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
          const { key, value } = parsed.data;
          settings = { ...settings, [key as SettingKey]: structuredClone(value) };
          if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['settings', 'status'] }));
          return { ok: true, value: structuredClone(settings) };
        }),
    },
    agenda: {
      list: (input) =>
        answer('agenda.list', input, () => {
          if (input.from > input.to)
            return {
              ok: false,
              error: { code: 'invalid_input', message: 'The start date must not be after the end date.' },
            };
          const value = agenda.filter((e) => {
            const date = e.start.slice(0, 10);
            return date >= input.from && date <= input.to;
          });
          return { ok: true, value: structuredClone(value) };
        }),
    },
    onState(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  return {
    api,
    calls,
    get settings() {
      return settings;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    replaceSettings(patch) {
      settings = { ...settings, ...structuredClone(patch) };
    },
    patchStatus: patch,
    emit,
    listenerCount: () => listeners.size,
    focusStatus,
    advance,
    signoffStatus,
    patchSignoff(patch) {
      Object.assign(signoffState, structuredClone(patch));
    },
    checkIns: () => [...storedChecks].sort(byTime).map(checkDto),
    checkForm,
    talkingPoints: () => [...points].sort(oldestFirst).map(pointDto),
    copied,
    exported,
    setNextImport(next) {
      nextImport = structuredClone(next);
    },
    backups: () => backupList().map(backupDto),
    dataOverview,
    dataExports,
  };
}

/**
 * A stand-in for main's SHA-256 content hash (64 hex characters, stable for the same text): the
 * fake also runs in a browser, where node:crypto is not available.
 */
export function fakeHash(text: string): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
