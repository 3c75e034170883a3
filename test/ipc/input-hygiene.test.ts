import { describe, expect, it } from 'vitest';
import { contract } from '../../src-main/ipc/contract';
import { cliContract } from '../../src-main/ipc/cli-contract';
import { settingSchemas } from '../../src-main/core/settings';
import { exportRecordSchemas } from '../../src-main/core/export-format';

/**
 * Issue #16, item 7: every free text the user can store loses its control and bidi characters at
 * the door: the window's and the preview's IPC contract, the CLI's own channels, the settings
 * (which the import checks too) and the import's records. Notes keep their lines and tabs.
 */

/** ESC, BEL, NUL, DEL, a C1 CSI, an override, an isolate, a zero-width space. */
const DIRT = '\u001b\u0007\u0000\u007f\u009b\u202e\u2066\u200b';
const dirty = (text: string) => `${DIRT}${text.slice(0, 2)}${DIRT}${text.slice(2)}${DIRT}`;
const NOTE = 'Two lines:\n\tindented — שלום 👩‍💻';
const LINE = 'Ship the release 日本';

const check = { workload: 3, energy: 3, sustainable: 'yes' } as const;

describe('free text is cleaned at every door', () => {
  it('check-ins (window and CLI): the note keeps its lines and tabs; a tag loses what is not a letter', () => {
    const input = { ...check, note: dirty(NOTE), stretched: [dirty('Code review')], shareable: true };
    for (const parsed of [
      contract['checkin:add'].input.parse(input),
      contract['checkin:update'].input.parse({ id: 'abcd1234', ...input }).input,
      cliContract['checkin:addAt'].input.parse({ ...input, at: 0 }).input,
    ]) {
      expect(parsed).toMatchObject({ note: NOTE, stretched: ['code-review'] });
    }
  });

  it('sign-offs (window and CLI): what got done keeps its lines; the one-line answers are clean', () => {
    const input = {
      done: dirty(NOTE),
      unfinished: [{ item: dirty(LINE), plan: dirty('10:00, after stand-up') }],
      firstTomorrow: dirty(LINE),
    };
    const expected = {
      done: NOTE,
      unfinished: [{ item: LINE, plan: '10:00, after stand-up' }],
      firstTomorrow: LINE,
    };
    expect(contract['signoff:submit'].input.parse(input)).toMatchObject(expected);
    expect(cliContract['signoff:submitAt'].input.parse({ ...input, at: 0 }).input).toMatchObject(expected);
  });

  it('focus: the interruption note and the "where I left off" line', () => {
    expect(contract['focus:interrupt'].input.parse({ kind: 'chat', note: dirty(LINE) })).toEqual({
      kind: 'chat',
      note: LINE,
    });
    expect(contract['focus:leaveOff'].input.parse({ text: dirty(LINE) })).toEqual({ text: LINE });
  });

  it('talking points: on one line, clean', () => {
    expect(contract['talk:add'].input.parse({ text: dirty('Raise\tthe\non-call rota') })).toEqual({
      text: 'Raise the on-call rota',
    });
  });

  it('settings: holiday and pause names, Shortcut names, calendar addresses, custom tags', () => {
    const range = { from: '2027-12-24', to: '2027-12-26', note: dirty('Winter\nbreak') };
    expect(settingSchemas.holidays.parse([range])).toEqual([{ ...range, note: 'Winter break' }]);
    expect(settingSchemas.focusPauses.parse([range])).toEqual([{ ...range, note: 'Winter break' }]);
    expect(
      settingSchemas.dnd.parse({
        enabled: true,
        macosShortcutOn: dirty('Focus on'),
        macosShortcutOff: 'Off',
      }),
    ).toEqual({ enabled: true, macosShortcutOn: 'Focus on', macosShortcutOff: 'Off' });
    expect(
      settingSchemas.calendar.parse({ addresses: [dirty('ana@example.com')], tentative: 'warn' }).addresses,
    ).toEqual(['ana@example.com']);
    expect(
      settingSchemas.checkins.parse({
        cadence: null,
        customTags: [dirty('Pager duty')],
        burnout: false,
        who5: false,
      }).customTags,
    ).toEqual(['pager-duty']);
    // Through the contract too: the window's and the CLI's `settings set`.
    expect(contract['settings:set'].input.parse({ key: 'holidays', value: [range] }).value).toEqual([
      { ...range, note: 'Winter break' },
    ]);
  });

  it('a Shortcut name starting with "-" is refused in one sentence (it could read as an option)', () => {
    const result = settingSchemas.dnd.safeParse({ enabled: true, macosShortcutOn: '--help' });
    expect(result.error?.issues[0]?.message).toBe('Use a Shortcut name that does not start with "-".');
  });

  it('the import: notes, talking points, sign-off answers, cues and tags from a file are cleaned', () => {
    const checkin = exportRecordSchemas.checkins.parse({
      id: '00000000-0000-4000-8000-000000000001',
      at: 0,
      local_date: '2027-03-15',
      zone: 'Europe/Berlin',
      ...check,
      stretched: [dirty('meetings')],
      note: dirty(NOTE),
      shareable: 1,
      updated_at: null,
    });
    expect(checkin).toMatchObject({ note: NOTE, stretched: ['meetings'] });
    const point = exportRecordSchemas.talking_points.parse({
      id: '00000000-0000-4000-8000-000000000002',
      text: dirty(LINE),
      created_at: 0,
      discussed_at: null,
    });
    expect(point.text).toBe(LINE);
    const cue = exportRecordSchemas.resume_cues.parse({
      id: 1,
      at: 0,
      text: dirty(LINE),
      session_id: null,
      shown_at: null,
    });
    expect(cue.text).toBe(LINE);
  });
});
