import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INTERRUPTION_KINDS } from '../../src-main/core/focus';
import type { TrayCommand, TrayMenuItem } from '../../src-main/services/ports';
import { makeApp } from '../helpers/app';

// 2027-03-15 is a Monday; Berlin is UTC+1 until 2027-03-28.
const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);
const NO_ANSWERS = { done: '', unfinished: [], firstTomorrow: '', energy: null, quiet: false };
const SIGN_OFF: TrayCommand = { kind: 'open', view: 'signoff' };
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** The copy-status item's command, whatever its fingerprint (RecordingTray finds items by kind). */
const COPY_STATUS: TrayCommand = { kind: 'copy-status', contentHash: '' };

/** The app started at `start`; `plan: false` empties the focus plan first. */
function setup(start: number, { plan = true } = {}) {
  const made = makeApp(start);
  if (!plan) made.services.settings.set('focusPlan', []);
  made.app.start();
  const titles = () => made.notifier.shown.map((n) => n.title);
  return { ...made, titles };
}

/** Every command the menu offers, submenus opened, and the greyed-out lines' labels. */
function commandsOf(menu: TrayMenuItem[]): { commands: TrayCommand[]; info: string[] } {
  const commands: TrayCommand[] = [];
  const info: string[] = [];
  const visit = (items: TrayMenuItem[]): void => {
    for (const item of items) {
      if (item.type === 'item') commands.push(item.command);
      else if (item.type === 'info') info.push(item.label);
      else if (item.type === 'submenu') visit(item.items);
    }
  };
  visit(menu);
  return { commands, info };
}

describe('tray controller: state and menu', () => {
  it('builds the tray: state, tooltip and a menu with Open and Quit', () => {
    const { tray, shell } = setup(Date.parse('2027-03-15T09:00:00Z'), { plan: false }); // Monday 10:00 Berlin
    expect(tray.state).toBe('idle');
    const labels = tray.menu.flatMap((i) => (i.type === 'item' ? [i.label] : []));
    expect(labels).toContain('Open Keel');
    expect(labels).toContain('Quit Keel');
    tray.select({ kind: 'open' });
    expect(shell.shown).toEqual([undefined]);
    tray.select({ kind: 'quit' });
    expect(shell.quitRequested).toBe(true);
  });

  it('shows the after-hours state outside working hours and on days off', () => {
    const evening = setup(Date.parse('2027-03-15T19:00:00Z'), { plan: false }); // Monday 20:00 Berlin
    expect(evening.tray.state).toBe('after-hours');
    const sunday = setup(Date.parse('2027-03-21T10:00:00Z'), { plan: false });
    expect(sunday.tray.state).toBe('after-hours');
  });

  it('offers typed commands: focus lengths, the next block, the views and quitting; the status line does nothing', () => {
    const { tray } = setup(at('12:00'));
    const { commands, info } = commandsOf(tray.menu);
    expect(info).toEqual(['Next: Focus block at 14:00', 'Status: Working until 17:30']);
    expect(commands).toEqual([
      { kind: 'focus-start', minutes: 25 },
      { kind: 'focus-start', minutes: 50 },
      { kind: 'focus-start', minutes: 90 },
      { kind: 'focus-start-next' },
      { kind: 'open', view: 'checkin' },
      { kind: 'open', view: 'one-on-one' },
      { kind: 'open', view: 'signoff' },
      { kind: 'copy-status', contentHash: sha('Working until 17:30') },
      { kind: 'open' },
      { kind: 'quit' },
    ]);
  });

  it('while a block runs: the time left, one interruption command per kind, and ending the block', () => {
    const { tray } = setup(at('12:00'));
    tray.select({ kind: 'focus-start', minutes: 25 });
    const { commands, info } = commandsOf(tray.menu);
    expect(info).toEqual([
      'Focus until 12:25 · 25 mins left',
      "Status: In a focus block until 12:25 — I'll answer after",
    ]);
    expect(commands.slice(0, INTERRUPTION_KINDS.length + 1)).toEqual([
      ...INTERRUPTION_KINDS.map((interruption) => ({ kind: 'interrupt', interruption })),
      { kind: 'focus-stop' },
    ]);
    const submenu = tray.menu.find((i) => i.type === 'submenu');
    expect(submenu).toMatchObject({ label: 'I got interrupted' });
    expect(tray.tooltip).toBe('Keel — focus until 12:25');
    tray.select({ kind: 'focus-stop' });
    expect(tray.state).toBe('idle');
    expect(tray.tooltip).toBe('Keel');
  });

  it('the tray offers "Sign off…", then shows the time and the after-hours state', () => {
    const { tray, shell, services } = setup(at('16:00'), { plan: false });
    expect(tray.state).toBe('idle');
    const item = tray.item(SIGN_OFF);
    expect(item).toMatchObject({ label: 'Sign off…' });
    tray.select(SIGN_OFF);
    expect(shell.shown).toEqual(['signoff']);
    services.signoff.submit({ ...NO_ANSWERS, done: 'Shipped the importer' });
    expect(tray.state).toBe('after-hours');
    expect(tray.item(SIGN_OFF)).toMatchObject({
      label: 'Signed off at 16:00',
    });
  });
});

describe('tray controller: commands', () => {
  it('ad-hoc blocks from the tray, interruptions from the tray, and the end of an ad-hoc block', () => {
    const { clock, tray, services, shell, titles } = setup(at('12:00'));
    tray.select({ kind: 'focus-start', minutes: 25 });
    expect(tray.state).toBe('focus');
    expect(titles()).toEqual(['Focus until 12:25']);
    tray.select({ kind: 'interrupt', interruption: 'chat' });
    expect(shell.shown).toEqual(['focus']);
    expect(services.focus.status().running?.interruptions).toBe(1);
    clock.advanceTo(at('12:25'));
    expect(titles()).toEqual(['Focus until 12:25', '25 mins protected, 1 interruption']);
    expect(tray.state).toBe('idle');
  });

  it('explains a tray action that cannot be done, in one notification', () => {
    const { tray, services, notifier } = setup(at('20:00', '2027-03-19'));
    services.settings.set('focusPlan', []);
    const before = notifier.shown.length;
    tray.select({ kind: 'focus-start-next' });
    expect(notifier.shown.slice(before).map((n) => [n.title, n.body])).toEqual([
      ['Keel', 'Nothing is planned in the next 8 hours; pick a length instead.'],
    ]);
  });

  it('a click on the notice of a failed command opens the Focus view', () => {
    const { tray, services, notifier, shell } = setup(at('20:00', '2027-03-19'));
    services.settings.set('focusPlan', []);
    tray.select({ kind: 'focus-start-next' });
    notifier.act(notifier.shown.at(-1)!.id);
    expect(shell.shown).toEqual(['focus']);
  });
});

describe('tray controller: the status line for chat', () => {
  it('shows the line, copies exactly it through the clipboard, and logs the share', async () => {
    const { tray, shell, services } = setup(at('16:00'), { plan: false });
    expect(commandsOf(tray.menu).info).toContain('Status: Working until 17:30');
    expect(tray.item(COPY_STATUS)).toMatchObject({ label: 'Copy status for chat' });
    tray.select(COPY_STATUS);
    await expect.poll(() => shell.copied).toEqual(['Working until 17:30']);
    expect(services.agreement.shares()).toMatchObject([{ kind: 'status', format: 'text', via: 'window' }]);
  });

  it('on a German desktop, shows and copies the line in German', async () => {
    const made = makeApp(at('16:00'), {
      adapters: { languages: { preferred: () => ['de-DE'], regional: () => 'de-DE' } },
    });
    made.services.settings.set('focusPlan', []);
    made.app.start();
    expect(commandsOf(made.tray.menu).info).toContain('Status: Arbeite bis 17:30');
    made.tray.select(COPY_STATUS);
    await expect.poll(() => made.shell.copied).toEqual(['Arbeite bis 17:30']);
  });

  it('writes the line with the system’s 12/24-hour clock, not the language’s own', async () => {
    // A US English desktop whose regional format is British: 24-hour, as its notifications say.
    const made = makeApp(at('16:00'), {
      adapters: { languages: { preferred: () => ['en-US'], regional: () => 'en-GB' } },
    });
    made.services.settings.set('focusPlan', []);
    made.app.start();
    expect(commandsOf(made.tray.menu).info).toContain('Status: Working until 17:30');
    made.tray.select(COPY_STATUS);
    await expect.poll(() => made.shell.copied).toEqual(['Working until 17:30']);
    // German words on a 12-hour system.
    const twelve = makeApp(at('16:00'), {
      adapters: { languages: { preferred: () => ['de-DE'], regional: () => 'en-US' } },
    });
    twelve.services.settings.set('focusPlan', []);
    twelve.app.start();
    expect(commandsOf(twelve.tray.menu).info).toContain('Status: Arbeite bis 5:30 PM');
  });

  it('refuses a line that changed since the menu showed it, says so once and shows the new one', async () => {
    const { tray, shell, services, notifier } = setup(at('12:00'), { plan: false });
    const shown = tray.item(COPY_STATUS);
    services.focus.startAdhoc({ minutes: 25 }); // the tray redraws; a stale click still carries the old line
    tray.clickShown(shown!.command);
    await expect
      .poll(() => notifier.shown.at(-1)?.body)
      .toBe("Your status has changed to “In a focus block until 12:25 — I'll answer after”; copy it again.");
    expect(shell.copied).toEqual([]);
    expect(services.agreement.shares()).toEqual([]);
    expect(commandsOf(tray.menu).info).toContain("Status: In a focus block until 12:25 — I'll answer after");
  });
});

describe('tray controller: working hours', () => {
  it('switches the tray to and from after-hours at the edges of the working day, without polling', () => {
    const { clock, tray, services, power } = setup(at('06:00', '2027-03-20')); // Saturday
    power.idle = 3600; // away all weekend
    services.settings.set('focusPlan', []);
    expect(tray.state).toBe('after-hours');
    const before = clock.firedCount;
    clock.advanceTo(at('09:00', '2027-03-22')); // Monday 09:00
    expect(tray.state).toBe('idle');
    clock.advanceTo(at('17:30', '2027-03-22'));
    expect(tray.state).toBe('after-hours');
    // Over two and a half days: Monday's start and end (the planned sign-off at the same instant
    // shares that wake-up), the day's backup once after start-up, and four presence samples an hour.
    const presence = (at('17:30', '2027-03-22') - at('06:00', '2027-03-20')) / (15 * 60_000);
    expect(clock.firedCount - before).toBe(2 + 1 + presence);
  });
});

describe('tray controller: the global focus shortcut', () => {
  it('starts a 50-minute block, or opens the Focus view when one runs', () => {
    const { app, titles, shell } = setup(at('12:00'));
    app.onFocusShortcut();
    expect(titles()).toEqual(['Focus until 12:50']);
    app.onFocusShortcut();
    expect(shell.shown).toEqual(['focus']);
    expect(titles()).toHaveLength(1);
  });
});
