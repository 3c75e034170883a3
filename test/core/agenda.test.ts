import { describe, expect, it } from 'vitest';
import { collectAgenda, collectMoments, nextMoment, type AgendaSource } from '../../src-main/core/agenda';
import { defaultSettings } from '../../src-main/core/settings';

const settings = defaultSettings('UTC');
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
