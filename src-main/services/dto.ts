/**
 * Shapes the calendar and do-not-disturb services return across IPC. Declared apart from the
 * services so the contract, the renderer and the services agree on them from the start.
 */

export interface CalendarStatus {
  /** The imported file's name (never its full path: the window does not need it). */
  file: string | null;
  /** Meetings found in the next four weeks. */
  upcomingMeetings: number;
  lastReadAt: string | null;
  /** One sentence when the file could not be read or parsed. */
  error: string | null;
}

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
  /** The latest earlier sign-off (within a week), for the Today view's "first thing". */
  carriedOver: {
    workday: string;
    firstTomorrow: string | null;
    unfinished: { item: string; plan: string }[];
  } | null;
  /** Whether "quiet until tomorrow" starts ticked (Settings). */
  quietDefault: boolean;
}

/** One check-in as the window and the CLI show it. */
export interface CheckInDto {
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
