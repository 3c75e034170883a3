import { afterEach, describe, expect, it } from 'vitest';
import { checkinInputSchema } from '../../src-main/core/checkin';
import { signoffInputSchema } from '../../src-main/core/signoff';
import { instantAt } from '../../src-main/core/time';
import { createHandlers } from '../../src-main/ipc/handlers';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
const at = (date: string, hhmm: string) => instantAt(date, hhmm, zone);

let made: ReturnType<typeof makeServices> | undefined;
afterEach(() => made?.services.close());

/** Keel first started Monday 1 March 2027 at 09:00 Berlin; two weeks of blocks, evenings and check-ins. */
function seeded() {
  made = makeServices(at('2027-03-01', '09:00'), zone);
  const { clock, services } = made;
  const block = (date: string, minutes: number) => {
    clock.advanceTo(at(date, '12:00'));
    services.focus.startAdhoc({ minutes });
    clock.advanceTo(at(date, '12:00') + minutes * 60_000);
    services.focus.stop();
  };
  const check = (date: string, workload: number, energy: number) => {
    clock.advanceTo(at(date, '15:00'));
    services.checkin.add(checkinInputSchema.parse({ workload, energy, sustainable: 'mostly' }));
  };
  const workdays = new WorkdayRepo(services.db);
  // The week before last: one hour, no late evening, one check-in.
  block('2027-03-02', 60);
  workdays.recordPresence('2027-03-02', zone, at('2027-03-02', '09:00'));
  workdays.recordPresence('2027-03-02', zone, at('2027-03-02', '17:00'));
  check('2027-03-03', 2, 4);
  // Last week: two and a half hours, one late evening, two check-ins.
  block('2027-03-09', 60);
  block('2027-03-10', 90);
  workdays.recordPresence('2027-03-10', zone, at('2027-03-10', '09:00'));
  workdays.recordPresence('2027-03-10', zone, at('2027-03-10', '19:00'));
  check('2027-03-10', 4, 2);
  check('2027-03-11', 4, 3);
  services.talkingPoints.add('The on-call rota');
  return made;
}

describe('TodayService: the Monday recap', () => {
  it('recaps last week against the week before, each figure with how it was counted', () => {
    const { clock, services } = seeded();
    clock.advanceTo(at('2027-03-15', '10:00'));
    const card = services.today.card();
    expect(card.phase).toBe('during');
    const recap = card.recap;
    expect(recap?.week).toEqual({ from: '2027-03-08', to: '2027-03-14', label: 'March 8 – 14, 2027' });
    expect(recap?.previous.from).toBe('2027-03-01');
    expect(recap?.focus.value).toBe('2 hr, 30 min protected · 20 hr planned');
    expect(recap?.focus.change).toBe(
      '1 hr, 30 min more than the week before (1 hr protected · 20 hr planned).',
    );
    expect(recap?.focus.howCounted).toMatch(/^Planned: the blocks of your weekly focus plan/);
    expect(recap?.evenings.value).toBe('1 late evening in 1 workday');
    expect(recap?.evenings.change).toBe('1 more than the week before (0).');
    expect(recap?.evenings.howCounted).toMatch(/Late: last activity more than 30 minutes/);
    expect(recap?.checkins.value).toBe('2 check-ins');
    expect(recap?.checkins.change).toBe('Workload 4.0, up from 2.0; energy 2.5, down from 4.0.');
    expect(recap?.talkingPoints.value).toBe('1 talking point waiting');
  });

  it('uses the Focus view’s own figures: the recap’s week equals focus:stats for it', async () => {
    const { clock, services } = seeded();
    clock.advanceTo(at('2027-03-15', '10:00'));
    const stats = await createHandlers(services)['focus:stats']({ from: '2027-03-08', to: '2027-03-14' });
    const recap = services.today.card().recap;
    expect(recap?.focus.protectedMinutes).toBe(stats.totals.protectedMinutes);
    expect(recap?.focus.plannedMinutes).toBe(stats.totals.plannedMinutes);
  });

  it('never changes a past week when the plan or the hours change from today', () => {
    const { clock, services } = seeded();
    clock.advanceTo(at('2027-03-15', '10:00'));
    const before = services.today.card().recap;
    services.settings.set('focusPlan', []);
    const short = { start: '09:00', end: '12:00' };
    services.settings.set('workingHours', {
      mon: short,
      tue: short,
      wed: short,
      thu: short,
      fri: short,
      sat: null,
      sun: null,
    });
    expect(services.today.card().recap).toEqual(before);
  });

  it('says there is nothing to compare with when Keel was not counting the week before', () => {
    made = makeServices(at('2027-03-08', '09:00'), zone);
    made.clock.advanceTo(at('2027-03-15', '10:00'));
    const recap = made.services.today.card().recap;
    expect(recap?.counted).toBe(true);
    expect(recap?.focus.change).toBe(
      'Keel was not counting yet that week, so there is nothing to compare with.',
    );
    expect(recap?.focus.value).toBe('0 min protected · 20 hr planned');
  });

  it('shows no recap in Keel’s first week: last week was not counted, a card of zeros would say nothing', () => {
    made = makeServices(at('2027-03-08', '07:40'), zone);
    expect(made.services.today.card()).toMatchObject({ phase: 'before', recap: null });
    made.clock.advanceTo(at('2027-03-08', '10:00'));
    expect(made.services.today.card().recap).toBeNull();
  });

  it('recaps only on the first working day of a week: Tuesday after a Monday holiday, not the Monday', () => {
    const { clock, services } = seeded();
    services.settings.set('holidays', [{ from: '2027-03-22', to: '2027-03-22', note: 'Spring day' }]);
    clock.advanceTo(at('2027-03-16', '10:00'));
    expect(services.today.card().recap).toBeNull();
    clock.advanceTo(at('2027-03-22', '10:00'));
    const holiday = services.today.card();
    expect(holiday).toMatchObject({ phase: 'quiet', quietReason: 'Spring day', recap: null, hours: null });
    clock.advanceTo(at('2027-03-23', '10:00'));
    expect(services.today.card().recap?.week.from).toBe('2027-03-15');
  });
});

describe('TodayService: the state of the day', () => {
  it('moves from before to during to after hours, and says when the next change comes', () => {
    made = makeServices(at('2027-03-15', '07:00'), zone);
    const { clock, services } = made;
    expect(services.today.card()).toMatchObject({
      phase: 'before',
      changesAt: '2027-03-15T09:00:00+01:00',
      hours: { start: '09:00', end: '17:30' },
    });
    clock.advanceTo(at('2027-03-15', '12:00'));
    expect(services.today.card()).toMatchObject({ phase: 'during', changesAt: '2027-03-15T17:30:00+01:00' });
    clock.advanceTo(at('2027-03-15', '17:31'));
    // After hours the card is read again when the workday moves on (the 04:00 day boundary), so a
    // window left open overnight shows the new day before its hours, not yesterday's sign-off.
    expect(services.today.card()).toMatchObject({ phase: 'after', changesAt: '2027-03-16T04:00:00+01:00' });
    clock.advanceTo(at('2027-03-16', '02:00'));
    expect(services.today.card()).toMatchObject({ phase: 'after', workday: '2027-03-15' });
    clock.advanceTo(at('2027-03-16', '04:00'));
    expect(services.today.card()).toMatchObject({ phase: 'before', workday: '2027-03-16' });
    clock.advanceTo(at('2027-03-20', '11:00'));
    expect(services.today.card()).toMatchObject({
      phase: 'quiet',
      quietReason: 'Day off',
      changesAt: '2027-03-21T04:00:00+01:00',
    });
  });

  it('is after hours once signed off, and counts the minutes protected today as Focus does', () => {
    // 12:00: between the plan's blocks, so the block runs its own 25 minutes.
    made = makeServices(at('2027-03-16', '12:00'), zone);
    const { clock, services } = made;
    services.focus.startAdhoc({ minutes: 25 });
    clock.advanceBy(10 * 60_000);
    expect(services.today.card().protectedTodayMinutes).toBe(10);
    clock.advanceBy(20 * 60_000);
    expect(services.today.card().protectedTodayMinutes).toBe(25);
    services.signoff.submit(signoffInputSchema.parse({}));
    expect(services.today.card().phase).toBe('after');
  });

  it('carries the workday’s blocks and a running block in any phase, and is read again when it ends', () => {
    made = makeServices(at('2027-03-16', '18:00'), zone);
    const { clock, services } = made;
    expect(services.today.card()).toMatchObject({
      phase: 'after',
      blocks: [
        { start: '09:00', end: '11:00' },
        { start: '14:00', end: '16:00' },
      ],
      running: null,
    });
    services.focus.startAdhoc({ minutes: 50 });
    expect(services.today.card()).toMatchObject({
      phase: 'after',
      running: { kind: 'adhoc', endTime: '18:50', endsAt: '2027-03-16T18:50:00+01:00' },
      changesAt: '2027-03-16T18:50:00+01:00',
    });
    clock.advanceTo(at('2027-03-16', '18:51'));
    expect(services.today.card()).toMatchObject({ running: null, changesAt: '2027-03-17T04:00:00+01:00' });
    clock.advanceTo(at('2027-03-20', '10:00'));
    expect(services.today.card()).toMatchObject({ phase: 'quiet', blocks: [] });
  });

  it('after midnight, before the day boundary, counts the workday being signed off, not the new date', () => {
    made = makeServices(at('2027-03-16', '12:00'), zone);
    const { clock, services } = made;
    services.focus.startAdhoc({ minutes: 25 });
    clock.advanceBy(25 * 60_000);
    clock.advanceTo(at('2027-03-17', '00:30'));
    expect(services.today.card()).toMatchObject({
      phase: 'after',
      workday: '2027-03-16',
      protectedTodayMinutes: 25,
    });
  });

  it('has a check-in due once its prompt’s time came today, until one is saved', () => {
    made = makeServices(at('2027-03-16', '10:00'), zone);
    const { clock, services } = made;
    const checkins = services.settings.get().checkins;
    services.settings.set('checkins', { ...checkins, cadence: { mode: 'daily', time: '14:00' } });
    clock.advanceTo(at('2027-03-16', '13:59'));
    expect(services.today.card().checkinDue).toBe(false);
    clock.advanceTo(at('2027-03-16', '14:01'));
    expect(services.today.card().checkinDue).toBe(true);
    services.checkin.add(checkinInputSchema.parse({ workload: 3, energy: 3, sustainable: 'yes' }));
    expect(services.today.card().checkinDue).toBe(false);
  });
});
