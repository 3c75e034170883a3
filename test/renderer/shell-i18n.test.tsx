import fs from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src-main/shared/i18n/catalog';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { DATABASE_FILE } from '../../src-main/storage/paths';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * The app's chrome in other languages: the first run's three steps, the command palette (with
 * results and with none), the shortcuts dialog, the recovery banner and the skip link. In the
 * pseudo-locale every catalog message is bracketed, so whatever is left was written some other
 * way; what the test put there (weekday names Intl wrote, keys on the keyboard) is allowed by name.
 */

const SLOW = { timeout: 60_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };

const SHELL_ALLOWED: readonly (string | RegExp)[] = [
  'Keel',
  // Weekday names Intl wrote (the working days, the one-on-one day).
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/,
  // Keys on the keyboard, shown as they are printed on it.
  /^[KQ1-6↑↓⌘]$/,
];

/** The zone picker's own words: another area's component (ZonePicker.tsx), swept there. */
const ZONE_PICKER: readonly (string | RegExp)[] = [
  /^UTC[+−]\d/,
  'now',
  'Type a city, such as Berlin',
  'Time zones',
];

async function openIn(locale: ResolvedLocale, keel: TestKeel, ready = true) {
  const messages = catalogFor(locale.messages);
  const utils = await renderApp(keel, { locale, ready });
  return { ...utils, messages };
}

/** A Keel whose data file was found damaged at start-up (as in data-card.test.tsx). */
async function recovered(): Promise<TestKeel> {
  const before = createTestKeel();
  await before.at('2025-03-10T08:31:00+01:00', () => before.call('data:backupNow', {}));
  before.close({ keepFiles: true });
  fs.writeFileSync(path.join(before.dataDir, DATABASE_FILE), 'this is not a database '.repeat(1024));
  for (const suffix of ['-wal', '-shm'])
    fs.rmSync(path.join(before.dataDir, DATABASE_FILE + suffix), { force: true });
  const keel = createTestKeel({ dataDir: before.dataDir });
  expect(keel.services.recovery).not.toBeNull();
  return keel;
}

describe('the chrome in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  const ALLOWED = SHELL_ALLOWED;
  it('the first run: its three steps, an error, the block editor', async () => {
    const ALLOWED = [...SHELL_ALLOWED, ...ZONE_PICKER];
    const keel = createTestKeel({ welcome: true });
    const { user, messages } = await openIn(PSEUDO, keel, false);
    await screen.findByRole('heading', { level: 1, name: messages['app.welcome.hours.title'] });
    const main = document.querySelector('main') as HTMLElement;
    expect(untranslatedText(main, ALLOWED)).toEqual([]);

    // No working day: the step's error.
    for (const box of within(main).getAllByRole('checkbox', { checked: true })) await user.click(box);
    await user.click(screen.getByRole('button', { name: messages['app.welcome.next'] }));
    await screen.findByText(messages['app.welcome.hours.no-days']);
    expect(untranslatedText(main, ALLOWED)).toEqual([]);
    await user.click(within(main).getByRole('checkbox', { name: 'Monday' }));
    await user.click(screen.getByRole('button', { name: messages['app.welcome.next'] }));

    await screen.findByRole('heading', { level: 1, name: messages['app.welcome.plan.title'] });
    await user.click(screen.getByRole('radio', { name: messages['app.welcome.plan.edit'] }));
    await user.click(screen.getByRole('button', { name: messages['app.welcome.plan.add'] }));
    expect(untranslatedText(main, ALLOWED)).toEqual([]);
    // Back to Keel's plan as it is (the added block would overlap).
    await user.click(screen.getByRole('radio', { name: messages['app.welcome.plan.tomorrow'] }));
    await user.click(screen.getByRole('button', { name: messages['app.welcome.next'] }));

    await screen.findByRole('heading', { level: 1, name: messages['app.welcome.one-on-one.title'] });
    expect(untranslatedText(main, ALLOWED)).toEqual([]);
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    expect(untranslatedText(main, ALLOWED)).toEqual([]);
    await user.click(screen.getByRole('button', { name: messages['app.welcome.done'] }));

    // Today with the four jobs and Keel's defaults.
    const note = await screen.findByRole('region', { name: messages['app.welcome.note.title'] });
    expect(untranslatedText(note, ALLOWED)).toEqual([]);
  });

  it('the skip link, the palette with results and with none, and the shortcuts dialog', async () => {
    const { user, messages } = await openIn(PSEUDO, createTestKeel());
    expect(screen.getByRole('link', { name: messages['app.frame.skip'] })).toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: messages['app.palette.label'] });
    await within(palette).findByRole('option', {
      name: new RegExp(messages['app.palette.talk'].slice(1, 8)),
    });
    expect(within(palette).getAllByRole('option').length).toBeGreaterThan(20);
    expect(untranslatedText(palette, ALLOWED)).toEqual([]);

    await user.keyboard('zzqqxx');
    await waitFor(() => expect(within(palette).queryAllByRole('option')).toHaveLength(0));
    expect(untranslatedText(palette, [...ALLOWED, 'zzqqxx'])).toEqual([]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: messages['app.sidebar.shortcuts'] }));
    const shortcuts = await screen.findByRole('dialog', { name: messages['app.shortcuts.title'] });
    expect(untranslatedText(shortcuts, ALLOWED)).toEqual([]);
  });

  it('the recovery banner (main’s sentence inside it is main’s)', async () => {
    const keel = await recovered();
    const { messages } = await openIn(PSEUDO, keel);
    const notice = await screen.findByRole('region', { name: messages['app.recovery.heading'] });
    const fromMain = keel.services.recovery?.message ?? 'missing';
    expect(untranslatedText(notice, [...ALLOWED, fromMain])).toEqual([]);
    expect(within(notice).getByRole('button', { name: messages['app.recovery.dismiss'] })).toBeVisible();
  });
});

describe('the chrome in German', SLOW, () => {
  it('the first run in German: weeks start on Monday, German lists, times and a plural', async () => {
    const keel = createTestKeel({ welcome: true });
    const { user } = await openIn(GERMAN, keel, false);
    await screen.findByRole('heading', { level: 1, name: 'Wann arbeitest du?' });
    expect(screen.getByText('Willkommen bei Keel · Schritt 1 von 3')).toBeInTheDocument();
    const days = screen.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    expect(days).toEqual(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
    expect(screen.getByRole('button', { name: 'Schritt überspringen' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Weiter' }));

    await screen.findByRole('heading', { level: 1, name: 'Deine Fokusblöcke' });
    expect(
      screen.getByText('Keels Startplan: 09:00–11:00 und 14:00–16:00, Montag bis Freitag.', { exact: false }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Blöcke ändern, dann morgen starten' }));
    expect(
      screen.getByRole('group', { name: 'Blöcke an jedem Arbeitstag (Montag bis Freitag)' }),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Block 1 entfernen' })).toBeVisible();
  });

  it('a plan that differs by day is counted with the German plural', async () => {
    const keel = createTestKeel({ welcome: true });
    await keel.call('settings:set', {
      key: 'focusPlan',
      value: [
        { weekday: 'mon', start: '09:00', end: '11:00' },
        { weekday: 'tue', start: '14:00', end: '16:00' },
      ],
      from: '2025-03-11',
    });
    const { user } = await openIn(GERMAN, keel, false);
    await screen.findByRole('heading', { level: 1, name: 'Wann arbeitest du?' });
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    await screen.findByRole('heading', { level: 1, name: 'Deine Fokusblöcke' });
    expect(
      screen.getByText('Dein Plan: 2 Blöcke pro Woche, an verschiedenen Tagen unterschiedlich.', {
        exact: false,
      }),
    ).toBeInTheDocument();
  });

  it('the palette in German, found by English words too; Strg for Ctrl; the shortcuts dialog', async () => {
    const { user } = await openIn(GERMAN, createTestKeel());
    expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toBeInTheDocument();
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Befehlspalette' });
    expect(within(palette).getByRole('group', { name: 'Aktionen' })).toBeInTheDocument();
    expect(within(palette).getByRole('option', { name: /^Heute Strg\+1$/ })).toBeInTheDocument();
    await user.keyboard('workload');
    await waitFor(() =>
      expect(within(palette).getAllByRole('option')[0]).toHaveTextContent('Kurzen Check machen'),
    );
    await user.clear(within(palette).getByRole('combobox', { name: 'Befehl' }));
    await user.keyboard('Arbeitslast');
    await waitFor(() =>
      expect(within(palette).getAllByRole('option')[0]).toHaveTextContent('Kurzen Check machen'),
    );
    await user.clear(within(palette).getByRole('combobox', { name: 'Befehl' }));
    await user.keyboard('zzqqxx');
    expect(
      await within(palette).findByText(
        'Kein Befehl passt zu „zzqqxx“. Um es als Gesprächspunkt hinzuzufügen, beginne mit talk:',
      ),
    ).toBeVisible();
    await user.clear(within(palette).getByRole('combobox', { name: 'Befehl' }));
    await user.keyboard('25');
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/^Fokusblock gestartet, bis \d{2}:\d{2}\.$/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tastenkürzel' }));
    const shortcuts = await screen.findByRole('dialog', { name: 'Tastenkürzel' });
    expect(within(shortcuts).getByText('Zu „Einzelgespräch“ wechseln')).toBeVisible();
    expect(within(shortcuts).getAllByText('Strg').length).toBeGreaterThan(0);
    expect(within(shortcuts).getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
  });
});
