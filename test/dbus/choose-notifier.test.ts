import { describe, expect, it } from 'vitest';
import type { SessionBus } from '../../src-main/platform/dbus/session-bus';
import { RecordingNotifier } from '../../src-main/platform/recording';
import { chooseNotifier } from '../../src-main/platform/notify/choose-notifier';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** A bus whose every answer (GetCapabilities, each AddMatch) comes `ms` late, each within the limit. */
function slowBus(ms: number): SessionBus & { closed: boolean } {
  const bus = {
    closed: false,
    call: () => later(ms, [['actions', 'body']]),
    onSignal: () => later(ms, () => undefined),
    close: () => void (bus.closed = true),
  };
  return bus as unknown as SessionBus & { closed: boolean };
}

describe('chooseNotifier at start-up (the window waits for it)', () => {
  it('gives up on a slow server after one time limit in all, not one per call', async () => {
    const electron = new RecordingNotifier();
    const bus = slowBus(100);
    // GetCapabilities and two AddMatch calls, 100 ms each: every one alone is within 250 ms.
    const chosen = await chooseNotifier({
      platform: 'linux',
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      connect: () => bus,
      fallback: () => electron,
      timeoutMs: 250,
    });
    expect(chosen).toBe(electron);
    expect(bus.closed).toBe(true);
  });
});
