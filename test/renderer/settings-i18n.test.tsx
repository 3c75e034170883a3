import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src-main/shared/i18n/catalog';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * Settings in other languages (all but the system and data cards, which are the `system`
 * namespace's). The clock: Tuesday 11 March 2025 in Berlin. In the pseudo-locale every catalog
 * message is bracketed, so whatever is left in a card was written some other way; what the test
 * put there (zone ids, dates, times, numbers, the data folder) is allowed by name.
 */

const SLOW = { timeout: 30_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };

const ALLOWED: readonly (string | RegExp)[] = [
  'Keel',
  // The user's own tag.
  'Code review',
  // Zone ids and their offsets: "Europe / Berlin", "UTC+1".
  /^[A-Z][A-Za-z_]+( \/ [A-Za-z _-]+)+$/,
  /^UTC([+−]\d{1,2}(:\d{2})?)?$/,
  // Times, dates and numbers Intl wrote.
  /^[\d:.,\s–-]+( ?[AP]M)?$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/,
  // Weekday names Intl wrote (the format locale is en-US).
  /^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$/,
  // About: the version and the data folder.
  /^\d+\.\d+\.\d+/,
  /\//,
];

/** The app in `locale`, opened on Settings once its forms are drawn. */
async function openIn(locale: ResolvedLocale, keel: TestKeel) {
  const messages = catalogFor(locale.messages);
  const utils = await renderApp(keel, { locale, ready: false });
  await utils.user.click(await screen.findByRole('button', { name: messages['app.nav.settings'] }));
  await screen.findByRole('combobox', { name: messages['settings.zone.label'] });
  await waitFor(() => expect(keel.callsTo('app:status').length).toBeGreaterThan(0));
  const main = document.querySelector('main') as HTMLElement;
  return { ...utils, main, messages };
}

const MY_CARDS = [
  'settings.appearance.title',
  'settings.upcoming.title',
  'settings.zone.title',
  'settings.hours.title',
  'settings.holidays.title',
  'settings.signoff.title',
  'settings.focus.title',
  'settings.checkins.title',
  'settings.about.title',
] as const;

async function withPlannedChange(): Promise<TestKeel> {
  const keel = createTestKeel({
    settings: { checkins: { cadence: null, customTags: ['code-review'], burnout: true, who5: true } },
  });
  await keel.call('settings:set', { key: 'dayBoundary', value: '05:00', from: '2025-09-01' });
  await keel.call('settings:set', {
    key: 'holidays',
    value: [{ from: '2025-04-18', to: '2025-04-21', note: 'Easter' }],
    from: '2025-04-01',
  });
  return keel;
}

describe('Settings in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  it('every card of the area, the planned changes among them', async () => {
    const keel = await withPlannedChange();
    const { main, messages } = await openIn(PSEUDO, keel);
    expect(untranslatedText(main.querySelector('header') ?? main.querySelector('h1')!, ALLOWED)).toEqual([]);
    for (const id of MY_CARDS) {
      const card = await screen.findByRole('region', { name: messages[id] });
      expect({ id, left: untranslatedText(card, ALLOWED) }).toEqual({ id, left: [] });
    }
  });

  it('the save bar with unsaved changes, the leave guard, a field error, the zone suggestions', async () => {
    const keel = createTestKeel();
    const { main, messages, user } = await openIn(PSEUDO, keel);
    // An unsaved edit: the save bar names the cards.
    const monday = screen.getByLabelText(messages['settings.hours.startLabel'].replace('{day}', 'Monday'));
    fireEvent.change(monday, { target: { value: '08:00' } });
    const bar = await screen.findByRole('region', { name: messages['settings.saveBar.label'] });
    expect(untranslatedText(bar, ALLOWED)).toEqual([]);

    // Leaving asks first.
    await user.click(screen.getByRole('button', { name: catalogFor('en-XA')['app.nav.today'] }));
    const dialog = await screen.findByRole('dialog', { name: messages['settings.guard.title'] });
    expect(untranslatedText(dialog, ALLOWED)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: messages['settings.guard.stay'] }));

    // A field error: a long-day limit out of range.
    const limit = screen.getByRole('spinbutton', { name: messages['settings.signoff.limitLabel'] });
    fireEvent.change(limit, { target: { value: '30' } });
    await user.click(within(bar).getByRole('button', { name: messages['settings.saveBar.save'] }));
    const signoff = screen.getByRole('region', { name: messages['settings.signoff.title'] });
    await within(signoff).findByText(messages['settings.signoff.limitError']);
    expect(untranslatedText(signoff, ALLOWED)).toEqual([]);

    // The zone picker: suggestions for "Berl", then a search that finds nothing.
    const zone = screen.getByRole('combobox', { name: messages['settings.zone.label'] });
    await user.clear(zone);
    await user.type(zone, 'Berl');
    const list = await screen.findByRole('listbox', { name: messages['settings.zone.listLabel'] });
    expect(within(list).getAllByRole('option').length).toBeGreaterThan(0);
    const zoneCard = screen.getByRole('region', { name: messages['settings.zone.title'] });
    expect(untranslatedText(zoneCard, ALLOWED)).toEqual([]);
    await user.type(zone, 'qqq');
    await within(zoneCard).findByText(messages['settings.zone.none'].replace('{text}', 'Berlqqq'));
    expect(untranslatedText(zoneCard, ALLOWED)).toEqual([]);
    expect(untranslatedText(main.querySelector('.save-bar') as HTMLElement, ALLOWED)).toEqual([]);
  });
});

describe('Settings in German', SLOW, () => {
  it('says its cards in German, with German dates, times, weekdays and a plural', async () => {
    const keel = await withPlannedChange();
    await keel.call('settings:set', {
      key: 'holidays',
      value: [
        { from: '2025-04-18', to: '2025-04-21', note: 'Easter' },
        { from: '2025-05-01', to: '2025-05-01' },
        { from: '2025-05-29', to: '2025-05-29' },
        { from: '2025-06-09', to: '2025-06-09' },
        { from: '2025-12-24', to: '2025-12-26' },
      ],
      from: '2025-04-02',
    });
    const { main } = await openIn(GERMAN, keel);
    expect(within(main).getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Erscheinungsbild' })).toHaveTextContent('Dunkel');
    const hours = screen.getByRole('region', { name: 'Arbeitszeiten' });
    // The week starts on Monday in Germany; times are 24-hour.
    expect(within(hours).getAllByRole('group')[1]).toHaveAccessibleName('Montag');
    expect(hours).toHaveTextContent('22:00 bis 06:00 endet am nächsten Morgen');
    const planned = screen.getByRole('region', { name: 'Geplante Änderungen' });
    expect(planned).toHaveTextContent('Ab Mo., 1. Sept. 2025: Tagesgrenze 05:00');
    // Three ranges shown, then "2 weitere" (a plural), joined the German way.
    expect(planned).toHaveTextContent('und 2 weitere');
    expect(
      within(planned).getByRole('button', {
        name: 'Änderung (Tagesgrenze) ab Mo., 1. Sept. 2025 zurückziehen',
      }),
    ).toBeVisible();
    expect(screen.getByRole('region', { name: 'Feierabend' })).toHaveTextContent(
      'Grenze für lange Tage (Stunden)',
    );
    expect(screen.getByRole('region', { name: 'Check-ins' })).toHaveTextContent('Deine eigenen Tags');
  });
});
