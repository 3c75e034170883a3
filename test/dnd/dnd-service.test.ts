import { afterEach, describe, expect, it } from 'vitest';
import {
  DndError,
  UnsupportedDndController,
  type DndController,
  type DndPrior,
} from '../../src-main/services/ports';
import { FreedesktopDndController } from '../../src-main/platform/dnd/freedesktop-dnd';
import { GnomeDndController } from '../../src-main/platform/dnd/gnome-dnd';
import { DndService } from '../../src-main/services/dnd-service';
import { openDatabase } from '../../src-main/storage/database';
import { DndRepo } from '../../src-main/storage/dnd-repo';
import { databasePath } from '../../src-main/storage/paths';
import { makeServices } from '../helpers/services';
import { fail, fakeGsettings, FakeNotificationsBus, FakeRunner } from './support/fakes';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function setup(controller: DndController, enabled = true) {
  const { clock, services } = makeServices();
  opened.push(services);
  if (enabled) services.settings.set('dnd', { enabled: true });
  const repo = new DndRepo(services.db);
  const dnd = new DndService(controller, repo, services.settings, clock);
  return { clock, services, repo, dnd };
}

describe('DndService', () => {
  it('does nothing at all while the setting is off (the default)', async () => {
    const { runner } = fakeGsettings(true);
    const { dnd, repo } = setup(new GnomeDndController(runner), false);
    expect(await dnd.blockStarted()).toBeNull();
    expect(await dnd.blockEnded()).toBeNull();
    expect(runner.calls).toEqual([]);
    expect(repo.get()).toBeNull();
    expect(await dnd.status()).toEqual({
      capability: 'control',
      desktop: 'GNOME',
      help: null,
      enabled: false,
      active: false,
    });
  });

  it('commits the prior to dnd_state before the command that turns DND on runs', async () => {
    const { clock, services, dataDir } = makeServices();
    opened.push(services);
    services.settings.set('dnd', { enabled: true });
    // A second connection sees only committed rows, as a restarted Keel would after a crash.
    const other = openDatabase(databasePath(dataDir));
    opened.push(other);
    const seenAtSet: unknown[] = [];
    const { runner, state } = fakeGsettings(true, { onSet: () => seenAtSet.push(new DndRepo(other).get()) });
    const dnd = new DndService(
      new GnomeDndController(runner),
      new DndRepo(services.db),
      services.settings,
      clock,
    );

    expect(await dnd.blockStarted()).toBeNull();
    expect(seenAtSet).toEqual([{ adapter: 'gnome', prior: { showBanners: true }, changedAt: clock.now() }]);
    expect(runner.calls.map((c) => c.args[0])).toEqual(['get', 'set']);
    expect(state.showBanners).toBe(false);
    expect((await dnd.status()).active).toBe(true);
  });

  it('restores and deletes the row at block end', async () => {
    const { runner, state } = fakeGsettings(true);
    const { dnd, repo } = setup(new GnomeDndController(runner));
    await dnd.blockStarted();
    expect(await dnd.blockEnded()).toBeNull();
    expect(state.showBanners).toBe(true);
    expect(repo.get()).toBeNull();
    expect((await dnd.status()).active).toBe(false);
  });

  it('does not overwrite an existing record (the original prior) with a second start', async () => {
    const { runner, state } = fakeGsettings(true);
    const { dnd, repo } = setup(new GnomeDndController(runner));
    await dnd.blockStarted();
    await dnd.blockStarted();
    expect(repo.get()?.prior).toEqual({ showBanners: true });
    await dnd.blockEnded();
    expect(state.showBanners).toBe(true);
  });

  it('deletes the row and returns a sentence when turning on fails', async () => {
    const runner = new FakeRunner((_cmd, args) =>
      args[0] === 'get' ? { code: 0, stdout: 'true\n', stderr: '' } : fail('dconf is down'),
    );
    const { dnd, repo } = setup(new GnomeDndController(runner));
    const problem = await dnd.blockStarted();
    expect(problem).toMatch(/^gsettings could not set .*dconf is down/);
    expect(repo.get()).toBeNull();
  });

  it('keeps the row and returns a sentence when the restore fails, then succeeds later', async () => {
    const { runner, state } = fakeGsettings(true);
    let broken = false;
    const flaky = new FakeRunner((cmd, args) => (broken ? fail('dconf is down') : runner.run(cmd, args)));
    const { dnd, repo } = setup(new GnomeDndController(flaky));
    await dnd.blockStarted();
    broken = true;
    expect(await dnd.blockEnded()).toMatch(/dconf is down/);
    expect(repo.get()).not.toBeNull();
    expect((await dnd.status()).active).toBe(true);
    broken = false;
    expect(await dnd.restoreAfterCrash()).toBeNull();
    expect(state.showBanners).toBe(true);
    expect(repo.get()).toBeNull();
  });

  it('restores a row left by a crashed run at start-up, even with the setting now off', async () => {
    const { runner, state } = fakeGsettings(false);
    const { dnd, repo, services } = setup(new GnomeDndController(runner));
    repo.write({ adapter: 'gnome', prior: { showBanners: true }, changedAt: 1 });
    services.settings.set('dnd', { enabled: false });
    expect(await dnd.restoreAfterCrash()).toBeNull();
    expect(state.showBanners).toBe(true);
    expect(repo.get()).toBeNull();
    expect(await dnd.shutdown()).toBeNull();
  });

  it('keeps a row made by another adapter and says why', async () => {
    const bus = new FakeNotificationsBus();
    const { dnd, repo } = setup(new FreedesktopDndController(bus));
    repo.write({ adapter: 'gnome', prior: { showBanners: true }, changedAt: 1 });
    expect(await dnd.restoreAfterCrash()).toMatch(/through GNOME's notification setting .* from KDE Plasma/);
    expect(repo.get()?.adapter).toBe('gnome');
    expect(bus.log).toEqual([]);
  });

  it('stores what only turning on reveals (the inhibition cookie) and releases it', async () => {
    const bus = new FakeNotificationsBus();
    const { dnd, repo } = setup(new FreedesktopDndController(bus));
    await dnd.blockStarted();
    expect(repo.get()?.prior).toEqual({ cookie: 1 });
    await dnd.blockEnded();
    expect(bus.log).toEqual(['inhibit', 'uninhibit 1']);
    expect(repo.get()).toBeNull();
  });

  it('never turns on where the desktop is unsupported, and reports its help', async () => {
    const controller = new UnsupportedDndController('Windows', 'Use Focus assist.');
    const { dnd, repo } = setup(controller);
    expect(await dnd.blockStarted()).toBeNull();
    expect(repo.get()).toBeNull();
    expect(await dnd.status()).toEqual({
      capability: 'unsupported',
      desktop: 'Windows',
      help: 'Use Focus assist.',
      enabled: true,
      active: false,
    });
  });

  it('runs calls one at a time, so an end cannot overtake a start', async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const controller: DndController = {
      id: 'slow',
      desktop: 'Test',
      capability: 'control',
      help: null,
      isOn: async () => null,
      capturePrior: async () => ({ v: 1 }),
      turnOn: async (prior: DndPrior) => {
        log.push('on:start');
        await gate;
        log.push('on:end');
        return prior;
      },
      restore: async () => {
        log.push('restore');
      },
    };
    const { dnd, repo } = setup(controller);
    const started = dnd.blockStarted();
    const ended = dnd.blockEnded();
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['on:start']);
    release();
    expect(await Promise.all([started, ended])).toEqual([null, null]);
    expect(log).toEqual(['on:start', 'on:end', 'restore']);
    expect(repo.get()).toBeNull();
  });

  it('returns sentences instead of throwing, even for unexpected errors', async () => {
    const controller: DndController = {
      id: 'weird',
      desktop: 'Test',
      capability: 'control',
      help: null,
      isOn: async () => null,
      capturePrior: async () => ({}),
      turnOn: async () => {
        throw new TypeError('boom');
      },
      restore: async () => {
        throw new DndError('Could not restore.');
      },
    };
    const { dnd, repo } = setup(controller);
    expect(await dnd.blockStarted()).toBe('Keel could not turn on do-not-disturb.');
    repo.write({ adapter: 'weird', prior: {}, changedAt: 1 });
    expect(await dnd.blockEnded()).toBe('Could not restore.');
    expect(repo.get()).not.toBeNull();
  });
});
