import { describe, expect, it } from 'vitest';
import { createElectronNotifier, notificationOptions } from '../../src-main/platform/electron-notifier';
import { FakeNotificationCenter } from '../../src-main/platform/fakes/fake-notification';
import type { KeelNotification } from '../../src-main/services/ports';

const SIGN_OFF: KeelNotification = {
  id: 'signoff:2027-03-15',
  title: 'Time to sign off?',
  body: 'Your working day ends at 17:30.',
  actions: [
    { id: 'snooze', label: 'In 15 minutes' },
    { id: 'skip', label: 'Not today' },
  ],
  view: 'signoff',
};

function setup(platform: NodeJS.Platform = 'darwin') {
  const center = new FakeNotificationCenter();
  const notifier = createElectronNotifier({
    create: center.create,
    isSupported: center.isSupported,
    platform,
  });
  const reported: [string, string][] = [];
  notifier.onAction((id, action) => reported.push([id, action]));
  return { center, notifier, reported };
}

describe('createElectronNotifier', () => {
  it('shows a notification with title, body and action buttons on macOS', () => {
    const { center, notifier } = setup('darwin');
    notifier.show(SIGN_OFF);
    const shown = center.latest();
    expect(shown.shownCount).toBe(1);
    expect(shown.options).toMatchObject({
      title: 'Time to sign off?',
      body: 'Your working day ends at 17:30.',
    });
    expect(shown.options.actions).toEqual([
      { type: 'button', text: 'In 15 minutes' },
      { type: 'button', text: 'Not today' },
    ]);
  });

  it('withdraws a shown notification by its id, and ignores one it no longer holds', () => {
    const { center, notifier } = setup('win32');
    notifier.show(SIGN_OFF);
    notifier.show({ ...SIGN_OFF, id: 'other' });
    notifier.withdraw?.(SIGN_OFF.id);
    expect(center.created.map((n) => n.closed)).toEqual([true, false]);
    expect(() => notifier.withdraw?.(SIGN_OFF.id)).not.toThrow();
    expect(() => notifier.withdraw?.('never-shown')).not.toThrow();
  });

  it('reports a click on the body as "click" with the notification id', () => {
    const { center, notifier, reported } = setup();
    notifier.show(SIGN_OFF);
    center.latest().click();
    expect(reported).toEqual([['signoff:2027-03-15', 'click']]);
  });

  it('reports an action button by its Keel id', () => {
    const { center, notifier, reported } = setup('win32');
    notifier.show(SIGN_OFF);
    center.latest().action(1);
    center.latest().action(7); // no such button: ignored
    expect(reported).toEqual([['signoff:2027-03-15', 'skip']]);
  });

  it('leaves actions out on Linux, where Electron cannot show them', () => {
    const { center, notifier } = setup('linux');
    notifier.show(SIGN_OFF);
    expect(center.latest().options.actions).toBeUndefined();
    expect(notificationOptions(SIGN_OFF, 'linux').actions).toBeUndefined();
  });

  it('escapes the body on Linux, whose notification servers may read it as markup; elsewhere it is plain text', () => {
    const cue = {
      id: 'focus',
      title: 'Focus <b>on</b>',
      body: 'Where you left off: <img src=x> & <a href="x">link</a>',
    };
    expect(notificationOptions(cue, 'linux')).toMatchObject({
      title: 'Focus <b>on</b>',
      body: 'Where you left off: &lt;img src=x&gt; &amp; &lt;a href="x"&gt;link&lt;/a&gt;',
    });
    expect(notificationOptions(cue, 'darwin').body).toBe(cue.body);
    expect(notificationOptions(cue, 'win32').body).toBe(cue.body);
  });

  it('keeps each notification referenced until clicked, closed or failed, so its events still arrive', () => {
    const { center, notifier, reported } = setup();
    notifier.show({ id: 'a', title: 'A', body: '' });
    notifier.show({ id: 'b', title: 'B', body: '' });
    notifier.show({ id: 'c', title: 'C', body: '' });
    const [a, b, c] = center.created;
    b?.dismiss();
    c?.fail();
    a?.click();
    expect(reported).toEqual([['a', 'click']]);
  });

  it('replaces an earlier notification with the same id instead of stacking it', () => {
    const { center, notifier, reported } = setup();
    notifier.show({ id: 'focus:start', title: 'Focus soon', body: '' });
    notifier.show({ id: 'focus:start', title: 'Focus now', body: '' });
    const [first, second] = center.created;
    expect(first?.closed).toBe(true);
    first?.dismiss(); // the old one closing must not release the new one
    second?.click();
    expect(reported).toEqual([['focus:start', 'click']]);
  });

  it('shows nothing where notifications are unsupported', () => {
    const { center, notifier } = setup();
    center.supported = false;
    expect(notifier.isSupported()).toBe(false);
    notifier.show(SIGN_OFF);
    expect(center.created).toHaveLength(0);
  });

  it('stops reporting to a listener after it unsubscribes', () => {
    const { center, notifier } = setup();
    const seen: string[] = [];
    const off = notifier.onAction((id) => seen.push(id));
    off();
    notifier.show(SIGN_OFF);
    center.latest().click();
    expect(seen).toEqual([]);
  });
});
