import { describe, expect, it } from 'vitest';
import { RecordingAutostart } from '../../src-main/platform/recording';
import {
  AUTOSTART_OFF_FAILED,
  AUTOSTART_ON_FAILED,
  AutostartSync,
} from '../../src-main/services/autostart-sync';
import { makeServices } from '../helpers/services';

function setup() {
  const { services } = makeServices();
  const port = new RecordingAutostart();
  const problems: string[] = [];
  const sync = new AutostartSync({ port, settings: services.settings, onProblem: (m) => problems.push(m) });
  return { services, port, problems, sync };
}

describe('AutostartSync', () => {
  it('is off by default and changes nothing at start-up then', async () => {
    const { services, port, sync } = setup();
    expect(services.settings.get().autostart).toBe(false);
    await sync.start();
    expect(port.history).toEqual([]);
    sync.stop();
  });

  it('applies the setting at start-up when the system disagrees (e.g. set by the CLI meanwhile)', async () => {
    const { services, port, sync } = setup();
    services.settings.set('autostart', true);
    await sync.start();
    expect(port.history).toEqual([true]);
    expect(port.enabled).toBe(true);
  });

  it('follows every change of the setting, in order, and ignores other settings', async () => {
    const { services, port, sync } = setup();
    await sync.start();
    services.settings.set('autostart', true);
    services.settings.set('theme', 'dark');
    services.settings.set('autostart', false);
    services.settings.set('autostart', true);
    await sync.settled();
    expect(port.history).toEqual([true, false, true]);
    expect(port.enabled).toBe(true);
    sync.stop();
    services.settings.set('autostart', false);
    await sync.settled();
    expect(port.history).toEqual([true, false, true]);
  });

  it('says in one sentence when the system refuses, and carries on', async () => {
    const { services, port, problems, sync } = setup();
    await sync.start();
    port.failNext = new Error('EACCES');
    services.settings.set('autostart', true);
    await sync.settled();
    expect(problems).toEqual([AUTOSTART_ON_FAILED]);
    port.enabled = true;
    port.failNext = new Error('EACCES');
    services.settings.set('autostart', false);
    await sync.settled();
    expect(problems).toEqual([AUTOSTART_ON_FAILED, AUTOSTART_OFF_FAILED]);
    services.settings.set('autostart', true);
    await sync.settled();
    expect(port.enabled).toBe(true);
  });
});
