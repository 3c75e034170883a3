import { describe, expect, it } from 'vitest';
import { DndError } from '../../src-main/services/ports';
import { GnomeDndController } from '../../src-main/platform/dnd/gnome-dnd';
import { fail, fakeGsettings, FakeRunner, missingProgram, ok } from './support/fakes';

const GET = { cmd: 'gsettings', args: ['get', 'org.gnome.desktop.notifications', 'show-banners'] };
const set = (value: string) => ({
  cmd: 'gsettings',
  args: ['set', 'org.gnome.desktop.notifications', 'show-banners', value],
});

describe('GNOME do-not-disturb (show-banners)', () => {
  it('records the prior value, then sets show-banners false, with exact gsettings argv', async () => {
    const { runner, state } = fakeGsettings(true);
    const gnome = new GnomeDndController(runner);
    expect(gnome.capability).toBe('control');
    expect(await gnome.isOn()).toBe(false);

    const prior = await gnome.capturePrior();
    expect(prior).toEqual({ showBanners: true });
    expect(runner.calls).toEqual([GET, GET]);
    expect(await gnome.turnOn(prior)).toEqual({ showBanners: true });
    expect(runner.calls.at(-1)).toEqual(set('false'));
    expect(state.showBanners).toBe(false);
    expect(await gnome.isOn()).toBe(true);

    await gnome.restore(prior);
    expect(runner.calls.at(-1)).toEqual(set('true'));
    expect(state.showBanners).toBe(true);
  });

  it('leaves banners off at restore when they were already off before the block', async () => {
    const { runner, state } = fakeGsettings(false);
    const gnome = new GnomeDndController(runner);
    const prior = await gnome.capturePrior();
    expect(prior).toEqual({ showBanners: false });
    await gnome.turnOn(prior);
    await gnome.restore(prior);
    expect(state.showBanners).toBe(false);
    expect(runner.calls.at(-1)).toEqual(set('false'));
  });

  it('reports unknown state, and throws one-sentence errors, when gsettings is missing', async () => {
    const gnome = new GnomeDndController(missingProgram());
    expect(await gnome.isOn()).toBeNull();
    await expect(gnome.capturePrior()).rejects.toThrow(DndError);
    await expect(gnome.restore({ showBanners: true })).rejects.toThrow(/could not run gsettings/);
  });

  it('surfaces a failing set (schema absent) as a DndError naming the cause', async () => {
    const runner = new FakeRunner(() => fail('No such schema “org.gnome.desktop.notifications”'));
    const gnome = new GnomeDndController(runner);
    await expect(gnome.turnOn({ showBanners: true })).rejects.toThrow(/No such schema/);
  });

  it('refuses an unreadable prior rather than guessing', async () => {
    const runner = new FakeRunner(() => ok());
    await expect(new GnomeDndController(runner).restore({})).rejects.toThrow(DndError);
    expect(runner.calls).toEqual([]);
  });

  it('in read-only mode reads the state and can restore, but never turns on', async () => {
    const { runner, state } = fakeGsettings(true);
    const gnome = new GnomeDndController(runner, { desktop: 'XFCE', readOnly: true });
    expect(gnome.capability).toBe('read-only');
    expect(gnome.help).toMatch(/does not let apps turn on do-not-disturb/);
    expect(await gnome.isOn()).toBe(false);
    await expect(gnome.turnOn({ showBanners: true })).rejects.toThrow(DndError);
    expect(runner.calls.some((c) => c.args[0] === 'set')).toBe(false);
    state.showBanners = false;
    await gnome.restore({ showBanners: true });
    expect(state.showBanners).toBe(true);
  });
});
