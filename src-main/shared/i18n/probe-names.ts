/**
 * The names of the desktop probes (`keel doctor`, Settings → This computer) in the user's words,
 * by probe id; a probe Keel does not know keeps the name it came with. Its findings stay English:
 * they are what a bug report carries.
 */
import type { MessageId } from './catalog';

const PROBE_NAMES: Readonly<Record<string, MessageId>> = {
  session: 'system.computer.probe.session',
  desktop: 'system.computer.probe.desktop',
  dnd: 'system.computer.probe.dnd',
  data: 'system.computer.probe.data',
  idle: 'system.computer.probe.idle',
  lock: 'system.computer.probe.lock',
  notifications: 'system.computer.probe.notifications',
  tray: 'system.computer.probe.tray',
  shortcut: 'system.computer.probe.shortcut',
};

/** A probe's name in `t`'s language. */
export function probeNameIn(t: (id: MessageId) => string, probe: { id: string; label: string }): string {
  const id = Object.hasOwn(PROBE_NAMES, probe.id) ? PROBE_NAMES[probe.id] : undefined;
  return id ? t(id) : probe.label;
}
