/**
 * The shapes the window sees: what every channel returns, declared here, apart from the services
 * that build them, so the contract, the renderer and the services agree on them and none of them
 * has to import another layer to name a shape. Types only (and literal unions), except core types.
 */
import type { ExportTable, SHARE_KINDS } from '../core/export-format';
import type { HourCycle } from '../core/hour-cycle';
import type { FocusDayStats, FocusStats } from '../core/focus';
import type { RuleHistoryEntry } from '../core/rule-history';
import type { TimeRange } from '../core/working-hours';
import type { SummaryModel } from '../core/summary-model';
import type { SummarySection } from '../core/summary-section-ids';
import type { Weekday } from '../core/time';

/**
 * One change of a dated rule (working hours, holidays, the focus plan…) and how it stands today:
 * `settings:changes` lists them, by rule and then date; `from` is null for a value in force since
 * the beginning.
 */
export type RuleChangeDto = RuleHistoryEntry;

/** Which kind of copy a backup is: a day's, a week's, or one taken just before a change. */
export type BackupKind = 'daily' | 'weekly' | 'safety';

/** Why a data file was set aside at start-up. */
export type RecoveryReason = 'damaged' | 'newer';

/** How something left: a file or clipboard format ('clipboard': a Markdown copy, as the summary's copies were always logged). */
export type ShareFormat = 'md' | 'text' | 'html' | 'rich' | 'pdf' | 'json' | 'clipboard' | 'ics';
/** What left Keel: the one-on-one summary, the weekly update, the working agreement, or its status line for chat. */
export type ShareKind = (typeof SHARE_KINDS)[number];
/** What the builder previews: Markdown, plain text for chat, or HTML. */
export type SummaryPreviewFormat = 'md' | 'text' | 'html';
/** What the builder copies: Markdown, plain text for chat, or rich text (the HTML and the text together). */
export type CopyFormat = 'md' | 'text' | 'rich';

export type { CalendarConflictsDto, CalendarStatus, MeetingDto } from './calendar-dto';
import type { MeetingDto } from './calendar-dto';

export interface DndStatus {
  /** What Keel can do on this desktop. */
  capability: 'control' | 'read-only' | 'unsupported';
  /** e.g. "GNOME", "KDE Plasma", "macOS Shortcuts", "Windows". */
  desktop: string;
  /** For read-only and unsupported desktops: one or two sentences on what to do instead. */
  help: string | null;
  /** The user's setting. */
  enabled: boolean;
  /** Keel has turned do-not-disturb on right now (and will restore it). */
  active: boolean;
}

export interface ExportResult {
  saved: boolean;
  /** The name of the file written (not its folder), or null when the user cancelled. */
  fileName: string | null;
}

/** One workday's sign-off, as the window and `keel day` show it. */

export interface SignoffRecordDto {
  workday: string;
  /** ISO 8601 with the local offset. */
  signedOffAt: string;
  /** `HH:MM`, for "Signed off at 17:42". */
  signedOffTime: string;
  done: string;
  unfinished: { item: string; plan: string }[];
  firstTomorrow: string | null;
  energy: number | null;
  /** Prompts are held (and do-not-disturb is on, where Keel can) until then; ISO, or null. */
  quietUntil: string | null;
}

export interface SignoffStatus {
  /** The workday now belongs to (by the day boundary; a night shift keeps its start date). */
  workday: string;
  /** That workday's hours; null on a day off or holiday. */
  hours: { start: string; end: string } | null;
  /** The holiday's note (or "Holiday") when the workday is one. */
  holiday: string | null;
  /** When working hours end (the planned sign-off), ISO; null on a day off. */
  plannedAt: string | null;
  /** Presence: the first and last input Keel saw this workday, `HH:MM`. */
  firstActive: string | null;
  lastActive: string | null;
  signedOff: SignoffRecordDto | null;
  /** A suggestion was shown and not yet answered: the view offers the same three answers. */
  suggested: { reason: 'end-of-hours' | 'long-day'; at: string } | null;
  snoozedUntil: string | null;
  notToday: boolean;
  /**
   * The last working day's sign-off (the latest earlier date with working hours, at most two
   * weeks back), for the Today view's "first thing"; null on a day off, or when that day has no
   * sign-off (an older one is never carried instead).
   */
  carriedOver: {
    workday: string;
    firstTomorrow: string | null;
    unfinished: { item: string; plan: string }[];
  } | null;
  /** Whether "quiet until tomorrow" starts ticked (Settings). */
  quietDefault: boolean;
}

/** One check-in as the window and the CLI show it. */

export interface CheckinDto {
  id: string;
  /** ISO 8601 with the local offset. */
  at: string;
  date: string;
  time: string;
  workload: number;
  workloadLabel: string;
  energy: number;
  energyLabel: string;
  sustainable: 'yes' | 'mostly' | 'no';
  stretched: { id: string; label: string }[];
  note: string | null;
  shareable: boolean;
  edited: boolean;
}

export interface QuestionnaireDto {
  kind: 'burnout' | 'who5';
  title: string;
  enabled: boolean;
  due: boolean;
  source: string;
  disclaimer: string;
  /** The burnout measure: one question with five statements; WHO-5: five items, each 0–5. */
  stem: string;
  items: string[];
  options: { value: number; label: string }[];
  last: { date: string; score: number } | null;
}

/** Everything the quick-check form needs: labels, tags, the cadence and the questionnaires. */

export interface CheckForm {
  workload: { value: number; label: string }[];
  energy: { value: number; label: string }[];
  sustainableQuestion: string;
  sustainable: { value: 'yes' | 'mostly' | 'no'; label: string }[];
  stretchedQuestion: string;
  tags: { id: string; label: string; custom: boolean }[];
  noteMax: number;
  cadence: { mode: 'daily' | 'weekly' | 'signoff' | 'manual'; text: string; isDefault: boolean };
  nextPrompt: string | null;
  /** Why the next weekly prompt comes early: its day is a holiday (with its note) or a day off. */
  nextPromptMoved: { due: string; weekday: Weekday; holiday: boolean; note: string | null } | null;
  checkedToday: number;
  questionnaires: QuestionnaireDto[];
}

export interface QuestionnaireOutcome {
  kind: 'burnout' | 'who5';
  date: string;
  score: number;
  /** One sentence reading the score, from the measure's source. */
  interpretation: string;
  /** WHO-5: a calm note with general support resources when low or dropping; otherwise null. */
  note: {
    reason: 'low' | 'drop';
    title: string;
    body: string;
    resources: { title: string; detail: string }[];
  } | null;
  disclaimer: string;
}

export interface CheckTrends {
  range: '4w' | 'quarter' | 'year';
  from: string;
  to: string;
  count: number;
  weeks: {
    weekStart: string;
    week: string;
    count: number;
    avgWorkload: number | null;
    avgEnergy: number | null;
    sustainable: { yes: number; mostly: number; no: number };
  }[];
  tags: { id: string; label: string; count: number; share: number }[];
  workloadDirection: 'rising' | 'falling' | 'steady' | 'not enough data';
  energyDirection: 'rising' | 'falling' | 'steady' | 'not enough data';
  burnout: { date: string; score: number }[];
  who5: { date: string; score: number }[];
}

export interface FocusBlockDto {
  id: string;
  start: string;
  end: string;
  startTime: string;
  endTime: string;
  /**
   * What became of the block: `not-started` is a past block no session protected (a neutral
   * fact, not a failure); `before-start` one that ended before Keel was counting.
   */
  state: 'upcoming' | 'running' | 'done' | 'skipped' | 'not-started' | 'before-start';
  /** Meetings from the imported calendar that overlap the block. */
  meetings: MeetingDto[];
}

/** One day of `focus:stats`: the day's figures, whether Keel counted it, and what has come of its plan. */
export interface FocusStatsDayDto extends FocusDayStats {
  /** False for a day before Keel was counting: nothing is planned on it. */
  counted: boolean;
  /** The planned minutes whose time has come (up to now): a share protected is taken over these. */
  plannedSoFarMinutes: number;
}

/**
 * Planned against protected focus time over a period. Planned: the plan's blocks on working days,
 * by the plan in force on each day (never a holiday, pause or day off), only since Keel started
 * counting. Protected: how long focus blocks ran; interruptions are counted, not subtracted.
 */
export interface FocusStatsDto {
  days: FocusStatsDayDto[];
  weeks: FocusStats['weeks'];
  totals: FocusStats['totals'] & { plannedSoFarMinutes: number };
  /**
   * The first day Keel counted, when counting began inside the period (from part way through
   * that day, or after days before it); null when Keel counted the whole period or none of it.
   */
  countingSince: string | null;
}

export interface FocusStatus {
  running: {
    sessionId: number;
    kind: 'planned' | 'adhoc';
    occurrenceId: string | null;
    startedAt: string;
    endsAt: string;
    endTime: string;
    protectedMinutes: number;
    interruptions: number;
  } | null;
  /** Today's planned blocks with what became of each. */
  today: FocusBlockDto[];
  next: FocusBlockDto | null;
  /** The latest "where I left off" line. */
  leftOff: { text: string; at: string } | null;
  /** A block ended and no "where I left off" line was written since: the window asks for one. */
  askLeftOff: boolean;
  /** The user paused the focus plan today. */
  pausedToday: boolean;
  /** Today has no working hours: the holiday's note, "Holiday", or "Day off"; null on a working day. */
  dayOffToday: string | null;
  /** Today's meetings from the imported calendar (those that occupy time, by the calendar settings). */
  meetingsToday: MeetingDto[];
  /**
   * Where "Until next meeting or block" would end if started now (the next block's start, the
   * running planned block's end, or the next meeting within 8 hours); null when nothing comes, or
   * while a block runs.
   */
  untilNext: { endsAt: string; endTime: string } | null;
}

export interface BackupDto {
  id: string;
  kind: BackupKind;
  /** Local ISO time the copy was written. */
  createdAt: string;
  sizeBytes: number;
}

export interface RecoveryDto {
  at: string;
  reason: RecoveryReason;
  movedTo: string;
  restoredFrom: BackupDto['id'] | null;
  /** When the restored backup was written (local ISO), to word the message in any language. */
  restoredAt?: string | null;
  message: string;
}

export interface DataOverview {
  /** The data folder (the database, backups, set-aside files and logs are all in it). */
  folder: string;
  backupsFolder: string;
  backups: BackupDto[];
  /** What happened at start-up if the data file could not be used; null once dismissed. */
  recovery: RecoveryDto | null;
  /** How many records of each kind there are. */
  counts: Record<ExportTable, number>;
}

export interface RestoreResult {
  restored: BackupDto;
  /** The copy of the data as it was just before, so the restore can be undone. */
  safetyCopy: BackupDto;
}

export interface ImportResult {
  /** The file's name (not its folder), or null when the user cancelled. */
  fileName: string | null;
  /** Records added. */
  added: number;
  /** Records already here (same id), and running focus blocks, which only their machine ends. */
  skipped: number;
  /** Settings taken from the file (a dated setting, with every change of it, counts once). */
  settingsAdded: number;
  /** Settings of the file not taken because they are set here (or have a history here). */
  settingsKept: number;
  /** The file is an encrypted backup: nothing was imported; ask again with its passphrase. */
  needsPassphrase?: true;
  safetyCopy: BackupDto | null;
}

export interface AgendaEventDto {
  id: string;
  kind: string;
  title: string;
  /** ISO 8601 with the local offset. */
  start: string;
  end?: string;
}

export interface Status {
  app: { name: 'Keel'; version: string };
  /**
   * The system's 12/24-hour choice for the times Keel shows; null where main cannot know it (the
   * preview: the window uses its browser's).
   */
  hourCycle: HourCycle | null;
  dataDir: string;
  database: { path: string; schemaVersion: number };
  now: string;
  zone: string;
  today: {
    date: string;
    weekday: Weekday;
    workingHours: TimeRange | null;
    focusBlocks: { start: string; end: string }[];
    /** `HH:MM` when a focus block is running now, else null. */
    focusRunningUntil: string | null;
  };
  nextEvent: AgendaEventDto | null;
}

export type ExportFormat = 'md' | 'html' | 'pdf';

export interface TalkingPointDto {
  id: string;
  text: string;
  createdAt: string;
  discussedAt: string | null;
}

export interface ShareDto {
  id: string;
  at: string;
  from: string;
  to: string;
  sections: string[];
  noteCount: number;
  format: ShareFormat;
  via: 'window' | 'cli';
  contentHash: string;
  kind: ShareKind;
}

export interface SummaryPreview {
  format: SummaryPreviewFormat;
  /** Exactly the bytes an export in this format writes (PDF prints the HTML). */
  text: string;
  /** SHA-256 (hex) of `text`. */
  contentHash: string;
  /**
   * SHA-256 of what each format would write: a save or copy carries its format's (PDF the HTML's;
   * rich text the HTML and the text together, see services/summary-service.ts), and main refuses
   * it when the summary no longer renders to the same text.
   */
  hashes: { md: string; text: string; html: string; rich: string };
  model: SummaryModel;
}

export interface SummaryOptions {
  sections: { id: SummarySection; default: boolean }[]; // the window names each in its language
  periods: { sinceLast: { from: string; to: string }; twoWeeks: { from: string; to: string } };
  lastShare: ShareDto | null;
  /** Notes in the period: only shareable ones can be ticked; the others are listed, disabled. */
  notes: { id: string; date: string; text: string; shareable: boolean }[];
  /**
   * Custom tags named in the period's check-ins whose notes are private: they go into "Where I
   * feel stretched" only when ticked. `count`: how many such check-ins name each.
   */
  privateTags: { id: string; label: string; count: number }[];
}

/** The idle time's verdict, for Settings' notice: `notice` says what Keel goes by instead. */
export interface IdleTrust {
  trusted: boolean;
  notice: string | null;
}
