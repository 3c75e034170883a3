import { describe, expect, it } from 'vitest';
import { makeServices } from '../helpers/services';

// Friday 19 March 2027 in Berlin (UTC+1), with the default hours (09:00–17:30) and focus plan.
const at = (hhmm: string, date = '2027-03-19') => Date.parse(`${date}T${hhmm}:00+01:00`);
const DEFAULT_BLOCKS = [
  { start: '09:00', end: '11:00' },
  { start: '14:00', end: '16:00' },
];

describe('StatusService: today’s hours and focus blocks (the Today view, keel status)', () => {
  it('a plain workday: the weekday’s hours and the plan’s blocks', () => {
    const { services } = makeServices(at('08:00'));
    expect(services.status.status().today).toMatchObject({
      date: '2027-03-19',
      weekday: 'fri',
      workingHours: { start: '09:00', end: '17:30' },
      focusBlocks: DEFAULT_BLOCKS,
    });
  });

  it('a holiday: no working hours and no focus blocks, the next workday has both again', () => {
    const { services, clock } = makeServices(at('08:00', '2027-03-16'));
    services.settings.set('holidays', [{ from: '2027-03-19', to: '2027-03-19', note: 'Bridge day' }]);
    clock.jumpTo(at('08:00'));
    expect(services.status.status().today).toMatchObject({ workingHours: null, focusBlocks: [] });
    clock.jumpTo(at('08:00', '2027-03-22'));
    expect(services.status.status().today).toMatchObject({
      workingHours: { start: '09:00', end: '17:30' },
      focusBlocks: DEFAULT_BLOCKS,
    });
  });

  it('a focus pause keeps the working hours but plans no blocks', () => {
    const { services } = makeServices(at('08:00'));
    services.settings.set('focusPauses', [{ from: '2027-03-18', to: '2027-03-26' }], { from: '2027-03-18' });
    expect(services.status.status().today).toMatchObject({
      workingHours: { start: '09:00', end: '17:30' },
      focusBlocks: [],
    });
  });

  it('hours changed from tomorrow leave today’s as they are', () => {
    const { services, clock } = makeServices(at('08:00'));
    const hours = services.settings.get().workingHours;
    services.settings.set('workingHours', { ...hours, fri: null }, { from: '2027-03-20' });
    expect(services.status.status().today.workingHours).toEqual({ start: '09:00', end: '17:30' });
    clock.jumpTo(at('08:00', '2027-03-26'));
    expect(services.status.status().today).toMatchObject({ workingHours: null, focusBlocks: [] });
  });
});
