import type { AgendaMoment } from '../core/agenda';
import type { Clock, TimerHandle, Timers } from '../core/clock';
import { KeelError } from '../core/errors';
import { formatDuration, INTERRUPTION_KINDS, protectedSummary } from '../core/focus';
import { plannedSignoffAt, SIGNOFF_TITLE, type SignoffDecision } from '../core/signoff-policy';
import { clockTimeOf, instantAt } from '../core/time';
import { hoursOn } from '../core/working-hours';
import { STATE_TOPICS, type StateEvent, type StateTopic } from '../shared/state';
import { type ViewName } from '../shared/views';
import type {
  KeelNotification,
  NotifierPort,
  PowerPort,
  ShellPort,
  TrayMenuItem,
  TrayPort,
  TrayState,
} from './ports';
import type { FocusChange } from './focus-service';
import type { SignoffChange } from './signoff-service';
import type { Services } from './index';
import { AgendaScheduler } from './scheduler';

export interface RuntimeDeps {
  services: Services;
  clock: Clock;
  timers: Timers;
  tray: TrayPort;
  notifier: NotifierPort;
  power: PowerPort;
  shell: ShellPort;
  /** Sends a state event to the window (Electron IPC or the preview's event stream). */
  push(event: StateEvent): void;
}

/** The global shortcut that starts a focus block (Electron accelerator syntax). */
export const FOCUS_SHORTCUT = 'CommandOrControl+Alt+F';

const FOCUS_TOPICS: StateTopic[] = ['focus', 'status', 'agenda'];
const SIGNOFF_TOPICS: StateTopic[] = ['signoff', 'status', 'agenda'];
/**
 * How often presence is sampled from the OS idle time. Idle time says when the last input was,
 * so four samples an hour place the last activity within the quarter hour, and the first one
 * of a day within it too (unlock and resume sample at once).
 */
export const PRESENCE_SAMPLE_MS = 15 * 60 * 1000;
/** How long after start-up the day's backup is written (see `armStartupBackup`). */
export const STARTUP_BACKUP_DELAY_MS = 30 * 1000;

/**
 * Keel while it runs: the one agenda timer, the tray, notifications and reactions to the
 * machine sleeping and waking. Shared by the Electron app and the preview, which differ only
 * in the adapters they pass in.
 */
export class KeelRuntime {
  readonly scheduler: AgendaScheduler;
  private readonly disposers: (() => void)[] = [];
  /** Which view a click on a shown notification opens, and what its buttons do. */
  private readonly notificationViews = new Map<string, ViewName | undefined>();
  /** Prompts that came due during a focus block; delivered when it ends. */
  private readonly held: KeelNotification[] = [];
  /** The running block do-not-disturb was last set up for (blocks the CLI starts come unseen). */
  private dndSession: number | undefined;
  private presenceTimer: TimerHandle | undefined;
  /** The sign-off's next look without another wake-up: a snooze's end or a reminder's time. */
  private signoffTimer: TimerHandle | undefined;
  private quietTimer: TimerHandle | undefined;
  private backupTimer: TimerHandle | undefined;
  /** The day a failed backup was last told about (once a day is enough). */
  private backupProblemDay: string | undefined;
  /** After a sign-off with "quiet until tomorrow": prompts wait until the next working start. */
  private quietUntil: number | undefined;

  constructor(private readonly deps: RuntimeDeps) {
    this.scheduler = new AgendaScheduler(deps.services.agenda, deps.clock, deps.timers, {
      onDue: (moment) => this.onMoment(moment),
    });
  }

  start(): void {
    const { services, tray, power, notifier } = this.deps;
    this.disposers.push(
      tray.onSelect((id) => this.onTraySelect(id)),
      notifier.onAction((id, action) => this.onNotificationAction(id, action)),
      power.on('resume', () => this.replan()),
      power.on('unlock-screen', () => this.replan()),
      // Going away: note when the last input was before the machine sleeps or locks.
      power.on('suspend', () => this.samplePresence()),
      power.on('lock-screen', () => this.samplePresence()),
      services.signoff.onDidChange.on((change) => this.onSignoffChange(change)),
      services.summary.onDidChange.on(() => this.deps.push({ type: 'changed', topics: ['talk', 'summary'] })),
      // The summary's preview lists the open talking points: both topics change.
      services.talkingPoints.onDidChange.on(() =>
        this.deps.push({ type: 'changed', topics: ['talk', 'summary'] }),
      ),
      services.checkins.onDidChange.on(() => {
        // A check or a prompt's snooze changes what the agenda plans.
        this.scheduler.replan();
        this.deps.push({ type: 'changed', topics: ['checks', 'agenda', 'status'] });
      }),
      services.settings.onDidChange.on(() => {
        this.replan();
        this.deps.push({ type: 'changed', topics: ['settings', ...FOCUS_TOPICS] });
      }),
      services.focus.onDidChange.on((change) => this.onFocusChange(change)),
      services.calendar.onDidChange.on(() =>
        this.deps.push({ type: 'changed', topics: ['calendar', 'focus'] }),
      ),
      // A restore, an import or "delete all my data" replaced the data under the running app.
      services.data.onReplaced.on(() => {
        this.externalChange();
        this.deps.push({ type: 'changed', topics: [...STATE_TOPICS] });
      }),
    );
    if (services.recovery) {
      // The data file could not be used and was set aside: say so once, in plain words; the
      // Settings view keeps the notice until the user dismisses it.
      this.notify({
        id: `recovery:${services.recovery.at}`,
        title: services.recovery.restoredFrom
          ? 'Keel restored your data from a backup'
          : 'Keel started afresh',
        body: services.recovery.message,
        view: 'settings',
      });
    }
    // Meetings only add warnings, so the calendar may arrive after start-up without re-planning.
    void services.calendar.load();
    // Keel may have died while it had do-not-disturb on: put the desktop back first.
    this.afterDnd(services.dnd.restoreAfterCrash());
    services.focus.reconcile();
    this.dndSession = services.focus.running()?.id;
    this.scheduler.start();
    this.takeUpQuiet();
    this.refreshTray();
    this.onPresenceTick(false);
    this.armStartupBackup();
  }

  stop(): void {
    this.scheduler.stop();
    for (const timer of [this.presenceTimer, this.signoffTimer, this.quietTimer, this.backupTimer]) {
      if (timer !== undefined) this.deps.timers.clearTimeout(timer);
    }
    this.presenceTimer = this.signoffTimer = this.quietTimer = this.backupTimer = undefined;
    // Quitting restores do-not-disturb (DndService.shutdown); a new start takes the quiet up again.
    this.quietUntil = undefined;
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Re-plans after a wake-up, a clock or zone change, or a settings change. */
  replan(): void {
    this.deps.services.focus.reconcile();
    this.scheduler.replan();
    this.takeUpQuiet();
    this.refreshTray();
    this.samplePresence();
    this.evaluateSignoff();
  }

  /**
   * Another process (the `keel` CLI) wrote to the database: re-plan, and take up a focus block it
   * started or stopped as if it had happened here (do-not-disturb, held prompts), but quietly:
   * the user just typed the command. (The caller tells the window: ExternalChangeWatcher.)
   */
  externalChange(): void {
    const { focus, dnd } = this.deps.services;
    this.replan();
    const running = focus.running()?.id;
    if (running !== this.dndSession) {
      this.dndSession = running;
      this.afterDnd(running === undefined ? dnd.blockEnded() : dnd.blockStarted());
      if (running === undefined) for (const prompt of this.held.splice(0)) this.notify(prompt);
    }
  }

  /** Shows a notification whose click opens `view` (e.g. a problem applying a setting). */
  announce(notification: KeelNotification): void {
    this.notify(notification);
  }

  /**
   * What the tray shows now: after hours outside the current workday's hours (a night shift
   * keeps its start date), on days off and holidays, and once the user has signed off.
   */
  trayState(): TrayState {
    const { focus, settings, signoff } = this.deps.services;
    if (focus.running()) return 'focus';
    const now = this.deps.clock.now();
    const s = settings.get();
    const workday = signoff.workdayAt(now);
    const hours = hoursOn(workday, s);
    const end = plannedSignoffAt(workday, s);
    if (!hours || end === null || signoff.signedOffTime() !== null) return 'after-hours';
    return now >= instantAt(workday, hours.start, s.zone) && now < end ? 'idle' : 'after-hours';
  }

  menu(): TrayMenuItem[] {
    const { focus, settings } = this.deps.services;
    const zone = settings.get().zone;
    const running = focus.running();
    const items: TrayMenuItem[] = [];
    if (running) {
      const left = Math.max(0, running.plannedEnd - this.deps.clock.now());
      items.push(
        {
          type: 'item',
          id: 'focus:info',
          label: `Focus until ${clockTimeOf(running.plannedEnd, zone)} · ${formatDuration(left)} left`,
          enabled: false,
        },
        {
          type: 'submenu',
          label: 'I got interrupted',
          items: INTERRUPTION_KINDS.map((k) => ({
            type: 'item' as const,
            id: `focus:interrupt:${k}`,
            label: capitalise(k),
          })),
        },
        { type: 'item', id: 'focus:stop', label: 'End focus block' },
      );
    } else {
      const next = this.deps.services.agenda.nextEvent();
      items.push(
        {
          type: 'item',
          id: 'status',
          label: next ? `Next: ${next.title} at ${clockTimeOf(next.start, zone)}` : 'Nothing planned',
          enabled: false,
        },
        {
          type: 'submenu',
          label: 'Start focus',
          items: [
            { type: 'item', id: 'focus:start:25', label: '25 minutes' },
            { type: 'item', id: 'focus:start:50', label: '50 minutes' },
            { type: 'item', id: 'focus:start:90', label: '90 minutes' },
            { type: 'item', id: 'focus:start:next', label: 'Until the next meeting or block' },
          ],
        },
      );
    }
    const signedOffTime = this.deps.services.signoff.signedOffTime();
    items.push(
      { type: 'separator' },
      { type: 'item', id: 'check', label: 'Quick check…' },
      { type: 'item', id: 'talk', label: 'Add a talking point…' },
      {
        type: 'item',
        id: 'signoff',
        label: signedOffTime ? `Signed off at ${signedOffTime}` : 'Sign off…',
      },
      { type: 'item', id: 'open', label: 'Open Keel' },
      { type: 'separator' },
      { type: 'item', id: 'quit', label: 'Quit Keel' },
    );
    return items;
  }

  /** The global focus shortcut: start a 50-minute block, or open Focus when one is running. */
  onFocusShortcut(): void {
    if (this.deps.services.focus.running()) this.deps.shell.showWindow('focus');
    else this.onTraySelect('focus:start:50');
  }

  private onTraySelect(id: string): void {
    const { shell, services } = this.deps;
    const [area, verb, arg] = id.split(':');
    try {
      if (id === 'open') shell.showWindow();
      else if (id === 'signoff') shell.showWindow('signoff');
      else if (id === 'check') shell.showWindow('checks');
      else if (id === 'talk') shell.showWindow('one-on-one');
      else if (id === 'quit') shell.quit();
      else if (area === 'focus' && verb === 'start') {
        services.focus.startAdhoc(arg === 'next' ? { until: 'next' } : { minutes: Number(arg) });
      } else if (area === 'focus' && verb === 'stop') services.focus.stop();
      else if (area === 'focus' && verb === 'interrupt') {
        services.focus.interrupt(arg as (typeof INTERRUPTION_KINDS)[number]);
        // Ask for "where I left off" in the window, where it can be typed.
        shell.showWindow('focus');
      }
    } catch (error) {
      // A tray action that cannot be done (e.g. nothing planned) says why, once.
      const message = error instanceof KeelError ? error.message : 'Keel could not do that.';
      this.notify({ id: `tray:${id}`, title: 'Keel', body: message, view: 'focus' });
    }
  }

  private onNotificationAction(id: string, action: string): void {
    const { shell, services } = this.deps;
    if (action === 'click') return shell.showWindow(this.notificationViews.get(id));
    if (id.startsWith('check:')) {
      if (action === 'open') shell.showWindow('checks');
      else if (action === 'snooze' || action === 'skip') {
        try {
          services.checkins.answerPrompt(id.replace(/#start$/, ''), action);
        } catch {
          // Not saved: the prompt simply stays answered by nothing; no harm done.
        }
      }
      return;
    }
    if (id.startsWith('signoff:')) {
      if (action === 'sign-off') shell.showWindow('signoff');
      else if (action === 'snooze' || action === 'not-today') {
        try {
          services.signoff.respond(action);
        } catch {
          // The answer could not be saved: the policy asks again at its next look, no harm done.
        }
      }
      return;
    }
    const occurrenceId = id.replace(/#warn$/, '');
    try {
      if (action === 'skip') services.focus.skip(occurrenceId);
      else if (action === 'start') services.focus.startPlanned(occurrenceId);
    } catch {
      // The block may have passed or been skipped meanwhile; nothing to do.
    }
  }

  private onMoment(moment: AgendaMoment): void {
    const { focus, settings } = this.deps.services;
    const { event, phase } = moment;
    if (event.kind === 'focus') {
      if (phase === 'warn') {
        // No heads-up during a block, nor during a quiet evening (the block still starts).
        if (focus.running() || this.quiet()) return;
        const zone = settings.get().zone;
        const meetings = focus.meetings.meetingsBetween(event.start, event.end ?? event.start);
        const clash = meetings[0];
        this.notify({
          id: moment.id,
          title: `Focus block at ${clockTimeOf(event.start, zone)}`,
          body: clash
            ? `Heads-up: “${clash.title}” at ${clockTimeOf(clash.start, zone)} overlaps it.`
            : `Starts in ${formatDuration(event.start - moment.at)}, until ${clockTimeOf(event.end ?? event.start, zone)}.`,
          actions: [
            { id: 'skip', label: 'Skip this one' },
            { id: 'start', label: 'Start now' },
          ],
          view: 'focus',
        });
      } else if (phase === 'start') focus.startPlanned(event.id);
      else focus.completeByEvent(event.id);
      return;
    }
    if (event.kind === 'workday') {
      this.refreshTray();
      this.deps.push({ type: 'changed', topics: ['status', 'signoff'] });
      return;
    }
    if (event.kind === 'signoff') {
      this.samplePresence();
      this.evaluateSignoff();
      return;
    }
    // Other capabilities' prompts: never during a focus block or a quiet evening; they wait.
    const prompt: KeelNotification =
      event.kind === 'check'
        ? {
            id: moment.id,
            title: 'Quick check',
            body: this.checkPromptBody(),
            actions: [
              { id: 'open', label: 'Check in' },
              { id: 'snooze', label: 'In an hour' },
              { id: 'skip', label: 'Skip' },
            ],
            view: 'checks',
          }
        : { id: moment.id, title: event.title, body: '', view: 'today' };
    if (focus.running() || this.quiet()) this.held.push(prompt);
    else this.notify(prompt);
  }

  private checkPromptBody(): string {
    let due: string[];
    try {
      due = this.deps.services.checkins.dueQuestionnaires();
    } catch {
      due = [];
    }
    const base = 'How does the workload feel? Twenty seconds, just for you.';
    if (due.length === 0) return base;
    const names = due.map((k) => (k === 'who5' ? 'the WHO-5' : 'the burnout question'));
    return `${base} ${names.join(' and ').replace(/^./, (c) => c.toUpperCase())} ${due.length === 1 ? 'is' : 'are'} due too.`;
  }

  /** One presence sample from the OS idle time; a storage hiccup skips it (the next one counts). */
  private samplePresence(): void {
    try {
      this.deps.services.signoff.samplePresence(this.deps.power.idleSeconds());
    } catch {
      // Presence is approximate by design; losing one sample loses nothing the next cannot give.
    }
  }

  /**
   * The day's backup at start-up waits a little, so the window and tray are up first (a large
   * database takes tens of milliseconds to copy): one wake-up per start, not per day.
   */
  private armStartupBackup(): void {
    if (this.backupTimer !== undefined) this.deps.timers.clearTimeout(this.backupTimer);
    this.backupTimer = this.deps.timers.setTimeout(() => {
      this.backupTimer = undefined;
      this.backupIfDue();
    }, STARTUP_BACKUP_DELAY_MS);
  }

  /**
   * The daily backup rides on the presence timer (no wake-up of its own): the first tick of each
   * day writes it. A failure is told once that day (the next tick tries again, silently).
   */
  private backupIfDue(): void {
    const { data } = this.deps.services;
    try {
      // A new copy: an open Settings view lists it.
      if (data.backupIfDue() !== null) this.deps.push({ type: 'changed', topics: ['data'] });
    } catch (error) {
      const day = new Date(this.deps.clock.now()).toDateString();
      if (this.backupProblemDay === day) return;
      this.backupProblemDay = day;
      this.notify({
        id: `backup:${this.deps.clock.now()}`,
        title: 'Today’s backup was not written',
        body:
          error instanceof KeelError
            ? `${error.message} Keel tries again later; your data itself is safe.`
            : 'Keel could not write today’s backup; it tries again later, and your data itself is safe.',
        view: 'settings',
      });
    }
  }

  /**
   * The presence timer: sample, let the sign-off policy look, refresh a running block's "time
   * left" in the tray (no timer of its own: one wake-up serves both), and wait a quarter hour.
   */
  private onPresenceTick(backup = true): void {
    this.samplePresence();
    if (backup) this.backupIfDue();
    this.evaluateSignoff();
    if (this.deps.services.focus.running()) this.refreshTray();
    if (this.presenceTimer !== undefined) this.deps.timers.clearTimeout(this.presenceTimer);
    this.presenceTimer = this.deps.timers.setTimeout(() => {
      this.presenceTimer = undefined;
      this.onPresenceTick();
    }, PRESENCE_SAMPLE_MS);
  }

  /**
   * Asks the sign-off policy whether to suggest signing off now, shows the suggestion if so, and
   * arms the one follow-up timer (snooze end or reminder time). A held decision (focus block)
   * is looked at again when the block ends.
   */
  private evaluateSignoff(): void {
    const { signoff, focus } = this.deps.services;
    let decision: SignoffDecision;
    try {
      decision = signoff.decide(this.deps.power.idleSeconds(), focus.running() !== undefined);
      if (decision.kind === 'suggest') {
        signoff.markSuggested(decision.workday);
        this.notify({
          id: `signoff:${decision.workday}#${decision.reminder}`,
          title: SIGNOFF_TITLE,
          body: this.signoffBody(decision),
          actions: [
            { id: 'sign-off', label: 'Sign off' },
            { id: 'snooze', label: '15 more minutes' },
            { id: 'not-today', label: 'Not today' },
          ],
          view: 'signoff',
        });
      }
    } catch {
      // Without its state the policy stays silent rather than nag; the next look tries again.
    }
    this.armSignoffCheck();
  }

  private signoffBody(decision: Extract<SignoffDecision, { kind: 'suggest' }>): string {
    const { settings, signoff } = this.deps.services;
    const s = settings.get();
    if (decision.reminder > 0) return 'Still going? Whenever you are ready, it takes a minute.';
    if (decision.reason === 'long-day') {
      const first = signoff.status().firstActive;
      return first
        ? `You have been at it since ${first}. A good moment to wrap up?`
        : 'It has been a long day. A good moment to wrap up?';
    }
    const end = plannedSignoffAt(decision.workday, s);
    return end === null
      ? 'A minute to note what got done and what comes first tomorrow.'
      : `Working hours ended at ${clockTimeOf(end, s.zone)}. A minute to note what got done and what comes first tomorrow.`;
  }

  private armSignoffCheck(): void {
    if (this.signoffTimer !== undefined) this.deps.timers.clearTimeout(this.signoffTimer);
    this.signoffTimer = undefined;
    let at: number | null;
    try {
      at = this.deps.services.signoff.nextCheckAt();
    } catch {
      return;
    }
    if (at === null) return;
    this.signoffTimer = this.deps.timers.setTimeout(
      () => {
        this.signoffTimer = undefined;
        this.samplePresence();
        this.evaluateSignoff();
      },
      Math.max(0, at - this.deps.clock.now()),
    );
  }

  private onSignoffChange(change: SignoffChange): void {
    if (change.type === 'signed-off') {
      this.takeUpQuiet();
      this.refreshTray();
    }
    this.armSignoffCheck();
    this.deps.push({ type: 'changed', topics: SIGNOFF_TOPICS });
  }

  private quiet(): boolean {
    return this.quietUntil !== undefined && this.deps.clock.now() < this.quietUntil;
  }

  /**
   * Starts, keeps or ends the quiet evening a sign-off asked for, from what is stored (so a
   * restart, a wake-up or a sign-off from the CLI are taken up the same way).
   */
  private takeUpQuiet(): void {
    let until: number | null;
    try {
      until = this.deps.services.signoff.activeQuietUntil();
    } catch {
      until = null;
    }
    if (until === null) {
      if (this.quietUntil !== undefined) this.endQuiet();
      return;
    }
    if (this.quietUntil === until) return;
    const first = this.quietUntil === undefined;
    this.quietUntil = until;
    if (this.quietTimer !== undefined) this.deps.timers.clearTimeout(this.quietTimer);
    this.quietTimer = this.deps.timers.setTimeout(
      () => {
        this.quietTimer = undefined;
        this.endQuiet();
      },
      Math.max(0, until - this.deps.clock.now()),
    );
    if (first) this.afterDnd(this.deps.services.dnd.quietStarted());
  }

  /** The next working start: do-not-disturb back as it was, held prompts delivered. */
  private endQuiet(): void {
    this.quietUntil = undefined;
    if (this.quietTimer !== undefined) this.deps.timers.clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    if (!this.deps.services.focus.running()) {
      this.afterDnd(this.deps.services.dnd.blockEnded());
      for (const prompt of this.held.splice(0)) this.notify(prompt);
    }
    this.refreshTray();
  }

  private onFocusChange(change: FocusChange): void {
    const zone = this.deps.services.settings.get().zone;
    if (change.type === 'started') {
      this.dndSession = change.session.id;
      this.afterDnd(this.deps.services.dnd.blockStarted());
    } else if (change.type === 'ended') {
      this.dndSession = undefined;
      // A quiet evening keeps do-not-disturb on until the next working start.
      if (!this.quiet()) this.afterDnd(this.deps.services.dnd.blockEnded());
    }
    if (change.type === 'started' && !change.silent) {
      const cue = this.deps.services.focus.takeCue();
      this.notify({
        id: `focus-start:${change.session.id}`,
        title: `Focus until ${clockTimeOf(change.session.plannedEnd, zone)}`,
        body: cue ? `Where you left off: ${cue}` : 'Keel holds its prompts until then.',
        view: 'focus',
      });
    } else if (change.type === 'ended') {
      if (!change.silent) {
        this.notify({
          id: `focus-end:${change.session.id}`,
          title: protectedSummary(change.protectedMs, change.interruptions),
          body: 'Where did you leave off? Add one line in Keel for next time.',
          view: 'focus',
        });
      }
      if (!this.quiet()) for (const prompt of this.held.splice(0)) this.notify(prompt);
      // A sign-off suggestion held during the block comes now, if still due.
      this.evaluateSignoff();
    }
    // A new block or an ad-hoc end changes what the one timer waits for.
    this.scheduler.replan();
    this.refreshTray();
    this.deps.push({ type: 'changed', topics: FOCUS_TOPICS });
  }

  /** Do-not-disturb runs in the background; a problem is said once, in a notification. */
  private afterDnd(result: Promise<string | null>): void {
    void result.then((problem) => {
      if (problem)
        this.notify({
          id: `dnd:${this.deps.clock.now()}`,
          title: 'Do not disturb',
          body: problem,
          view: 'settings',
        });
      this.deps.push({ type: 'changed', topics: ['dnd'] });
    });
  }

  private notify(notification: KeelNotification): void {
    this.notificationViews.set(notification.id, notification.view);
    // Keep the map small: only recent notifications can still be clicked.
    if (this.notificationViews.size > 50) {
      const oldest = this.notificationViews.keys().next().value;
      if (oldest !== undefined) this.notificationViews.delete(oldest);
    }
    this.deps.notifier.show(notification);
  }

  private refreshTray(): void {
    const state = this.trayState();
    const running = this.deps.services.focus.running();
    const zone = this.deps.services.settings.get().zone;
    const tooltip =
      state === 'focus' && running
        ? `Keel — focus until ${clockTimeOf(running.plannedEnd, zone)}`
        : state === 'after-hours'
          ? 'Keel — after hours'
          : 'Keel';
    this.deps.tray.setState(state, tooltip);
    this.deps.tray.setMenu(this.menu());
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
