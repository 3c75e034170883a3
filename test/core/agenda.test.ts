import { describe, expect, it } from 'vitest';
import { collectAgenda, collectMoments, nextMoment, type AgendaSource } from '../../src-main/core/agenda';
import { fixedRules, RuleBook, type RulesView } from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { instantAt, toLocalIso } from '../../src-main/core/time';
import { workdaySource } from '../../src-main/core/workday';

const settings = fixedRules(defaultSettings('UTC'));
const source = (name: string, starts: number[]): AgendaSource => ({
  name,
  eventsBetween: (from, to) =>
    starts
      .filter((s) => s >= from - 1000 && s < to + 1000)
      .map((s) => ({ id: `${name}-${s}`, kind: 'focus', title: name, start: s })),
});

describe('agenda', () => {
  it('merges sources in time order and keeps only [from, to)', () => {
    const events = collectAgenda([source('a', [300, 100]), source('b', [200, 400])], 100, 400, settings);
    expect(events.map((e) => e.id)).toEqual(['a-100', 'b-200', 'a-300']);
  });

  it('finds the next moment strictly after a moment, skipping handled ones', () => {
    const sources = [source('a', [100, 200, 300])];
    expect(nextMoment(sources, 100, settings)?.id).toBe('a-200#start');
    expect(nextMoment(sources, 100, settings, { done: new Set(['a-200#start']) })?.id).toBe('a-300#start');
    expect(nextMoment(sources, 300, settings)).toBeUndefined();
  });

  it('turns a block into warning, start and end moments; an end precedes a start at the same instant', () => {
    const h = 3_600_000;
    const blocks: AgendaSource = {
      name: 'blocks',
      eventsBetween: (from, to) =>
        [
          {
            id: 'b1',
            kind: 'focus' as const,
            title: 'b1',
            start: 9 * h,
            end: 11 * h,
            warnAt: 9 * h - 300_000,
            wakeAtEnd: true,
          },
          { id: 'b2', kind: 'focus' as const, title: 'b2', start: 11 * h, end: 12 * h, wakeAtEnd: true },
        ].filter((e) => e.start >= from && e.start < to),
    };
    const moments = collectMoments([blocks], 0, 24 * h, settings);
    expect(moments.map((m) => m.id)).toEqual(['b1#warn', 'b1#start', 'b1#end', 'b2#start', 'b2#end']);
    // A range that starts mid-block still sees the block's end.
    expect(collectMoments([blocks], 10 * h, 24 * h, settings).map((m) => m.id)).toEqual([
      'b1#end',
      'b2#start',
      'b2#end',
    ]);
  });
});

describe('workdaySource', () => {
  const zone = 'Europe/Berlin';
  const base = defaultSettings(zone);

  it('marks the start and end of each date’s hours by the rules in force on it; none on a holiday', () => {
    // From Wednesday 17 March hours are 10:00–19:00; Thursday 18 March is a holiday.
    const book = new RuleBook(base, [
      {
        key: 'workingHours',
        from: '2027-03-17',
        value: {
          ...base.workingHours,
          wed: { start: '10:00', end: '19:00' },
          thu: { start: '10:00', end: '19:00' },
        },
      },
      { key: 'holidays', from: '2027-03-17', value: [{ from: '2027-03-18', to: '2027-03-18' }] },
    ]);
    const rules: RulesView = { current: book.on('2027-03-15'), on: (d) => book.on(d) };
    const events = collectAgenda(
      [workdaySource],
      instantAt('2027-03-16', '00:00', zone),
      instantAt('2027-03-20', '00:00', zone),
      rules,
    );
    expect(events.map((e) => `${e.id} ${toLocalIso(e.start, zone)}`)).toEqual([
      'workday:2027-03-16:start 2027-03-16T09:00:00+01:00',
      'workday:2027-03-16:end 2027-03-16T17:30:00+01:00',
      'workday:2027-03-17:start 2027-03-17T10:00:00+01:00',
      'workday:2027-03-17:end 2027-03-17T19:00:00+01:00',
      'workday:2027-03-19:start 2027-03-19T09:00:00+01:00',
      'workday:2027-03-19:end 2027-03-19T17:30:00+01:00',
    ]);
    expect(events.every((e) => e.internal === true && e.kind === 'workday')).toBe(true);
  });
});
