import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_DELAY_MS, systemTimers } from '../../src-main/core/clock';

describe('systemTimers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires after the delay and can be cleared', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    systemTimers.setTimeout(() => fired.push('a'), 1000);
    const b = systemTimers.setTimeout(() => fired.push('b'), 1000);
    systemTimers.clearTimeout(b);
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
  });

  it('caps delays setTimeout cannot hold instead of firing them at once', () => {
    vi.useFakeTimers();
    let fired = false;
    systemTimers.setTimeout(() => (fired = true), 40 * 24 * 60 * 60 * 1000);
    vi.advanceTimersByTime(1000);
    expect(fired).toBe(false);
    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS);
    expect(fired).toBe(true);
  });

  it('treats negative and non-finite delays as "now" and ignores foreign handles', () => {
    vi.useFakeTimers();
    const fired: number[] = [];
    systemTimers.setTimeout(() => fired.push(1), -50);
    systemTimers.setTimeout(() => fired.push(2), Number.NaN);
    expect(() => systemTimers.clearTimeout(undefined)).not.toThrow();
    vi.advanceTimersByTime(0);
    expect(fired).toEqual([1, 2]);
  });
});
