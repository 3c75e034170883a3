import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_DELAY_MS, nodeTimers } from '../../src-main/platform/node-timers';

describe('nodeTimers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires after the delay and can be cleared', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    nodeTimers.setTimeout(() => fired.push('a'), 1000);
    const b = nodeTimers.setTimeout(() => fired.push('b'), 1000);
    nodeTimers.clearTimeout(b);
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
  });

  it('caps delays setTimeout cannot hold instead of firing them at once', () => {
    vi.useFakeTimers();
    let fired = false;
    nodeTimers.setTimeout(() => (fired = true), 40 * 24 * 60 * 60 * 1000);
    vi.advanceTimersByTime(1000);
    expect(fired).toBe(false);
    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS);
    expect(fired).toBe(true);
  });

  it('treats negative and non-finite delays as "now" and ignores foreign handles', () => {
    vi.useFakeTimers();
    const fired: number[] = [];
    nodeTimers.setTimeout(() => fired.push(1), -50);
    nodeTimers.setTimeout(() => fired.push(2), Number.NaN);
    expect(() => nodeTimers.clearTimeout(undefined)).not.toThrow();
    vi.advanceTimersByTime(0);
    expect(fired).toEqual([1, 2]);
  });
});
