import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instantAt, type LocalDate } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { RecordingShell } from '../../src-main/platform/recording';
import type { Services } from '../../src-main/services';
import type { UpdateDraftDto, UpdatePreview } from '../../src-main/shared/update-dto';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

const zone = 'Europe/Berlin';
/** 2027-03-15 is a Monday; the default hours are Monday to Friday. */
const WEEK = { from: '2027-03-15', to: '2027-03-21' };
const at = (date: LocalDate, hhmm: string) => instantAt(date, hhmm, zone);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const opened: Services[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

function setup(dataDir?: string) {
  const made = makeServices(at('2027-03-15', '09:00'), zone, dataDir ? { dataDir } : {});
  opened.push(made.services);
  const shell = new RecordingShell();
  const handlers = createHandlers(made.services, shell);
  async function call<C extends Parameters<typeof dispatch>[1] & string>(
    channel: C,
    input: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    return (await dispatch(handlers, channel as never, input as ChannelInput<never>)) as never;
  }
  async function value<T>(channel: string, input: unknown): Promise<T> {
    const result = await call(channel as never, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
    return result.value as T;
  }
  /** Signs off `date` at 17:30 through the window's door. */
  async function signOff(date: LocalDate, answers: Record<string, unknown>) {
    made.clock.advanceTo(at(date, '17:30'));
    await value('signoff:submit', answers);
  }
  return { ...made, shell, call, value, signOff };
}

async function ordinaryWeek(s: ReturnType<typeof setup>) {
  await s.signOff('2027-03-15', {
    done: 'Merged the importer\nReviewed #412',
    unfinished: [{ item: 'Flaky e2e', plan: 'after stand-up' }],
  });
  await s.signOff('2027-03-16', {
    done: 'Wrote the migration',
    unfinished: [{ item: 'Flaky e2e', plan: 'again' }],
  });
  await s.signOff('2027-03-17', {
    done: 'Paired with Ana',
    unfinished: [
      { item: 'Flaky e2e', plan: 'ask infra' },
      { item: 'Release notes', plan: 'waiting on PM' },
      { item: 'Docs', plan: 'morning' },
    ],
    firstTomorrow: 'Plan Q2',
  });
}

describe('the weekly update service, through the window’s door', () => {
  it('drafts the current week from its sign-offs by the rules it states', async () => {
    const s = setup();
    await ordinaryWeek(s);
    const draft = await s.value<UpdateDraftDto>('update:draft', {});
    expect(draft).toMatchObject({
      ...WEEK,
      label: 'March 15 – 21, 2027',
      saved: false,
      edited: false,
      signoffCount: 3,
    });
    expect(draft.edits).toEqual({
      shipped: ['Merged the importer', 'Reviewed #412', 'Wrote the migration', 'Paired with Ana'],
      next: ['Plan Q2', 'Docs'],
      blockers: ['Flaky e2e', 'Release notes'],
      focus: false,
      mood: false,
    });
  });

  it('drafts its own lines in the language asked for (the window’s), with or without dates', async () => {
    const s = setup();
    await ordinaryWeek(s);
    const english = await s.value<UpdateDraftDto>('update:draft', {});
    const current = await s.value<UpdateDraftDto>('update:draft', { locale: 'de' });
    const dated = await s.value<UpdateDraftDto>('update:draft', { ...WEEK, locale: 'de' });
    expect(english.focusLine).toMatch(/^Focus time: /);
    for (const draft of [current, dated]) {
      expect(draft.focusLine).toMatch(/^Fokuszeit: /);
      expect(draft.moodLine).not.toBe(english.moodLine);
      // The user's lines are theirs, in any language.
      expect(draft.edits).toEqual(english.edits);
    }
    const saved = await s.value<UpdateDraftDto>('update:save', {
      ...WEEK,
      edits: english.edits,
      locale: 'fr',
    });
    expect(saved.focusLine).not.toBe(english.focusLine);
    expect((await s.call('update:draft', { locale: 'xx-YY' })).ok).toBe(false);
  });

  it('keeps the user’s edits per week, across a restart, until they start again from the sign-offs', async () => {
    const s = setup();
    await ordinaryWeek(s);
    const edits = {
      shipped: ['Importer shipped 🎉'],
      next: ['Q2 plan', ''],
      blockers: [],
      focus: true,
      mood: false,
    };
    const saved = await s.value<UpdateDraftDto>('update:save', { ...WEEK, edits });
    expect(saved).toMatchObject({ saved: true, edited: true });
    expect(saved.edits.next).toEqual(['Q2 plan']);
    // A later sign-off does not move what the user wrote.
    await s.signOff('2027-03-18', { done: 'Something new' });
    s.services.close();
    const again = setup(s.dataDir);
    const kept = await again.value<UpdateDraftDto>('update:draft', WEEK);
    expect(kept.edits).toEqual({ ...edits, next: ['Q2 plan'] });
    expect(kept.drafted.shipped).toContain('Something new');
    // Another week has its own draft.
    expect(
      (await again.value<UpdateDraftDto>('update:draft', { from: '2027-03-08', to: '2027-03-14' })).saved,
    ).toBe(false);
    const reset = await again.value<UpdateDraftDto>('update:reset', WEEK);
    expect(reset).toMatchObject({ saved: false, edited: false });
    expect(reset.edits.shipped).toContain('Something new');
  });

  it('writes and copies exactly the preview, byte for byte, and logs each share with its kind and format', async () => {
    const s = setup();
    await ordinaryWeek(s);
    for (const format of ['md', 'text', 'html'] as const) {
      s.clock.advanceBy(60_000);
      const preview = await s.value<UpdatePreview>('update:preview', { ...WEEK, format });
      expect(preview.contentHash).toBe(sha256(preview.text));
      await s.value('update:export', { ...WEEK, format, contentHash: preview.hashes[format] });
      const written = s.shell.saved.at(-1);
      expect(written?.content).toBe(preview.text);
      expect(written?.path).toBe(
        `keel-weekly-update-2027-03-15-to-2027-03-21.${format === 'text' ? 'txt' : format}`,
      );
    }
    const text = await s.value<UpdatePreview>('update:preview', { ...WEEK, format: 'text' });
    s.clock.advanceBy(60_000);
    await s.value('update:copy', { ...WEEK, format: 'text', contentHash: text.contentHash });
    expect(s.shell.copied).toEqual([text.text]);
    expect(text.text).toContain('• Merged the importer');
    const shares = await s.value<{ kind: string; format: string; contentHash: string }[]>(
      'summary:shares',
      {},
    );
    expect(shares.map((sh) => [sh.kind, sh.format])).toEqual([
      ['weekly-update', 'text'],
      ['weekly-update', 'html'],
      ['weekly-update', 'text'],
      ['weekly-update', 'md'],
    ]);
    expect(shares[0]?.contentHash).toBe(sha256(text.text));
    // A weekly update is not a shared summary: "since the last shared summary" does not move.
    const options = await s.value<{ lastShare: unknown }>('summary:options', {});
    expect(options.lastShare).toBeNull();
  });

  it('refuses a save or copy of anything but what was previewed, and writes and logs nothing', async () => {
    const s = setup();
    await ordinaryWeek(s);
    const preview = await s.value<UpdatePreview>('update:preview', { ...WEEK, format: 'md' });
    await s.value('update:save', {
      ...WEEK,
      edits: { shipped: ['Changed'], next: [], blockers: [], focus: false, mood: false },
    });
    const before = snapshot(s.services.db);
    for (const [channel, input] of [
      ['update:export', { ...WEEK, format: 'md', contentHash: preview.contentHash }],
      ['update:copy', { ...WEEK, format: 'md', contentHash: preview.contentHash }],
      // The HTML fingerprint does not let the Markdown leave.
      ['update:export', { ...WEEK, format: 'md', contentHash: preview.hashes.html }],
    ] as const) {
      const result = await s.call(channel, input);
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('conflict');
      expect(result.error?.message).toMatch(
        /^The update changed since the preview .*; check the new preview and (save|copy) again\.$/,
      );
    }
    expect(snapshot(s.services.db)).toEqual(before);
    expect(s.shell.saved).toEqual([]);
    expect(s.shell.copied).toEqual([]);
  });

  it('refuses periods it cannot cover in one sentence', async () => {
    const s = setup();
    const long = await s.call('update:preview', { from: '2027-01-01', to: '2027-03-01', format: 'md' });
    expect(long.error?.message).toBe('A weekly update covers at most 31 days.');
    const backwards = await s.call('update:draft', { from: '2027-03-21', to: '2027-03-15' });
    expect(backwards.error?.message).toBe('The start date must not be after the end date.');
  });
});

describe('the offer on the sign-off screen', () => {
  it('is there after the last working day’s sign-off only, never during a focus block, once a week', async () => {
    const s = setup();
    await s.signOff('2027-03-18', {});
    expect(await s.value('update:offer', {})).toBeNull(); // Thursday: not the week's last working day
    s.clock.advanceTo(at('2027-03-19', '16:00'));
    expect(await s.value('update:offer', {})).toBeNull(); // Friday, not signed off yet
    await s.signOff('2027-03-19', {});
    expect(await s.value('update:offer', {})).toEqual({ ...WEEK, label: '15–21 March 2027' });
    await s.value('focus:start', { minutes: 25 });
    expect(await s.value('update:offer', {})).toBeNull(); // a focus block runs
    await s.value('focus:stop', {});
    expect(await s.value('update:offer', {})).not.toBeNull();
    await s.value('update:answerOffer', {});
    expect(await s.value('update:offer', {})).toBeNull(); // answered: not again this week
    // Not replayed later: Monday belongs to another week and is not its last working day.
    s.clock.advanceTo(at('2027-03-22', '18:00'));
    await s.signOff('2027-03-22', {});
    expect(await s.value('update:offer', {})).toBeNull();
  });

  it('follows the working-hours rules: a Friday holiday makes Thursday the last working day', async () => {
    const s = setup();
    await s.value('settings:set', { key: 'holidays', value: [{ from: '2027-03-19', to: '2027-03-19' }] });
    await s.signOff('2027-03-18', {});
    expect(await s.value('update:offer', {})).toMatchObject(WEEK);
  });
});

describe('the kept edits are the user’s data', () => {
  it('travel in a data export and come back on import; "delete all" forgets them', async () => {
    const s = setup();
    const edits = { shipped: ['Kept'], next: [], blockers: ['Stuck'], focus: false, mood: true };
    await s.value('update:save', { ...WEEK, edits });
    const file = JSON.parse(s.services.data.exportJson()) as { records: { update_drafts: unknown[] } };
    expect(file.records.update_drafts).toEqual([
      { period_from: WEEK.from, period_to: WEEK.to, edits, updated_at: expect.any(Number) },
    ]);
    const other = setup();
    other.shell.nextChosenFile = writeTemp(JSON.stringify(file));
    await other.value('data:import', {});
    expect((await other.value<UpdateDraftDto>('update:draft', WEEK)).edits).toEqual(edits);
    await other.value('data:deleteAll', { confirm: true });
    expect((await other.value<UpdateDraftDto>('update:draft', WEEK)).saved).toBe(false);
  });
});

function writeTemp(content: string): string {
  const file = path.join(tempDir(), 'keel-export.json');
  fs.writeFileSync(file, content);
  return file;
}
