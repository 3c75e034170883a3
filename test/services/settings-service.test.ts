import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { createServices } from '../../src-main/services';
import { makeServices } from '../helpers/services';

describe('SettingsService', () => {
  it('stores a valid value, survives reopening and announces the change', () => {
    const { services, dataDir, clock } = makeServices();
    const seen: string[] = [];
    services.settings.onDidChange.on((s) => seen.push(s.theme));
    services.settings.set('theme', 'dark');
    expect(services.settings.get().theme).toBe('dark');
    expect(seen).toEqual(['dark']);
    services.close();
    const reopened = createServices({ dataDir, clock, version: 't', systemZone: () => 'UTC' });
    expect(reopened.settings.get().theme).toBe('dark');
    reopened.close();
  });

  it('rejects an invalid value with invalid_input and writes nothing', () => {
    const { services } = makeServices();
    const count = () =>
      (
        services.db
          .prepare(
            "SELECT (SELECT count(*) FROM settings WHERE key != 'firstStartAt') + (SELECT count(*) FROM rule_changes) AS n",
          )
          .get() as { n: number }
      ).n;
    expect(() => services.settings.set('zone', 'Mars/Base')).toThrow(KeelError);
    expect(() => services.settings.set('dayBoundary', '25:00')).toThrow('Use a 24-hour time such as 09:00.');
    expect(count()).toBe(0);
    expect(services.settings.get().zone).toBe('Europe/Berlin');
  });

  it('follows the system zone until the user sets one', () => {
    let zone = 'Europe/Berlin';
    const { services: base, dataDir, clock } = makeServices();
    base.close();
    const services = createServices({ dataDir, clock, version: 't', systemZone: () => zone });
    expect(services.settings.get().zone).toBe('Europe/Berlin');
    zone = 'America/New_York';
    expect(services.settings.reload().zone).toBe('America/New_York');
    services.settings.set('zone', 'Asia/Tokyo');
    zone = 'UTC';
    expect(services.settings.reload().zone).toBe('Asia/Tokyo');
    services.close();
  });
});
