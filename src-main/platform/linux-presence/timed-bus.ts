import type { SessionBus } from '../dbus/session-bus';
import { withTimeout } from '../dbus/with-timeout';

/** The part of a bus connection the presence sources use: any bus (session, system, a test's). */
export type PresenceBus = Pick<SessionBus, 'call' | 'getProperty' | 'onSignal'>;

/** How long one presence call may take before Keel gives up on it. */
export const PRESENCE_CALL_TIMEOUT_MS = 2_000;

/** `bus` with a timeout on every call, property read and signal subscription. */
export function timedBus(bus: PresenceBus, ms = PRESENCE_CALL_TIMEOUT_MS): PresenceBus {
  return {
    call: (message) => withTimeout(bus.call(message), ms, message.member),
    getProperty: (destination, path, iface, property) =>
      withTimeout(bus.getProperty(destination, path, iface, property), ms, property),
    onSignal: (rule, handler) => withTimeout(bus.onSignal(rule, handler), ms, rule.member),
  };
}
