import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import { creepStats, creepTrend, signoffInputSchema, type WorkdayFacts } from '../../src-main/core/signoff';
import { instantAt, type LocalDate } from '../../src-main/core/time';
import { describeIssues } from '../../src-main/core/validation';
import { englishCreepSummary } from '../helpers/creep-summary';
import { figuresOver } from '../helpers/figures';

const zone = 'Europe/Berlin';
const settings = defaultSettings(zone);
const at = (date: LocalDate, hhmm: string) => instantAt(date, hhmm, zone);
const day = (date: LocalDate, first: string, last: string, signed?: string): WorkdayFacts => ({
  date,
  firstActive: at(date, first),
  lastActive: at(date, last),
  signedOffAt: signed ? at(date, signed) : null,
});

/** Creep over [from, to] with `today` as the current workday, from the days' own figures. */
function creep(
  workdays: readonly WorkdayFacts[],
  rules: Settings,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
  countFrom?: number,
) {
  const figures = figuresOver({
    rules,
    from,
    to,
    today,
    workdays,
    ...(countFrom === undefined ? {} : { countFrom }),
  });
  return creepStats(figures, from, to);
}

describe('the ritual input', () => {
  it('accepts an empty ritual: signing off is the point', () => {
    expect(signoffInputSchema.parse({})).toEqual({
      done: '',
      unfinished: [],
      firstTomorrow: '',
      energy: null,
      quiet: false,
    });
  });

  it('trims text and keeps unfinished things with their plans', () => {
    expect(
      signoffInputSchema.parse({
        done: '  Shipped it \n and reviewed two PRs ',
        unfinished: [{ item: ' Flaky test ', plan: ' 10:00 with Sam ' }],
        firstTomorrow: ' Review ',
        energy: 4,
        quiet: true,
      }),
    ).toEqual({
      done: 'Shipped it \n and reviewed two PRs',
      unfinished: [{ item: 'Flaky test', plan: '10:00 with Sam' }],
      firstTomorrow: 'Review',
      energy: 4,
      quiet: true,
    });
  });

  it.each([
    [{ energy: 0 }, 'energy: Rate your energy from 1 to 5.'],
    [{ energy: 3.5 }, 'energy: Rate your energy from 1 to 5.'],
    [{ done: 'x'.repeat(2001) }, 'done: Keep what got done under 2000 characters.'],
    [{ firstTomorrow: 'one\ntwo' }, 'firstTomorrow: Keep the first thing tomorrow to one line.'],
    [
      { unfinished: [{ item: 'Review', plan: '  ' }] },
      'unfinished.0.plan: Say when and how it continues tomorrow (for example “10:00, after stand-up”).',
    ],
    [
      { unfinished: [{ item: '', plan: 'later' }] },
      'unfinished.0.item: Name the unfinished thing, or remove the row.',
    ],
    [
      { unfinished: Array.from({ length: 11 }, () => ({ item: 'a', plan: 'b' })) },
      'unfinished: List at most 10 unfinished things.',
    ],
    [{ quiet: 'yes' }, 'quiet: Use true or false for quiet until tomorrow.'],
  ])('refuses %j with one sentence', (input, sentence) => {
    const result = signoffInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toBe(sentence);
  });
});

describe('creep', () => {
  // 2027-03-15 is a Monday.
  it('counts late evenings (over 30 minutes past the end), days off worked and missed sign-offs', () => {
    const stats = creep(
      [
        day('2027-03-15', '09:00', '18:00', '17:55'), // 30 min after 17:30: not late
        day('2027-03-16', '09:00', '18:01', '18:01'), // 31 min: late
        day('2027-03-17', '09:00', '17:00'), // no sign-off
        day('2027-03-20', '10:00', '11:00'), // Saturday
        day('2027-03-22', '09:00', '17:00'), // today: not missed yet
      ],
      settings,
      '2027-03-15',
      '2027-03-22',
      '2027-03-22',
    );
    expect(stats.days.filter((d) => d.late).map((d) => d.date)).toEqual(['2027-03-16']);
    expect(stats).toMatchObject({
      lateEvenings: 1,
      daysOffWorked: 1,
      daysWithoutSignoff: 1,
      activeWorkdays: 4,
    });
    expect(stats.days[0]).toMatchObject({
      date: '2027-03-15',
      firstActive: '09:00',
      lastActive: '18:00',
      lastActiveMinutes: 18 * 60,
      endOfHours: '17:30',
      signedOff: '17:55',
    });
    expect(englishCreepSummary(stats)).toBe(
      '1 evening ran late, and 1 day off had some work. 1 workday ended without a sign-off.',
    );
    expect(stats.weeks.map((w) => w.weekStart)).toEqual(['2027-03-15', '2027-03-22']);
    expect(stats.weeks[0]).toEqual({ weekStart: '2027-03-15', medianLastActive: 18 * 60, lateEvenings: 1 });
  });

  it('places activity after midnight on its workday (minutes over 1440) and counts it late', () => {
    const monday = '2027-03-15';
    const stats = creep(
      [
        {
          date: monday,
          firstActive: at(monday, '09:00'),
          lastActive: at('2027-03-16', '00:30'),
          signedOffAt: null,
        },
      ],
      settings,
      monday,
      monday,
      '2027-03-16',
    );
    expect(stats.days[0]).toMatchObject({ lastActive: '00:30', lastActiveMinutes: 24 * 60 + 30, late: true });
  });

  it('a holiday is a day off', () => {
    const stats = creep(
      [day('2027-03-17', '10:00', '12:00', '12:00')],
      { ...settings, holidays: [{ from: '2027-03-17', to: '2027-03-17', note: 'St Patrick' }] },
      '2027-03-17',
      '2027-03-17',
      '2027-03-18',
    );
    expect(stats.days[0]).toMatchObject({ dayOff: true, workedDayOff: true, endOfHours: null, late: false });
  });

  it('says so kindly when the evenings stayed free and nothing was recorded', () => {
    expect(englishCreepSummary(creep([], settings, '2027-03-15', '2027-03-21', '2027-03-22'))).toBe(
      'No activity recorded in this period yet. Keel notes only when you were first and last active each day.',
    );
    const calm = creep(
      [day('2027-03-15', '09:00', '17:20', '17:20')],
      settings,
      '2027-03-15',
      '2027-03-21',
      '2027-03-22',
    );
    expect(englishCreepSummary(calm)).toBe(
      'Your evenings and days off stayed your own. Every workday ended with a sign-off.',
    );
  });

  it('claims every workday ended with a sign-off only once one has ended (no vacuous sentence)', () => {
    // Today's workday is not settled yet, signed off or not: nothing to claim.
    for (const today of [day('2027-03-15', '09:00', '12:00'), day('2027-03-15', '09:00', '12:00', '12:00')]) {
      const stats = creep([today], settings, '2027-03-15', '2027-03-21', '2027-03-15');
      expect(stats).toMatchObject({ activeWorkdays: 1, settledWorkdays: 0, daysWithoutSignoff: 0 });
      expect(englishCreepSummary(stats)).toBe(
        'No workday has ended since Keel started counting, so there is nothing to look back on yet.',
      );
    }
  });

  it('does not judge the first evening when Keel started after the end of hours', () => {
    // First start at 22:55 on Monday, hours end at 17:30.
    const stats = creep(
      [day('2027-03-15', '22:55', '23:40')],
      settings,
      '2027-03-15',
      '2027-03-21',
      '2027-03-17',
      at('2027-03-15', '22:55'),
    );
    expect(stats.days[0]).toMatchObject({ counted: true, late: false, missedSignoff: false });
    expect(stats).toMatchObject({ lateEvenings: 0, daysWithoutSignoff: 0, settledWorkdays: 0 });
    expect(englishCreepSummary(stats)).toBe(
      'No workday has ended since Keel started counting, so there is nothing to look back on yet.',
    );
  });

  it('leaves out days before Keel was counting', () => {
    const stats = creep(
      [
        day('2027-03-12', '09:00', '23:00'), // Friday, before counting: neither late nor missed
        day('2027-03-13', '10:00', '11:00'), // Saturday, before counting: not a day off worked
        day('2027-03-15', '09:00', '17:00', '17:00'),
      ],
      settings,
      '2027-03-08',
      '2027-03-21',
      '2027-03-17',
      at('2027-03-15', '08:00'),
    );
    expect(stats.days.find((d) => d.date === '2027-03-12')).toMatchObject({
      counted: false,
      lastActive: '23:00',
      late: false,
      missedSignoff: false,
    });
    expect(stats).toMatchObject({
      lateEvenings: 0,
      daysOffWorked: 0,
      daysWithoutSignoff: 0,
      activeWorkdays: 1,
      settledWorkdays: 1,
    });
    expect(stats.weeks[0]).toEqual({ weekStart: '2027-03-08', medianLastActive: null, lateEvenings: 0 });
    expect(englishCreepSummary(stats)).toBe(
      'Your evenings and days off stayed your own. Every workday ended with a sign-off.',
    );
  });

  it('trend: later, earlier or steady by 10 minutes a week, and only with three weeks of data', () => {
    const week = (weekStart: string, minutes: number | null) => ({
      weekStart,
      medianLastActive: minutes,
      lateEvenings: 0,
    });
    expect(creepTrend([week('a', 1050), week('b', 1080)])).toBe('not-enough-data');
    expect(creepTrend([week('a', 1050), week('b', null), week('c', 1080), week('d', 1110)])).toBe('later');
    expect(creepTrend([week('a', 1110), week('b', 1080), week('c', 1050)])).toBe('earlier');
    expect(creepTrend([week('a', 1050), week('b', 1059), week('c', 1068)])).toBe('steady');
  });
});
