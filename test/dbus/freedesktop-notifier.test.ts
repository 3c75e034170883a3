import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchingNotifier } from '../../src-main/platform/notify/switching-notifier';
import { makeApp } from '../helpers/app';
import { FakeNotificationServer } from './support/fake-notification-server';
import { switchingNotifierOn } from './support/linux-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

// 2027-03-15 is a Monday; Berlin is UTC+1 then. The sign-off comes at the end of hours, 17:30.
const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);
const WITH_BUTTONS = ['actions', 'body', 'body-markup', 'persistence'];
const WITHOUT_BUTTONS = ['body', 'body-markup'];
const SERVICE = 'org.freedesktop.Notifications';

/** Keel's notifier on this private bus, with the app icon main.ts passes, once it has chosen its route. */
async function notifierOn(bus: PrivateBus) {
  const { notifier, electron } = switchingNotifierOn(bus, {
    iconPath: '/opt/Keel/resources/app/assets/icon.png',
  });
  // The route once the server answered (or did not): what the rest of the run uses.
  const route = await notifier.settled;
  return { notifier, electron, route };
}

/** The app on that notifier, at the end of working hours: the sign-off suggestion is out. */
async function signoffShown(bus: PrivateBus) {
  const { notifier } = await notifierOn(bus);
  const made = makeApp(at('16:00'), { adapters: { notifier } });
  made.services.settings.set('focusPlan', []);
  made.app.start();
  made.clock.advanceTo(at('17:30'));
  return made;
}

describe.skipIf(!hasDaemon)(`notifications through org.freedesktop.Notifications${skipReason}`, () => {
  let bus: PrivateBus | undefined;
  afterEach(() => bus?.stop());

  it('shows the sign-off with its three buttons, and "15 more minutes" snoozes it', async () => {
    bus = await startPrivateBus();
    const server = await FakeNotificationServer.start(bus, WITH_BUTTONS);
    const { services, app } = await signoffShown(bus);
    await bus.quiet(); // Keel has Notify's answer, so it knows the server's id
    expect(server.notified).toHaveLength(1);
    const sent = server.last()!;
    expect(sent).toMatchObject({
      appName: 'Keel',
      replacesId: 0,
      icon: 'file:///opt/Keel/resources/app/assets/icon.png',
      summary: 'Time to sign off?',
      hints: { 'desktop-entry': 'keel-desktop', urgency: 1 },
      expireTimeout: -1,
    });
    expect(sent.actions).toEqual([
      'default',
      'Open Keel',
      'sign-off',
      'Sign off',
      'snooze',
      '15 more minutes',
      'not-today',
      'Not today',
    ]);
    expect(services.signoff.status().snoozedUntil).toBeNull();
    server.invoke(sent.id, 'snooze');
    await expect.poll(() => services.signoff.status().snoozedUntil).toBe('2027-03-15T17:45:00+01:00');
    app.close();
  });

  it('"Not today" and "Sign off" reach the app too; a key Keel did not send does nothing', async () => {
    bus = await startPrivateBus();
    const server = await FakeNotificationServer.start(bus, WITH_BUTTONS);
    const { services, shell, app } = await signoffShown(bus);
    await bus.quiet(); // Keel has Notify's answer, so it knows the server's id
    expect(server.notified).toHaveLength(1);
    const { id } = server.last()!;
    server.invoke(id, 'open-everything');
    server.invoke(id + 1, 'not-today');
    server.invoke(id, 'sign-off');
    await expect.poll(() => shell.shown).toEqual(['signoff']);
    expect(services.signoff.status().notToday).toBe(false);
    server.invoke(id, 'not-today');
    await expect.poll(() => services.signoff.status().notToday).toBe(true);
    app.close();
  });

  it('sends no buttons to a server without "actions"; a click on the body still opens the sign-off', async () => {
    bus = await startPrivateBus();
    const server = await FakeNotificationServer.start(bus, WITHOUT_BUTTONS);
    const { services, shell, app } = await signoffShown(bus);
    await bus.quiet(); // Keel has Notify's answer, so it knows the server's id
    expect(server.notified).toHaveLength(1);
    const sent = server.last()!;
    expect(sent.actions).toEqual(['default', 'Open Keel']);
    // The text alone says what to do, without a button to press.
    expect(sent.body).toBe(
      'Working hours ended at 17:30. A minute to note what got done and what comes first tomorrow.',
    );
    server.invoke(sent.id, 'snooze');
    server.invoke(sent.id, 'default');
    await expect.poll(() => shell.shown).toEqual(['signoff']);
    expect(services.signoff.status().snoozedUntil).toBeNull();
    app.close();
  });

  it('replaces its own notification, forgets one the server closed, and withdraws one with CloseNotification', async () => {
    bus = await startPrivateBus();
    const server = await FakeNotificationServer.start(bus, WITH_BUTTONS);
    const { notifier } = await notifierOn(bus);
    const clicks: string[] = [];
    notifier.onAction((id, action) => clicks.push(`${id}:${action}`));
    const show = (id: string, body: string) => notifier.show({ id, title: 'Keel', body });

    show('a', 'one');
    await bus.quiet(); // Keel has Notify's answer, so it knows the server's id
    expect(server.notified).toHaveLength(1);
    const first = server.last()!.id;
    show('a', 'two');
    await bus.quiet(); // Keel has Notify's answer, so it knows the server's id
    expect(server.notified).toHaveLength(2);
    expect(server.last()).toMatchObject({ replacesId: first, id: first, body: 'two' });

    server.dismiss(first, 2);
    await bus.roundTrip(SERVICE);
    // Its id is no longer valid: not replaced, not closed, and a late click is not Keel's.
    server.invoke(first, 'default');
    show('a', 'three');
    await bus.quiet(); // Keel has Notify's answer, so it knows the server's id
    expect(server.notified).toHaveLength(3);
    expect(server.last()?.replacesId).toBe(0);
    const third = server.last()!.id;
    expect(clicks).toEqual([]);

    notifier.withdraw?.('a');
    await bus.quiet();
    expect(server.closed).toEqual([third]);
    notifier.withdraw?.('a');
    server.invoke(third, 'default');
    await bus.roundTrip(SERVICE);
    expect(server.closed).toEqual([third]);
    expect(clicks).toEqual([]);
  });

  it("escapes the body's markup for a server that reads markup, and only then", async () => {
    const hostile = '<b>Done</b> & <a href="https://example.com">see</a> <img src="/etc/passwd"/>';
    for (const [capabilities, expected] of [
      [
        WITH_BUTTONS,
        '&lt;b&gt;Done&lt;/b&gt; &amp; &lt;a href="https://example.com"&gt;see&lt;/a&gt; &lt;img src="/etc/passwd"/&gt;',
      ],
      [['actions', 'body'], hostile],
    ] as const) {
      bus = await startPrivateBus();
      const server = await FakeNotificationServer.start(bus, [...capabilities]);
      const { notifier } = await notifierOn(bus);
      notifier.show({ id: 'n', title: 'Keel', body: hostile });
      await bus.quiet();
      expect(server.notified).toHaveLength(1);
      expect(server.last()?.body).toBe(expected);
      bus.stop();
    }
    bus = undefined;
  });

  it("falls back to Electron's notifications without a server, and when the server fails", async () => {
    bus = await startPrivateBus();
    const started = Date.now();
    const none = await notifierOn(bus);
    expect(none.route).toBe('fallback');
    expect(Date.now() - started).toBeLessThan(2_000);

    const server = await FakeNotificationServer.start(bus, WITH_BUTTONS);
    // macOS and Windows keep Electron's notifications (with their own buttons) even with a bus.
    const busHere = { env: { DBUS_SESSION_BUS_ADDRESS: bus.address }, connect: () => bus!.connect() };
    for (const platform of ['darwin', 'win32'] as const) {
      const elsewhere = createSwitchingNotifier({ platform, ...busHere, fallback: none.electron });
      expect(await elsewhere.settled).toBe('fallback');
    }
    expect(server.notified).toEqual([]);
    const { notifier, electron, route } = await notifierOn(bus);
    expect(route).toBe('server');
    server.failing = true;
    notifier.show({ id: 'n', title: 'Keel', body: 'still said' });
    await expect.poll(() => electron.shown.map((n) => n.body)).toEqual(['still said']);
  });
});
