import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { catalogFor } from '../../src-main/shared/i18n/catalog';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel, type TestKeelOptions } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * The Check-ins view in other languages. The clock: Tuesday 11 March 2025, 08:40 in Berlin.
 * In the pseudo-locale every catalog message is bracketed, so whatever is left on screen was
 * written some other way; what the test put there (notes, a tag typed by the user, dates and
 * numbers) is allowed by name.
 */

const SLOW = { timeout: 30_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };
const FRENCH: ResolvedLocale = { messages: 'fr', format: 'fr-FR' };

type PastCheckIn = ChannelInput<'checkin:add'> & { at: string };

const FRIDAY: PastCheckIn = {
  at: '2025-03-07T16:05:00+01:00',
  workload: 4,
  energy: 2,
  sustainable: 'mostly',
  stretched: ['meetings', 'code-review'],
  note: 'Release week',
  shareable: false,
};
const MONDAY: PastCheckIn = {
  at: '2025-03-10T17:20:00+01:00',
  workload: 3,
  energy: 4,
  sustainable: 'yes',
  stretched: [],
  note: 'Calmer after the release',
  shareable: true,
};

/** User data and what the test put there: notes, the user's own tag, dates, numbers. */
const ALLOWED: readonly (string | RegExp)[] = [
  'Keel',
  'Release week',
  'Calmer after the release',
  'Code review',
  // Dates and times Intl wrote (a table's row headers): "Mon, Mar 3", "Thu, Feb 20".
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr) \d{1,2}$/,
  // Numbers: the ratings' marks, a table's cells, "–" for a week without data.
  /^[\d.,%–\s]+$/,
];

const ALL_ON = { checkins: { cadence: null, customTags: ['code-review'], burnout: true, who5: true } };

async function keelWith(past: PastCheckIn[], options: TestKeelOptions = {}): Promise<TestKeel> {
  const keel = createTestKeel(options);
  for (const { at, ...input } of past) await keel.at(at, () => keel.call('checkin:add', input));
  return keel;
}

/** The app in `locale`, opened on Check-ins, once the quick check and History are drawn. */
async function openIn(locale: ResolvedLocale, keel: TestKeel) {
  const messages = catalogFor(locale.messages);
  const utils = await renderApp(keel, { locale, ready: false });
  await utils.user.click(await screen.findByRole('button', { name: messages['app.nav.checkin'] }));
  await screen.findByRole('form', { name: messages['checkin.quick.formLabel'] });
  const main = document.querySelector('main') as HTMLElement;
  return { ...utils, main, messages };
}

describe('Check-ins in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  it('the quick check with its chips, History and Trends with their tables', async () => {
    const keel = await keelWith([FRIDAY, MONDAY], { settings: ALL_ON });
    const { main, messages } = await openIn(PSEUDO, keel);
    const history = await screen.findByRole('region', { name: messages['checkin.history.title'] });
    await within(history).findAllByRole('listitem');
    await screen.findByRole('table', { name: messages['checkin.trends.ratingsTitle'] });
    // The chips: the default tags and the user's own.
    expect(within(main).getByRole('checkbox', { name: messages['vocab.tag.meetings'] })).toBeInTheDocument();
    expect(within(main).getByRole('checkbox', { name: 'Code review' })).toBeInTheDocument();
    await waitFor(() => expect(untranslatedText(main, ALLOWED)).toEqual([]));
  });

  it('the WHO-5 due, then answered with its note; the burnout measure answered before', async () => {
    const keel = await keelWith([], { settings: ALL_ON });
    await keel.at('2025-03-09T10:00:00+01:00', () =>
      keel.call('checkin:questionnaire', { kind: 'burnout', answers: [2] }),
    );
    const { main, messages, user } = await openIn(PSEUDO, keel);
    const burnout = await screen.findByRole('region', { name: messages['checkin.burnout.title'] });
    expect(
      within(burnout).getByRole('button', { name: messages['checkin.questionnaire.takeAgain'] }),
    ).toBeVisible();
    const who5 = await screen.findByRole('region', { name: messages['who5.title'] });
    expect(within(who5).getByRole('group', { name: messages['who5.stem'] })).toBeInTheDocument();
    expect(untranslatedText(main, ALLOWED)).toEqual([]);

    // "At no time" for each statement: a score of 0, with the calm note and its resources.
    for (const group of within(who5).getAllByRole('radiogroup')) {
      const radios = within(group).getAllByRole('radio');
      await user.click(radios[radios.length - 1] as HTMLElement);
    }
    await user.click(within(who5).getByRole('button', { name: messages['checkin.questionnaire.seeScore'] }));
    await within(who5).findByRole('heading', { name: messages['checkin.questionnaire.lowTitle'] });
    expect(keel.callsTo('checkin:questionnaire')).toEqual([{ kind: 'who5', answers: [0, 0, 0, 0, 0] }]);
    expect(untranslatedText(main, ALLOWED)).toEqual([]);
  });
});

describe('Check-ins in German', SLOW, () => {
  it('asks the quick check in German and writes History’s dates the German way', async () => {
    const keel = await keelWith([FRIDAY, MONDAY]);
    const { main } = await openIn(GERMAN, keel);
    expect(within(main).getByRole('heading', { name: 'Check-ins' })).toBeInTheDocument();
    expect(within(main).getByRole('radiogroup', { name: 'Arbeitslast' })).toHaveTextContent('Viel');
    expect(
      within(main).getByRole('radiogroup', { name: 'Ist die Arbeitslast im Moment auf Dauer tragbar?' }),
    ).toHaveTextContent('Größtenteils');
    expect(
      within(main).getByText('Wöchentlich am Freitag um 16:00 – Keels Vorgabe', { exact: false }),
    ).toBeVisible();
    const history = await screen.findByRole('region', { name: 'Verlauf' });
    const headings = await within(history).findAllByRole('heading', { level: 4 });
    expect(headings.map((h) => h.textContent)).toEqual(['Mo., 10. März, 17:20', 'Fr., 7. März, 16:05']);
    expect(
      within(history).getByRole('button', { name: 'Check-in vom Fr., 7. März, 16:05 löschen' }),
    ).toBeVisible();
    expect(within(history).getByText('Code review')).toBeVisible();
    expect(within(history).getAllByText('Größtenteils')).not.toHaveLength(0);
    expect(await screen.findByText('2 Check-ins vom Mo., 17. Feb. bis Di., 11. März.')).toBeVisible();
  });

  it('shows the WHO-5 in its published German wording, and the burnout item in English with a note', async () => {
    const keel = await keelWith([], { settings: ALL_ON });
    await openIn(GERMAN, keel);
    const who5 = await screen.findByRole('region', { name: 'WHO-5-Fragebogen zum Wohlbefinden' });
    expect(within(who5).getByRole('group', { name: 'In den letzten zwei Wochen …' })).toBeVisible();
    expect(
      within(who5).getByRole('radiogroup', { name: '… war ich froh und guter Laune' }),
    ).toHaveTextContent('Die ganze Zeit');
    expect(within(who5).queryByText(/auf Englisch/)).toBeNull();
    expect(who5).toHaveTextContent('Deutsche Fassung');

    const burnout = screen.getByRole('region', { name: 'Burnout-Einzelfrage' });
    expect(burnout).toHaveTextContent(
      'Dieser Fragebogen wird auf Englisch gezeigt, weil Keel nur seine veröffentlichten Übersetzungen mitliefert.',
    );
    expect(
      within(burnout).getByRole('radiogroup', { name: /how would you rate your level of burnout/ }),
    ).toHaveTextContent('I enjoy my work. I have no symptoms of burnout.');
    expect(within(burnout).getByRole('button', { name: 'Meinen Wert zeigen' })).toBeVisible();
  });
});

describe('Check-ins in French: no published WHO-5 found', SLOW, () => {
  it('shows the English items and says why, in French', async () => {
    const keel = await keelWith([], { settings: ALL_ON });
    await openIn(FRENCH, keel);
    const who5 = await screen.findByRole('region', { name: 'WHO-5 Well-Being Index' });
    expect(who5).toHaveTextContent(
      'Le WHO-5 est présenté en anglais, car Keel ne fournit que ses traductions publiées.',
    );
    expect(
      within(who5).getByRole('radiogroup', { name: 'I have felt cheerful and in good spirits' }),
    ).toBeVisible();
    expect(within(who5).getByRole('button', { name: 'Voir mon score' })).toBeVisible();
  });
});
