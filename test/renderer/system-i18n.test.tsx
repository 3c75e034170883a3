import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeGsettings } from '../../src-main/platform/fakes/fake-gsettings';
import { createShortcutOffers } from '../../src-main/platform/shortcut-offer';
import { catalogFor } from '../../src-main/shared/i18n/catalog';
import type { DesktopReport } from '../../src-main/shared/desktop-probes';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { resetData } from '../../src-renderer/stores/data';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * Settings' system cards (Your data with its dialogs, This computer with the shortcut offer,
 * Notifications, Startup) in other languages. The clock: Tuesday 11 March 2025, 08:40 in Berlin.
 * In the pseudo-locale every catalog message is bracketed, so whatever is left on screen in these
 * cards was written some other way; what main sends (the probes' findings, the shortcut's steps,
 * the data folder's path) is allowed by name.
 */

const SLOW = { timeout: 60_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };

const COMMAND = '/opt/Keel/resources/bin/keel focus start';
const REPORT: DesktopReport = {
  version: '9.8.7',
  platform: 'linux',
  probes: [
    { id: 'idle', label: 'Idle time', state: 'not-available', detail: 'IDLE-DETAIL', action: 'IDLE-ACTION' },
    { id: 'lock', label: 'Screen lock', state: 'works', detail: 'LOCK-DETAIL' },
    { id: 'notifications', label: 'Notification buttons', state: 'limited', detail: 'NOTE-DETAIL' },
  ],
};

/** What main sends and the test put there: probe labels and findings, paths, the command, steps. */
const ALLOWED: readonly (string | RegExp)[] = [
  'Keel',
  'Idle time',
  'Screen lock',
  'Notification buttons',
  /-DETAIL$/,
  COMMAND,
  // The data folder and its backups' folder, as main names them.
  /^\/.*$/,
];

afterEach(() => {
  resetData();
});

/** A Keel with Monday's daily and weekly copies, one from the week before, and today's; GNOME's shortcut offer. */
async function keelWithBackups(): Promise<TestKeel> {
  const gsettings = new FakeGsettings();
  const offers = createShortcutOffers({
    platform: 'linux',
    env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' },
    command: COMMAND,
    gsettings: gsettings.run,
  });
  offers.registerFailed();
  const keel = createTestKeel({ shortcutOffers: offers });
  keel.power.idle = Infinity;
  keel.desktopProbes.next = REPORT;
  for (const at of ['2025-03-03T08:31:00+01:00', '2025-03-10T08:31:00+01:00', '2025-03-11T08:30:00+01:00'])
    await keel.at(at, () => keel.call('data:backupNow', {}));
  for (const at of ['2025-03-07T16:05:00+01:00', '2025-03-10T17:20:00+01:00', '2025-03-10T18:00:00+01:00'])
    await keel.at(at, () => keel.call('checkin:add', { workload: 3, energy: 3, sustainable: 'yes' }));
  return keel;
}

/** The app in `locale`, opened on Settings, once Your data has its counts. */
async function openIn(locale: ResolvedLocale, keel: TestKeel) {
  const messages = catalogFor(locale.messages);
  const utils = await renderApp(keel, { locale, ready: false });
  await utils.user.click(await screen.findByRole('button', { name: messages['app.nav.settings'] }));
  const card = (name: string) => screen.findByRole('region', { name });
  const data = await card(messages['system.data.title']);
  await within(data).findAllByRole('listitem');
  const computer = await card(messages['system.computer.title']);
  await within(computer).findByText('LOCK-DETAIL');
  return { ...utils, messages, card, data, computer };
}

const section = (card: HTMLElement, name: string) => within(card).getByRole('region', { name });

describe('Settings’ system cards in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  it('Your data, This computer (with the shortcut offer), Notifications and Startup', async () => {
    const { messages, card, data, computer } = await openIn(PSEUDO, await keelWithBackups());
    await within(computer).findByRole('button', { name: messages['system.shortcut.add'] });
    for (const root of [
      data,
      computer,
      await card(messages['system.notifications.title']),
      await card(messages['system.startup.title']),
    ])
      expect(untranslatedText(root, ALLOWED)).toEqual([]);
  });

  it('the restore and delete dialogs, and the sentences after a restore and a backup', async () => {
    const { user, messages, data } = await openIn(PSEUDO, await keelWithBackups());
    const backups = section(data, messages['system.data.backups.title']);
    const restore = within(backups)
      .getAllByRole('button', { name: /.+/ })
      .filter((b) => b.getAttribute('aria-label'));
    expect(restore.length).toBeGreaterThan(0);
    await user.click(restore[0] as HTMLElement);
    const restoreDialog = await screen.findByRole('dialog', { name: messages['system.restore.title'] });
    expect(untranslatedText(restoreDialog, ALLOWED)).toEqual([]);
    await user.click(within(restoreDialog).getByRole('button', { name: messages['system.restore.confirm'] }));
    await within(backups).findByRole('status', {}, { timeout: 30_000 });
    expect(untranslatedText(data, ALLOWED)).toEqual([]);

    await user.click(within(backups).getByRole('button', { name: messages['system.data.backups.now'] }));
    await within(backups).findByText(messages['system.data.backedUp']);
    expect(untranslatedText(data, ALLOWED)).toEqual([]);

    await user.click(within(data).getByRole('button', { name: messages['system.data.delete.button'] }));
    const deleteDialog = await screen.findByRole('dialog', { name: messages['system.deleteAll.title'] });
    expect(untranslatedText(deleteDialog, ALLOWED)).toEqual([]);
  });

  it('the full backup’s dialog with its passphrase errors, the saved sentence, an import and a locked backup', async () => {
    const keel = await keelWithBackups();
    const { user, messages, data } = await openIn(PSEUDO, keel);
    const transfer = section(data, messages['system.data.transfer.title']);
    await user.click(
      within(transfer).getByRole('button', { name: messages['system.data.transfer.backupButton'] }),
    );
    const dialog = await screen.findByRole('dialog', { name: messages['system.backupAll.title'] });
    expect(untranslatedText(dialog, ALLOWED)).toEqual([]);
    await user.type(within(dialog).getByLabelText(messages['system.backupAll.passphrase']), 'short');
    await user.click(within(dialog).getByRole('button', { name: messages['system.backupAll.saveLocked'] }));
    expect(untranslatedText(dialog, ALLOWED)).toEqual([]);
    await user.type(within(dialog).getByLabelText(messages['system.backupAll.passphrase']), ' but long now');
    await user.type(within(dialog).getByLabelText(messages['system.backupAll.again']), 'different');
    await user.click(within(dialog).getByRole('button', { name: messages['system.backupAll.saveLocked'] }));
    expect(untranslatedText(dialog, ALLOWED)).toEqual([]);
    await user.clear(within(dialog).getByLabelText(messages['system.backupAll.passphrase']));
    await user.clear(within(dialog).getByLabelText(messages['system.backupAll.again']));
    await user.click(within(dialog).getByRole('button', { name: messages['system.backupAll.savePlain'] }));
    await within(transfer).findByRole('status');
    expect(untranslatedText(data, ALLOWED)).toEqual([]);

    // The same file back: nothing new.
    keel.shell.nextChosenFile = keel.writeFile('keel-export.json', String(keel.shell.saved.at(-1)?.content));
    await user.click(within(transfer).getByRole('button', { name: messages['system.data.transfer.import'] }));
    await within(transfer).findByRole('status');
    expect(untranslatedText(data, ALLOWED)).toEqual([]);

    // A locked backup asks for its passphrase.
    await keel.call('data:export', { passphrase: 'a long passphrase' });
    keel.shell.nextChosenFile = keel.writeFile(
      'locked.keel-encrypted',
      String(keel.shell.saved.at(-1)?.content),
    );
    await user.click(within(transfer).getByRole('button', { name: messages['system.data.transfer.import'] }));
    const unlock = await screen.findByRole('dialog', { name: messages['system.unlock.title'] });
    await user.click(within(unlock).getByRole('button', { name: messages['system.unlock.import'] }));
    await within(unlock).findByText(messages['system.unlock.empty']);
    expect(untranslatedText(unlock, ALLOWED)).toEqual([]);
  });
});

describe('Settings’ system cards in German', SLOW, () => {
  it('speaks German: headings, counts with plurals, backup dates and times, the dialogs', async () => {
    const { user, card, data, computer } = await openIn(GERMAN, await keelWithBackups());
    expect(within(data).getByText('Keel enthält 3 Check-ins.')).toBeVisible();
    expect(
      within(data).getByText(
        'Keel sichert deine Daten jeden Tag und behält 7 tägliche und 4 wöchentliche Kopien.',
      ),
    ).toBeVisible();
    const backups = section(data, 'Sicherungen');
    const rows = within(backups).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent(/^TäglichHeute um 08:30\d+(,\d)? KBWiederherstellen …$/);
    expect(rows.at(-1)).toHaveTextContent(/Mo\., 3\. März um 08:31/);
    const restore = within(backups).getByRole('button', {
      name: 'Wöchentliche Kopie von gestern um 08:31 wiederherstellen …',
    });
    await user.click(restore);
    const dialog = await screen.findByRole('dialog', { name: 'Diese Sicherung wiederherstellen?' });
    expect(dialog).toHaveTextContent('Deine Daten werden durch die Kopie von gestern um 08:31 ersetzt.');
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));

    expect(within(computer).getByText('Keel 9.8.7 unter Linux')).toBeVisible();
    // The probe's name and state in German (what it found is said at main's door; this fake's
    // words are no sentence of main's, so they stay); the copied report is English, and says so.
    const idle = within(computer).getByText('Leerlaufzeit').closest('li') as HTMLElement;
    expect(idle.querySelector('.this-computer__action')).toHaveTextContent('Was zu tun ist: IDLE-ACTION');
    expect(within(computer).getByText(/für einen Fehlerbericht kopierst, ist auf Englisch/)).toBeVisible();
    expect(within(computer).getByText('Nicht verfügbar')).toBeVisible();
    expect(
      await within(computer).findByRole('heading', { name: 'Strg+Alt+F erreicht Keel nicht' }),
    ).toBeVisible();

    const notifications = await card('Mitteilungen');
    expect(
      within(notifications).getByRole('radio', { name: 'Wenn der Bildschirm gesperrt ist' }),
    ).toBeVisible();
    const startup = await card('Autostart');
    expect(within(startup).getByRole('switch', { name: 'Keel bei der Anmeldung starten' })).toBeVisible();

    await user.click(within(data).getByRole('button', { name: 'Alle meine Daten löschen …' }));
    const deleteDialog = await screen.findByRole('dialog', { name: 'Alle deine Daten löschen?' });
    expect(within(deleteDialog).getByLabelText('Gib zur Bestätigung LÖSCHEN ein')).toBeVisible();
  });
});
