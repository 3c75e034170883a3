import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
let made: ReturnType<typeof makeServices> | undefined;
afterEach(() => made?.services.close());

describe('focus status: where "Until next meeting or block" would end', () => {
  it('names the next block’s start, and nothing after hours when nothing comes within 8 hours', () => {
    made = makeServices(instantAt('2027-03-16', '12:00', zone), zone);
    const { clock, services } = made;
    expect(services.focus.status().untilNext).toEqual({
      endsAt: '2027-03-16T14:00:00+01:00',
      endTime: '14:00',
    });
    clock.advanceTo(instantAt('2027-03-16', '17:31', zone));
    expect(services.focus.status().untilNext).toBeNull();
    // What the status promises is what starting does: it refuses, so the window hides the button.
    expect(() => services.focus.startAdhoc({ until: 'next' })).toThrow(
      /Nothing is planned in the next 8 hours/,
    );
  });

  it('is null while a block runs', () => {
    made = makeServices(instantAt('2027-03-16', '12:00', zone), zone);
    made.services.focus.startAdhoc({ minutes: 25 });
    expect(made.services.focus.status().untilNext).toBeNull();
  });
});
