import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { INTERRUPTION_KINDS } from '../core/focus';
import { plannedSignoffAt } from '../core/signoff-policy';
import { hoursOn } from '../core/working-hours';
import { instantAt } from '../core/time';
import type { Services } from '../services';
import type { ShellPort, TrayCommand, TrayMenuItem, TrayPort, TrayState } from '../services/ports';
import { eventTitleIn } from '../shared/i18n/event-titles';
import { englishSpeech, type Speech } from './speech';

/** The global shortcut that starts a focus block (Electron accelerator syntax). */
export const FOCUS_SHORTCUT = 'CommandOrControl+Alt+F';

export interface TrayControllerDeps {
  tray: TrayPort;
  shell: Pick<ShellPort, 'showWindow' | 'quit' | 'copyText'>;
  services: Pick<Services, 'focus' | 'settings' | 'signoff' | 'agenda' | 'agreement'>;
  clock: Clock;
  /** A command that cannot be done (e.g. nothing planned): one sentence for the user. */
  onProblem(message: string): void;
  /** The language the tray speaks (default: English, as the OS would have it). */
  speech?: () => Speech;
}

/** The tray: its state, tooltip and menu, and what its menu's commands do. */
export class TrayController {
  constructor(private readonly deps: TrayControllerDeps) {}

  private speech(): Speech {
    return (this.deps.speech ?? englishSpeech)();
  }

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
    const { t, clock, writtenTag } = this.speech();
    // In the tray's language and clock: the line is copied as the menu shows it.
    const status = agreement.status(writtenTag);
    return [
      ...(running ? this.runningItems(running.plannedEnd) : this.idleItems()),
      { type: 'separator' },
      { type: 'item', command: { kind: 'open', view: 'checkin' }, label: t('notify.tray.quickCheck') },
      { type: 'item', command: { kind: 'open', view: 'one-on-one' }, label: t('notify.tray.talkingPoint') },
      {
        type: 'item',
        command: { kind: 'open', view: 'signoff' },
        label: signedOffTime
          ? t('notify.tray.signedOff', { time: clock(signedOffTime) })
          : t('notify.tray.signOff'),
      },
      { type: 'separator' },
      { type: 'info', label: t('notify.tray.status', { status: status.text }) },
      {
        type: 'item',
        command: { kind: 'copy-status', contentHash: status.contentHash },
        label: t('notify.tray.copyStatus'),
      },
      { type: 'item', command: { kind: 'open' }, label: t('notify.tray.open') },
      { type: 'separator' },
      { type: 'item', command: { kind: 'quit' }, label: t('notify.tray.quit') },
    ];
  }

  /** Shows the state and the menu as they are now. */
  refresh(): void {
    const state = this.state();
    const running = this.deps.services.focus.running();
    const zone = this.deps.services.settings.get().zone;
    const { t, time } = this.speech();
    const tooltip =
      state === 'focus' && running
        ? t('notify.tray.tooltipFocus', { time: time(running.plannedEnd, zone) })
        : state === 'after-hours'
          ? t('notify.tray.tooltipAfterHours')
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
      this.deps.onProblem(
        error instanceof KeelError ? error.message : this.speech().t('notify.tray.couldNot'),
      );
    }
  }

  /** Copies the status line the menu showed; one that has changed since is refused, the menu redrawn. */
  private copyStatus(contentHash: string): void {
    const { writtenTag } = this.speech();
    const { agreement } = this.deps.services;
    agreement.copyStatus(contentHash, this.deps.shell, 'window', writtenTag).catch((error: unknown) => {
      this.deps.onProblem(
        error instanceof KeelError ? error.message : this.speech().t('notify.tray.couldNotCopy'),
      );
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
    const { t, time, duration } = this.speech();
    return [
      {
        type: 'info',
        label: t('notify.tray.focusLeft', { time: time(plannedEnd, zone), duration: duration(left) }),
      },
      {
        type: 'submenu',
        label: t('notify.tray.interrupted'),
        items: INTERRUPTION_KINDS.map((interruption) => ({
          type: 'item' as const,
          command: { kind: 'interrupt' as const, interruption },
          label: t(`vocab.interruption.${interruption}`),
        })),
      },
      { type: 'item', command: { kind: 'focus-stop' }, label: t('notify.tray.endBlock') },
    ];
  }

  private idleItems(): TrayMenuItem[] {
    const zone = this.deps.services.settings.get().zone;
    const next = this.deps.services.agenda.nextEvent();
    const { t, time } = this.speech();
    return [
      {
        type: 'info',
        label: next
          ? t('notify.tray.next', { title: eventTitleIn(t, next), time: time(next.start, zone) })
          : t('notify.tray.nothingPlanned'),
      },
      {
        type: 'submenu',
        label: t('notify.tray.startFocus'),
        items: [
          ...([25, 50, 90] as const).map((minutes) => ({
            type: 'item' as const,
            command: { kind: 'focus-start' as const, minutes },
            label: t('notify.tray.minutes', { minutes }),
          })),
          { type: 'item', command: { kind: 'focus-start-next' }, label: t('notify.tray.untilNext') },
        ],
      },
    ];
  }
}
