import type { SessionBus } from '../dbus/session-bus';

/**
 * The part of a bus connection the presence sources use: any bus (session, system, a test's, the
 * benchmark's in-memory Mutter). Presence opens its connections with PRESENCE_CALL_TIMEOUT_MS as
 * their call limit; the connection enforces it (session-bus.ts holds the one limit).
 */
export type PresenceBus = Pick<SessionBus, 'call' | 'getProperty' | 'onSignal'>;

/** How long one presence call may take before Keel gives up on it. */
export const PRESENCE_CALL_TIMEOUT_MS = 2_000;
