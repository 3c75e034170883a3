import type { AgendaEvent } from '../core/agenda';
import type { Clock, Timers } from '../core/clock';
import { clockTimeOf, localDateOf, minutesOfDay, weekdayOf } from '../core/time';
import type { StateEvent, ViewName } from '../ipc/contract';
import type {
  KeelNotification,
  NotifierPort,
  PowerPort,
  ShellPort,
  TrayMenuItem,
  TrayPort,
  TrayState,
} from '../platform/ports';
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

/**
 * Keel while it runs: the one agenda timer, the tray, notifications and reactions to the
 * machine sleeping and waking. Shared by the Electron app and the preview, which differ only
 * in the adapters they pass in.
 */
export class KeelRuntime {
  readonly scheduler: AgendaScheduler;
  private readonly disposers: (() => void)[] = [];
  /** Which view a click on a shown notification opens. */
  private readonly notificationViews = new Map<string, ViewName | undefined>();

  constructor(private readonly deps: RuntimeDeps) {
    this.scheduler = new AgendaScheduler(deps.services.agenda, deps.clock, deps.timers, {
      onDue: (event) => this.deliver(event),
    });
  }

  start(): void {
    const { services, tray, power, notifier, shell } = this.deps;
    this.disposers.push(
      tray.onSelect((id) => {
        if (id === 'open') shell.showWindow();
        else if (id === 'quit') shell.quit();
      }),
      notifier.onAction((id, action) => {
        if (action === 'click') shell.showWindow(this.notificationViews.get(id));
      }),
      power.on('resume', () => this.replan()),
      power.on('unlock-screen', () => this.replan()),
      services.settings.onDidChange.on(() => {
        this.replan();
        this.deps.push({ type: 'changed', topics: ['settings', 'status', 'agenda'] });
      }),
    );
    this.scheduler.start();
    this.refreshTray();
  }

  stop(): void {
    this.scheduler.stop();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Re-plans after a wake-up, a clock or zone change, or a settings change. */
  replan(): void {
    this.scheduler.replan();
    this.refreshTray();
  }

  /** What the tray shows now. Later capabilities add focus and sign-off states. */
  trayState(): TrayState {
    const now = this.deps.clock.now();
    const settings = this.deps.services.settings.get();
    const hours = settings.workingHours[weekdayOf(localDateOf(now, settings.zone))];
    if (!hours) return 'after-hours';
    const minute = minutesOfDay(clockTimeOf(now, settings.zone));
    const start = minutesOfDay(hours.start);
    const end = minutesOfDay(hours.end);
    const inHours = start < end ? minute >= start && minute < end : minute >= start || minute < end;
    return inHours ? 'idle' : 'after-hours';
  }

  menu(): TrayMenuItem[] {
    const next = this.scheduler.nextEvent;
    const zone = this.deps.services.settings.get().zone;
    const nextLabel = next ? `Next: ${next.title} at ${clockTimeOf(next.start, zone)}` : 'Nothing planned';
    return [
      { type: 'item', id: 'status', label: nextLabel, enabled: false },
      { type: 'separator' },
      { type: 'item', id: 'open', label: 'Open Keel' },
      { type: 'separator' },
      { type: 'item', id: 'quit', label: 'Quit Keel' },
    ];
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
    const tooltip = state === 'after-hours' ? 'Keel — after hours' : 'Keel';
    this.deps.tray.setState(state, tooltip);
    this.deps.tray.setMenu(this.menu());
  }

  private deliver(event: AgendaEvent): void {
    // Capabilities replace this generic delivery with their own notifications.
    this.notify({ id: event.id, title: event.title, body: '', view: 'today' });
    this.refreshTray();
    this.deps.push({ type: 'changed', topics: ['status', 'agenda'] });
  }
}
