import { describe, expect, it } from 'vitest';
import { DndError } from '../../src-main/services/ports';
import { FreedesktopDndController } from '../../src-main/platform/dnd/freedesktop-dnd';
import { FakeNotificationsBus } from './support/fakes';

describe('freedesktop Notifications.Inhibit do-not-disturb (KDE Plasma)', () => {
  it('inhibits at turn-on, keeps the cookie as the prior, and releases exactly that cookie', async () => {
    const bus = new FakeNotificationsBus();
    const kde = new FreedesktopDndController(bus);
    expect(kde).toMatchObject({ id: 'freedesktop-inhibit', capability: 'control', help: null });
    expect(await kde.isOn()).toBe(false);

    const prior = await kde.capturePrior();
    expect(prior).toEqual({ cookie: null });
    expect(bus.log).toEqual([]); // capturing changes nothing
    const kept = await kde.turnOn(prior);
    expect(kept).toEqual({ cookie: 1 });
    expect(await kde.isOn()).toBe(true);

    await kde.restore(kept);
    expect(bus.log).toEqual(['inhibit', 'uninhibit 1']);
    expect(await kde.isOn()).toBe(false);
  });

  it('treats an unknown cookie as already released (the old connection closed)', async () => {
    const bus = new FakeNotificationsBus();
    const kde = new FreedesktopDndController(bus);
    const kept = await kde.turnOn(await kde.capturePrior());
    bus.dropConnection();
    await expect(kde.restore(kept)).resolves.toBeUndefined();
  });

  it('has nothing to release when Keel stopped before the server answered', async () => {
    const bus = new FakeNotificationsBus();
    await new FreedesktopDndController(bus).restore({ cookie: null });
    expect(bus.log).toEqual([]);
  });

  it('turns a server failure into a one-sentence DndError', async () => {
    const bus = new FakeNotificationsBus();
    bus.failInhibit = true;
    const kde = new FreedesktopDndController(bus);
    await expect(kde.turnOn({ cookie: null })).rejects.toThrow(DndError);
    await expect(kde.restore({ cookie: 'x' })).rejects.toThrow(DndError);
  });
});
