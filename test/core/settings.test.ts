import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { defaultSettings, resolveSettings, settingSchemas } from '../../src-main/core/settings';
import { parseOrThrow } from '../../src-main/core/validation';

describe('settings', () => {
  it('defaults to Mon–Fri 09:00–17:30 and two focus blocks a weekday', () => {
    const s = defaultSettings('Europe/Berlin');
    expect(s.zone).toBe('Europe/Berlin');
    expect(s.workingHours.mon).toEqual({ start: '09:00', end: '17:30' });
    expect(s.workingHours.fri).toEqual({ start: '09:00', end: '17:30' });
    expect(s.workingHours.sat).toBeNull();
    expect(s.workingHours.sun).toBeNull();
    expect(s.focusPlan).toHaveLength(10);
    expect(s.focusPlan.filter((r) => r.weekday === 'wed')).toEqual([
      { weekday: 'wed', start: '09:00', end: '11:00' },
      { weekday: 'wed', start: '14:00', end: '16:00' },
    ]);
    expect(s.theme).toBe('system');
  });

  it('every default passes its own schema', () => {
    const s = defaultSettings('UTC');
    for (const key of Object.keys(settingSchemas) as (keyof typeof settingSchemas)[]) {
      expect(settingSchemas[key].safeParse(s[key]).success, key).toBe(true);
    }
  });

  it('rejects overlapping focus blocks with one sentence', () => {
    const bad = [
      { weekday: 'mon', start: '09:00', end: '11:00' },
      { weekday: 'mon', start: '10:30', end: '12:00' },
    ];
    expect(() => parseOrThrow(settingSchemas.focusPlan, bad)).toThrow(
      '1: Focus blocks on Monday overlap (09:00–11:00 and 10:30–12:00).',
    );
    // Touching blocks are fine.
    expect(() =>
      parseOrThrow(settingSchemas.focusPlan, [
        { weekday: 'mon', start: '09:00', end: '11:00' },
        { weekday: 'mon', start: '11:00', end: '12:00' },
      ]),
    ).not.toThrow();
  });

  it('reports where a value is wrong', () => {
    try {
      parseOrThrow(settingSchemas.workingHours, {
        ...defaultSettings('UTC').workingHours,
        tue: { start: '9', end: '17:00' },
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KeelError);
      expect((e as KeelError).code).toBe('invalid_input');
      expect((e as KeelError).message).toBe('tue.start: Use a 24-hour time such as 09:00.');
    }
  });

  it('allows working hours across midnight but not a zero-length day', () => {
    expect(
      settingSchemas.workingHours.safeParse({
        ...defaultSettings('UTC').workingHours,
        fri: { start: '22:00', end: '06:00' },
      }).success,
    ).toBe(true);
    expect(
      settingSchemas.workingHours.safeParse({
        ...defaultSettings('UTC').workingHours,
        fri: { start: '09:00', end: '09:00' },
      }).success,
    ).toBe(false);
  });

  it('overlays stored values and ignores ones that no longer validate', () => {
    const s = resolveSettings({ theme: 'dark', zone: 'Not/AZone', unknownKey: 1 }, 'Asia/Tokyo');
    expect(s.theme).toBe('dark');
    expect(s.zone).toBe('Asia/Tokyo');
    expect(s).not.toHaveProperty('unknownKey');
  });
});
