/**
 * GNOME's idle monitor (org.gnome.Mutter.IdleMonitor) without a bus, for figure 4: it answers
 * the calls Keel's Mutter source makes and fires its watches as Mutter would, from an idle time
 * the benchmark sets each minute. Every signal it sends is a wake-up of Keel; every call a round
 * trip on a wake-up Keel already had.
 */
import type { BusCall } from '../../src-main/platform/dbus/session-bus';
import type { PresenceBus } from '../../src-main/platform/linux-presence/presence-bus';

export class InMemoryMutter implements PresenceBus {
  /** The idle time now, in milliseconds (the benchmark sets it). */
  idleMs = 0;
  readonly calls = new Map<string, number>();
  signals = 0;
  private handler: ((...args: unknown[]) => void) | undefined;
  private readonly idleWatches = new Map<number, { interval: number; fired: boolean }>();
  private readonly activeWatches = new Set<number>();
  private nextId = 1;

  call(message: BusCall): Promise<unknown[]> {
    this.calls.set(message.member, (this.calls.get(message.member) ?? 0) + 1);
    const id = this.nextId;
    switch (message.member) {
      case 'GetIdletime':
        return Promise.resolve([this.idleMs]);
      case 'AddIdleWatch': {
        this.nextId++;
        const interval = Number(message.body?.[0]);
        // Added after its interval passed, it waits for the next input and idleness (as Mutter's).
        this.idleWatches.set(id, { interval, fired: this.idleMs >= interval });
        return Promise.resolve([id]);
      }
      case 'AddUserActiveWatch':
        this.nextId++;
        this.activeWatches.add(id);
        return Promise.resolve([id]);
      case 'RemoveWatch':
        this.idleWatches.delete(Number(message.body?.[0]));
        this.activeWatches.delete(Number(message.body?.[0]));
        return Promise.resolve([]);
      default:
        return Promise.reject(new Error(`no method ${message.member}`));
    }
  }

  getProperty(): Promise<unknown> {
    return Promise.reject(new Error('no properties here'));
  }

  onSignal(rule: { member: string }, handler: (...args: unknown[]) => void): Promise<() => void> {
    // Only WatchFired: Mutter's name never changes owner here.
    if (rule.member !== 'WatchFired') return Promise.resolve(() => undefined);
    this.handler = handler;
    return Promise.resolve(() => void (this.handler = undefined));
  }

  /**
   * The idle time is now `ms`. Input since the last step (the idle time fell, or stays 0) fires
   * the active watches once and arms the idle watches again; an idle watch fires when the idle
   * time passes its interval.
   */
  step(ms: number): void {
    const input = ms === 0 || ms < this.idleMs;
    this.idleMs = ms;
    if (input) {
      for (const id of [...this.activeWatches]) {
        this.activeWatches.delete(id);
        this.fire(id);
      }
      for (const watch of this.idleWatches.values()) watch.fired = false;
    }
    for (const [id, watch] of this.idleWatches) {
      if (!watch.fired && ms >= watch.interval) {
        watch.fired = true;
        this.fire(id);
      }
    }
  }

  private fire(id: number): void {
    if (!this.handler) return;
    this.signals++;
    this.handler(id);
  }
}
