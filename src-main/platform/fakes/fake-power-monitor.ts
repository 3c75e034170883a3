import type { PowerMonitor } from 'electron';
import type { PowerMonitorSlice } from '../electron-power';
import { FakeEmitter, type FakeListener } from './fake-events';

/**
 * Electron's `powerMonitor`, as far as Keel uses it. It implements the adapter's slice, which
 * is built from Electron's own types and which the real `powerMonitor` must also fit.
 */
export class FakePowerMonitor implements Pick<PowerMonitor, 'getSystemIdleTime'>, PowerMonitorSlice {
  /** What `getSystemIdleTime()` answers, in seconds. */
  idleSeconds = 0;
  private readonly emitter = new FakeEmitter();

  on(event: string, listener: FakeListener): this {
    this.emitter.add(event, listener);
    return this;
  }

  removeListener(event: string, listener: FakeListener): this {
    this.emitter.remove(event, listener);
    return this;
  }

  getSystemIdleTime(): number {
    return this.idleSeconds;
  }

  /** Test helper: the OS reports `event` ('suspend', 'resume', 'lock-screen', …). */
  emit(event: string): void {
    this.emitter.emit(event);
  }

  listenerCount(event: string): number {
    return this.emitter.count(event);
  }
}
