import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { cleanText } from '../../src-main/core/text-hygiene';
import { describe, expect, it } from 'vitest';
import type { Checkin, Rating, Sustainable } from '../../src-main/core/checkin';
import { KeelError } from '../../src-main/core/errors';
import { focusStats } from '../../src-main/core/focus-stats';
import { RuleBook, type RulesView } from '../../src-main/core/rules';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import type { WorkdayFacts } from '../../src-main/core/signoff';
import {
  parseSummaryChoices,
  SUMMARY_MESSAGES,
  summaryChoicesSchema,
  summaryPeriod,
  type SummaryChoicesInput,
} from '../../src-main/core/summary-choices';
import { renderHtml } from '../../src-main/core/summary-html';
import { renderMarkdown } from '../../src-main/core/summary-markdown';
import { buildSummary, type SummaryData } from '../../src-main/core/summary-model';
import { PRIVATE_CHOICE_MESSAGES, privateTagOptions, tickProblem } from '../../src-main/core/summary-private';
import {
  DEFAULT_SECTIONS,
  HOW_COUNTED,
  SUMMARY_EMPTY,
  SUMMARY_SECTIONS,
  unshareableNoteIds,
  type SummarySection,
  type SummarySectionModel,
} from '../../src-main/core/summary-sections';
import {
  escapeHtml,
  oneLine,
  periodLabel,
  plainText,
  summaryDate,
  textLines,
} from '../../src-main/core/summary-text';
import { addLocalDays, instantAt, type LocalDate } from '../../src-main/core/time';
import {
  figuresOver,
  interruptionOf,
  NO_FIGURES,
  ranSession,
  summaryDaysOf,
  type FiguresOver,
} from '../helpers/figures';
import { propertyRuns } from '../support/thorough';

const zone = 'Europe/Berlin';
const at = (date: LocalDate, hhmm: string) => instantAt(date, hhmm, zone);

let seq = 0;
function check(localDate: LocalDate, over: Partial<Checkin> = {}): Checkin {
  seq += 1;
  return {
    id: `c${seq}`,
    at: at(localDate, '10:00'),
    localDate,
    zone,
    workload: 3,
    energy: 3,
    sustainable: 'yes',
    stretched: [],
    note: null,
    shareable: false,
    ...over,
  };
}

function data(over: Partial<SummaryData> = {}): SummaryData {
  return {
    zone,
    generatedAt: at('2027-03-15', '09:00'),
    checks: [],
    figures: NO_FIGURES,
    talkingPoints: [],
    ...over,
  };
}

/** 2027-03-01 is a Monday; the period is two whole weeks. */
const PERIOD = { from: '2027-03-01', to: '2027-03-14' };

function only<K extends SummarySectionModel['kind']>(
  d: SummaryData,
  kind: K,
  choices: Partial<SummaryChoicesInput> = {},
): Extract<SummarySectionModel, { kind: K }> {
  const model = buildSummary(d, { ...PERIOD, sections: [kind], ...choices });
  expect(model.sections).toHaveLength(1);
  return model.sections[0] as Extract<SummarySectionModel, { kind: K }>;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KeelError);
    expect((error as KeelError).code).toBe('invalid_input');
    return (error as KeelError).message;
  }
  throw new Error('expected an invalid_input KeelError');
}

describe('sections and choices', () => {
  it('turns trends and talking points on by default, everything else off', () => {
    expect(DEFAULT_SECTIONS).toEqual(['trends', 'talkingPoints']);
    expect(summaryChoicesSchema.parse(PERIOD)).toEqual({
      ...PERIOD,
      sections: DEFAULT_SECTIONS,
      noteIds: [],
      privateTags: [],
    });
    const model = buildSummary(data(), PERIOD);
    expect(model.sections.map((s) => s.kind)).toEqual(['trends', 'talkingPoints']);
  });

  it('keeps sections in one fixed order, whatever order they were chosen in', () => {
    const reversed = [...SUMMARY_SECTIONS].reverse();
    const model = buildSummary(data(), { ...PERIOD, sections: reversed });
    expect(model.sections.map((s) => s.kind)).toEqual([...SUMMARY_SECTIONS]);
    expect(
      buildSummary(data(), { ...PERIOD, sections: ['notes', 'focus'] }).sections.map((s) => s.kind),
    ).toEqual(['focus', 'notes']);
    expect(buildSummary(data(), { ...PERIOD, sections: [] }).sections).toEqual([]);
  });

  it('accepts a period of exactly 366 days and a single day', () => {
    expect(parseSummaryChoices({ from: '2027-01-01', to: '2028-01-01', sections: [] }).to).toBe('2028-01-01');
    expect(parseSummaryChoices({ from: '2027-03-01', to: '2027-03-01' }).from).toBe('2027-03-01');
  });

  it('deduplicates ticked notes, keeping the first-seen order', () => {
    expect(parseSummaryChoices({ ...PERIOD, noteIds: ['b', 'a', 'b'] }).noteIds).toEqual(['b', 'a']);
  });

  it.each([
    [{ ...PERIOD, from: '2027-3-1' }, SUMMARY_MESSAGES.from],
    [{ ...PERIOD, from: 20270301 }, SUMMARY_MESSAGES.from],
    [{ ...PERIOD, to: '2027-02-30' }, SUMMARY_MESSAGES.to],
    [{ from: '2027-03-01' }, SUMMARY_MESSAGES.to],
    [{ from: '2027-03-15', to: '2027-03-14' }, SUMMARY_MESSAGES.order],
    [{ from: '2027-01-01', to: '2028-01-02' }, 'Keep the period to 366 days or fewer.'],
    [{ ...PERIOD, sections: ['trends', 'salary'] }, SUMMARY_MESSAGES.sections],
    [{ ...PERIOD, sections: 'trends' }, SUMMARY_MESSAGES.sections],
    [{ ...PERIOD, sections: ['notes', 'notes'] }, 'List each section once.'],
    [{ ...PERIOD, noteIds: [''] }, SUMMARY_MESSAGES.noteId],
    [{ ...PERIOD, noteIds: [42] }, SUMMARY_MESSAGES.noteId],
    [{ ...PERIOD, noteIds: ['x'.repeat(101)] }, SUMMARY_MESSAGES.noteId],
    [{ ...PERIOD, noteIds: Array.from({ length: 201 }, (_, i) => `n${i}`) }, 'Tick at most 200 notes.'],
    [{ ...PERIOD, format: 'pdf' }, 'Summary choices have no field "format".'],
    [null, SUMMARY_MESSAGES.choices],
    ['2027-03-01', SUMMARY_MESSAGES.choices],
  ])('refuses %j with one sentence', (input, sentence) => {
    const message = errorOf(() => parseSummaryChoices(input));
    expect(message).toBe(sentence);
    expect(message).toMatch(/^[A-Z][^\n]*[.!?]$/);
    expect(errorOf(() => buildSummary(data(), input as SummaryChoicesInput))).toBe(sentence);
  });

  it('accepts 200 ticked notes', () => {
    expect(
      parseSummaryChoices({ ...PERIOD, noteIds: Array.from({ length: 200 }, (_, i) => `n${i}`) }).noteIds,
    ).toHaveLength(200);
  });
});

describe('the period', () => {
  it.each([
    ['2027-03-02', '2027-03-15', '2–15 March 2027', 'March 2 – 15, 2027'],
    ['2027-03-15', '2027-03-15', '15 March 2027', 'March 15, 2027'],
    ['2027-02-24', '2027-03-09', '24 February – 9 March 2027', 'February 24 – March 9, 2027'],
    [
      '2026-12-28',
      '2027-01-10',
      '28 December 2026 – 10 January 2027',
      'December 28, 2026 – January 10, 2027',
    ],
  ])('labels %s…%s as "%s" (en-US summary: "%s")', (from, to, english, label) => {
    expect(periodLabel(from, to)).toBe(english);
    expect(buildSummary(data(), { from, to }).period).toEqual({ from, to, label });
  });

  it('writes dates without a leading zero and refuses non-dates', () => {
    expect(summaryDate('2027-03-01')).toBe('1 March 2027');
    expect(summaryDate('2024-02-29')).toBe('29 February 2024');
    expect(() => summaryDate('2027-02-29')).toThrow(RangeError);
  });

  it('offers the last two weeks, today included', () => {
    expect(summaryPeriod('two-weeks', '2027-03-15')).toEqual({ from: '2027-03-02', to: '2027-03-15' });
    expect(summaryPeriod('two-weeks', '2027-03-15', '2027-03-01')).toEqual({
      from: '2027-03-02',
      to: '2027-03-15',
    });
  });

  it('offers "since the last shared summary" from the date of that share, inclusive', () => {
    expect(summaryPeriod('since-last', '2027-03-15', '2027-03-01')).toEqual({
      from: '2027-03-01',
      to: '2027-03-15',
    });
    expect(summaryPeriod('since-last', '2027-03-15', '2027-03-15')).toEqual({
      from: '2027-03-15',
      to: '2027-03-15',
    });
    // Never shared, or a share dated after today: two weeks.
    expect(summaryPeriod('since-last', '2027-03-15', null)).toEqual({ from: '2027-03-02', to: '2027-03-15' });
    expect(summaryPeriod('since-last', '2027-03-15', '2027-03-16')).toEqual({
      from: '2027-03-02',
      to: '2027-03-15',
    });
    // An old share: cut to 366 days, which the choices accept.
    const long = summaryPeriod('since-last', '2027-03-15', '2020-01-01');
    expect(long).toEqual({ from: '2026-03-15', to: '2027-03-15' });
    expect(() => parseSummaryChoices(long)).not.toThrow();
  });

  it('dates the summary in the user zone', () => {
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    const model = buildSummary(data({ generatedAt: Date.UTC(2027, 2, 14, 23, 30) }), PERIOD);
    expect(model.generatedOn).toBe('2027-03-15');
    expect(
      buildSummary(data({ zone: 'UTC', generatedAt: Date.UTC(2027, 2, 14, 23, 30) }), PERIOD).generatedOn,
    ).toBe('2027-03-14');
  });

  it('counts check-ins on the first and last day and none outside, by their own local date', () => {
    const checks = [
      check('2027-02-28', { workload: 1, energy: 1, sustainable: 'no', stretched: ['before'] }),
      check('2027-03-01', { workload: 4, energy: 2, sustainable: 'mostly', stretched: ['meetings'] }),
      check('2027-03-14', { workload: 2, energy: 4, sustainable: 'yes', stretched: ['deadlines'] }),
      check('2027-03-15', { workload: 5, energy: 5, sustainable: 'no', stretched: ['after'] }),
      // Taken at 00:30 on the 15th in Tokyo: it belongs to the 15th, even though it is still the
      // 14th in Berlin.
      check('2027-03-15', { at: Date.UTC(2027, 2, 14, 15, 30), zone: 'Asia/Tokyo', stretched: ['tokyo'] }),
    ];
    const model = buildSummary(data({ checks }), {
      ...PERIOD,
      sections: ['trends', 'sustainability', 'stretched'],
    });
    expect(model.sections[0]).toMatchObject({ kind: 'trends', count: 2, avgWorkload: 3, avgEnergy: 3 });
    expect(model.sections[1]).toMatchObject({ kind: 'sustainability', count: 2, yes: 1, mostly: 1, no: 0 });
    expect(model.sections[2]).toMatchObject({
      kind: 'stretched',
      checks: 2,
      top: [
        { label: 'Deadlines', count: 1 },
        { label: 'Meetings', count: 1 },
      ],
    });
  });
});

describe('workload and energy', () => {
  it('gives averages, directions and weekly points for a small chart', () => {
    const checks = [
      check('2027-03-01', { workload: 3, energy: 4 }),
      check('2027-03-03', { workload: 4, energy: 4 }),
      check('2027-03-09', { workload: 4, energy: 3 }),
      check('2027-03-16', { workload: 5, energy: 2 }),
      check('2027-03-17', { workload: 5, energy: 3 }),
    ];
    const section = only(data({ checks }), 'trends', { from: '2027-03-01', to: '2027-03-21' });
    expect(section).toEqual({
      kind: 'trends',
      title: 'Workload and energy',
      empty: null,
      howCounted: HOW_COUNTED.trends,
      count: 5,
      avgWorkload: 4.2,
      avgEnergy: 3.2,
      workloadDirection: 'rising',
      energyDirection: 'falling',
      weeks: [
        { weekStart: '2027-03-01', count: 2, avgWorkload: 3.5, avgEnergy: 4 },
        { weekStart: '2027-03-08', count: 1, avgWorkload: 4, avgEnergy: 3 },
        { weekStart: '2027-03-15', count: 2, avgWorkload: 5, avgEnergy: 2.5 },
      ],
    });
  });

  it('keeps a week without check-ins as a gap, and needs three weeks for a direction', () => {
    const checks = [check('2027-03-02', { workload: 2 }), check('2027-03-16', { workload: 4 })];
    const section = only(data({ checks }), 'trends', { from: '2027-03-01', to: '2027-03-21' });
    expect(section.weeks.map((w) => w.avgWorkload)).toEqual([2, null, 4]);
    expect(section.workloadDirection).toBe('not enough data');
  });

  it('says so when there are no check-ins in the period', () => {
    const section = only(data({ checks: [check('2027-02-20')] }), 'trends');
    expect(section).toMatchObject({
      empty: 'No check-ins in this period.',
      count: 0,
      avgWorkload: null,
      weeks: [],
    });
  });
});

describe('sustainability', () => {
  it('counts the answers', () => {
    const answers: Sustainable[] = ['yes', 'mostly', 'mostly', 'no', 'mostly'];
    const section = only(
      data({ checks: answers.map((s) => check('2027-03-05', { sustainable: s })) }),
      'sustainability',
    );
    expect(section).toEqual({
      kind: 'sustainability',
      title: 'Sustainability',
      empty: null,
      howCounted: HOW_COUNTED.sustainability,
      question: 'Is the workload sustainable right now?',
      count: 5,
      yes: 1,
      mostly: 3,
      no: 1,
    });
  });

  it('says so when there are no check-ins in the period', () => {
    expect(only(data(), 'sustainability')).toMatchObject({ empty: SUMMARY_EMPTY.noCheckIns, count: 0 });
  });
});

describe('where stretched', () => {
  it('lists the five most named tags by their labels, most named first, then by label', () => {
    const tags = [
      ['meetings', 'deadlines', 'code-review'],
      ['meetings', 'deadlines'],
      ['meetings', 'on-call', 'zebra-crossing'],
      ['alpha', 'learning-curve'],
      ['meetings', 'meetings'],
    ];
    const section = only(
      data({ checks: tags.map((s) => check('2027-03-05', { stretched: s })) }),
      'stretched',
    );
    expect(section).toEqual({
      kind: 'stretched',
      title: 'Where I feel stretched',
      empty: null,
      howCounted: HOW_COUNTED.stretched,
      checks: 5,
      top: [
        { label: 'Meetings', count: 4 },
        { label: 'Deadlines', count: 2 },
        { label: 'Alpha', count: 1 },
        { label: 'Code review', count: 1 },
        { label: 'Learning curve', count: 1 },
      ],
    });
  });

  it('counts the custom tags of a check-in with a private note only when ticked (#16)', () => {
    const checks = [
      check('2027-03-05', { stretched: ['meetings', 'job-hunting'], note: 'Private', shareable: false }),
      check('2027-03-06', { stretched: ['job-hunting', 'hiring'], note: 'Shared', shareable: true }),
      check('2027-03-07', { stretched: ['hiring', 'divorce'], note: 'Also private' }),
      check('2027-03-08', { stretched: ['side-project'] }), // no note: nothing marked private
    ];
    expect(privateTagOptions(checks)).toEqual([
      { id: 'divorce', label: 'Divorce', count: 1 },
      { id: 'hiring', label: 'Hiring', count: 1 },
      { id: 'job-hunting', label: 'Job hunting', count: 1 },
    ]);
    const labels = (privateTags: string[]) =>
      (
        buildSummary(data({ checks }), { ...PERIOD, sections: ['stretched'], privateTags })
          .sections[0] as Extract<SummarySectionModel, { kind: 'stretched' }>
      ).top;
    expect(labels([])).toEqual([
      { label: 'Hiring', count: 1 },
      { label: 'Job hunting', count: 1 },
      { label: 'Meetings', count: 1 },
      { label: 'Side project', count: 1 },
    ]);
    expect(labels(['job-hunting', 'divorce'])).toEqual([
      { label: 'Job hunting', count: 2 },
      { label: 'Divorce', count: 1 },
      { label: 'Hiring', count: 1 },
      { label: 'Meetings', count: 1 },
      { label: 'Side project', count: 1 },
    ]);
    const ticks = { sections: ['stretched'], noteIds: [], privateTags: ['divorce'] };
    expect(tickProblem(checks, ticks)).toBeNull();
    expect(tickProblem(checks, { ...ticks, privateTags: ['side-project'] })).toBe(
      PRIVATE_CHOICE_MESSAGES.unknownTag,
    );
    expect(tickProblem(checks, { ...ticks, sections: ['trends'] })).toBe(PRIVATE_CHOICE_MESSAGES.tagsOff);
  });

  it('says so without check-ins, and when check-ins named no tags', () => {
    expect(only(data(), 'stretched').empty).toBe('No check-ins in this period.');
    expect(only(data({ checks: [check('2027-03-05')] }), 'stretched')).toMatchObject({
      empty: 'No stretched areas were named in this period.',
      checks: 1,
      top: [],
    });
  });
});

/** Keel's defaults in the test zone with a Monday focus block of four hours (09:00–13:00). */
const MONDAYS: Settings = {
  ...defaultSettings(zone),
  focusPlan: [{ weekday: 'mon', start: '09:00', end: '13:00' }],
};

/** The figures of each date of `from`…`to`, as the summary service gathers them. */
const figures = (input: Omit<FiguresOver, 'today'> & { today?: LocalDate }) =>
  summaryDaysOf(figuresOver({ today: '2027-03-15', ...input }));

describe('focus time', () => {
  it('sums planned and protected minutes and interruptions by kind over the days in the period', () => {
    // 2027-02-28 is a Sunday, 2027-03-15 a Monday: both outside the period.
    const before = ranSession('2027-02-28', '10:00', 500, zone);
    const first = ranSession('2027-03-01', '09:00', 200, zone);
    const last = ranSession('2027-03-14', '10:00', 50, zone);
    const after = ranSession('2027-03-15', '09:00', 500, zone);
    const interruptions = [
      ...[before, after].flatMap((s) => [interruptionOf(s, 'meeting'), interruptionOf(s, 'chat')]),
      interruptionOf(first, 'meeting'),
      interruptionOf(first, 'chat'),
      interruptionOf(first, 'chat', 30),
      interruptionOf(last, 'meeting'),
      interruptionOf(last, 'chat'),
    ];
    const days = figures({
      rules: MONDAYS,
      from: '2027-02-28',
      to: '2027-03-15',
      sessions: [before, first, last, after],
      interruptions,
    });
    expect(only(data({ figures: days }), 'focus')).toEqual({
      kind: 'focus',
      title: 'Focus time',
      empty: null,
      howCounted: HOW_COUNTED.focus,
      // Two Mondays in the period, 4 h each.
      plannedMinutes: 480,
      protectedMinutes: 250,
      interruptions: { meeting: 2, chat: 3, incident: 0, other: 0 },
      interruptionsTotal: 5,
    });
  });

  it('plans each day by the plan in force on it, and never a holiday or a pause', () => {
    const book = new RuleBook(MONDAYS, [
      // From 8 March, Monday and Tuesday mornings of two hours; 9 March is a holiday.
      {
        key: 'focusPlan',
        from: '2027-03-08',
        value: [
          { weekday: 'mon', start: '09:00', end: '11:00' },
          { weekday: 'tue', start: '09:00', end: '11:00' },
        ],
      },
      { key: 'holidays', from: '2027-03-08', value: [{ from: '2027-03-09', to: '2027-03-09' }] },
    ]);
    const rules: RulesView = { current: book.on('2027-03-15'), on: (d) => book.on(d) };
    const days = figures({ rules, ...PERIOD });
    // 1 March: 4 h by the old plan; 2 March: no block then; 8 March: 2 h; 9 March: a holiday.
    expect(only(data({ figures: days }), 'focus').plannedMinutes).toBe(240 + 120);
    const paused = figures({
      rules: { ...MONDAYS, focusPauses: [{ from: '2027-03-01', to: '2027-03-01' }] },
      ...PERIOD,
    });
    expect(only(data({ figures: paused }), 'focus').plannedMinutes).toBe(240);
  });

  it('counts from when Keel began counting, and says so', () => {
    // Keel started at 10:00 on Monday 8 March, an hour into that day's block.
    const days = figures({ rules: MONDAYS, ...PERIOD, countFrom: at('2027-03-08', '10:00') });
    const section = only(data({ figures: days }), 'focus');
    expect(section.plannedMinutes).toBe(180);
    expect(section.howCounted).toBe(
      `${HOW_COUNTED.focus} Keel began counting on March 8, 2027; days before it are not counted.`,
    );
    // Counting since before the period: nothing to add.
    const all = figures({ rules: MONDAYS, ...PERIOD, countFrom: at('2027-03-01', '00:00') });
    expect(only(data({ figures: all }), 'focus').howCounted).toBe(HOW_COUNTED.focus);
  });

  it('has totals that are the sum of its days, as the focus stats sum them (property)', () => {
    const dates = Array.from({ length: 20 }, (_, i) => addLocalDays('2027-02-26', i));
    const arbSession = fc.record({
      date: fc.constantFrom(...dates),
      hour: fc.integer({ min: 0, max: 20 }),
      minutes: fc.integer({ min: 1, max: 180 }),
      kinds: fc.array(fc.constantFrom('meeting', 'chat', 'incident', 'other' as const), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbSession, { maxLength: 12 }),
        fc.array(fc.constantFrom(...dates), { maxLength: 3 }),
        fc.constantFrom(...dates),
        (specs, holidayDates, countFromDate) => {
          const sessions = specs.map((s) =>
            ranSession(s.date, `${String(s.hour).padStart(2, '0')}:00`, s.minutes, zone),
          );
          const interruptions = specs.flatMap((s, i) =>
            s.kinds.map((kind) => interruptionOf(sessions[i] as (typeof sessions)[number], kind)),
          );
          const rules = { ...defaultSettings(zone), holidays: holidayDates.map((d) => ({ from: d, to: d })) };
          const days = figures({
            rules,
            from: dates[0] as LocalDate,
            to: dates.at(-1) as LocalDate,
            sessions,
            interruptions,
            countFrom: at(countFromDate, '11:00'),
          });
          const section = only(data({ figures: days }), 'focus');
          const inPeriod = days.days.filter((d) => d.date >= PERIOD.from && d.date <= PERIOD.to);
          const totals = focusStats(inPeriod).totals;
          expect(section.plannedMinutes).toBe(totals.plannedMinutes);
          expect(section.protectedMinutes).toBe(totals.protectedMinutes);
          expect(section.interruptions).toEqual(totals.interruptions);
          for (const day of days.days) {
            if (day.holiday !== null || day.dayOff || day.counting === 'before')
              expect(day.plannedFocusMinutes).toBe(0);
          }
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });

  it('says so when there is no focus data for this period', () => {
    expect(only(data({ figures: NO_FIGURES }), 'focus').empty).toBe('No focus data for this period.');
    // Neither a plan nor a block in the period.
    const none = figures({ rules: { ...MONDAYS, focusPlan: [] }, ...PERIOD });
    expect(none.hasFocusData).toBe(false);
    expect(only(data({ figures: none }), 'focus').empty).toBe('No focus data for this period.');
  });

  it('says so when nothing was planned, protected or interrupted', () => {
    const quiet = figures({ rules: { ...MONDAYS, focusPlan: [] }, ...PERIOD });
    const section = only(data({ figures: { ...quiet, hasFocusData: true } }), 'focus');
    expect(section).toMatchObject({
      empty: 'No focus time was planned or protected in this period.',
      plannedMinutes: 0,
    });
  });
});

describe('end of day', () => {
  const settings = defaultSettings(zone); // Mon–Fri 09:00–17:30
  const day = (date: LocalDate, first: string, last: string, signed?: string): WorkdayFacts => ({
    date,
    firstActive: at(date, first),
    lastActive: at(date, last),
    signedOffAt: signed ? at(date, signed) : null,
  });

  it('counts workdays, sign-offs, late evenings and days off with work — never times', () => {
    const workdays = [
      day('2027-02-26', '09:00', '23:00'), // before the period
      day('2027-03-01', '09:00', '17:40', '17:35'),
      day('2027-03-02', '08:47', '18:31', '18:29'), // late
      day('2027-03-03', '09:00', '17:00'),
      day('2027-03-06', '10:13', '11:07'), // Saturday
      day('2027-03-08', '09:00', '19:00', '19:00'), // late
    ];
    const days = figures({ rules: settings, from: '2027-02-22', to: '2027-03-14', workdays });
    const section = only(data({ figures: days }), 'endOfDay');
    expect(section).toEqual({
      kind: 'endOfDay',
      title: 'End of day',
      empty: null,
      howCounted: HOW_COUNTED.endOfDay,
      workdays: 4,
      signedOffDays: 3,
      lateEvenings: 2,
      daysOffWorked: 1,
    });
    const json = JSON.stringify(section);
    for (const time of ['08:47', '18:31', '18:29', '10:13', '11:07', '17:35'])
      expect(json).not.toContain(time);
    expect(json).not.toMatch(/\d{2}:\d{2}/);
  });

  it('reads each day by the working hours in force on it', () => {
    // From 3 March the hours end at 19:00: a last activity at 19:00 is no longer late.
    const book = new RuleBook(settings, [
      {
        key: 'workingHours',
        from: '2027-03-03',
        value: { ...settings.workingHours, wed: { start: '10:00', end: '19:00' } },
      },
    ]);
    const rules: RulesView = { current: book.on('2027-03-15'), on: (d) => book.on(d) };
    const workdays = [day('2027-02-24', '09:00', '19:00'), day('2027-03-03', '09:00', '19:00')];
    const days = figures({ rules, from: '2027-02-22', to: '2027-03-14', workdays });
    expect(only(data({ figures: days }), 'endOfDay', { from: '2027-02-22' }).lateEvenings).toBe(1);
    expect(days.days.filter((d) => d.late).map((d) => d.date)).toEqual(['2027-02-24']);
  });

  it('leaves out days before Keel was counting, and says when it began', () => {
    const workdays = [
      day('2027-03-01', '09:00', '22:00'), // late, no sign-off: but before counting
      day('2027-03-06', '10:00', '11:00'), // Saturday, before counting
      day('2027-03-09', '09:00', '17:00', '17:00'),
    ];
    const days = figures({ rules: settings, ...PERIOD, workdays, countFrom: at('2027-03-09', '08:30') });
    expect(only(data({ figures: days }), 'endOfDay')).toEqual({
      kind: 'endOfDay',
      title: 'End of day',
      empty: null,
      howCounted: `${HOW_COUNTED.endOfDay} Keel began counting on March 9, 2027; days before it are not counted.`,
      workdays: 1,
      signedOffDays: 1,
      lateEvenings: 0,
      daysOffWorked: 0,
    });
  });

  it('says so without end-of-day data, and when no workday was recorded in the period', () => {
    expect(only(data(), 'endOfDay')).toMatchObject({
      empty: 'No end-of-day data for this period.',
      workdays: 0,
    });
    const workdays = [day('2027-03-20', '09:00', '17:00')];
    const days = figures({ rules: settings, from: '2027-03-01', to: '2027-03-21', workdays });
    expect(days.hasWorkdayData).toBe(true);
    expect(only(data({ figures: days }), 'endOfDay').empty).toBe('No workdays were recorded in this period.');
  });
});

describe('talking points', () => {
  it('shows the open points in the agenda order given (not by date), each on one clean line', () => {
    // The user moved the newer point up: storage gives them in that order.
    const talkingPoints = [
      { id: 't1', text: 'Conference budget', createdAt: at('2027-03-10', '12:00'), discussedAt: null },
      {
        id: 't2',
        text: '  Rotate\non-call\u0007 fairly?  ',
        createdAt: at('2027-01-03', '12:00'),
        discussedAt: null,
      },
      {
        id: 't3',
        text: 'Discussed already',
        createdAt: at('2027-03-02', '12:00'),
        discussedAt: at('2027-03-09', '10:00'),
      },
      { id: 't4', text: ' \n\t ', createdAt: at('2027-03-02', '12:00'), discussedAt: null },
    ];
    expect(only(data({ talkingPoints }), 'talkingPoints')).toEqual({
      kind: 'talkingPoints',
      title: 'Talking points',
      empty: null,
      howCounted: null,
      items: ['Conference budget', 'Rotate on-call fairly?'],
    });
  });

  it('says so when none are open', () => {
    expect(only(data(), 'talkingPoints').empty).toBe('No open talking points.');
  });

  it('leave the summary only with their section', () => {
    const talkingPoints = [{ id: 't1', text: 'tpmarker', createdAt: 0, discussedAt: null }];
    const model = buildSummary(data({ talkingPoints }), { ...PERIOD, sections: ['trends', 'notes'] });
    expect(JSON.stringify(model)).not.toContain('tpmarker');
    expect(renderMarkdown(model)).not.toContain('tpmarker');
    expect(renderHtml(model)).not.toContain('tpmarker');
  });
});

describe('notes: the privacy rule', () => {
  const shared = check('2027-03-04', { note: 'Shared note', shareable: true, workload: 5, energy: 1 });
  const second = check('2027-03-02', {
    note: 'Line one\r\n\r\n  line two  ',
    shareable: true,
    at: at('2027-03-02', '08:00'),
  });
  const privateNote = check('2027-03-05', { note: 'Private note', shareable: false });
  const early = check('2027-02-28', { note: 'Too early', shareable: true });
  const late = check('2027-03-15', { note: 'Too late', shareable: true });
  const noNote = check('2027-03-06', { note: null, shareable: true });
  const blank = check('2027-03-06', { note: ' \u0000\n ', shareable: true });
  const all = [shared, second, privateNote, early, late, noNote, blank];
  const ids = all.map((c) => c.id);

  it('includes a ticked, shareable note in the period: its date and text only, oldest first', () => {
    const section = only(data({ checks: all }), 'notes', { noteIds: ids });
    expect(section).toEqual({
      kind: 'notes',
      title: 'Notes',
      empty: null,
      howCounted: null,
      items: [
        { date: '2027-03-02', text: 'Line one\nline two' },
        { date: '2027-03-04', text: 'Shared note' },
      ],
    });
    for (const item of section.items) expect(Object.keys(item).sort()).toEqual(['date', 'text']);
  });

  it('leaves out a shareable note that was not ticked', () => {
    expect(only(data({ checks: all }), 'notes', { noteIds: [second.id] }).items).toEqual([
      { date: '2027-03-02', text: 'Line one\nline two' },
    ]);
  });

  it('leaves out every note when the notes section is not chosen', () => {
    const model = buildSummary(data({ checks: all }), {
      ...PERIOD,
      sections: SUMMARY_SECTIONS.filter((s) => s !== 'notes'),
      noteIds: ids,
    });
    const json = JSON.stringify(model);
    expect(json).not.toContain('Shared note');
    expect(json).not.toContain('Line one');
  });

  it('says so when no note was ticked', () => {
    expect(only(data({ checks: all }), 'notes')).toMatchObject({
      empty: 'No notes were ticked to share.',
      items: [],
    });
    expect(
      only(data({ checks: all }), 'notes', { noteIds: [privateNote.id, early.id, noNote.id] }).empty,
    ).toBe('No notes were ticked to share.');
  });

  it('names ticked ids that could never be shared, so the service can refuse them', () => {
    expect(
      unshareableNoteIds(data({ checks: all }), {
        noteIds: [shared.id, privateNote.id, 'unknown', noNote.id, early.id, blank.id, privateNote.id],
      }),
    ).toEqual([privateNote.id, noNote.id, blank.id]);
    expect(unshareableNoteIds(data({ checks: all }), { noteIds: [shared.id, early.id] })).toEqual([]);
  });

  it('never lets a note out unless it is ticked, shareable and in the period — by any path (property)', () => {
    const dates = Array.from({ length: 30 }, (_, i) => addLocalDays('2027-02-22', i)); // around the period
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    const arbCheck = fc.record({
      date: fc.constantFrom(...dates),
      workload: fc.integer({ min: 1, max: 5 }),
      energy: fc.integer({ min: 1, max: 5 }),
      sustainable: fc.constantFrom<Sustainable>('yes', 'mostly', 'no'),
      hasNote: fc.boolean(),
      shareable: fc.boolean(),
      before: text,
      after: text,
    });
    fc.assert(
      fc.property(
        fc.array(arbCheck, { maxLength: 25 }),
        fc.subarray([...SUMMARY_SECTIONS]),
        fc.array(fc.nat({ max: 30 }), { maxLength: 30 }),
        fc.constantFrom(
          { from: '2027-03-01', to: '2027-03-14' },
          { from: '2027-03-05', to: '2027-03-05' },
          { from: '2027-02-22', to: '2027-03-23' },
        ),
        (specs, sections: SummarySection[], ticks, period) => {
          // Each note carries a unique marker no other text in the summary can contain.
          const checks = specs.map((s, i) =>
            check(s.date, {
              id: `id${i}`,
              workload: s.workload as Rating,
              energy: s.energy as Rating,
              sustainable: s.sustainable,
              stretched: ['meetings'],
              // Hostile data: a stored row may claim "shareable" without a note.
              note: s.hasNote ? `${s.before} qqmark${i}qq ${s.after}` : null,
              shareable: s.shareable,
            }),
          );
          const noteIds = [...new Set(ticks.map((n) => `id${n}`))]; // some unknown, some unshareable
          const d = data({
            checks,
            talkingPoints: [{ id: 't', text: 'A point', createdAt: 0, discussedAt: null }],
          });
          const choices = { ...period, sections, noteIds };
          const model = buildSummary(d, choices);
          const outputs = [JSON.stringify(model), renderMarkdown(model), renderHtml(model)];
          const notes = model.sections.find((s) => s.kind === 'notes');
          const offending = unshareableNoteIds(d, choices);
          checks.forEach((c, i) => {
            const marker = `qqmark${i}qq`;
            const allowed =
              sections.includes('notes') &&
              noteIds.includes(c.id) &&
              c.shareable &&
              c.note !== null &&
              c.localDate >= period.from &&
              c.localDate <= period.to;
            expect(offending.includes(c.id)).toBe(
              noteIds.includes(c.id) && !(c.shareable && c.note !== null),
            );
            if (!allowed) {
              for (const out of outputs) expect(out).not.toContain(marker);
              return;
            }
            const lines = textLines(c.note as string);
            expect(notes?.items).toContainEqual({ date: c.localDate, text: lines.join('\n') });
            const [, markdown = '', html = ''] = outputs;
            for (const line of lines) {
              expect(markdownText(markdown)).toContain(line);
              expect(html).toContain(escapeHtml(line));
            }
            expect(markdown).toContain(marker);
            expect(html).toContain(marker);
          });
        },
      ),
      {
        numRuns: propertyRuns(300),
        // Found by CI: a note ending in a lone "_" needs no backslash there, so the check reads
        // the Markdown as a reader does rather than expecting one escaping.
        examples: [
          [
            [
              {
                date: '2027-02-22',
                workload: 1,
                energy: 1,
                sustainable: 'yes',
                hasNote: true,
                shareable: true,
                before: '',
                after: '_',
              },
            ],
            ['notes'],
            [0],
            { from: '2027-02-22', to: '2027-03-23' },
          ],
        ],
      },
    );
  });
});

/**
 * What a Markdown reader shows: the text of the document as markdown-it reads it (text, code and
 * line breaks; markup gone). The escaping itself is checked against two readers in
 * summary-markdown-renderers.test.ts; here it only has to show that a shared note reads as typed,
 * whatever backslashes its context needed.
 */
const markdownReader = new MarkdownIt();
function markdownText(markdown: string): string {
  return markdownReader
    .parse(markdown, {})
    .flatMap((token) => token.children ?? [])
    .map((child) =>
      child.type === 'softbreak' || child.type === 'hardbreak'
        ? '\n'
        : child.type === 'text' || child.type === 'code_inline'
          ? child.content
          : '',
    )
    .join('');
}

describe('the model', () => {
  it('is plain data: JSON gives it back unchanged', () => {
    const model = buildSummary(
      data({
        checks: [check('2027-03-03', { note: 'n', shareable: true, stretched: ['meetings'] })],
        figures: figures({
          rules: MONDAYS,
          ...PERIOD,
          sessions: [ranSession('2027-03-03', '10:00', 30, zone)],
          workdays: [
            {
              date: '2027-03-03',
              firstActive: at('2027-03-03', '09:00'),
              lastActive: at('2027-03-03', '17:00'),
              signedOffAt: null,
            },
          ],
        }),
        talkingPoints: [{ id: 't', text: 'p', createdAt: 1, discussedAt: null }],
        userName: 'Sam',
      }),
      { ...PERIOD, sections: [...SUMMARY_SECTIONS], noteIds: ['c' + seq] },
    );
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.sections).toHaveLength(SUMMARY_SECTIONS.length);
  });

  it('is the same for the same data and choices', () => {
    const d = data({ checks: [check('2027-03-03'), check('2027-03-09', { workload: 5 })] });
    expect(buildSummary(d, { ...PERIOD, sections: [...SUMMARY_SECTIONS] })).toEqual(
      buildSummary(d, { ...PERIOD, sections: [...SUMMARY_SECTIONS] }),
    );
  });

  it('names the author on one clean line, cut to 80 characters, or nobody', () => {
    expect(buildSummary(data({ userName: '  Sam \n Rivera\u202E ' }), PERIOD).author).toBe('Sam Rivera');
    expect(buildSummary(data({ userName: ' \t ' }), PERIOD).author).toBeNull();
    expect(buildSummary(data(), PERIOD).author).toBeNull();
    expect(buildSummary(data({ userName: '😀'.repeat(100) }), PERIOD).author).toBe('😀'.repeat(80));
  });
});

describe('cleaning user text', () => {
  it('removes control and bidi override characters, keeps line breaks, emoji and joiners', () => {
    expect(plainText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\r\ng\rh\u2028i')).toBe('abcde\nf\ng\nh\ni');
    expect(plainText('tab\there')).toBe('tab here');
    expect(plainText('abc\u202Egnp.exe\u2066x\u2069')).toBe('abcgnp.exex');
    expect(plainText('👩‍💻 🚀 café')).toBe('👩‍💻 🚀 café');
    expect(plainText('bad \uD800 pair \uDC00 end')).toBe('bad \uFFFD pair \uFFFD end');
    expect(plainText('שלום \u200F ok')).toBe('שלום \u200F ok');
  });

  it('cleans as Keel cleans its input (text-hygiene), so a note stored before that reads the same', () => {
    // A byte order mark, a zero-width space and a word joiner, as pasted text brings them.
    const legacy = '\uFEFFsprint\u200B planning\u2060 \u202Eok\u0007';
    expect(plainText(legacy)).toBe(cleanText(legacy));
    expect(plainText(legacy)).toBe('sprint planning ok');
  });

  it('makes one line, or trimmed lines without blank ones', () => {
    expect(oneLine('  a \n\n b\t c  ')).toBe('a b c');
    expect(textLines('  first  \n\n\n   second\u0000 line \r\n ')).toEqual(['first', 'second line']);
    expect(textLines(' \n ')).toEqual([]);
  });
});
