import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occurrenceId } from '../../src-main/core/focus-plan';
import { addLocalDays, instantAt, weekdayOf, type LocalDate } from '../../src-main/core/time';
import { openDatabase } from '../../src-main/storage/database';
import { FocusRepo } from '../../src-main/storage/focus-repo';
import { databasePath } from '../../src-main/storage/paths';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import { openPreviewSession, screenshotBoth, type PreviewSession } from './preview-server';

/**
 * Numbers you can trust (#14), end to end in the preview: five weeks of history up to Friday
 * 27 November 2026, opened on Monday 30 November at 10:00 in Berlin (UTC+1) with the default
 * rules (09:00–17:30 on weekdays, focus blocks 09:00–11:00 and 14:00–16:00).
 * A holiday added afterwards for 26–27 Nov takes those days out of the plan; Monday's hours
 * changed from today leave the Mondays before them as they were counted.
 */
let session: PreviewSession;
let page: Page;

const zone = 'Europe/Berlin';
const FIRST = '2026-10-26'; // a Monday, five weeks before the last day of history
const LAST = '2026-11-27';
/** Thursday and Friday: a holiday added later, so nobody worked. */
const HOLIDAY = ['2026-11-26', '2026-11-27'];
/** The one workday without a sign-off. */
const UNSIGNED = '2026-11-11';

/** When each workday ended: Mondays at 17:45 (late only if they had ended at 17:00). */
function endOf(date: LocalDate, week: number): string {
  switch (weekdayOf(date)) {
    case 'mon':
      return '17:45';
    case 'tue':
      return ['17:35', '18:15', '17:40', '18:40', '17:30'][week] as string; // two late evenings
    case 'wed':
      return '17:20';
    case 'thu':
      return week % 2 === 1 ? '17:55' : '17:10';
    default:
      return '16:45';
  }
}

/** Presence, sign-offs and focus sessions, as Keel would have recorded them. */
function seedHistory(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  const workdays = new WorkdayRepo(db);
  const focus = new FocusRepo(db);
  const block = (date: LocalDate, start: string, end: string, ranUntil: string) => {
    const s = focus.start({
      kind: 'planned',
      occurrenceId: occurrenceId(date, start),
      startedAt: instantAt(date, start, zone),
      plannedEnd: instantAt(date, end, zone),
      localDate: date,
      zone,
    });
    focus.end(s.id, instantAt(date, ranUntil, zone), ranUntil === end ? 'completed' : 'stopped');
    return s.id;
  };
  for (let date = FIRST, i = 0; date <= LAST; date = addLocalDays(date, 1), i++) {
    const weekday = weekdayOf(date);
    if (weekday === 'sat' || weekday === 'sun' || HOLIDAY.includes(date)) continue;
    const end = endOf(date, Math.floor(i / 7));
    workdays.recordPresence(date, zone, instantAt(date, '08:50', zone));
    workdays.recordPresence(date, zone, instantAt(date, end, zone));
    if (date !== UNSIGNED) {
      const record = { done: '', unfinished: [], firstTomorrow: null, energy: 3, quietUntil: null };
      workdays.signOff(date, zone, { ...record, signedOffAt: instantAt(date, end, zone) }, true);
    }
    const morning = block(date, '09:00', '11:00', '11:00');
    if (weekday === 'tue' || weekday === 'thu') block(date, '14:00', '16:00', '15:30');
    if (date === '2026-11-18') focus.interrupt(morning, instantAt(date, '10:10', zone), 'chat', null, date);
    if (date === '2026-11-23')
      focus.interrupt(morning, instantAt(date, '09:30', zone), 'meeting', null, date);
  }
  db.close();
}

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'numbers',
    testClock: '2026-11-30T10:00:00+01:00',
    seed: seedHistory,
  });
  ({ page } = session);
  // The views scroll inside the window: a tall viewport shows all of one, top first.
  await page.setViewportSize({ width: 1180, height: 1400 });
});

afterAll(async () => {
  await session?.close();
});

async function open(label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
}

/** Scrolls the view so `section` is at the top of the window, for a screenshot of it. */
async function bringToTop(section: ReturnType<Page['getByRole']>): Promise<void> {
  await section.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    let scroller = el.parentElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
    scroller?.scrollBy(0, -24);
  });
}

const markdown = () => page.getByLabel('Summary as Markdown');

/** The One-on-one view's summary for 16–27 Nov with only "Focus time" ticked. */
async function focusSummary(): Promise<string> {
  await open('One-on-one');
  await page.getByRole('radio', { name: 'Custom' }).check();
  await page.getByLabel('From', { exact: true }).fill('2026-11-16');
  await page.getByLabel('To', { exact: true }).fill('2026-11-27');
  const sections = page.getByRole('group', { name: 'Sections' });
  for (const box of await sections.getByRole('checkbox').all()) await box.uncheck();
  await sections.getByRole('checkbox', { name: 'Focus time' }).check();
  await expect
    .poll(async () => (await markdown().textContent()) ?? '')
    .toMatch(/^Period: 16 – 27 November 2026 · [^]*## Focus time\n\n- Planned:/m);
  return (await markdown().textContent()) ?? '';
}

/** The creep card's count of evenings that ran late, as the window shows it. */
async function lateEvenings(): Promise<string> {
  const card = page.getByRole('region', { name: 'Working later than planned' });
  await card.getByText('Evenings that ran late').waitFor();
  const fact = card.locator('.creep__fact', { hasText: 'Evenings that ran late' });
  return ((await fact.locator('dd').first().textContent()) ?? '').trim();
}

/** One day of the creep figures through the window's API (what `keel day` reads too). */
async function creepDay(date: string): Promise<{ endOfHours: string | null; late: boolean }> {
  const creep = await page.evaluate(async () => {
    const keel = (
      window as unknown as {
        keel: { signoff: { creep(i: unknown): Promise<{ ok: boolean; value: unknown }> } };
      }
    ).keel;
    return keel.signoff.creep({ weeks: 13 });
  });
  expect(creep.ok).toBe(true);
  const days = (creep.value as { days: { date: string; endOfHours: string | null; late: boolean }[] }).days;
  const day = days.find((d) => d.date === date);
  if (!day) throw new Error(`no creep day for ${date}`);
  return day;
}

describe('a holiday added afterwards takes its days out of the plan', () => {
  it('before the holiday, 16–27 Nov plans ten workdays of focus: 40 h', async () => {
    const text = await focusSummary();
    expect(text).toContain('Planned: 40 hrs\n');
  });

  it('Settings: a holiday on 26–27 Nov offers to apply from its own start (what it recounts) and saves', async () => {
    await open('Settings');
    const card = page.getByRole('region', { name: 'Holidays & days off' });
    await card.getByLabel('From', { exact: true }).fill('2026-11-26');
    await card.getByLabel('To', { exact: true }).fill('2026-11-27');
    await card.getByLabel('Note (optional)').fill('Team retreat');
    const offer = card.getByText(/^This holiday starts before today: saved from today/);
    await offer.waitFor();
    expect(await offer.textContent()).toContain(
      'Figures for the days since Thu, 26 Nov 2026 will be recounted.',
    );
    await card.getByRole('button', { name: 'Apply from Thu, 26 Nov 2026' }).click();
    await expect.poll(() => card.getByLabel('Applies from date').inputValue()).toBe('2026-11-26');
    await card.getByRole('button', { name: 'Add holiday' }).click();
    await card.getByText('Team retreat').waitFor();
    expect(await card.getByRole('listitem').first().textContent()).toContain('Thu 26 Nov – Fri 27 Nov');
  });

  it('One-on-one: the same period now plans eight workdays × 4 h = 32 h, and says how it is counted (screenshot)', async () => {
    const text = await focusSummary();
    expect(text).toContain('Planned: 32 hrs\n');
    expect(text).not.toContain('Planned: 40 hrs');
    // Eight morning blocks of 2 h, three afternoons of 1 h 30 min (Tue 17, Thu 19, Tue 24 Nov).
    expect(text).toContain('Protected: 20 hrs, 30 mins');
    expect(text).toContain('Interruptions: 2 (1 meeting, 1 chat)');
    expect(text).toMatch(
      /How it is counted: Planned: the blocks of your weekly focus plan on working days, by the plan in force on each day; holidays, pauses and days off are never planned\./,
    );
    await bringToTop(page.getByRole('region', { name: 'Build a summary' }));
    await screenshotBoth(page, 'numbers-holiday-summary');
  });
});

describe('working hours changed from today leave past days as they were counted', () => {
  let lateBefore = '';

  it('Monday 23 Nov ended at 17:45 under 09:00–17:30: not a late evening', async () => {
    expect(await creepDay('2026-11-23')).toMatchObject({ endOfHours: '17:30', late: false });
    await open('Sign-off');
    // Tue 17 Nov (18:40) only: the Mondays at 17:45 are within half an hour of 17:30.
    lateBefore = await lateEvenings();
    expect(lateBefore).toBe('1');
  });

  it('Settings: Monday ends at 17:00 from today (the Applies-from control’s default), saved (screenshot)', async () => {
    await open('Settings');
    const form = page.locator('form', {
      has: page.getByRole('group', { name: 'Working hours per weekday' }),
    });
    const applies = form.getByRole('group', { name: 'Applies from' });
    expect(await applies.getByRole('radio', { name: 'Today' }).isChecked()).toBe(true);
    await applies.getByText('Days before today keep the rules they had.').waitFor();
    await form.getByLabel('Monday end').fill('17:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('All changes saved.').waitFor();
    const hours = await page.evaluate(async () => {
      const keel = (
        window as unknown as {
          keel: { settings: { get(): Promise<{ value: { workingHours: { mon: unknown; tue: unknown } } }> } };
        }
      ).keel;
      return (await keel.settings.get()).value.workingHours;
    });
    expect(hours).toMatchObject({
      mon: { start: '09:00', end: '17:00' },
      tue: { start: '09:00', end: '17:30' },
    });
    await bringToTop(page.getByRole('region', { name: 'Working hours' }));
    await screenshotBoth(page, 'numbers-hours-saved');
  });

  it('the creep card counts the same late evenings; 23 Nov still ended its hours at 17:30 (screenshot)', async () => {
    await open('Sign-off');
    // Recounted under 17:00, the Mondays 9, 16 and 23 Nov would have made it 4.
    expect(await lateEvenings()).toBe(lateBefore);
    expect(await creepDay('2026-11-23')).toMatchObject({ endOfHours: '17:30', late: false });
    expect(await creepDay('2026-11-30')).toMatchObject({ endOfHours: '17:00' });
    const card = page.getByRole('region', { name: 'Working later than planned' });
    await page.locator('canvas').first().waitFor();
    await bringToTop(card);
    await screenshotBoth(page, 'numbers-creep-after-hours-change');
  });
});
