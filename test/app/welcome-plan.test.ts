import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';

/** Monday 15 March 2027, 09:00 in Berlin: the default plan's first block starts now. */
const MONDAY = Date.parse('2027-03-15T08:00:00Z');

describe('a new data file while its first run is open', () => {
  it('starts no block from Keel’s default plan; once the first run is done, the next block starts', () => {
    const { app, clock, tray, services } = makeApp(MONDAY, { welcome: true });
    app.start();
    expect(services.welcome.status().show).toBe('first-run');
    expect(tray.state).not.toBe('focus');
    expect(services.focus.running()).toBeUndefined();

    services.welcome.finish();
    clock.advanceTo(Date.parse('2027-03-15T13:00:00Z')); // 14:00 in Berlin
    expect(tray.state).toBe('focus');
    expect(services.focus.running()?.kind).toBe('planned');
    app.close();
  });
});
