import fs from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import type { CalendarParseRequest, CalendarParserPort } from '../../src-main/services/ports';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/*
 * The Focus view's calendar card and block meetings on the real handlers: a calendar file is
 * imported as the open dialog would choose it, and what the window shows and saves is checked
 * against the services. The clock: Tuesday, March 11 2025, 08:40 in Berlin; the default plan has
 * blocks 09:00–11:00 and 14:00–16:00 on working days (Monday to Friday).
 */

/** One VEVENT's lines; `start`/`end` are local Berlin times ("20250311T093000") or dates ("20250314"). */
interface EventSpec {
  title: string;
  start: string;
  end: string;
  /** Extra content lines, e.g. "STATUS:TENTATIVE". */
  lines?: string[];
}

function when(name: 'DTSTART' | 'DTEND', value: string): string {
  return value.length === 8 ? `${name};VALUE=DATE:${value}` : `${name};TZID=Europe/Berlin:${value}`;
}

/** An iCalendar file with these events (CRLF line ends, as calendar apps write them). */
function ics(events: EventSpec[], extra: string[] = []): string {
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
    ...extra,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Imports `content` as the calendar file `name`, as if chosen in the open dialog. */
async function importCalendar(keel: TestKeel, name: string, content: string): Promise<string> {
  const file = keel.writeFile(name, content);
  keel.shell.nextChosenFile = file;
  await keel.call('calendar:import', {});
  keel.shell.nextChosenFile = null;
  return file;
}

async function openFocus(keel: TestKeel) {
  const utils = renderView('focus', keel);
  await screen.findByRole('region', { name: /Start a focus block|Focus until/ });
  const card = screen.getByRole('region', { name: 'Calendar' });
  await within(card).findByText(/^\d+ meetings?$/);
  return { ...utils, card };
}

/** Today's block that starts at `time`, as a list item. */
function block(time: string): HTMLElement {
  const today = screen.getByRole('region', { name: 'Today’s blocks' });
  const item = within(today)
    .getAllByRole('listitem')
    .find((li) => li.parentElement?.className === 'blocks' && li.textContent?.startsWith(time));
  if (!item) throw new Error(`No block at ${time}`);
  return item;
}

describe('Calendar card: status', () => {
  it('shows the file, the meetings ahead, when it was read, and each note as a plain line', async () => {
    const keel = createTestKeel();
    await importCalendar(
      keel,
      'work.ics',
      ics([
        { title: 'Planning', start: '20250311T130000', end: '20250311T133000' },
        { title: 'Retro', start: '20250312T150000', end: '20250312T160000' },
        { title: 'Broken', start: 'not-a-date', end: '20250312T160000' },
      ]),
    );
    const { card } = await openFocus(keel);
    expect(within(card).getByText('work.ics')).toBeInTheDocument();
    expect(within(card).getByText('2 meetings')).toBeInTheDocument();
    expect(within(card).getByText('today at 08:40')).toBeInTheDocument();
    const note = within(card).getByText('1 event could not be read and was skipped.');
    expect(note.tagName).toBe('P');
    // A note is not an error: the card raises no alert for it.
    expect(within(card).queryByRole('alert')).toBeNull();
  });

  it('says Keel keeps what it read before when the file can no longer be read', async () => {
    const keel = createTestKeel();
    const file = await importCalendar(
      keel,
      'team.ics',
      ics([{ title: 'Demo', start: '20250311T150000', end: '20250311T153000' }]),
    );
    // Gone since: start-up cannot read it again.
    fs.rmSync(file);
    const { card } = await openFocus(keel);
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Keel could not find the calendar file; it may have been moved or deleted. Keel keeps using the meetings it read before.',
    );
    expect(within(card).getByText('1 meeting')).toBeInTheDocument();
  });
});

/** Reads as the app does, but while `hold` is on each read waits until `release()`. */
class HeldParser implements CalendarParserPort {
  hold = false;
  private readonly inner = new InProcessCalendarParser();
  private readonly waiting: (() => void)[] = [];

  async parse(request: CalendarParseRequest) {
    if (this.hold) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.inner.parse(request);
  }

  release(): void {
    this.hold = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

describe('Calendar card: reading', () => {
  it('says "Reading…" while the file is read again, then when it was read', async () => {
    const parser = new HeldParser();
    const keel = createTestKeel({ calendarParser: parser });
    await importCalendar(
      keel,
      'work.ics',
      ics([{ title: 'Planning', start: '20250311T130000', end: '20250311T133000' }]),
    );
    const { user, card } = await openFocus(keel);
    const lastRead = within(card).getByText('today at 08:40');

    // New addresses mean reading the file again (in the background).
    parser.hold = true;
    await user.type(within(card).getByRole('textbox', { name: 'Email address' }), 'ana@example.com{Enter}');
    await waitFor(() => expect(lastRead).toHaveTextContent('Reading…'));
    // The card stays usable meanwhile.
    expect(within(card).getByRole('radio', { name: 'Don’t warn' })).toBeEnabled();

    keel.clock.advanceBy(60_000);
    parser.release();
    await waitFor(() => expect(lastRead).toHaveTextContent('today at 08:41'));
  });
});

describe('Calendar card: your addresses', () => {
  it('shows the sentence for a bad address next to the field and saves nothing', async () => {
    const keel = createTestKeel();
    await importCalendar(keel, 'work.ics', ics([]));
    const { user, card } = await openFocus(keel);
    const field = within(card).getByRole('textbox', { name: 'Email address' });

    await user.type(field, 'ana at example{Enter}');
    const error = await within(card).findByText('Write each address like ana@example.com.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Write each address like ana@example.com.'),
    );
    expect(error).toHaveAttribute('role', 'alert');
    expect(keel.services.settings.get().calendar).toEqual({ addresses: [], tentative: 'warn' });
    expect(field).toHaveValue('ana at example');
    expect(field).toHaveFocus();

    // Typing again clears the sentence.
    await user.clear(field);
    expect(within(card).queryByText('Write each address like ana@example.com.')).toBeNull();
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('adds with Enter or the button, refuses a repeat, and removes each', async () => {
    const keel = createTestKeel();
    await importCalendar(keel, 'work.ics', ics([]));
    const { user, card } = await openFocus(keel);
    const field = within(card).getByRole('textbox', { name: 'Email address' });
    expect(within(card).getByText(/No addresses yet/)).toBeInTheDocument();

    await user.type(field, ' mailto:Ana@Example.com {Enter}');
    const list = await within(card).findByRole('list', { name: 'Your addresses' });
    expect(within(list).getByText('ana@example.com')).toBeInTheDocument();
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();

    await user.type(field, 'ana.b@work.example');
    await user.click(within(card).getByRole('button', { name: 'Add address' }));
    await waitFor(() =>
      expect(keel.services.settings.get().calendar.addresses).toEqual([
        'ana@example.com',
        'ana.b@work.example',
      ]),
    );
    expect(field).toHaveFocus();

    const calls = keel.callsTo('settings:set').length;
    await user.type(field, 'ANA@example.com{Enter}');
    expect(within(card).getByText('That address is already in the list.')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toHaveLength(calls);
    await user.clear(field);

    await user.click(within(card).getByRole('button', { name: 'Remove ana@example.com' }));
    await waitFor(() =>
      expect(keel.services.settings.get().calendar.addresses).toEqual(['ana.b@work.example']),
    );
    // The next address's Remove takes focus; after the last one, the field.
    expect(within(card).getByRole('button', { name: 'Remove ana.b@work.example' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(keel.services.settings.get().calendar.addresses).toEqual([]));
    await waitFor(() => expect(field).toHaveFocus());
  });

  it('an invitation you declined stops warning once your address is known', async () => {
    const keel = createTestKeel();
    await importCalendar(
      keel,
      'work.ics',
      ics([
        {
          title: 'Planning',
          start: '20250311T100000',
          end: '20250311T103000',
          lines: ['ORGANIZER:mailto:boss@example.com', 'ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com'],
        },
      ]),
    );
    const { user, card } = await openFocus(keel);
    await waitFor(() => expect(block('09:00')).toHaveTextContent('Overlaps “Planning” 10:00–10:30'));

    await user.type(within(card).getByRole('textbox', { name: 'Email address' }), 'ana@example.com{Enter}');
    await waitFor(() => expect(block('09:00')).not.toHaveTextContent('Planning'));
    await waitFor(() => expect(within(card).getByText('0 meetings')).toBeInTheDocument());
  });
});

describe('Calendar card: tentative meetings', () => {
  const calendar = ics([
    { title: 'Design review', start: '20250311T093000', end: '20250311T100000', lines: ['STATUS:TENTATIVE'] },
    { title: 'Standup', start: '20250311T104500', end: '20250311T110000' },
    {
      title: 'Dentist',
      start: '20250311T143000',
      end: '20250311T153000',
      lines: ['X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
    },
  ]);

  it('marks tentative and out-of-office meetings on their blocks', async () => {
    const keel = createTestKeel();
    await importCalendar(keel, 'work.ics', calendar);
    await openFocus(keel);
    await waitFor(() =>
      expect(block('09:00')).toHaveTextContent('Overlaps “Design review” 09:30–10:00 (tentative)'),
    );
    expect(block('09:00')).toHaveTextContent('Overlaps “Standup” 10:45–11:00');
    expect(block('09:00')).not.toHaveTextContent('Standup” 10:45–11:00 (');
    expect(block('14:00')).toHaveTextContent('Overlaps “Dentist” 14:30–15:30 (out of office)');
  });

  it('"Don’t warn" keeps tentative meetings on the blocks, marked as not warning; "Warn" warns again', async () => {
    const keel = createTestKeel();
    await importCalendar(keel, 'work.ics', calendar);
    const { user, card } = await openFocus(keel);
    const group = within(card).getByRole('radiogroup', { name: 'Tentative meetings' });
    expect(within(group).getByRole('radio', { name: 'Warn' })).toHaveAttribute('aria-checked', 'true');
    await waitFor(() => expect(block('09:00')).toHaveTextContent('Design review'));

    await user.click(within(group).getByRole('radio', { name: 'Don’t warn' }));
    await waitFor(() => expect(keel.services.settings.get().calendar.tentative).toBe('ignore'));
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'calendar', value: { addresses: [], tentative: 'ignore' } },
    ]);
    await waitFor(() =>
      expect(block('09:00')).toHaveTextContent(
        'Overlaps “Design review” 09:30–10:00 (tentative, no warning)',
      ),
    );
    expect(block('09:00')).toHaveTextContent('Overlaps “Standup” 10:45–11:00');
    expect(within(group).getByRole('radio', { name: 'Don’t warn' })).toHaveAttribute('aria-checked', 'true');

    // From the keyboard: the arrow moves and chooses.
    await user.keyboard('{ArrowLeft}');
    await waitFor(() => expect(keel.services.settings.get().calendar.tentative).toBe('warn'));
    await waitFor(() =>
      expect(block('09:00')).toHaveTextContent('Overlaps “Design review” 09:30–10:00 (tentative)'),
    );
  });
});

describe('Calendar card: days off from the calendar', () => {
  // Thu 13 and Fri 14 out of office (Outlook's OOF); a vacation from Saturday 15 to Tuesday 18,
  // of which only Monday and Tuesday are working days; a conference on Monday 17 too.
  const calendar = ics([
    {
      title: 'Out of office',
      start: '20250313',
      end: '20250315',
      lines: ['X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
    },
    { title: 'Vacation', start: '20250315', end: '20250319', lines: ['TRANSP:TRANSPARENT'] },
    { title: 'Team offsite', start: '20250320', end: '20250321' },
  ]);

  it('adds the days as holidays from today, one range per run of dates, with the title as note', async () => {
    const keel = createTestKeel({
      settings: { holidays: [{ from: '2025-04-18', to: '2025-04-21', note: 'Easter' }] },
    });
    await importCalendar(keel, 'work.ics', calendar);
    const { user, card } = await openFocus(keel);
    const offer = await within(card).findByRole('region', { name: 'Days off from your calendar' });
    expect(offer).toHaveTextContent('Your calendar shows you away on these working days:');
    expect(
      within(offer)
        .getAllByRole('listitem')
        // Intl's ranges put thin spaces around the dash.
        .map((li) => li.textContent?.replace(/\u2009/g, ' ')),
    ).toEqual(['Thu, Mar 13 – Fri, Mar 14 (Out of office)', 'Mon, Mar 17 – Tue, Mar 18 (Vacation)']);

    await user.click(within(offer).getByRole('button', { name: 'Add as days off' }));
    await waitFor(() =>
      expect(keel.services.settings.get().holidays).toEqual([
        { from: '2025-03-13', to: '2025-03-14', note: 'Out of office' },
        { from: '2025-03-17', to: '2025-03-18', note: 'Vacation' },
        { from: '2025-04-18', to: '2025-04-21', note: 'Easter' },
      ]),
    );
    // From today: main's default, no date sent.
    expect(keel.callsTo('settings:set')).toEqual([
      {
        key: 'holidays',
        value: [
          { from: '2025-03-13', to: '2025-03-14', note: 'Out of office' },
          { from: '2025-03-17', to: '2025-03-18', note: 'Vacation' },
          { from: '2025-04-18', to: '2025-04-21', note: 'Easter' },
        ],
      },
    ]);
    await waitFor(() =>
      expect(within(card).queryByRole('region', { name: 'Days off from your calendar' })).toBeNull(),
    );
    const added = within(card).getByText(/^Added to your holidays:/);
    expect(added).toHaveTextContent(
      'Added to your holidays: Thu, Mar 13 – Fri, Mar 14 (Out of office) and Mon, Mar 17 – Tue, Mar 18 (Vacation).',
    );
    expect(added).toHaveFocus();
    // Main no longer offers them: they are days off now.
    expect((await keel.call('calendar:status', {})).daysOff).toEqual([]);
  });

  it('keeps the offer with main’s sentence when the holidays cannot take them', async () => {
    // 199 one-day holidays in 2026: two more ranges would pass the 200 Keel keeps.
    const full = Array.from({ length: 199 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      return { from: date, to: date };
    });
    const keel = createTestKeel({ settings: { holidays: full } });
    await importCalendar(keel, 'work.ics', calendar);
    const { user, card } = await openFocus(keel);
    const offer = await within(card).findByRole('region', { name: 'Days off from your calendar' });
    const add = within(offer).getByRole('button', { name: 'Add as days off' });
    await user.click(add);
    expect(await within(offer).findByRole('alert')).toHaveTextContent('Keel keeps at most 200 holidays.');
    expect(add).toHaveAccessibleDescription('Keel keeps at most 200 holidays.');
    expect(keel.services.settings.get().holidays).toHaveLength(199);
    expect(within(card).queryByText(/^Added to your holidays/)).toBeNull();
  });

  it('"Not now" sets the offer aside for the session, saving nothing', async () => {
    const keel = createTestKeel();
    await importCalendar(keel, 'work.ics', calendar);
    const { user } = await renderApp(keel);
    await user.click(navItem('Focus'));
    const card = await screen.findByRole('region', { name: 'Calendar' });
    const offer = await within(card).findByRole('region', { name: 'Days off from your calendar' });
    await user.click(within(offer).getByRole('button', { name: 'Not now' }));
    expect(within(card).queryByRole('region', { name: 'Days off from your calendar' })).toBeNull();
    expect(within(card).getByRole('heading', { name: 'Your addresses' })).toHaveFocus();
    expect(keel.callsTo('settings:set')).toEqual([]);

    // Away and back: still set aside.
    await user.click(navItem('Today'));
    await user.click(navItem('Focus'));
    const again = await screen.findByRole('region', { name: 'Calendar' });
    await within(again).findByText('work.ics');
    expect(within(again).queryByRole('region', { name: 'Days off from your calendar' })).toBeNull();
  });
});
