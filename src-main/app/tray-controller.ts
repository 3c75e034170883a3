import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { formatDuration, INTERRUPTION_KINDS } from '../core/focus';
import { plannedSignoffAt } from '../core/signoff-policy';
import { hoursOn } from '../core/working-hours';
import { clockTimeOf, instantAt } from '../core/time';
import type { Services } from '../services';
import type { ShellPort, TrayCommand, TrayMenuItem, TrayPort, TrayState } from '../services/ports';

/** The global shortcut that starts a focus block (Electron accelerator syntax). */
export const FOCUS_SHORTCUT = 'CommandOrControl+Alt+F';

export interface TrayControllerDeps {
  tray: TrayPort;
  shell: Pick<ShellPort, 'showWindow' | 'quit' | 'copyText'>;
  services: Pick<Services, 'focus' | 'settings' | 'signoff' | 'agenda' | 'agreement'>;
  clock: Clock;
  /** A command that cannot be done (e.g. nothing planned): one sentence for the user. */
  onProblem(message: string): void;
}

/** The tray: its state, tooltip and menu, and what its menu's commands do. */
export class TrayController {
  constructor(private readonly deps: TrayControllerDeps) {}

  /** Runs the commands chosen in the tray menu; returns the function that stops it. */
  start(): () => void {
    return this.deps.tray.onSelect((command) => this.run(command));
  }

  /**
   * What the tray shows now: after hours outside the current workday's hours (a night shift
   * keeps its start date), on days off and holidays, and once the user has signed off.
   */
  state(): TrayState {
    const { focus, settings, signoff } = this.deps.services;
    if (focus.running()) return 'focus';
    const now = this.deps.clock.now();
    const workday = signoff.workdayAt(now);
    const s = settings.on(workday);
    const hours = hoursOn(workday, s);
    const end = plannedSignoffAt(workday, s);
    if (!hours || end === null || signoff.signedOffTime() !== null) return 'after-hours';
    return now >= instantAt(workday, hours.start, s.zone) && now < end ? 'idle' : 'after-hours';
  }

  menu(): TrayMenuItem[] {
    const { focus, signoff, agreement } = this.deps.services;
    const running = focus.running();
    const signedOffTime = signoff.signedOffTime();
    // The line is shown before it is copied, and copied only while it still reads so.
    const status = agreement.status();
    return [
      ...(running ? this.runningItems(running.plannedEnd) : this.idleItems()),
      { type: 'separator' },
      { type: 'item', command: { kind: 'open', view: 'checkin' }, label: 'Quick check…' },
      { type: 'item', command: { kind: 'open', view: 'one-on-one' }, label: 'Add a talking point…' },
      {
        type: 'item',
        command: { kind: 'open', view: 'signoff' },
        label: signedOffTime ? `Signed off at ${signedOffTime}` : 'Sign off…',
      },
      { type: 'separator' },
      { type: 'info', label: `Status: ${status.text}` },
      {
        type: 'item',
        command: { kind: 'copy-status', contentHash: status.contentHash },
        label: 'Copy status for chat',
      },
      { type: 'item', command: { kind: 'open' }, label: 'Open Keel' },
      { type: 'separator' },
      { type: 'item', command: { kind: 'quit' }, label: 'Quit Keel' },
    ];
  }

  /** Shows the state and the menu as they are now. */
  refresh(): void {
    const state = this.state();
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

  /** Does what a menu item asks; a command that cannot be done says why, once. */
  run(command: TrayCommand): void {
    const { shell, services } = this.deps;
    try {
      switch (command.kind) {
        case 'open':
          return shell.showWindow(command.view);
        case 'quit':
          return shell.quit();
        case 'focus-start':
          services.focus.startAdhoc({ minutes: command.minutes });
          return;
        case 'focus-start-next':
          services.focus.startAdhoc({ until: 'next' });
          return;
        case 'focus-stop':
          services.focus.stop();
          return;
        case 'interrupt':
          services.focus.interrupt(command.interruption);
          // Ask for "where I left off" in the window, where it can be typed.
          return shell.showWindow('focus');
        case 'copy-status':
          return this.copyStatus(command.contentHash);
      }
    } catch (error) {
      this.deps.onProblem(error instanceof KeelError ? error.message : 'Keel could not do that.');
    }
  }

  /** Copies the status line the menu showed; one that has changed since is refused, the menu redrawn. */
  private copyStatus(contentHash: string): void {
    this.deps.services.agreement.copyStatus(contentHash, this.deps.shell).catch((error: unknown) => {
      this.deps.onProblem(error instanceof KeelError ? error.message : 'Keel could not copy your status.');
      this.refresh();
    });
  }

  /** The global focus shortcut: start a 50-minute block, or open Focus when one is running. */
  focusShortcut(): void {
    if (this.deps.services.focus.running()) this.deps.shell.showWindow('focus');
    else this.run({ kind: 'focus-start', minutes: 50 });
  }

  private runningItems(plannedEnd: number): TrayMenuItem[] {
    const zone = this.deps.services.settings.get().zone;
    const left = Math.max(0, plannedEnd - this.deps.clock.now());
    return [
      { type: 'info', label: `Focus until ${clockTimeOf(plannedEnd, zone)} · ${formatDuration(left)} left` },
      {
        type: 'submenu',
        label: 'I got interrupted',
        items: INTERRUPTION_KINDS.map((interruption) => ({
          type: 'item' as const,
          command: { kind: 'interrupt' as const, interruption },
          label: interruption.charAt(0).toUpperCase() + interruption.slice(1),
        })),
      },
      { type: 'item', command: { kind: 'focus-stop' }, label: 'End focus block' },
    ];
  }

  private idleItems(): TrayMenuItem[] {
    const zone = this.deps.services.settings.get().zone;
    const next = this.deps.services.agenda.nextEvent();
    return [
      {
        type: 'info',
        label: next ? `Next: ${next.title} at ${clockTimeOf(next.start, zone)}` : 'Nothing planned',
      },
      {
        type: 'submenu',
        label: 'Start focus',
        items: [
          ...([25, 50, 90] as const).map((minutes) => ({
            type: 'item' as const,
            command: { kind: 'focus-start' as const, minutes },
            label: `${minutes} minutes`,
          })),
          { type: 'item', command: { kind: 'focus-start-next' }, label: 'Until the next meeting or block' },
        ],
      },
    ];
  }
}
