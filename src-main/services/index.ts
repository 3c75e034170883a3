import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { systemTimers, type Clock, type Timers } from '../core/clock';
import type { HourCycle } from '../core/hour-cycle';
import { databasePath } from '../storage/paths';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { type Db, type OpenOptions } from '../storage/database';
import { openOrRecover, type Recovery } from '../storage/recovery';
import { systemZone } from '../core/time';
import { DataService } from './data-service';
import { schemaVersion } from '../storage/migrations';
import { SettingsRepo } from '../storage/settings-repo';
import { RuleRepo } from '../storage/rule-repo';
import type { AgendaSource } from '../core/agenda';
import { workdaySource } from '../core/workday';
import {
  UnsupportedDndController,
  type CalendarParserPort,
  type DndController,
  type FileWatchPort,
} from './ports';
import { CalendarRepo } from '../storage/calendar-repo';
import { DndRepo } from '../storage/dnd-repo';
import { FocusRepo } from '../storage/focus-repo';
import { WorkdayRepo } from '../storage/workday-repo';
import { CheckinRepo } from '../storage/checkin-repo';
import { SummaryRepo } from '../storage/summary-repo';
import { TalkingPointRepo } from '../storage/talking-point-repo';
import { AgendaService } from './agenda-service';
import { AgreementService } from './agreement-service';
import { CalendarService, type CalendarFailure } from './calendar-service';
import { DndService } from './dnd-service';
import { FiguresService } from './figures-service';
import { FocusService } from './focus-service';
import { SettingsService } from './settings-service';
import { SignoffService } from './signoff-service';
import { CheckinService } from './checkin-service';
import { SummaryService } from './summary-service';
import { TalkingPointsService } from './talking-points-service';
import { StatusService } from './status-service';
import { TodayService } from './today-service';
import { WelcomeService } from './welcome-service';
import { UpdateRepo } from '../storage/update-repo';
import { WeeklyUpdateService } from './weekly-update-service';

/** The settings-table key that holds the imported calendar's path. */
export const CALENDAR_FILE_KEY = 'calendarFile';
/** The settings-table key that holds the last failed calendar read (see CalendarFailure). */
export const CALENDAR_FAILURE_KEY = 'calendarFailure';

function isCalendarFailure(value: unknown): value is CalendarFailure {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const numberOrNull = (x: unknown) => x === null || typeof x === 'number';
  return (
    typeof v.filePath === 'string' &&
    typeof v.readingKey === 'string' &&
    typeof v.message === 'string' &&
    numberOrNull(v.size) &&
    numberOrNull(v.mtimeMs)
  );
}
/** The settings-table key that holds this install's id (storage/data-repo INTERNAL_SETTING_KEYS). */
export const INSTALL_ID_KEY = 'installId';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * This install's id: a random UUID made the first time it is asked for and kept. Bookkeeping,
 * not a setting: a data export leaves it out and a restore keeps this install's own, so another
 * machine importing the data exports its own UIDs; deleting all data starts a new one.
 */
export function installId(settingsRepo: SettingsRepo, now: number): string {
  const stored = settingsRepo.all()[INSTALL_ID_KEY];
  if (typeof stored === 'string' && UUID.test(stored)) return stored;
  const id = randomUUID();
  // Insert only if absent, then read back: the app and the CLI asking at once agree on one id.
  if (stored === undefined) settingsRepo.insertIfAbsent(INSTALL_ID_KEY, id, now);
  else settingsRepo.set(INSTALL_ID_KEY, id, now);
  const kept = settingsRepo.all()[INSTALL_ID_KEY];
  return typeof kept === 'string' && UUID.test(kept) ? kept : id;
}

export interface Services {
  db: Db;
  settings: SettingsService;
  /** Every day's figures, by the rules in force on it. */
  figures: FiguresService;
  agenda: AgendaService;
  focus: FocusService;
  dnd: DndService;
  calendar: CalendarService;
  status: StatusService;
  /** The Today card: the day's state, its figures and the Monday recap. */
  today: TodayService;
  signoff: SignoffService;
  checkin: CheckinService;
  talkingPoints: TalkingPointsService;
  summary: SummaryService;
  /** The weekly update: drafted from sign-offs, edited, shared (weekly-update-service.ts). */
  weeklyUpdate: WeeklyUpdateService;
  /** The working agreement and the status line for chat (issue #19). */
  agreement: AgreementService;
  data: DataService;
  /** The first run: shown once on a new data file (welcome-service.ts). */
  welcome: WelcomeService;
  /** What was done at start-up because the data file could not be used, or null. */
  recovery: Recovery | null;
  close(): void;
}

/** A calendar follow-up that fails after the data was closed is moot; before, it is a real error. */
function rethrowIfOpen(db: { open: boolean }, error: unknown): void {
  if (db.open) throw error;
}

export interface ServiceOptions extends OpenOptions {
  dataDir: string;
  clock: Clock;
  version: string;
  /** The system's zone; injectable so tests can pin it. */
  systemZone?: () => string;
  /** The system's 12/24-hour choice (default: unknown, so the window uses its own locale's). */
  systemHourCycle?: () => HourCycle | null;
  /** The desktop's do-not-disturb, as detected by the composition root (default: unsupported). */
  dndController?: DndController;
  /** Timers for debounced work (the calendar's re-read); default: the process's own. */
  timers?: Timers;
  /**
   * How the imported calendar file is watched for changes (platform's fs.watch in the app and the
   * preview). Default: not watched, for processes that exit soon (the CLI, one-shot tools).
   */
  fileWatch?: FileWatchPort;
  /**
   * How the calendar file is parsed: the worker with memory and time limits in the app, the
   * preview and the CLI; in process in tests. Default: none (calendars cannot be read).
   */
  calendarParser?: CalendarParserPort;
}

/** A process that exits soon does not watch the calendar file. */
const NO_FILE_WATCH: FileWatchPort = { watch: () => () => undefined };

/** The imported calendar, re-read (debounced) when its file changes. */
function createCalendarService(
  options: ServiceOptions,
  settings: SettingsService,
  settingsRepo: SettingsRepo,
  db: Db,
): CalendarService {
  return new CalendarService({
    parser: options.calendarParser ?? NO_CALENDAR_PARSER,
    cache: new CalendarRepo(db),
    stat: async (file) => {
      const stat = await fs.promises.stat(file);
      return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
    },
    watch: options.fileWatch ?? NO_FILE_WATCH,
    clock: options.clock,
    timers: options.timers ?? systemTimers,
    settings,
    // The imported file's path lives beside the settings, but is not one: only an open dialog
    // in main (or the CLI's own argument) sets it, never a payload from the window.
    store: {
      get: () => {
        const value = settingsRepo.all()[CALENDAR_FILE_KEY];
        return typeof value === 'string' ? value : null;
      },
      set: (file) => settingsRepo.set(CALENDAR_FILE_KEY, file, options.clock.now()),
    },
    failures: {
      get: () => {
        const value = settingsRepo.all()[CALENDAR_FAILURE_KEY];
        return isCalendarFailure(value) ? value : null;
      },
      set: (failure) => settingsRepo.set(CALENDAR_FAILURE_KEY, failure, options.clock.now()),
    },
    installId: () => installId(settingsRepo, options.clock.now()),
  });
}

/**
 * A process given no calendar parser (tools that never read a calendar) says so plainly; the
 * app, the preview and the CLI pass the worker (platform/calendar-parser.ts).
 */
const NO_CALENDAR_PARSER: CalendarParserPort = {
  parse: () =>
    Promise.resolve({
      ok: false,
      failure: 'unreadable',
      message: 'Keel could not read the calendar file.',
    }),
};

/** The do-not-disturb controller when the composition root detected none. */
function uncheckedDesktopDnd(): DndController {
  return new UnsupportedDndController(
    'this desktop',
    'Keel has not checked this desktop for do-not-disturb.',
    'none',
  );
}

/** Opens the data file, setting a damaged or too-new one aside for the newest good backup. */
function openData(options: ServiceOptions): { db: Db; recovery: Recovery | null } {
  const zoneNow = options.systemZone?.() ?? systemZone();
  return openOrRecover(options.dataDir, databasePath(options.dataDir), {
    ...options,
    now: options.clock.now(),
    formatTime: (instant) => format(new TZDate(instant, zoneNow), "EEEE d MMMM yyyy 'at' HH:mm"),
  });
}

/** An agenda source, whether a capability's own or the service that plans it. */
function sourceOf(owner: AgendaSource | { agendaSource: AgendaSource }): AgendaSource {
  return 'agendaSource' in owner ? owner.agendaSource : owner;
}

/** The summary, the weekly update and the working agreement, sharing one share log. */
function sharingServices(
  db: Db,
  deps: Omit<ConstructorParameters<typeof WeeklyUpdateService>[1], 'shares'> & {
    talkingPoints: TalkingPointsService;
    checkin: CheckinService;
    signoff: SignoffService;
    installId: () => string;
  },
): { summary: SummaryService; weeklyUpdate: WeeklyUpdateService; agreement: AgreementService } {
  const shares = new SummaryRepo(db);
  const { settings, checkin, figures, talkingPoints, clock, focus, signoff, installId: ids } = deps;
  return {
    summary: new SummaryService(shares, { settings, checkin, figures, talkingPoints, clock }),
    weeklyUpdate: new WeeklyUpdateService(new UpdateRepo(db), { ...deps, shares }),
    agreement: new AgreementService({ shares, settings, focus, signoff, clock, installId: ids }),
  };
}

/** Opens the database in `dataDir` and builds every service on it. */
export function createServices(options: ServiceOptions): Services {
  const { clock } = options;
  const { db, recovery } = openData(options);
  const settingsRepo = new SettingsRepo(db);
  const ruleRepo = new RuleRepo(db);
  ruleRepo.markFirstStart(clock.now());
  const settings = new SettingsService(settingsRepo, ruleRepo, clock, options.systemZone);
  const data = new DataService({
    db,
    dataDir: options.dataDir,
    settings,
    settingsRepo,
    clock,
    appVersion: options.version,
    nativeBinding: options.nativeBinding,
    recovery,
  });
  const agenda = new AgendaService(settings, clock);
  const focusRepo = new FocusRepo(db);
  const workdays = new WorkdayRepo(db);
  const figures = new FiguresService({ settings, focus: focusRepo, workdays, clock });
  const focus = new FocusService(focusRepo, settings, clock, figures);
  const signoff = new SignoffService(workdays, settings, clock, figures);
  const checkin = new CheckinService(new CheckinRepo(db), settings, clock);
  for (const source of [workdaySource, settings, focus, signoff, checkin].map(sourceOf)) {
    agenda.addSource(source);
  }
  const talkingPoints = new TalkingPointsService(new TalkingPointRepo(db), { settings, clock });
  const ids = (): string => installId(settingsRepo, clock.now());
  const sharing = { settings, settingsRepo, workdays, figures, checkin, focus, talkingPoints, clock };
  const { summary, weeklyUpdate, agreement } = sharingServices(db, { ...sharing, signoff, installId: ids });
  const calendar = createCalendarService(options, settings, settingsRepo, db);
  focus.meetings = calendar;
  // The zone or the user's addresses decide how the file reads: a change reads it again.
  settings.onDidChange.on(() => void calendar.settingsChanged());
  // A restore brings back another read's occurrences, and deleting all data forgets the file:
  // follow what the data now says (reading the file again if what it keeps no longer holds).
  // Once the data is closed (the CLI's command is done), a late follow-up has nothing to follow.
  data.onReplaced.on(() => void calendar.followStore().catch((e: unknown) => rethrowIfOpen(db, e)));
  const dndController = options.dndController ?? uncheckedDesktopDnd();
  const dnd = new DndService(dndController, new DndRepo(db), settings, clock);
  const status = new StatusService(
    {
      version: options.version,
      dataDir: options.dataDir,
      databasePath: databasePath(options.dataDir),
      schemaVersion: () => schemaVersion(db),
      hourCycle: options.systemHourCycle ?? (() => null),
    },
    settings,
    agenda,
    focus,
    clock,
  );
  const close = (): void => {
    calendar.dispose();
    if (db.open) db.close();
  };
  return {
    db,
    settings,
    figures,
    agenda,
    focus,
    dnd,
    calendar,
    status,
    today: new TodayService({ settings, figures, summary, checkin, focus, clock }),
    signoff,
    checkin,
    talkingPoints,
    summary,
    weeklyUpdate,
    agreement,
    data,
    welcome: new WelcomeService(db, settings, clock),
    recovery,
    close,
  };
}
