import { describe, expect, it } from 'vitest';
import type { TrayMenuItem } from '../../src-main/services/ports';
import { makeApp } from '../helpers/app';

/**
 * Issue #20: notifications and the tray speak the user's language — Settings → Language, else the
 * OS's preferred languages — and write times as the OS's regional format does (12-hour in the US).
 * Monday 15 March 2027 in Berlin; the default plan has a block at 09:00–11:00.
 */
const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);

const US_DESKTOP = { preferred: () => ['en-US'], regional: () => 'en-US' };
const GERMAN_DESKTOP = { preferred: () => ['de-DE', 'en-US'], regional: () => 'de-DE' };

function setup(languages: { preferred(): string[]; regional(): string }) {
  const made = makeApp(at('08:00'), { adapters: { languages } });
  made.app.start();
  const titles = () => made.notifier.shown.map((n) => n.title);
  const labels = (items: readonly TrayMenuItem[] = made.tray.menu): string[] =>
    items.flatMap((item) =>
      item.type === 'separator' ? [] : [item.label, ...(item.type === 'submenu' ? labels(item.items) : [])],
    );
  return { ...made, titles, labels };
}

describe('notifications and the tray in the user’s language', () => {
  it('on a US desktop: English with 12-hour times', () => {
    const { clock, notifier, tray, titles } = setup(US_DESKTOP);
    clock.advanceTo(at('08:55'));
    expect(titles()).toEqual(['Focus block at 9:00 AM']);
    expect(notifier.shown[0]?.body).toBe('Starts in 5 min, until 11:00 AM.');
    clock.advanceTo(at('09:00'));
    expect(titles().at(-1)).toBe('Focus until 11:00 AM');
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 AM · 2 hr left' });
  });

  it('on a German desktop: German with 24-hour times, the buttons and the menu too', () => {
    const { clock, notifier, tray, services, titles, labels } = setup(GERMAN_DESKTOP);
    clock.advanceTo(at('08:55'));
    expect(titles()).toEqual(['Fokusblock um 09:00']);
    expect(notifier.shown[0]?.body).toBe('Beginnt in 5 Min., bis 11:00.');
    expect(notifier.shown[0]?.actions?.map((a) => a.label)).toEqual(['Diesen auslassen', 'Jetzt starten']);
    clock.advanceTo(at('09:00'));
    expect(titles().at(-1)).toBe('Fokus bis 11:00');
    expect(labels()).toEqual(
      expect.arrayContaining([
        'Ich wurde unterbrochen',
        'Meeting',
        'Störung',
        'Fokusblock beenden',
        'Kurzcheck…',
        'Keel öffnen',
        'Keel beenden',
      ]),
    );
    services.focus.interrupt('meeting');
    clock.advanceTo(at('11:00'));
    expect(titles().at(-1)).toBe('2 Std. geschützt, 1 Unterbrechung');
    expect(labels()).toContain('Fokus starten');
    expect(labels()).toContain('25 Minuten');
    expect(tray.tooltip).toBe('Keel');
  });

  it('the language chosen in Settings wins over the OS, from the next notification on', () => {
    const { clock, services, titles, labels } = setup(US_DESKTOP);
    services.settings.set('language', 'fr');
    clock.advanceTo(at('08:55'));
    expect(titles()).toEqual(['Bloc de concentration à 9:00 AM']);
    expect(labels()).toContain('Quitter Keel');
    services.settings.set('language', 'system');
    clock.advanceTo(at('09:00'));
    expect(titles().at(-1)).toBe('Focus until 11:00 AM');
    expect(labels()).toContain('Quit Keel');
  });
});
