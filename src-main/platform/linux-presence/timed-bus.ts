import type { SessionBus } from '../dbus/session-bus';

/** The part of a bus connection the presence sources use: any bus (session, system, a test's). */
export type PresenceBus = Pick<SessionBus, 'call' | 'getProperty' | 'onSignal'>;

/** How long one presence call may take before Keel gives up on it. */
export const PRESENCE_CALL_TIMEOUT_MS = 2_000;

/** A call that has not answered in `ms` is rejected (the library's own calls never time out). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer in time.`)), ms);
    timer.unref();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** `bus` with a timeout on every call, property read and signal subscription. */
export function timedBus(bus: PresenceBus, ms = PRESENCE_CALL_TIMEOUT_MS): PresenceBus {
  return {
    call: (message) => withTimeout(bus.call(message), ms, message.member),
    getProperty: (destination, path, iface, property) =>
      withTimeout(bus.getProperty(destination, path, iface, property), ms, property),
    onSignal: (rule, handler) => withTimeout(bus.onSignal(rule, handler), ms, rule.member),
  };
}
