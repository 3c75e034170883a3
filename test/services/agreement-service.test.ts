import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import type { Channel, ChannelOutput } from '../../src-main/ipc/contract';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import { RecordingShell } from '../../src-main/platform/recording';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
// 2027-03-15 is a Monday.
const at = (hhmm: string, date = '2027-03-15') => instantAt(date, hhmm, zone);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A call that must succeed, typed by its channel. */
async function call<C extends Channel>(
  handlers: Handlers,
  channel: C,
  input: unknown,
): Promise<ChannelOutput<C>> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ChannelOutput<C>;
}

function setup(start = at('08:00')) {
  const { services, clock } = makeServices(start, zone);
  const shell = new RecordingShell();
  const handlers = createHandlers(services, shell);
  return { services, clock, shell, handlers };
}

const agreement = {
  teamZones: [{ zone: 'America/New_York', name: 'Sam' }],
  norms: { chat: 'Within the hour.', email: 'Same day.', urgent: 'Call my phone.' },
  note: 'I pair on Tuesdays.',
};

describe('the working agreement through the handlers', () => {
  it('builds from the working hours and focus plan in force, with the parts set through settings:set', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, 'settings:set', { key: 'agreement', value: agreement })).toMatchObject({
      ok: true,
    });
    const preview = await call(handlers, 'agreement:preview', { format: 'text', locale: 'en-GB' });
    expect(preview.text).toContain('• Mon 09:00–17:30 Berlin = Mon 04:00–12:30 Sam (New York)\n');
    expect(preview.text).toContain('• Mon 09:00–11:00 Berlin = Mon 04:00–06:00 Sam (New York)\n');
    expect(preview.text).toContain('• Chat: Within the hour.\n');
    expect(preview.text).toContain('\nNote\nI pair on Tuesdays.\n');
    expect(preview.contentHash).toBe(sha(preview.text));
    // Hours changed in Settings show at once: nothing is typed twice.
    const hours = { start: '10:00', end: '18:00' };
    await dispatch(handlers, 'settings:set', {
      key: 'workingHours',
      value: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: null, sun: null },
    });
    const again = await call(handlers, 'agreement:preview', { format: 'md', locale: 'en-GB' });
    expect(again.text).toContain('- Mon 10:00–18:00 Berlin = Mon 05:00–13:00 Sam (New York)\n');
    // In the reader's language: Keel's words, weekdays and clock; the user's words as typed.
    const us = await call(handlers, 'agreement:preview', { format: 'text' });
    expect(us.text).toContain('• Mon 10:00 AM–6:00 PM Berlin = Mon 5:00 AM–1:00 PM Sam (New York)\n');
    const de = await call(handlers, 'agreement:preview', { format: 'text', locale: 'de' });
    expect(de.text).toMatch(/^Arbeitsvereinbarung\n\nSo arbeitest du mit mir: /);
    expect(de.text).toContain('\nArbeitszeiten\n• Mo 10:00–18:00 Berlin = Mo 05:00–13:00 Sam (New York)\n');
    expect(de.text).toContain('• Frei: Samstag, Sonntag\n');
    expect(de.text).toContain('\nWann ich antworte\n• Chat: Within the hour.\n');
    expect(de.text).toContain('\nHinweis\nI pair on Tuesdays.\n');
    const calendar = (await call(handlers, 'agreement:preview', { format: 'ics', locale: 'de' })).text;
    expect(calendar).toContain('\r\nSUMMARY:Arbeitszeit\r\n');
    expect(calendar).toContain('\r\nSUMMARY:Fokuszeit\r\n');
    expect(calendar).toContain('\r\nX-WR-CALNAME:Arbeitszeit und Fokuszeit\r\n');
    expect((await dispatch(handlers, 'agreement:preview', { format: 'md', locale: 'tlh' })).ok).toBe(false);
  });

  it('refuses a bad part in one sentence with its field, and writes nothing', async () => {
    const { services, handlers } = setup();
    const before = snapshot(services.db);
    const result = await dispatch(handlers, 'settings:set', {
      key: 'agreement',
      value: { ...agreement, teamZones: [{ zone: 'Atlantis/Capital', name: '' }] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: { path: ['agreement', 'teamZones', 0, 'zone'] },
      },
    });
    expect(snapshot(services.db)).toEqual(before);
  });

  it('saves and copies exactly what was previewed, and logs each share with its kind and format', async () => {
    const { services, handlers, shell, clock } = setup();
    for (const format of ['md', 'text', 'ics'] as const) {
      const preview = await call(handlers, 'agreement:preview', { format });
      clock.advanceTo(clock.now() + 30_000); // a preview read and saved half a minute later still matches
      const saved = await dispatch(handlers, 'agreement:save', {
        format,
        contentHash: preview.contentHash,
      });
      expect(saved).toEqual({
        ok: true,
        value: { saved: true, fileName: `working-agreement.${format === 'text' ? 'txt' : format}` },
      });
      expect(shell.saved.at(-1)?.content).toBe(preview.text);
    }
    clock.advanceTo(clock.now() + 30_000);
    const text = await call(handlers, 'agreement:preview', { format: 'text' });
    expect(
      await dispatch(handlers, 'agreement:copy', { format: 'text', contentHash: text.contentHash }),
    ).toEqual({
      ok: true,
      value: { copied: true },
    });
    expect(shell.copied).toEqual([text.text]);
    const shares = services.agreement.shares();
    expect(shares.map((s) => [s.kind, s.format])).toEqual([
      ['agreement', 'text'],
      ['agreement', 'ics'],
      ['agreement', 'text'],
      ['agreement', 'md'],
    ]);
    expect(shares[0]?.contentHash).toBe(text.contentHash);
    // The summary's "since the last shared summary" does not move for an agreement.
    expect(services.summary.options().lastShare).toBeNull();
  });

  it('refuses a save or copy whose preview no longer matches, and writes and logs nothing', async () => {
    const { services, handlers, shell } = setup();
    const preview = await call(handlers, 'agreement:preview', { format: 'md' });
    await dispatch(handlers, 'settings:set', { key: 'agreement', value: agreement });
    const before = snapshot(services.db);
    const saved = await dispatch(handlers, 'agreement:save', {
      format: 'md',
      contentHash: preview.contentHash,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!saved.ok && saved.error.message).toBe(
      'The agreement changed since the preview (your settings or the week); look at it again before you save it.',
    );
    const copied = await dispatch(handlers, 'agreement:copy', {
      format: 'md',
      contentHash: preview.contentHash,
    });
    expect(copied).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(shell.saved).toEqual([]);
    expect(shell.copied).toEqual([]);
    expect(snapshot(services.db)).toEqual(before);
  });

  it('a cancelled save logs nothing', async () => {
    const { services, shell } = setup();
    const cancelling = createHandlers(services, {
      ...shell,
      saveFile: async () => null,
      copyText: shell.copyText.bind(shell),
      copyRich: shell.copyRich.bind(shell),
      printToPdf: shell.printToPdf.bind(shell),
      chooseFile: shell.chooseFile.bind(shell),
    });
    const preview = services.agreement.preview('ics');
    expect(
      await dispatch(cancelling, 'agreement:save', { format: 'ics', contentHash: preview.contentHash }),
    ).toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(services.agreement.shares()).toEqual([]);
  });
});

describe('the status line for chat', () => {
  it('follows the focus state and the hours, and copies only what was shown', async () => {
    const { services, handlers, shell, clock } = setup(at('09:30'));
    // The default plan's 09:00–11:00 block is not started until the focus reactor starts it;
    // starting focus inside it protects the planned block, to its planned end.
    expect(services.agreement.status('en-GB').text).toBe('Working until 17:30');
    services.focus.startAdhoc({ minutes: 50 });
    const shown = await call(handlers, 'agreement:status', { locale: 'en-GB' });
    expect(shown.text).toBe("In a focus block until 11:00 — I'll answer after");
    // In the window's language: a US window's clock, a German window's words.
    expect((await call(handlers, 'agreement:status', {})).text).toBe(
      "In a focus block until 11:00 AM — I'll answer after",
    );
    const german = await call(handlers, 'agreement:status', { locale: 'de' });
    expect(german.text).toBe('In einem Fokusblock bis 11:00 – ich antworte danach');
    // Copied only in the language it was shown in.
    const otherLanguage = await dispatch(handlers, 'agreement:copyStatus', {
      contentHash: german.contentHash,
    });
    expect(otherLanguage.ok).toBe(false);
    expect(shell.copied).toEqual([]);
    expect(
      await dispatch(handlers, 'agreement:copyStatus', { contentHash: shown.contentHash, locale: 'en-GB' }),
    ).toEqual({
      ok: true,
      value: shown,
    });
    expect(shell.copied).toEqual(["In a focus block until 11:00 — I'll answer after"]);
    services.focus.stop();
    const refused = await dispatch(handlers, 'agreement:copyStatus', {
      contentHash: shown.contentHash,
      locale: 'en-GB',
    });
    expect(!refused.ok && refused.error.message).toBe(
      'Your status has changed to “Working until 17:30”; copy it again.',
    );
    expect(shell.copied).toHaveLength(1);
    clock.advanceTo(at('18:00', '2027-03-19'));
    expect(services.agreement.status('en-GB').text).toBe('Off for today — back Monday 09:00');
    expect(services.agreement.shares().map((s) => [s.kind, s.format])).toEqual([['status', 'text']]);
  });
});
