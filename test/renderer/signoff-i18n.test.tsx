import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { catalogFor } from '../../src-main/shared/i18n/catalog';
import { creepSummaryIn } from '../../src-main/shared/i18n/creep-summary';
import { messagesFor } from '../../src-main/shared/i18n/intl';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { useWeeklyUpdate } from '../../src-renderer/stores/weeklyUpdate';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * Sign-off and Today's sign-off and recap cards in other languages. Berlin, hours 09:00–17:30 on
 * weekdays. In the pseudo-locale every catalog message is bracketed, so whatever is left on
 * screen was written some other way; what the test typed (the ritual's words) and what main
 * sends (the creep summary, the recap's figures) are allowed by name.
 */

const SLOW = { timeout: 60_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE', hourCycle: 'h23' };

const RECORD: ChannelInput<'signoff:submit'> = {
  done: 'Release notes',
  unfinished: [
    { item: 'Review Sam’s PR', plan: 'First thing, before stand-up' },
    { item: 'Migration for old rows', plan: 'After lunch' },
  ],
  firstTomorrow: 'Answer the design review',
  energy: 4,
  quiet: true,
};

/** What the test typed, and numbers and times Intl wrote outside a message (a table's cells). */
const ALLOWED: readonly (string | RegExp)[] = [
  'Keel',
  'Release notes',
  'Review Sam’s PR',
  'First thing, before stand-up',
  'Migration for old rows',
  'After lunch',
  'Answer the design review',
  // A table's row headers ("Mon, Mar 3") and cells ("17:40", "3", "–").
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr) \d{1,2}$/,
  /^[\d:.,–\s]+$/,
];

/** A keel at `now` whose sign-off at `at` left two unfinished things (and a first thing). */
async function afterSignoff(now: string, at: string): Promise<TestKeel> {
  const keel = createTestKeel({ now });
  keel.power.idle = Infinity;
  await keel.at(at, () => keel.call('signoff:submit', RECORD));
  return keel;
}

/** Presence on each date: first active at 09:00, last active this many minutes after midnight. */
async function history(keel: TestKeel, lastActive: Record<string, number>): Promise<void> {
  for (const [date, last] of Object.entries(lastActive)) {
    const midnight = Date.parse(`${date}T00:00:00+01:00`);
    await keel.at(midnight + 9 * 3_600_000, () => keel.services.signoff.samplePresence(0));
    await keel.at(midnight + last * 60_000, () => keel.services.signoff.samplePresence(0));
  }
}

/** The app in `locale`, opened on Sign-off. */
async function openSignoff(locale: ResolvedLocale, keel: TestKeel) {
  const messages = catalogFor(locale.messages);
  const utils = await renderApp(keel, { locale, ready: false });
  await utils.user.click(await screen.findByRole('button', { name: messages['app.nav.signoff'] }));
  const creep = await screen.findByRole('region', { name: messages['signoff.creep.title'] });
  const main = document.querySelector('main') as HTMLElement;
  return { ...utils, main, messages, creep };
}

async function advanceTo(keel: TestKeel, iso: string) {
  await act(async () => {
    keel.clock.advanceTo(Date.parse(iso));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Sign-off in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  it('the ritual form with carried-over things, a full list, and the evening creep card with its chart', async () => {
    // Monday signed off; Tuesday evening, with weeks of late evenings behind it.
    const keel = await afterSignoff('2025-03-11T17:42:00+01:00', '2025-03-10T17:30:00+01:00');
    await history(keel, {
      '2025-02-17': 17 * 60 + 30,
      '2025-02-24': 18 * 60 + 40,
      '2025-02-26': 25 * 60,
      '2025-03-04': 24 * 60 + 30,
      '2025-03-08': 12 * 60,
    });
    const { main, messages, user, creep } = await openSignoff(PSEUDO, keel);
    const form = await screen.findByRole('form', { name: messages['signoff.ritual.formLabel'] });
    expect(within(form).getByDisplayValue('Migration for old rows')).toBeInTheDocument();
    await within(creep).findByRole('table', { name: messages['signoff.creep.chart.title'] });
    // Fill the list to the most Keel keeps, so the "full" note shows.
    const add = within(form).getByRole('button', { name: messages['signoff.ritual.add'] });
    for (let i = 0; i < 8; i++) await user.click(add);
    expect(add).toBeDisabled();
    const left = untranslatedText(main, ALLOWED);
    expect(left).toEqual([]);
  });

  it('the suggestion banner and the day card while a suggestion waits', async () => {
    const keel = createTestKeel({ now: '2025-03-11T17:42:00+01:00' });
    keel.power.idle = 0;
    await keel.at('2025-03-11T08:52:00+01:00', () => keel.services.signoff.samplePresence(0));
    const { main, messages } = await openSignoff(PSEUDO, keel);
    await screen.findByRole('region', { name: messages['signoff.suggestion.title'] });
    expect(untranslatedText(main, ALLOWED)).toEqual([]);
  });

  it('a signed-off Friday: when, what was saved, quiet until Monday, and the weekly update’s offer', async () => {
    const keel = createTestKeel({ now: '2025-03-14T17:42:00+01:00' });
    keel.power.idle = Infinity;
    await keel.at('2025-03-14T17:42:00+01:00', () => keel.call('signoff:submit', RECORD));
    const { main, messages } = await openSignoff(PSEUDO, keel);
    await screen.findByRole('button', { name: messages['signoff.signed.editLabel'] });
    const card = document.querySelector('.signed-off') as HTMLElement;
    expect(within(card).getByText(messages['signoff.signed.energy'])).toBeInTheDocument();
    await within(card).findByRole('button', { name: messages['signoff.update.draft'] });
    // The week's label in the offer ("Mar 10 – 14") is main's.
    const offer = useWeeklyUpdate.getState().offer?.label;
    expect(offer).toBeTruthy();
    const left = untranslatedText(main, ALLOWED);
    expect(left.filter((piece) => piece !== offer)).toEqual([]);
  });
});

describe('Today’s sign-off cards in the pseudo-locale', SLOW, () => {
  it('after hours: the inline sign-off, then the signed-off note', async () => {
    const keel = createTestKeel({ now: '2025-03-11T17:20:00+01:00' });
    const messages = catalogFor(PSEUDO.messages);
    const { user } = await renderApp(keel, { locale: PSEUDO });
    await advanceTo(keel, '2025-03-11T17:31:00+01:00');
    // Only the sign-off's own cards: the rest of Today (timeline, zone) is another area's.
    const after = await screen.findByRole('region', { name: messages['today.signoff.afterHours'] });
    const ritual = screen.getByRole('region', { name: messages['signoff.ritual.title'] });
    expect(untranslatedText(after, ALLOWED)).toEqual([]);
    expect(untranslatedText(ritual, ALLOWED)).toEqual([]);
    const form = within(ritual).getByRole('form', { name: messages['signoff.ritual.formLabel'] });
    await user.click(within(form).getByRole('button', { name: messages['signoff.ritual.signOff'] }));
    await screen.findByRole('button', { name: messages['today.signoff.open'] });
    const note = document.querySelector('.today-signoff') as HTMLElement;
    expect(note).not.toBeNull();
    expect(untranslatedText(note, ALLOWED)).toEqual([]);
  });

  it('on Monday: last week’s recap and what Friday’s sign-off left for today', async () => {
    const keel = await afterSignoff('2025-03-17T09:30:00+01:00', '2025-03-14T17:30:00+01:00');
    const messages = catalogFor(PSEUDO.messages);
    await renderApp(keel, { locale: PSEUDO });
    const recap = await screen.findByRole('region', { name: messages['today.recap.title'] });
    await screen.findByRole('region', { name: messages['today.signoff.firstThing'] });
    // The recap's figures and how each was counted are main's sentences.
    const fromMain = [...recap.querySelectorAll('.recap__value, .recap__change, .recap__how p')].map(
      (el) => el.textContent ?? '',
    );
    expect(fromMain.length).toBeGreaterThan(0);
    const main = document.querySelector('main') as HTMLElement;
    expect(untranslatedText(recap, fromMain)).toEqual([]);
    expect(untranslatedText(main.querySelector('.first-thing') as Element, ALLOWED)).toEqual([]);
  });
});

describe('Sign-off in German', SLOW, () => {
  it('the ritual with carried-over things, a German date, and the creep card’s weeks', async () => {
    const keel = await afterSignoff('2025-03-11T17:42:00+01:00', '2025-03-10T17:30:00+01:00');
    // Two evenings of the week before ran late (till 19:00 and 19:30), with no sign-off.
    await history(keel, { '2025-03-03': 19 * 60, '2025-03-04': 19 * 60 + 30 });
    const { creep } = await openSignoff(GERMAN, keel);
    const form = await screen.findByRole('region', { name: 'Den Tag abschließen' });
    expect(
      within(form).getByText(/Was am Montag, 10\. März unerledigt war, ist eingetragen/),
    ).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Unerledigte Aufgabe 2' })).toHaveValue(
      'Migration for old rows',
    );
    expect(within(form).getByRole('button', { name: 'Feierabend machen' })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Gut/ })).toBeInTheDocument();
    expect(within(creep).getByRole('radio', { name: '4 Wochen' })).toBeChecked();
    // The card's kind sentences about the counts, in German (main sends only the counts).
    const counts = keel.services.signoff.creep(4);
    const said = await within(creep).findByText(creepSummaryIn(messagesFor(GERMAN).t, counts));
    expect(said.textContent).toMatch(/^An 2 Abenden wurde es spät\. 2 Arbeitstage endeten ohne Feierabend\./);
    expect(screen.getByRole('heading', { level: 1, name: 'Feierabend' })).toBeInTheDocument();
    expect(screen.getByText('Die Arbeitszeit endet um 17:30.')).toBeInTheDocument();
  });

  it('a signed-off day: German time, weekday and energy word', async () => {
    const keel = createTestKeel({ now: '2025-03-11T17:42:00+01:00' });
    keel.power.idle = Infinity;
    await keel.at('2025-03-11T17:42:00+01:00', () => keel.call('signoff:submit', RECORD));
    await openSignoff(GERMAN, keel);
    const card = await screen.findByRole('region', { name: /Feierabend um/ });
    expect(card).toHaveTextContent('Der Rest des Tages gehört dir.');
    expect(card).toHaveTextContent(/Ruhe bis Mi\.? 09:00: Bis dahin hält Keel seine Hinweise zurück\./);
    expect(within(card).getByText('Energie').nextElementSibling).toHaveTextContent('4 · Gut');
  });

  it('Today the next morning: what yesterday’s sign-off left, as a German plural', async () => {
    const keel = await afterSignoff('2025-03-12T09:30:00+01:00', '2025-03-11T17:30:00+01:00');
    await renderApp(keel, { locale: GERMAN });
    const card = await screen.findByRole('region', { name: 'Als Erstes heute' });
    expect(card).toHaveTextContent('Aus deinem Feierabend gestern');
    expect(within(card).getByText('2 unerledigte Aufgaben')).toBeInTheDocument();
  });
});
