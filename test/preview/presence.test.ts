/** @vitest-environment node */
import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { previewDesk, testAction, type Desk } from '../../src-main/preview/desk';
import { scheduledIdleSeconds, WRAP_UP_MINUTES } from '../../src-main/preview/presence';
import { tempDir } from '../helpers/temp';

const zone = 'Europe/Berlin';
const at = (date: string, hhmm: string) => instantAt(date, hhmm, zone);
const MIN = 60;

/** 09:00–17:30 on weekdays of the week of Monday 16 March 2026; nothing at weekends. */
function spanOn(date: string) {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? null : { start: at(date, '09:00'), end: at(date, '17:30') };
}

describe('the preview’s make-believe user', () => {
  it('is at the keyboard in working hours and a few minutes after, and away since then outside them', () => {
    expect(scheduledIdleSeconds(at('2026-03-17', '10:00'), '2026-03-17', spanOn)).toBe(0);
    expect(scheduledIdleSeconds(at('2026-03-17', '17:35'), '2026-03-17', spanOn)).toBe(0);
    // Left at 17:40: at 20:00 the last input was 2 h 20 min ago, far past "late".
    expect(scheduledIdleSeconds(at('2026-03-17', '20:00'), '2026-03-17', spanOn)).toBe(140 * MIN);
    // Before hours, the last input was yesterday's, at 17:30 plus the wrap-up: 14 h 20 min ago at 08:00.
    expect(WRAP_UP_MINUTES).toBe(10);
    expect(scheduledIdleSeconds(at('2026-03-18', '08:00'), '2026-03-18', spanOn)).toBe((14 * 60 + 20) * MIN);
    // Saturday noon: Friday's wrap-up was the last.
    expect(scheduledIdleSeconds(at('2026-03-21', '12:00'), '2026-03-21', spanOn)).toBe(
      (at('2026-03-21', '12:00') - at('2026-03-20', '17:40')) / 1000,
    );
  });

  it('follows a night shift past midnight', () => {
    const night = (date: string) => ({ start: at(date, '22:00'), end: at(date, '22:00') + 8 * 3600_000 });
    expect(scheduledIdleSeconds(at('2026-03-18', '03:00'), '2026-03-18', night)).toBe(0);
    expect(scheduledIdleSeconds(at('2026-03-18', '07:00'), '2026-03-18', night)).toBe(50 * MIN);
  });
});

describe('a week in the preview on the test clock', () => {
  let desk: Desk | undefined;
  afterEach(() => desk?.app.close());

  it('counts no late evening for a week worked in hours, and a pinned idle time still wins', () => {
    const start = at('2026-03-16', '08:00');
    desk = previewDesk({ dataDir: tempDir(), testClockStart: start });
    const { app, manual } = desk;
    if (manual === undefined) throw new Error('no test clock');
    app.services.settings.set('zone', zone);
    app.start();
    manual.advanceTo(at('2026-03-21', '12:00'));
    const week = app.services.figures.days('2026-03-16', '2026-03-20');
    expect(week.map((d) => d.late)).toEqual([false, false, false, false, false]);
    expect(week[1]?.firstActive).toBe(at('2026-03-17', '09:00'));
    expect(week[1]?.lastActive).toBeLessThanOrEqual(at('2026-03-17', '17:40'));
    expect(week[1]?.lastActive).toBeGreaterThan(at('2026-03-17', '17:00'));
    // Started on Monday at 08:00 by someone at the keyboard: nothing dates back to the Friday before.
    expect(week[0]?.firstActive).toBe(start);
    expect(app.services.figures.day('2026-03-13').firstActive).toBeNull();

    // A test that needs the user at the keyboard late pins it.
    testAction(desk, manual, '/__keel/test/power', { idleSeconds: 0 });
    manual.advanceTo(at('2026-03-23', '21:00'));
    expect(app.services.figures.day('2026-03-23').late).toBe(true);
  });
});
