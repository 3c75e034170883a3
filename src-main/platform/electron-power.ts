import type { PowerMonitor } from 'electron';
import type { PowerEvent, PowerPort } from '../services/ports';

/**
 * The slice of Electron's `powerMonitor` Keel uses. Not `Pick<PowerMonitor, 'on' | …>`: Electron
 * types `on` as returning the whole PowerMonitor, which no fake could honestly return. One
 * overload per event instead, each matching one of Electron's, so `powerMonitor` itself fits
 * (main.ts passes it in) and a renamed event fails to compile.
 */
export interface PowerMonitorSlice extends Pick<PowerMonitor, 'getSystemIdleTime'> {
  on(event: 'suspend', listener: () => void): unknown;
  on(event: 'resume', listener: () => void): unknown;
  on(event: 'lock-screen', listener: () => void): unknown;
  on(event: 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend', listener: () => void): unknown;
  removeListener(event: 'resume', listener: () => void): unknown;
  removeListener(event: 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'unlock-screen', listener: () => void): unknown;
}

type Subscription = (listener: () => void) => () => void;

/**
 * The power port on Electron's `powerMonitor`. Each event gets its own line because `on` has
 * one overload per event name, and a union of names matches none of them.
 */
export function createElectronPower(pm: PowerMonitorSlice): PowerPort {
  const subscriptions: Record<PowerEvent, Subscription> = {
    suspend: (l) => {
      pm.on('suspend', l);
      return () => pm.removeListener('suspend', l);
    },
    resume: (l) => {
      pm.on('resume', l);
      return () => pm.removeListener('resume', l);
    },
    'lock-screen': (l) => {
      pm.on('lock-screen', l);
      return () => pm.removeListener('lock-screen', l);
    },
    'unlock-screen': (l) => {
      pm.on('unlock-screen', l);
      return () => pm.removeListener('unlock-screen', l);
    },
  };
  return {
    on(event, listener) {
      // A wrapper per subscription, so subscribing the same function twice unsubscribes cleanly.
      const wrapped = (): void => listener();
      const unsubscribe = subscriptions[event](wrapped);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        unsubscribe();
      };
    },
    idleSeconds() {
      // The OS idle time is the only presence signal Keel reads (DESIGN.md: trust work, not activity).
      return pm.getSystemIdleTime();
    },
  };
}
