/**
 * Keel while it runs, built in one place: the Electron main, the preview, the benchmarks and the
 * tests all call `createKeelApp` and differ only in the adapters they pass in.
 */
import type { AgendaEventKind, AgendaMoment } from '../core/agenda';
import type { Clock, Timers } from '../core/clock';
import { localDateOf } from '../core/time';
import type { StateEvent } from '../shared/state';
import { createHandlers, type Handlers } from '../ipc/handlers';
import { createServices, type ServiceOptions, type Services } from '../services';
import { AutostartSync } from '../services/autostart-sync';
import { ExternalChangeWatcher } from '../services/external-changes';
import type {
  AutostartPort,
  CalendarParserPort,
  DatabaseChangeTrigger,
  DesktopProbesPort,
  ShortcutOfferPort,
  DndController,
  FileWatchPort,
  NotifierPort,
  PowerPort,
  ShellPort,
  TrayPort,
  TrayState,
} from '../services/ports';
import { AgendaScheduler } from '../services/scheduler';
import { reportDndOutcome, type DndOutcome } from './dnd-outcome';
import { FocusReactor } from './focus-reactor';
import { hidesWords, ScreenLock } from './notification-words';
import { createSpeech, type Speech, type SystemLanguages } from './speech';
import { PresenceTicker } from './presence-ticker';
import { Prompts } from './prompts';
import { SignoffReactor } from './signoff-reactor';
import { StatePublisher } from './state-publisher';
import { TrayController } from './tray-controller';
import { recoveryMessageIn } from '../shared/i18n/recovery-message';

/** The one-time notices about what this desktop lacks. */
export type DesktopNoticeTopic = 'no-tray-host' | 'no-shortcut';

/** What can fail in the background, as fixed sentences (the log keeps no free text). */
export type KeelProblem =
  'could not update start at login' | 'could not take up changes made by the keel command';

export interface KeelAdapters {
  /** How the data is opened: createServices' options, less the clock and the ports below. */
  data: Omit<ServiceOptions, 'clock' | 'dndController' | 'fileWatch'>;
  clock: Clock;
  /** The app parts' timers (the one agenda timer, presence, sign-off follow-ups). */
  timers: Timers;
  tray: TrayPort;
  notifier: NotifierPort;
  power: PowerPort;
  /**
   * Whether the power port reports the screen's lock: true on macOS and Windows; on Linux a
   * function, true once presence found a lock source. Where it does not, the screen counts as locked.
   */
  screenLockReported?: boolean | (() => boolean);
  /** The window, quitting, and the file dialogs the IPC handlers use. */
  shell: ShellPort;
  /** The system's login item, kept in step with the `autostart` setting. */
  autostart: AutostartPort;
  /** What Keel can see on this desktop, for Settings → This computer (default: not asked). */
  desktopProbes?: DesktopProbesPort;
  /** Where Ctrl+Alt+F cannot reach Keel, the desktop's own shortcut (default: none offered). */
  shortcutOffers?: ShortcutOfferPort;
  /** The desktop's do-not-disturb (default: unsupported). */
  dnd?: DndController;
  /** How the imported calendar file is watched (default: not watched). */
  fileWatch?: FileWatchPort;
  /** How the calendar file is parsed: a worker with limits (default: calendars are not read). */
  calendarParser?: CalendarParserPort;
  /**
   * "The database files changed" (another process, the `keel` CLI, may have written), and the
   * timers for its debounce: real ones, since file events are real even when a test clock stands
   * still. Without it, the app does not look for other writers.
   */
  externalChanges?: { trigger: DatabaseChangeTrigger; timers?: Timers };
  /**
   * The OS's languages (Electron's preferred languages and regional format); with the `language`
   * setting they decide what notifications and the tray speak (default: none known, English).
   */
  languages?: SystemLanguages;
  /** Sends a state event to the window (Electron IPC or the preview's event stream). */
  push(event: StateEvent): void;
  /** Something failed in the background; the user is told where that helps. */
  onProblem?(what: KeelProblem, error: unknown): void;
}

export interface KeelApp {
  services: Services;
  /** The IPC handler table, with the shell's file dialogs. */
  handlers: Handlers;
  start(): void;
  /** Stops every timer and listener; `start()` may follow (a restart). */
  stop(): void;
  /** Stops, and closes the database. */
  close(): void;
  /** Re-plans after a wake-up, a clock or zone change, or a settings change. */
  replan(): void;
  /** Another process wrote to the database: re-plan and take up its focus blocks. */
  externalChange(): void;
  /** The global focus shortcut: start a 50-minute block, or open Focus when one runs. */
  onFocusShortcut(): void;
  /**
   * Tells the user about the desktop (no tray host, no global shortcut) in a notification whose
   * click opens Settings, the first time only for `topic` on this data; says whether it told.
   */
  noticeOnce(topic: DesktopNoticeTopic, title: string, body: string): boolean;
  trayState(): TrayState;
}

interface Parts {
  prompts: Prompts;
  publisher: StatePublisher;
  tray: TrayController;
  focus: FocusReactor;
  signoff: SignoffReactor;
  presence: PresenceTicker;
  scheduler: AgendaScheduler;
  followDnd: DndOutcome;
  lock: ScreenLock;
}

/** Opens the data in `adapters.data` and builds the running app on it (not started). */
export function createKeelApp(adapters: KeelAdapters): KeelApp {
  const services = createServices({
    ...adapters.data,
    clock: adapters.clock,
    ...(adapters.dnd ? { dndController: adapters.dnd } : {}),
    ...(adapters.fileWatch ? { fileWatch: adapters.fileWatch } : {}),
    ...(adapters.calendarParser ? { calendarParser: adapters.calendarParser } : {}),
  });
  // A new data file is known as new before presence records anything on it (the first run shows);
  // until the user has gone through it, Keel's default plan starts no block by itself.
  services.welcome.status();
  services.focus.planHeld = () => services.welcome.pending();
  const parts = buildParts(services, adapters);
  const { prompts, tray, focus } = parts;
  const autostart = new AutostartSync({
    port: adapters.autostart,
    settings: services.settings,
    onProblem: (message, error) => {
      adapters.onProblem?.('could not update start at login', error);
      prompts.notice('autostart', prompts.speech().t('notify.notice.autostartTitle'), message);
    },
  });
  const external = adapters.externalChanges;
  const watcher =
    external &&
    new ExternalChangeWatcher({
      db: services.db,
      settings: services.settings,
      calendar: services.calendar,
      replan: () => app.externalChange(),
      push: adapters.push,
      timers: external.timers ?? adapters.timers,
      onError: (error) => adapters.onProblem?.('could not take up changes made by the keel command', error),
    });
  let disposers: (() => void)[] = [];
  const app: KeelApp = {
    services,
    handlers: createHandlers(services, adapters.shell, adapters.desktopProbes, adapters.shortcutOffers, () =>
      prompts.speech(),
    ),
    start() {
      disposers = subscribe(app, services, parts, adapters.power);
      // The idle time's verdict changed: the window's Settings looks again.
      const trust = adapters.desktopProbes?.onIdleTrustChange?.(() => parts.publisher.publish('desktop'));
      if (trust) disposers.push(trust);
      startParts(services, parts);
      void autostart.start();
      if (watcher && external) watcher.start(external.trigger);
    },
    stop() {
      watcher?.stop();
      autostart.stop();
      parts.scheduler.stop();
      parts.presence.stop();
      parts.signoff.stop();
      for (const dispose of disposers.splice(0)) dispose();
    },
    close() {
      app.stop();
      services.close();
    },
    replan() {
      services.focus.reconcile();
      parts.scheduler.replan();
      parts.signoff.takeUpQuiet();
      tray.refresh();
      parts.presence.sample();
      parts.signoff.evaluate();
    },
    externalChange() {
      app.replan();
      focus.takeUpExternal();
    },
    onFocusShortcut: () => tray.focusShortcut(),
    noticeOnce(topic, title, body) {
      if (!services.data.firstTimeFor(topic)) return false;
      prompts.notice('desktop', title, body);
      return true;
    },
    trayState: () => tray.state(),
  };
  return app;
}

/** One language for notifications and the tray, as the window's: Settings → Language, else the OS's. */
function speechOf(services: Services, a: KeelAdapters): () => Speech {
  return createSpeech({
    language: () => services.settings.get().language,
    ...(a.languages ? { system: a.languages } : {}),
    ...(a.data.systemHourCycle ? { hourCycle: a.data.systemHourCycle } : {}),
  });
}

/** The parts, each given only what it needs; the few calls between them go through closures. */
function buildParts(services: Services, a: KeelAdapters): Parts {
  const { clock, timers } = a;
  const publisher = new StatePublisher(a.push);
  const reported = a.screenLockReported;
  const lock = new ScreenLock(typeof reported === 'function' ? reported : () => reported === true);
  const speech = speechOf(services, a);
  const prompts: Prompts = new Prompts({
    speech,
    notifier: a.notifier,
    shell: a.shell,
    services,
    clock,
    quietTime: (): boolean => services.focus.running() !== undefined || signoff.quiet(),
    hideWords: () => hidesWords(services.settings.get().hideWordsInNotifications, lock.locked()),
  });
  const followDnd = reportDndOutcome(prompts, publisher);
  const tray = new TrayController({
    tray: a.tray,
    shell: a.shell,
    services,
    clock,
    speech,
    onProblem: (message) => prompts.notice('tray', 'Keel', message),
  });
  const presence: PresenceTicker = new PresenceTicker({
    services,
    power: a.power,
    clock,
    timers,
    prompts,
    publisher,
    onTick: () => {
      signoff.evaluate();
      if (services.focus.running()) tray.refresh();
    },
  });
  const signoff: SignoffReactor = new SignoffReactor({
    services,
    power: a.power,
    prompts,
    clock,
    timers,
    followDnd,
    samplePresence: () => presence.sample(),
    refreshTray: () => tray.refresh(),
  });
  // Each kind of agenda moment goes to the part that owns it.
  const onMoment: Record<AgendaEventKind, (moment: AgendaMoment) => void> = {
    focus: (moment) => focus.onMoment(moment),
    check: (moment) => prompts.offerCheckPrompt(moment.event.id),
    signoff: () => {
      presence.sample();
      signoff.evaluate();
    },
    workday: () => {
      tray.refresh();
      publisher.publish('workday');
    },
    // A planned change of the rules takes effect today: read the settings again (the window, the
    // tray and the plan follow the settings' change event).
    rules: () => {
      services.settings.reload();
    },
  };
  const scheduler: AgendaScheduler = new AgendaScheduler(services.agenda, clock, timers, {
    onDue: (moment) => onMoment[moment.event.kind](moment),
  });
  const focus: FocusReactor = new FocusReactor({
    services,
    prompts,
    followDnd,
    quietEvening: () => signoff.quiet(),
    afterBlock: () => signoff.evaluate(),
    afterChange: () => {
      scheduler.replan();
      tray.refresh();
    },
  });
  return { prompts, publisher, tray, focus, signoff, presence, scheduler, followDnd, lock };
}

/** What reacts to what while the app runs; returns the functions that stop it all. */
function subscribe(app: KeelApp, services: Services, parts: Parts, power: PowerPort): (() => void)[] {
  const { presence } = parts;
  return [
    parts.tray.start(),
    parts.prompts.start(),
    power.on('resume', () => app.replan()),
    power.on('unlock-screen', () => {
      parts.lock.unlock();
      app.replan();
    }),
    // Going away: note when the last input was before the machine sleeps or locks.
    power.on('suspend', () => presence.sample()),
    power.on('lock-screen', () => {
      presence.sample();
      // Notifications with the user's words are taken back before the lock screen shows them.
      parts.lock.lock();
      parts.prompts.withdrawWords();
    }),
    services.signoff.onDidChange.on((change) => parts.signoff.onChange(change)),
    // A check or a prompt's snooze changes what the agenda plans.
    services.checkin.onDidChange.on(() => parts.scheduler.replan()),
    services.settings.onDidChange.on(() => app.replan()),
    services.focus.onDidChange.on((change) => parts.focus.onChange(change)),
    // A restore, an import or "delete all my data" replaced the data under the running app.
    services.data.onReplaced.on(() => app.externalChange()),
    // Last, so the window hears of a change once the parts have taken it up.
    ...parts.publisher.follow(services),
  ];
}

/** Start-up, in order: what the user must hear first, the desktop put right, then the timers. */
function startParts(services: Services, parts: Parts): void {
  if (services.recovery) {
    // The data file could not be used and was set aside: say so once, in plain words; the
    // Settings view keeps the notice until the user dismisses it.
    const { recovery } = services;
    const speech = parts.prompts.speech();
    const zone = services.settings.get().zone;
    const restored = recovery.restoredFrom?.createdAt;
    parts.prompts.notice(
      'recovery',
      speech.t(recovery.restoredFrom ? 'notify.notice.restored' : 'notify.notice.afresh'),
      recoveryMessageIn(speech.t, {
        reason: recovery.reason,
        movedTo: recovery.movedTo,
        restored:
          restored === undefined
            ? null
            : {
                date: speech.format.day(localDateOf(restored, zone), { year: true }),
                time: speech.time(restored, zone),
              },
      }),
      recovery.at,
    );
  }
  // Meetings only add warnings, so the calendar may arrive after start-up without re-planning.
  void services.calendar.load();
  // Keel may have died while it had do-not-disturb on: put the desktop back first.
  parts.followDnd(services.dnd.restoreAfterCrash());
  services.focus.reconcile();
  parts.focus.start();
  parts.scheduler.start();
  parts.signoff.takeUpQuiet();
  parts.tray.refresh();
  parts.presence.start();
}
