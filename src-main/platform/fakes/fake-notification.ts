import type { Notification, NotificationConstructorOptions } from 'electron';
import type { ElectronNotifierOptions, NotificationSlice } from '../electron-notifier';
import { FakeEmitter, fakeEvent, type FakeListener } from './fake-events';

/**
 * An Electron `Notification`, as far as Keel uses it: the adapter's slice, which is built from
 * Electron's own types and which a real Notification must also fit.
 */
export class FakeNotification implements Pick<Notification, 'show' | 'close'>, NotificationSlice {
  shownCount = 0;
  closed = false;
  private readonly emitter = new FakeEmitter();

  constructor(readonly options: NotificationConstructorOptions) {}

  show(): void {
    this.shownCount++;
  }

  close(): void {
    this.closed = true;
  }

  on(event: string, listener: FakeListener): this {
    this.emitter.add(event, listener);
    return this;
  }

  /** Test helper: the user clicks the notification's body. */
  click(): void {
    this.emitter.emit('click', fakeEvent({}));
  }

  /** Test helper: the user presses the action button at `actionIndex`. */
  action(actionIndex: number): void {
    this.emitter.emit('action', fakeEvent({ actionIndex, selectionIndex: -1 }), actionIndex, -1);
  }

  /** Test helper: the user dismisses it (or it times out). */
  dismiss(): void {
    this.emitter.emit('close', fakeEvent({ reason: 'userCanceled' as const }));
  }

  /** Test helper: the OS refused to show it. */
  fail(error = 'denied'): void {
    this.emitter.emit('failed', fakeEvent({}), error);
  }
}

/** Stands in for the `Notification` class: creates fakes and remembers them. */
export class FakeNotificationCenter implements Pick<ElectronNotifierOptions, 'create' | 'isSupported'> {
  supported = true;
  readonly created: FakeNotification[] = [];

  create = (options: NotificationConstructorOptions): FakeNotification => {
    const notification = new FakeNotification(options);
    this.created.push(notification);
    return notification;
  };

  isSupported = (): boolean => this.supported;

  /** The most recently created notification. */
  latest(): FakeNotification {
    const last = this.created.at(-1);
    if (!last) throw new Error('No notification was created');
    return last;
  }
}
