import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckinInput } from '../../src-main/core/checkin';
import type { SummarySection } from '../../src-main/core/summary-sections';
import { instantAt } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { RecordingShell } from '../../src-main/platform/recording';
import type { Services } from '../../src-main/services';
import type { SummaryPreview } from '../../src-main/shared/dto';
import { richFingerprint } from '../../src-main/services/summary-service';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';

/**
 * Issue #16, item 4: what you saw is what leaves. A save or copy carries the preview's fingerprint;
 * when the summary no longer renders to that text (here: a talking point added from the command
 * line in between), main refuses in one sentence, writes nothing and logs no share. Ticks that
 * cannot be honoured (unknown notes, private check-ins' tags not offered) are refused too.
 */

const zone = 'Europe/Berlin';
const at = (hhmm: string, date = '2027-03-15') => instantAt(date, hhmm, zone);
const CHECK: CheckinInput = {
  workload: 4,
  energy: 2,
  sustainable: 'mostly',
  stretched: [],
  shareable: false,
};
const CHOICES = {
  from: '2027-03-02',
  to: '2027-03-15',
  sections: ['trends', 'talkingPoints', 'notes'] as SummarySection[],
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A shell that records what it was asked to print as well. */
class PrintingShell extends RecordingShell {
  readonly printed: string[] = [];
  override async printToPdf(html?: string): Promise<Uint8Array> {
    this.printed.push(html ?? '');
    return new TextEncoder().encode('%PDF-1.7\n');
  }
}

const opened: Services[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

function setup() {
  const made = makeServices(at('10:00', '2027-03-10'), zone);
  opened.push(made.services);
  const shareable = made.services.checkin.add({ ...CHECK, note: 'Release week', shareable: true });
  made.clock.advanceTo(at('10:00'));
  made.services.talkingPoints.add('Conference budget');
  const shell = new PrintingShell();
  const handlers = createHandlers(made.services, shell);
  return { ...made, shell, handlers, shareableId: shareable.id };
}

async function previewOf(handlers: ReturnType<typeof createHandlers>, choices: object, format = 'md') {
  const result = await dispatch(handlers, 'summary:preview', { choices, format });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SummaryPreview;
}

describe('a save or copy leaves only what was previewed', () => {
  it('refuses, writes nothing and logs no share when a talking point was added from the CLI in between', async () => {
    const { services, clock, dataDir, shell, handlers } = setup();
    const seen = await previewOf(handlers, CHOICES);
    const html = services.summary.preview(CHOICES, 'html').text;
    const text = services.summary.preview(CHOICES, 'text').text;
    expect(seen.hashes).toEqual({
      md: sha256(seen.text),
      text: sha256(text),
      html: sha256(html),
      rich: richFingerprint(html, text),
    });

    // `keel talk add` in a terminal: another process, the same data file.
    const cli = makeServices(clock.now(), zone, { dataDir }).services;
    cli.talkingPoints.add('Asked to lead the migration');
    cli.close();
    const before = snapshot(services.db);

    const changed = (action: string) => ({
      ok: false,
      error: {
        code: 'conflict',
        message: `The summary changed since you previewed it (Talking points changed); here is the new preview — check it and ${action} again.`,
      },
    });
    for (const format of ['md', 'html'] as const) {
      expect(
        await dispatch(handlers, 'summary:export', {
          choices: CHOICES,
          format,
          contentHash: seen.hashes[format],
        }),
      ).toEqual(changed('save'));
    }
    expect(
      await dispatch(handlers, 'summary:export', {
        choices: CHOICES,
        format: 'pdf',
        contentHash: seen.hashes.html,
      }),
    ).toEqual(changed('save'));
    for (const format of ['md', 'text', 'rich'] as const) {
      expect(
        await dispatch(handlers, 'summary:copy', {
          choices: CHOICES,
          format,
          contentHash: seen.hashes[format],
        }),
      ).toEqual(changed('copy'));
    }
    expect(shell.saved).toEqual([]);
    expect(shell.printed).toEqual([]);
    expect(shell.copied).toEqual([]);
    expect(shell.copiedRich).toEqual([]);
    expect(services.summary.shares()).toEqual([]);
    expect(snapshot(services.db)).toBe(before);

    // The new preview holds the point; saved with its fingerprint, exactly it leaves.
    const fresh = await previewOf(handlers, CHOICES);
    expect(fresh.text).toContain('Asked to lead the migration');
    expect(fresh.hashes.md).not.toBe(seen.hashes.md);
    expect(
      await dispatch(handlers, 'summary:export', {
        choices: CHOICES,
        format: 'md',
        contentHash: fresh.hashes.md,
      }),
    ).toMatchObject({ ok: true, value: { saved: true } });
    expect(shell.saved.map((f) => f.content)).toEqual([fresh.text]);
    expect(services.summary.shares().map((s) => s.contentHash)).toEqual([fresh.hashes.md]);
  });

  it('copies Markdown, text for chat and rich text exactly as previewed, each logged with its format', async () => {
    const { services, shell, handlers } = setup();
    const md = await previewOf(handlers, CHOICES);
    const text = await previewOf(handlers, CHOICES, 'text');
    const html = await previewOf(handlers, CHOICES, 'html');
    for (const [format, contentHash] of [
      ['md', md.hashes.md],
      ['text', md.hashes.text],
      ['rich', md.hashes.rich],
    ] as const) {
      expect(await dispatch(handlers, 'summary:copy', { choices: CHOICES, format, contentHash })).toEqual({
        ok: true,
        value: { copied: true },
      });
    }
    expect(shell.copied).toEqual([md.text, text.text]);
    expect(shell.copiedRich).toEqual([{ html: html.text, text: text.text }]);
    expect(text.text).not.toContain('\\');
    // Logged at one instant: in any order.
    expect(
      services.summary
        .shares()
        .map((s) => `${s.format} ${s.contentHash}`)
        .sort(),
    ).toEqual([`clipboard ${md.hashes.md}`, `rich ${md.hashes.rich}`, `text ${md.hashes.text}`]);
    // A copy in one format with another format's fingerprint is refused.
    expect(
      await dispatch(handlers, 'summary:copy', {
        choices: CHOICES,
        format: 'rich',
        contentHash: md.hashes.html,
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a fingerprint of another format or of nothing previewed is refused the same way', async () => {
    const { services, shell, handlers } = setup();
    const seen = await previewOf(handlers, CHOICES);
    const wrong = await dispatch(handlers, 'summary:export', {
      choices: CHOICES,
      format: 'html',
      contentHash: seen.hashes.md,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      await dispatch(handlers, 'summary:copy', { choices: CHOICES, contentHash: sha256('never previewed') }),
    ).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'The summary changed since you previewed it (it was built again from your latest data); here is the new preview — check it and copy again.',
      },
    });
    // Without a fingerprint there is no save at all.
    expect(await dispatch(handlers, 'summary:export', { choices: CHOICES, format: 'md' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'contentHash: Preview the summary before saving or copying it.',
        // The window shows the sentence alone, at the field main names.
        field: { path: ['contentHash'], message: 'Preview the summary before saving or copying it.' },
      },
    });
    expect(shell.saved).toEqual([]);
    expect(services.summary.shares()).toEqual([]);
  });
});

describe('ticks that cannot be honoured are refused, not dropped', () => {
  it('an unknown note id, a note of another period, or a note without the Notes section', async () => {
    const { services, shell, handlers, shareableId } = setup();
    const before = snapshot(services.db);
    const contentHash = (await previewOf(handlers, CHOICES)).hashes.md;
    const cases = [
      [
        { ...CHOICES, noteIds: ['no-such-check-in'] },
        'One of the ticked notes is not a note of this period; tick only notes written in it.',
      ],
      [
        { ...CHOICES, from: '2027-03-12', noteIds: [shareableId] },
        'One of the ticked notes is not a note of this period; tick only notes written in it.',
      ],
      [
        { ...CHOICES, sections: ['trends'], noteIds: [shareableId] },
        'Ticked notes go in only with the Notes section; choose that section too.',
      ],
    ] as const;
    for (const [choices, message] of cases) {
      const refused = { ok: false, error: { code: 'invalid_input', message } };
      expect(await dispatch(handlers, 'summary:preview', { choices, format: 'md' })).toEqual(refused);
      expect(await dispatch(handlers, 'summary:export', { choices, format: 'md', contentHash })).toEqual(
        refused,
      );
      expect(await dispatch(handlers, 'summary:copy', { choices, contentHash })).toEqual(refused);
    }
    expect(shell.saved).toEqual([]);
    expect(shell.copied).toEqual([]);
    expect(services.summary.shares()).toEqual([]);
    expect(snapshot(services.db)).toBe(before);
  });
});

describe('custom tags of check-ins with private notes', () => {
  function withTags() {
    const made = setup();
    const { services, clock } = made;
    clock.advanceTo(at('11:00', '2027-03-11'));
    services.checkin.add({ ...CHECK, stretched: ['meetings', 'job-hunting'], note: 'Interview on Friday' });
    clock.advanceTo(at('11:00', '2027-03-12'));
    services.checkin.add({ ...CHECK, stretched: ['hiring'], note: 'Panel day', shareable: true });
    services.checkin.add({ ...CHECK, stretched: ['on-call-pager'] });
    clock.advanceTo(at('11:00'));
    return made;
  }
  const STRETCHED = { ...CHOICES, sections: ['stretched'] as SummarySection[] };

  it('are offered to tick, left out until ticked, and in once ticked', async () => {
    const { services, handlers } = withTags();
    expect(services.summary.options({ from: CHOICES.from, to: CHOICES.to }).privateTags).toEqual([
      { id: 'job-hunting', label: 'Job hunting', count: 1 },
    ]);
    const unticked = await previewOf(handlers, STRETCHED);
    expect(unticked.text).not.toContain('Job hunting');
    // Default tags of that check-in, and tags of check-ins without a private note, count as before.
    expect(unticked.text).toContain('- Meetings: 1 of 4 check-ins');
    expect(unticked.text).toContain('- Hiring: 1 of 4 check-ins');
    expect(unticked.text).toContain('- On call pager: 1 of 4 check-ins');
    const ticked = await previewOf(handlers, { ...STRETCHED, privateTags: ['job-hunting'] });
    expect(ticked.text).toContain('- Job hunting: 1 of 4 check-ins');
    expect(ticked.hashes.md).not.toBe(unticked.hashes.md);
  });

  it('refuses a tag that is not offered, or a ticked tag without the stretched section', async () => {
    const { handlers } = withTags();
    for (const [choices, message] of [
      [
        { ...STRETCHED, privateTags: ['hiring'] },
        'One of the ticked tags is not a custom tag of this period’s private check-ins; tick only tags listed for it.',
      ],
      [
        { ...CHOICES, privateTags: ['job-hunting'] },
        'Ticked tags go in only with the “Where I feel stretched” section; choose that section too.',
      ],
    ] as const) {
      expect(await dispatch(handlers, 'summary:preview', { choices, format: 'md' })).toEqual({
        ok: false,
        error: { code: 'invalid_input', message },
      });
    }
  });
});
