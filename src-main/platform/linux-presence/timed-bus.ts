import type { SessionBus } from '../dbus/session-bus';

/**
 * The part of a bus connection the presence sources use: any bus (session, system, a test's),
 * opened with PRESENCE_CALL_TIMEOUT_MS as its call limit (session-bus.ts holds the one limit).
 */
export type PresenceBus = Pick<SessionBus, 'call' | 'getProperty' | 'onSignal'>;

/** How long one presence call may take before Keel gives up on it. */
export const PRESENCE_CALL_TIMEOUT_MS = 2_000;
