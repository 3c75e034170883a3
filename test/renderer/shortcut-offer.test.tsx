import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeGsettings } from '../../src-main/platform/fakes/fake-gsettings';
import { CUSTOM_BASE, CUSTOM_SCHEMA, MEDIA_KEYS_SCHEMA } from '../../src-main/platform/gnome-shortcut';
import { createShortcutOffers } from '../../src-main/platform/shortcut-offer';
import type { DesktopReport } from '../../src-main/shared/desktop-probes';
import { renderView, settle } from './harness';
import { createTestKeel } from './keel-bridge';

const COMMAND = '/opt/Keel/resources/bin/keel focus start';
const REPORT: DesktopReport = {
  version: '9.8.7',
  platform: 'linux',
  probes: [{ id: 'shortcut', label: 'Focus shortcut', state: 'works', detail: 'SHORTCUT-DETAIL' }],
};

/** Settings → This computer on a Linux desktop, with the real offers over a fake gsettings. */
function setUp(env: Record<string, string>, options: { registerFailed?: boolean } = {}) {
  const gsettings = new FakeGsettings();
  const offers = createShortcutOffers({ platform: 'linux', env, command: COMMAND, gsettings: gsettings.run });
  if (options.registerFailed ?? true) offers.registerFailed();
  const keel = createTestKeel({ shortcutOffers: offers });
  keel.desktopProbes.next = REPORT;
  return { keel, gsettings, offers };
}

const GNOME = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' };
const KDE = { XDG_CURRENT_DESKTOP: 'KDE', XDG_SESSION_TYPE: 'wayland' };

async function region() {
  const card = await screen.findByRole('region', { name: 'This computer' });
  await within(card).findByText('SHORTCUT-DETAIL');
  return card;
}

describe('Settings → This computer: the desktop shortcut offer', () => {
  it('on GNOME, adds Keel focus on Ctrl+Alt+F when the button is pressed, then goes away', async () => {
    const { keel, gsettings } = setUp(GNOME);
    const { user } = renderView('settings', keel);
    const card = await region();
    const offer = await within(card).findByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' });
    expect(within(offer).getByLabelText('The command').textContent).toBe(COMMAND);
    // Nothing is written before the user asks.
    expect(gsettings.values.size).toBe(0);
    await user.click(within(offer).getByRole('button', { name: 'Add the shortcut in GNOME Settings' }));
    await within(card).findByText(/^Added: Ctrl\+Alt\+F now starts a focus block/);
    const entry = `${CUSTOM_SCHEMA}:${CUSTOM_BASE}custom0/`;
    expect(gsettings.read(entry, 'command')).toBe(COMMAND);
    expect(gsettings.read(entry, 'binding')).toBe('<Control><Alt>f');
    expect(gsettings.values.get(`${MEDIA_KEYS_SCHEMA} custom-keybindings`)).toBe(
      `['${CUSTOM_BASE}custom0/']`,
    );
    expect(within(card).queryByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' })).toBeNull();
    // "Check again": not offered again.
    await user.click(within(card).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(keel.callsTo('desktop:shortcutOffer').length).toBe(2));
    await settle(keel);
    expect(within(card).queryByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' })).toBeNull();
  });

  it('on KDE, shows the exact steps and copies the exact command; "Done, hide this" closes it for good', async () => {
    const { keel } = setUp(KDE);
    const { user } = renderView('settings', keel);
    const card = await region();
    const offer = await within(card).findByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' });
    expect(offer.textContent).toContain(
      `Open System Settings → Keyboard → Shortcuts → Add New → Command or Script…; enter ${COMMAND} as the command`,
    );
    expect(within(offer).queryByRole('button', { name: /GNOME/ })).toBeNull();
    await user.click(within(offer).getByRole('button', { name: 'Copy the command' }));
    await within(offer).findByText('Copied the command.');
    expect(keel.shell.copied).toEqual([COMMAND]);
    await user.click(within(offer).getByRole('button', { name: 'Done, hide this' }));
    expect(within(card).queryByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(keel.callsTo('desktop:shortcutOffer').length).toBe(2));
    await settle(keel);
    expect(within(card).queryByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' })).toBeNull();
  });

  it('is not there while the shortcut works, and comes when the probe says it is not available', async () => {
    const { keel } = setUp(GNOME, { registerFailed: false });
    const { user } = renderView('settings', keel);
    const card = await region();
    await settle(keel);
    expect(keel.callsTo('desktop:shortcutOffer').length).toBe(1);
    expect(within(card).queryByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' })).toBeNull();
    keel.desktopProbes.next = {
      ...REPORT,
      probes: [{ ...REPORT.probes[0]!, state: 'not-available', detail: 'NO-PORTAL' }],
    };
    await user.click(within(card).getByRole('button', { name: 'Check again' }));
    await within(card).findByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' });
  });

  it('says in one sentence when gsettings fails, and keeps the steps to do it by hand', async () => {
    const { keel, gsettings } = setUp(GNOME);
    const { user } = renderView('settings', keel);
    const card = await region();
    const offer = await within(card).findByRole('region', { name: 'Ctrl+Alt+F does not reach Keel' });
    gsettings.fail = true;
    await user.click(within(offer).getByRole('button', { name: 'Add the shortcut in GNOME Settings' }));
    const alert = await within(offer).findByRole('alert');
    expect(alert.textContent).toBe(
      "Keel could not add the shortcut to GNOME's settings (gsettings did not answer); you can add it yourself with the steps shown.",
    );
    expect(offer.textContent).toContain('Or add it yourself: Open Settings → Keyboard');
  });
});
