import { describe, expect, it } from 'vitest';
import { collectAgenda, nextAgendaEvent, type AgendaSource } from '../../src-main/core/agenda';
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

  it('finds the next event strictly after a moment, skipping handled ones', () => {
    const sources = [source('a', [100, 200, 300])];
    expect(nextAgendaEvent(sources, 100, settings)?.id).toBe('a-200');
    expect(nextAgendaEvent(sources, 100, settings, { done: new Set(['a-200']) })?.id).toBe('a-300');
    expect(nextAgendaEvent(sources, 300, settings)).toBeUndefined();
  });
});
