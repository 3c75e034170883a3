import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../src-main/shared/i18n/catalog';
import { messagesFor } from '../../src-main/shared/i18n/intl';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel, type TestKeelOptions } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * The Focus view in other languages. The clock: Tuesday 11 March 2025, 08:40 in Berlin; the
 * default plan has blocks 09:00–11:00 and 14:00–16:00 on working days. In the pseudo-locale
 * every catalog message is bracketed, so whatever is left on screen was written some other way;
 * what the test put there (meeting titles, the file's name, an address, notes) and what Intl
 * wrote (dates, times, weekday names, numbers) is allowed by name.
 */

const SLOW = { timeout: 60_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };

/** A message in the locale under test. */
type Say = (id: MessageId, values?: Record<string, string | number>) => string;

/** User data and what Intl wrote. */
const ALLOWED: readonly (string | RegExp)[] = [
  'Keel',
  // Calendar event titles, the file's name and the user's address (user data).
  'Design review',
  'Standup',
  'Dentist',
  'Out of office',
  'Vacation',
  'work.ics',
  'ana@example.com',
  // The user's own lines.
  'Halfway through the parser',
  // Intl: "Mon, Mar 10", "Thu, Mar 13 – Fri, Mar 14", "Monday, Mar 10", weekday names.
  /^((Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Feb|Mar|Apr) \d{1,2})(\s–\s(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Feb|Mar|Apr) \d{1,2})?$/,
  /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(, (Mar|Apr) \d{1,2})?$/,
  // Durations as Intl writes them ("2 hr", "1 hr, 20 min").
  /^\d+ (hr|min)(, \d+ min)?$/,
  // Times and ranges of times ("09:00–11:00"), numbers.
  /^\d{2}:\d{2}(–\d{2}:\d{2})?$/,
  /^[\d.,\s]+$/,
];

/**
 * The pauses card's inner words are DateRangesCard's (Settings' shared component: "Add pause",
 * "From", "To", "Note (optional)"); the Focus view gives it only its title, description, empty
 * line and placeholder. Checked here: the card's own parts.
 */
function pausesOwnParts(main: HTMLElement, t: Say) {
  const pauses = within(main).getByRole('region', { name: t('focus.pauses.title') });
  expect(pauses).toHaveTextContent(t('focus.pauses.description'));
  expect(pauses).toHaveTextContent(t('focus.pauses.empty'));
  expect(within(pauses).getByPlaceholderText(t('focus.pauses.notePlaceholder'))).toBeVisible();
  return pauses;
}

/**
 * Everything on screen under `main` but Settings' shared components: the pauses card (see
 * pausesOwnParts) and the plan's "Applies from" choice (AppliesFrom).
 */
function untranslatedOutsidePauses(main: HTMLElement, pauses: HTMLElement): string[] {
  const copy = main.cloneNode(true) as HTMLElement;
  const all = [...main.querySelectorAll('*')];
  const appliesFrom = main.querySelector('.plan__when');
  expect(appliesFrom).not.toBeNull();
  const copies = [...copy.querySelectorAll('*')];
  for (const shared of [pauses, appliesFrom]) copies[all.indexOf(shared as Element)]?.remove();
  return untranslatedText(copy, ALLOWED);
}

/** An iCalendar file (Berlin local times or whole dates). */
function ics(events: { title: string; start: string; end: string; lines?: string[] }[]): string {
  const when = (name: string, value: string) =>
    value.length === 8 ? `${name};VALUE=DATE:${value}` : `${name};TZID=Europe/Berlin:${value}`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Keel tests//EN',
    ...events.flatMap((e, i) => [
      'BEGIN:VEVENT',
      `UID:event-${i}@keel.test`,
      'DTSTAMP:20250301T000000Z',
      when('DTSTART', e.start),
      when('DTEND', e.end),
      `SUMMARY:${e.title}`,
      ...(e.lines ?? []),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Meetings on today's blocks (one tentative, one out of office) and days off on Thursday and Friday. */
const CALENDAR = ics([
  { title: 'Design review', start: '20250311T093000', end: '20250311T100000', lines: ['STATUS:TENTATIVE'] },
  { title: 'Standup', start: '20250311T104500', end: '20250311T110000' },
  {
    title: 'Dentist',
    start: '20250311T143000',
    end: '20250311T153000',
    lines: ['X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
  },
  { title: 'Out of office', start: '20250313', end: '20250315', lines: ['X-MICROSOFT-CDO-BUSYSTATUS:OOF'] },
]);

/** A keel with last Monday's blocks (interruptions of two kinds) and the calendar imported. */
async function keelWithHistory(options: TestKeelOptions = {}): Promise<TestKeel> {
  const keel = createTestKeel({
    ...options,
    settings: { calendar: { addresses: ['ana@example.com'], tentative: 'warn' }, ...options.settings },
  });
  const monday = (time: string) => `2025-03-10T${time}:00+01:00`;
  await keel.at(monday('09:00'), () => keel.call('focus:start', { minutes: 120 }));
  await keel.at(monday('09:30'), () => keel.call('focus:interrupt', { kind: 'meeting' }));
  await keel.at(monday('10:10'), () => keel.call('focus:interrupt', { kind: 'chat' }));
  await keel.at(monday('10:20'), () => keel.call('focus:stop', {}));
  await keel.at(monday('10:21'), () => keel.call('focus:leaveOff', { text: 'Halfway through the parser' }));
  const file = keel.writeFile('work.ics', CALENDAR);
  keel.shell.nextChosenFile = file;
  await keel.call('calendar:import', {});
  keel.shell.nextChosenFile = null;
  return keel;
}

/** The app in `locale`, opened on Focus, once the now card, the week and the calendar are drawn. */
async function openIn(locale: ResolvedLocale, keel: TestKeel) {
  const { t } = messagesFor(locale);
  const utils = await renderApp(keel, { locale, ready: false });
  await utils.user.click(await screen.findByRole('button', { name: t('app.nav.focus') }));
  const main = document.querySelector('main') as HTMLElement;
  await within(main).findByRole('heading', { level: 1, name: t('focus.view.title') });
  const calendar = await within(main).findByRole('region', { name: t('focus.calendar.title') });
  await within(calendar).findByText(t('focus.calendar.file'));
  return { ...utils, main, calendar, t };
}

describe('Focus in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  it('the start card, today’s blocks with meetings, the week, the plan, pauses and the calendar with days off', async () => {
    const keel = await keelWithHistory();
    const { main, calendar, t } = await openIn(PSEUDO, keel);
    const week = within(main).getByRole('region', {
      name: t('focus.week.title', { week: 'this', date: '' }),
    });
    await within(week).findByRole('table');
    // The meetings on today's blocks, the days-off offer, the addresses.
    await waitFor(() => expect(main).toHaveTextContent('Design review'));
    expect(main).toHaveTextContent('Dentist');
    await within(calendar).findByRole('region', { name: t('focus.calendar.daysOff.title') });
    expect(within(calendar).getByText('ana@example.com')).toBeVisible();
    const pauses = pausesOwnParts(main, t);
    await waitFor(() => expect(untranslatedOutsidePauses(main, pauses)).toEqual([]));
  });

  it('a running block with where you left off, the interrupt dialog and its error, then the left-off prompt', async () => {
    const keel = await keelWithHistory();
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    const { main, user, t } = await openIn(PSEUDO, keel);
    const now = await within(main).findByRole('progressbar', { name: t('focus.now.progress.label') });
    expect(now).toHaveAttribute('aria-valuetext', expect.stringMatching(/^\[.*\]$/));
    expect(main).toHaveTextContent('Halfway through the parser');
    const pauses = pausesOwnParts(main, t);
    expect(untranslatedOutsidePauses(main, pauses)).toEqual([]);

    await user.click(within(main).getByRole('button', { name: t('focus.now.interrupted') }));
    const dialog = screen.getByRole('dialog', { name: t('focus.interrupt.title') });
    await user.click(within(dialog).getByRole('button', { name: t('focus.interrupt.save') }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(t('focus.interrupt.chooseKind'));
    // Its close button is the shared Dialog's (the app's chrome, translated there).
    expect(untranslatedText(dialog, [...ALLOWED, 'Close'])).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: t('focus.interrupt.cancel') }));

    await user.click(within(main).getByRole('button', { name: t('focus.now.endBlock') }));
    const prompt = await within(main).findByRole('region', { name: t('focus.leftOff.title') });
    await user.click(within(prompt).getByRole('button', { name: t('focus.leftOff.save') }));
    expect(within(prompt).getByRole('alert')).toHaveTextContent(t('focus.leftOff.empty'));
    expect(untranslatedOutsidePauses(main, pausesOwnParts(main, t))).toEqual([]);
  });

  it('previous weeks, and the plan editor with a refused block and unsaved changes', async () => {
    const keel = await keelWithHistory();
    const { main, user, t } = await openIn(PSEUDO, keel);
    const week = within(main).getByRole('region', {
      name: t('focus.week.title', { week: 'this', date: '' }),
    });
    await user.click(within(week).getByRole('button', { name: t('focus.week.previous') }));
    const last = await within(main).findByRole('region', {
      name: t('focus.week.title', { week: 'last', date: '' }),
    });
    await within(last).findByRole('table');
    await user.click(within(last).getByRole('button', { name: t('focus.week.previous') }));
    const older = await within(main).findByRole('region', { name: /Mon, Feb 24/ });
    await within(older).findByRole('table');

    const plan = within(main).getByRole('region', { name: t('focus.plan.title') });
    // Written in US English: the plan's week starts on Sunday.
    expect(plan.querySelector('.plan__day-name')).toHaveTextContent('Sunday');
    await user.click(within(plan).getByRole('button', { name: t('focus.plan.add.button') }));
    const end = within(plan).getByLabelText(t('focus.plan.add.end'));
    await user.clear(end);
    await user.type(end, '08:00');
    await user.click(within(plan).getByRole('button', { name: t('focus.plan.add.button') }));
    expect(within(plan).getByRole('alert')).toHaveTextContent(t('focus.plan.add.endAfterStart'));
    expect(within(plan).getByText(t('focus.plan.unsaved'))).toBeVisible();
    await waitFor(() => expect(untranslatedOutsidePauses(main, pausesOwnParts(main, t))).toEqual([]));
  });

  it('no calendar yet, a quiet week and no plan', async () => {
    const keel = createTestKeel({ settings: { focusPlan: [] } });
    const { t } = messagesFor(PSEUDO);
    const { user } = await renderApp(keel, { locale: PSEUDO, ready: false });
    await user.click(await screen.findByRole('button', { name: t('app.nav.focus') }));
    const main = document.querySelector('main') as HTMLElement;
    await within(main).findByText(t('focus.calendar.none'));
    await within(main).findByText(t('focus.blocks.none.title'));
    await within(main).findByRole('table');
    await waitFor(() => expect(untranslatedOutsidePauses(main, pausesOwnParts(main, t))).toEqual([]));
  });
});

/** Text as read, with Intl's thin and narrow no-break spaces as plain ones. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('Focus in German', SLOW, () => {
  it('speaks German with German dates, times, durations and weeks that start on Monday', async () => {
    const keel = await keelWithHistory();
    const { main, calendar } = await openIn(GERMAN, keel);
    expect(within(main).getByRole('heading', { level: 1, name: 'Fokus' })).toBeVisible();
    const start = within(main).getByRole('region', { name: 'Fokusblock starten' });
    expect(within(start).getByRole('button', { name: 'Block mit 25 Min. starten' })).toBeEnabled();
    expect(
      within(start).getByRole('button', { name: 'Bis zum nächsten Meeting oder Block' }),
    ).toHaveAccessibleDescription('„Bis zum nächsten Meeting oder Block“ würde um 09:00 enden.');

    const today = within(main).getByRole('region', { name: 'Heutige Blöcke' });
    await waitFor(() =>
      expect(today).toHaveTextContent('Überschneidet sich mit „Design review“ 09:30–10:00 (vorläufig)'),
    );
    expect(today).toHaveTextContent('Überschneidet sich mit „Dentist“ 14:30–15:30 (abwesend)');
    expect(within(today).getByRole('button', { name: 'Block 09:00–11:00 überspringen' })).toBeVisible();
    expect(today).toHaveTextContent('Anstehend');

    const week = within(main).getByRole('region', { name: 'Diese Woche' });
    expect(week).toHaveTextContent('Montag, 10. März bis Sonntag, 16. März.');
    const table = await within(week).findByRole('table', { name: 'Fokusminuten pro Tag diese Woche' });
    const monday = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(plain(within(monday).getByRole('rowheader').textContent)).toBe('Mo., 10. März');
    expect(
      within(monday)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', '1 Std., 20 Min.', '4 Std.']);
    expect(within(week).getByText('Diese Woche geschützt').nextElementSibling).toHaveTextContent(
      /^1 Std\., 20 Min\. · 20 Std\. geplant \(davon bisher 4 Std\.\)$/,
    );
    const kinds = within(week).getByText('Unterbrechungen').nextElementSibling as HTMLElement;
    expect(kinds).toHaveTextContent('Meeting 1');
    expect(kinds).toHaveTextContent('Störung 0');

    // The plan's week starts on Monday in Germany.
    const plan = within(main).getByRole('region', { name: 'Wochenplan' });
    expect(plan.querySelector('.plan__day-name')).toHaveTextContent('Montag');
    expect(within(plan).getByLabelText('Montag, Block 1, Beginn')).toHaveValue('09:00');
    expect(within(plan).getByRole('button', { name: 'Freitag, Block 2 entfernen' })).toBeVisible();

    expect(within(calendar).getByText('Zuletzt gelesen').nextElementSibling).toHaveTextContent(
      'heute um 08:40',
    );
    expect(within(calendar).getByText('Nächste vier Wochen').nextElementSibling).toHaveTextContent(
      /^\d+ Meetings$/,
    );
    const offer = within(calendar).getByRole('region', { name: 'Freie Tage aus deinem Kalender' });
    expect(
      within(offer)
        .getAllByRole('listitem')
        .map((li) => plain(li.textContent)),
    ).toEqual(['Do., 13. – Fr., 14. März (Out of office)']);
    expect(within(calendar).getByRole('radiogroup', { name: 'Vorläufige Meetings' })).toHaveTextContent(
      'Nicht warnen',
    );
  });

  it('counts interruptions in German, one and then more', async () => {
    const keel = await keelWithHistory();
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    const { main, user } = await openIn(GERMAN, keel);
    const now = within(main).getByRole('region', { name: 'Fokus bis 08:55' });
    expect(within(now).getByText('Noch 15 Min.')).toBeVisible();
    expect(now).toHaveTextContent('Hier hast du aufgehört: Halfway through the parser');
    expect(within(now).getByText('10 Min. geschützt · 0 Unterbrechungen')).toBeVisible();
    expect(within(now).getByRole('progressbar', { name: 'Zeit in diesem Block' })).toHaveAttribute(
      'aria-valuetext',
      '10 Min. von 25 Min.',
    );

    for (const [kind, count] of [
      ['Störung', '1 Unterbrechung'],
      ['Chat', '2 Unterbrechungen'],
    ] as const) {
      await user.click(within(now).getByRole('button', { name: 'Ich wurde unterbrochen' }));
      const dialog = screen.getByRole('dialog', { name: 'Was hat dich unterbrochen?' });
      await user.click(within(dialog).getByRole('radio', { name: kind }));
      await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(await within(now).findByText(`10 Min. geschützt · ${count}`)).toBeVisible();
    }
  });
});
