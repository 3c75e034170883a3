import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckinInput } from '../../src-main/core/checkin';
import type { SummaryChoicesInput } from '../../src-main/core/summary-choices';
import type { SummarySection } from '../../src-main/core/summary-sections';
import type { SummaryPreview } from '../../src-main/shared/dto';
import { pdfPageOptions } from '../../src-main/core/summary-pdf';
import { instantAt } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { RecordingShell } from '../../src-main/platform/recording';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
const at = (hhmm: string, date = '2027-03-15') => instantAt(date, hhmm, zone);
const CHECK: CheckinInput = {
  workload: 4,
  energy: 2,
  sustainable: 'mostly',
  stretched: ['meetings'],
  shareable: false,
};
const SECRET = 'PRIVATE-7f3a: thinking about leaving';

function setup() {
  const { services, clock, dataDir } = makeServices(at('10:00', '2027-03-08'), zone);
  const priv = services.checkin.add({ ...CHECK, note: SECRET, shareable: false });
  clock.advanceTo(at('10:00', '2027-03-10'));
  const shared = services.checkin.add({
    ...CHECK,
    workload: 3,
    note: 'Release week was <b>intense</b>',
    shareable: true,
  });
  clock.advanceTo(at('10:00', '2027-03-15'));
  services.talkingPoints.add('On-call rotation [link](javascript:alert(1))');
  const shell = new RecordingShell();
  const handlers = createHandlers(services, shell);
  const choices = {
    from: '2027-03-02',
    to: '2027-03-15',
    sections: ['trends', 'talkingPoints', 'notes'] as SummarySection[],
  };
  /** The fingerprints a preview of `chosen` gives now, as the window keeps them. */
  const hashesOf = (chosen: SummaryChoicesInput) => services.summary.preview(chosen, 'md').hashes;
  return { services, clock, dataDir, shell, handlers, priv, shared, choices, hashesOf };
}

describe('the one-on-one summary: what leaves is what the preview shows', () => {
  it('exports exactly the previewed Markdown, logs the share with its hash, and "since last" starts there', async () => {
    const { services, shell, handlers, shared, choices } = setup();
    const preview = await dispatch(handlers, 'summary:preview', {
      choices: { ...choices, noteIds: [shared.id] },
      format: 'md',
    });
    expect(preview.ok).toBe(true);
    const text = preview.ok ? (preview.value as { text: string }).text : '';
    expect(text).toContain('Release week was \\<b>intense\\</b>');
    expect(text).toContain('On-call rotation \\[link\\](javascript:alert(1))');
    const exported = await dispatch(handlers, 'summary:export', {
      choices: { ...choices, noteIds: [shared.id] },
      format: 'md',
      contentHash: preview.ok ? (preview.value as SummaryPreview).hashes.md : '',
    });
    expect(exported).toEqual({
      ok: true,
      value: { saved: true, fileName: 'keel-one-on-one-2027-03-02-to-2027-03-15.md' },
    });
    expect(shell.saved[0]?.content).toBe(text);
    const [share] = services.summary.shares();
    expect(share).toMatchObject({
      from: '2027-03-02',
      to: '2027-03-15',
      sections: ['trends', 'talkingPoints', 'notes'],
      noteCount: 1,
      format: 'md',
      via: 'window',
      contentHash: createHash('sha256').update(text).digest('hex'),
    });
    expect(services.summary.options().periods.sinceLast).toEqual({ from: '2027-03-15', to: '2027-03-15' });
  });

  it('a cancelled save writes and logs nothing; copying goes through main and is logged', async () => {
    const { services, handlers, choices, shell, hashesOf } = setup();
    const cancelling = createHandlers(services, {
      ...shell,
      saveFile: async () => null,
      copyText: shell.copyText.bind(shell),
      copyRich: shell.copyRich.bind(shell),
      printToPdf: shell.printToPdf.bind(shell),
      chooseFile: shell.chooseFile.bind(shell),
    });
    const hashes = hashesOf(choices);
    expect(
      await dispatch(cancelling, 'summary:export', { choices, format: 'html', contentHash: hashes.html }),
    ).toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(services.summary.shares()).toEqual([]);
    expect(await dispatch(handlers, 'summary:copy', { choices, contentHash: hashes.md })).toEqual({
      ok: true,
      value: { copied: true },
    });
    expect(shell.copied).toHaveLength(1);
    expect(services.summary.shares().map((s) => s.format)).toEqual(['clipboard']);
  });

  it('a note not marked shareable cannot reach any export: preview, Markdown, HTML, copy or JSON', async () => {
    const { services, shell, handlers, priv, choices } = setup();
    const before = snapshot(services.db);
    const ticked = { ...choices, noteIds: [priv.id] };
    // Even with the fingerprint of what would be written were the note shareable.
    const contentHash = createHash('sha256').update('anything').digest('hex');
    for (const [channel, input] of [
      ['summary:preview', { choices: ticked, format: 'md' }],
      ['summary:preview', { choices: ticked, format: 'html' }],
      ['summary:export', { choices: ticked, format: 'md', contentHash }],
      ['summary:export', { choices: ticked, format: 'html', contentHash }],
      ['summary:copy', { choices: ticked, contentHash }],
    ] as const) {
      const result = await dispatch(handlers, channel, input);
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: 'Only notes marked “may be shared” can go in a summary.' },
      });
    }
    expect(() => services.summary.json(ticked)).toThrow('Only notes marked');
    expect(shell.saved).toEqual([]);
    expect(shell.copied).toEqual([]);
    expect(snapshot(services.db)).toBe(before);
    // Every section, no notes ticked: the private note's text appears nowhere.
    const all = {
      ...choices,
      sections: [
        'trends',
        'sustainability',
        'stretched',
        'focus',
        'endOfDay',
        'talkingPoints',
        'notes',
      ] as SummarySection[],
    };
    for (const format of ['md', 'html'] as const) {
      expect(services.summary.preview(all, format).text).not.toContain('PRIVATE-7f3a');
    }
    expect(services.summary.json(all)).not.toContain('PRIVATE-7f3a');
  });

  it('talking points: added, carried over until discussed, and then out of the summary', () => {
    const { services, choices } = setup();
    const [point] = services.talkingPoints.list();
    expect(services.summary.preview(choices, 'md').text).toContain('- On-call rotation');
    services.talkingPoints.setDiscussed(point!.id.slice(0, 8), true);
    expect(services.talkingPoints.list()).toEqual([]);
    expect(services.talkingPoints.list(true)).toHaveLength(1);
    expect(services.summary.preview(choices, 'md').text).toContain('No open talking points.');
  });

  it("options list the period's notes, private ones marked so the window can disable them", () => {
    const { services, priv, shared } = setup();
    const notes = services.summary.options({ from: '2027-03-01', to: '2027-03-15' }).notes;
    expect(notes.map((n) => [n.id, n.shareable])).toEqual([
      [priv.id, false],
      [shared.id, true],
    ]);
  });
});

describe('what the builder remembers, and the PDF page', () => {
  it('the name line is set once and heads every format; chosen sections are the next defaults', () => {
    const { services, choices } = setup();
    expect(
      services.summary
        .options()
        .sections.filter((s) => s.default)
        .map((s) => s.id),
    ).toEqual(['trends', 'talkingPoints']);
    services.settings.set('summary', {
      nameLine: '  Alex Doe — one-on-one with Sam, 3 December ',
      sections: ['talkingPoints', 'focus'],
    });
    expect(services.settings.get().summary.nameLine).toBe('Alex Doe — one-on-one with Sam, 3 December');
    expect(
      services.summary
        .options()
        .sections.filter((s) => s.default)
        .map((s) => s.id),
    ).toEqual(['focus', 'talkingPoints']);
    const line = 'Alex Doe — one-on-one with Sam, 3 December';
    expect(services.summary.preview(choices, 'md').text).toContain(`# One-on-one summary\n\n${line}\n\n`);
    expect(services.summary.preview(choices, 'text').text).toContain(`One-on-one summary\n${line}\n`);
    expect(services.summary.preview(choices, 'html').text).toContain(`<p class="name">${line}</p>`);
    expect(() => services.settings.set('summary', { nameLine: 'x'.repeat(121), sections: null })).toThrow(
      'Keep the name line to 120 characters or fewer.',
    );
  });

  it('prints the PDF with a footer of the title, the period and page numbers', async () => {
    const { services, choices } = setup();
    const printed: unknown[] = [];
    const outlet = {
      saveFile: async () => 'summary.pdf',
      printToPdf: async (_html: string, page?: unknown) => {
        printed.push(page);
        return new Uint8Array([37]);
      },
    };
    const { hashes } = services.summary.preview(choices, 'html');
    await services.summary.export(choices, 'pdf', hashes.html, outlet);
    expect(printed).toEqual([pdfPageOptions('One-on-one summary', 'March 2 – 15, 2027')]);
    expect(services.summary.shares().map((s) => s.format)).toEqual(['pdf']);
  });
});
