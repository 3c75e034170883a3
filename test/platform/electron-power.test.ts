import { describe, expect, it } from 'vitest';
import { createElectronPower } from '../../src-main/platform/electron-power';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import type { PowerEvent } from '../../src-main/services/ports';

const EVENTS: PowerEvent[] = ['suspend', 'resume', 'lock-screen', 'unlock-screen'];

describe('createElectronPower', () => {
  it.each(EVENTS)('reports %s and stops after unsubscribing', (event) => {
    const pm = new FakePowerMonitor();
    const power = createElectronPower(pm);
    let calls = 0;
    const off = power.on(event, () => calls++);
    expect(pm.listenerCount(event)).toBe(1);

    pm.emit(event);
    expect(calls).toBe(1);

    off();
    expect(pm.listenerCount(event)).toBe(0);
    pm.emit(event);
    expect(calls).toBe(1);
  });

  it('routes each event only to its own listeners', () => {
    const pm = new FakePowerMonitor();
    const power = createElectronPower(pm);
    const seen: string[] = [];
    for (const event of EVENTS) power.on(event, () => seen.push(event));
    pm.emit('resume');
    pm.emit('lock-screen');
    pm.emit('shutdown'); // not a Keel event
    expect(seen).toEqual(['resume', 'lock-screen']);
  });

  it('unsubscribes one of two identical listeners, and tolerates a second unsubscribe', () => {
    const pm = new FakePowerMonitor();
    const power = createElectronPower(pm);
    let calls = 0;
    const listener = (): void => {
      calls++;
    };
    const offA = power.on('suspend', listener);
    power.on('suspend', listener);
    offA();
    offA();
    expect(pm.listenerCount('suspend')).toBe(1);
    pm.emit('suspend');
    expect(calls).toBe(1);
  });

  it('reads idle seconds from getSystemIdleTime', () => {
    const pm = new FakePowerMonitor();
    const power = createElectronPower(pm);
    expect(power.idleSeconds()).toBe(0);
    pm.idleSeconds = 312;
    expect(power.idleSeconds()).toBe(312);
  });
});
