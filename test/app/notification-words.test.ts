import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hidesWords } from '../../src-main/app/notification-words';
import { Prompts, type PromptsDeps } from '../../src-main/app/prompts';
import { ManualClock } from '../../src-main/core/clock';
import { RecordingNotifier, RecordingShell } from '../../src-main/platform/recording';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// 2027-03-15 is a Monday; Berlin is UTC+1. The default plan has a block at 09:00–11:00.
const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);

/** What the user wrote or their calendar holds; none of it may be in a hidden notification. */
const CUE = 'CUE-3b7e: rewrite the billing retry loop';
const MEETING = 'MEETING-8c2d: talk about my raise';
const WORDS = ['CUE-3b7e', 'billing retry', 'MEETING-8c2d', 'my raise'];

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'BEGIN:VEVENT',
  'UID:raise@test',
  'DTSTAMP:20270301T000000Z',
  'DTSTART:20270315T083000Z',
  'DTEND:20270315T090000Z',
  `SUMMARY:${MEETING}`,
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** The app at 07:30 with a cue left for the next block and a meeting inside the 09:00 block. */
async function setup(
  screenLockReported: boolean | (() => boolean),
  setting?: 'always' | 'when-locked' | 'never',
) {
  const made = makeApp(at('07:30'), { adapters: { screenLockReported } });
  if (setting) made.services.settings.set('hideWordsInNotifications', setting);
  const file = path.join(tempDir(), 'work.ics');
  fs.writeFileSync(file, ICS);
  await made.services.calendar.importFrom(file);
  made.services.focus.leaveOff(CUE);
  made.app.start();
  const bodies = () => made.notifier.shown.map((n) => n.body);
  return { ...made, bodies };
}

const quoted = (bodies: string[]) => bodies.filter((b) => WORDS.some((w) => b.includes(w)));

describe('hide my words in notifications', () => {
  it('decides from the setting and the lock, and counts an unknown lock as locked', () => {
    expect(hidesWords('always', false)).toBe(true);
    expect(hidesWords('never', true)).toBe(false);
    expect(hidesWords('never', null)).toBe(false);
    expect(hidesWords('when-locked', true)).toBe(true);
    expect(hidesWords('when-locked', false)).toBe(false);
    expect(hidesWords('when-locked', null)).toBe(true);
  });

  it('is on for the lock screen by default', async () => {
    const { services } = await setup(true);
    expect(services.settings.get().hideWordsInNotifications).toBe('when-locked');
  });

  it('macOS and Windows, unlocked: the user’s words show as written', async () => {
    const { clock, bodies } = await setup(true);
    clock.advanceTo(at('08:55'));
    clock.advanceTo(at('09:00'));
    expect(bodies()).toEqual([`Heads-up: “${MEETING}” at 09:30 overlaps it.`, `Where you left off: ${CUE}`]);
  });

  it('macOS and Windows, locked: no words reach the notifier, and those shown before are taken back', async () => {
    const { clock, bodies, power, notifier } = await setup(true);
    clock.advanceTo(at('08:55'));
    expect(quoted(bodies())).toHaveLength(1);
    power.emit('lock-screen');
    expect(notifier.withdrawn).toEqual([notifier.shown[0]!.id]);
    clock.advanceTo(at('09:00'));
    expect(bodies().at(-1)).toBe('Where you left off is waiting in Keel.');
    expect(quoted(bodies().slice(1))).toEqual([]);
  });

  it('Linux, where the lock cannot be known: "when locked" hides them all the time', async () => {
    const { clock, bodies } = await setup(false);
    clock.advanceTo(at('08:55'));
    clock.advanceTo(at('09:00'));
    expect(bodies()).toEqual([
      'Heads-up: a meeting at 09:30 overlaps it.',
      'Where you left off is waiting in Keel.',
    ]);
    expect(quoted(bodies())).toEqual([]);
  });

  it('Linux once logind (or the screensaver) is found: the words show unlocked and go at the lock', async () => {
    // Presence finds its lock source a moment after start (desktop-adapters.ts asks it each time).
    let lockSourceFound = false;
    const { clock, bodies, power, notifier } = await setup(() => lockSourceFound);
    clock.advanceTo(at('08:55'));
    expect(bodies()).toEqual(['Heads-up: a meeting at 09:30 overlaps it.']);
    lockSourceFound = true;
    clock.advanceTo(at('09:00'));
    expect(bodies().at(-1)).toBe(`Where you left off: ${CUE}`);
    power.emit('lock-screen');
    expect(notifier.withdrawn).toEqual([notifier.shown[1]!.id]);
  });

  it('"always" hides them unlocked too; "never" shows them on Linux', async () => {
    const always = await setup(true, 'always');
    always.clock.advanceTo(at('09:00'));
    expect(quoted(always.bodies())).toEqual([]);
    expect(always.bodies()).toContain('Heads-up: a meeting at 09:30 overlaps it.');

    const never = await setup(false, 'never');
    never.clock.advanceTo(at('09:00'));
    expect(quoted(never.bodies())).toHaveLength(2);
    never.power.emit('lock-screen');
    expect(never.notifier.withdrawn).toEqual([]);
  });

  it('says a do-not-disturb problem without naming the Shortcut', () => {
    const clock = new ManualClock(at('09:00'));
    const notifier = new RecordingNotifier(() => clock.now());
    let hide = true;
    const prompts = new Prompts({
      notifier,
      shell: new RecordingShell(),
      services: {} as PromptsDeps['services'],
      clock,
      quietTime: () => false,
      hideWords: () => hide,
    });
    const problem =
      'The Shortcut "MEETING-8c2d Focus" did not run; check that it exists in the Shortcuts app.';
    prompts.notice('dnd', 'Do not disturb', problem);
    hide = false;
    prompts.notice('dnd', 'Do not disturb', problem);
    expect(notifier.shown.map((n) => n.body)).toEqual([
      'Keel could not change do-not-disturb; its Settings say why.',
      problem,
    ]);
    // Keel's own sentences without the user's words are shown as they are.
    hide = true;
    prompts.notice('backup', 'Today’s backup was not written', 'Keel tries again later.');
    expect(notifier.shown.at(-1)?.body).toBe('Keel tries again later.');
  });

  it('refuses a value it does not know, in one sentence', async () => {
    const { services } = await setup(true);
    expect(() => services.settings.set('hideWordsInNotifications', 'sometimes')).toThrow(
      'Use always, when-locked or never.',
    );
  });
});
