import { describe, expect, it } from 'vitest';
import { makeServices } from '../helpers/services';

/** The first run (#18): once on a new data file, a gentle review on data from before it. */
describe('the welcome', () => {
  it('a new data file gets the first run, and keeps it until it is finished', () => {
    const { services, dataDir } = makeServices();
    const first = services.welcome.status();
    expect(first.show).toBe('first-run');
    expect(first.stillDefault).toEqual(['workingHours', 'focusPlan', 'oneOnOne']);
    expect(first.today).toBe('2027-03-15');
    expect(first.tomorrow).toBe('2027-03-16');
    // Something recorded while the first run is open (presence, a CLI check) does not end it.
    services.talkingPoints.add('Ask about the offsite');
    expect(services.welcome.status().show).toBe('first-run');
    services.close();
    const again = makeServices(undefined, undefined, { dataDir }).services;
    expect(again.welcome.status().show).toBe('first-run');
    expect(again.welcome.finish().show).toBe('none');
    expect(again.welcome.status().show).toBe('none');
    again.close();
  });

  it('data with records from before gets "review", never the first run, until dismissed', () => {
    const { services } = makeServices();
    services.talkingPoints.add('Something from before the first run existed');
    expect(services.welcome.status().show).toBe('review');
    expect(services.welcome.status().show).toBe('review');
    expect(services.welcome.finish().show).toBe('none');
  });

  it('a setting the user stored makes the data not new, and is no longer named as a default', () => {
    const { services } = makeServices();
    services.settings.set('oneOnOne', { weekday: 'thu', time: '10:00' });
    const status = services.welcome.status();
    expect(status.show).toBe('review');
    expect(status.stillDefault).toEqual(['workingHours', 'focusPlan']);
  });

  it('the welcome is bookkeeping: a data export leaves it out', () => {
    const { services } = makeServices();
    services.welcome.finish();
    services.settings.set('theme', 'dark');
    const settings = (JSON.parse(services.data.exportJson()) as { settings: unknown }).settings;
    expect(settings).toEqual({ theme: 'dark' });
  });
});
