import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import {
  parseSummaryChoices,
  summaryPeriod,
  type SummaryChoices,
  type SummaryChoicesInput,
} from '../core/summary-choices';
import { renderHtml } from '../core/summary-html';
import { renderMarkdown } from '../core/summary-markdown';
import { pdfPageOptions } from '../core/summary-pdf';
import { renderText } from '../core/summary-plain';
import { buildSummary, type SummaryData, type SummaryModel } from '../core/summary-model';
import { changedSentence, summaryChanges } from '../core/summary-changes';
import { privateTagOptions, tickProblem } from '../core/summary-private';
import { DEFAULT_SECTIONS, SUMMARY_SECTIONS } from '../core/summary-sections';
import { localDateOf, toLocalIso, type LocalDate } from '../core/time';
import type { FileDialogPort, FileFilter } from './ports';
import type { Share, SummaryRepo } from '../storage/summary-repo';
import type { ShareFormat } from '../shared/dto';
import type { CheckinService } from './checkin-service';
import { Emitter } from './events';
import type { FiguresService } from './figures-service';
import type { SettingsService } from './settings-service';
import type {
  CopyFormat,
  ExportFormat,
  ShareDto,
  SummaryOptions,
  SummaryPreview,
  SummaryPreviewFormat,
} from '../shared/dto';
import type { TalkingPointsService } from './talking-points-service';

/** The summary the user builds from their data, its exports and the share log. */
export class SummaryService {
  readonly onDidChange = new Emitter<void>();
  /** Models of recent previews by fingerprint (insertion order; the oldest go first). */
  private readonly previews = new Map<string, SummaryModel>();

  constructor(
    private readonly repo: SummaryRepo,
    private readonly deps: {
      settings: SettingsService;
      checkin: CheckinService;
      figures: Pick<FiguresService, 'days'>;
      talkingPoints: Pick<TalkingPointsService, 'open'>;
      clock: Clock;
    },
  ) {}

  options(range?: { from: LocalDate; to: LocalDate }): SummaryOptions {
    const today = this.today();
    const last = this.repo.lastShare();
    const sinceLast = summaryPeriod('since-last', today, last?.localDate ?? null);
    const period = range ?? sinceLast;
    const checks = this.deps.checkin
      .checksBetween(period.from, period.to)
      .filter((c) => c.localDate >= period.from && c.localDate <= period.to);
    // The sections last chosen in the builder are the ones it starts with (settings.summary).
    const remembered = this.deps.settings.get().summary.sections ?? DEFAULT_SECTIONS;
    return {
      sections: SUMMARY_SECTIONS.map((id) => ({
        id,
        default: remembered.includes(id),
      })),
      periods: { sinceLast, twoWeeks: summaryPeriod('two-weeks', today) },
      lastShare: last ? this.shareDto(last) : null,
      notes: checks
        .filter((c) => c.note !== null)
        .map((c) => ({ id: c.id, date: c.localDate, text: c.note as string, shareable: c.shareable })),
      privateTags: privateTagOptions(checks),
    };
  }

  /** The model for `choices`; refuses ticks that cannot be honoured (summary-private.ts). */
  build(input: SummaryChoicesInput): { model: SummaryModel; choices: SummaryChoices } {
    const choices = parseSummaryChoices(input);
    const data = this.data(choices);
    const problem = tickProblem(
      data.checks.filter((c) => c.localDate >= choices.from && c.localDate <= choices.to),
      choices,
    );
    if (problem !== null) throw new KeelError('invalid_input', problem);
    return { model: buildSummary(data, choices), choices };
  }

  /**
   * Exactly what an export writes: the preview is the export. `hashes` are the fingerprints of
   * what each format would write (PDF prints the HTML; rich text is the HTML and the text
   * together, `richFingerprint`); a save or copy must carry the one of its format.
   */
  preview(input: SummaryChoicesInput, format: SummaryPreviewFormat): SummaryPreview {
    const { model } = this.build(input);
    const texts = renderAll(model);
    const hashes = {
      md: hash(texts.md),
      text: hash(texts.text),
      html: hash(texts.html),
      rich: richFingerprint(texts.html, texts.text),
    };
    this.remember(Object.values(hashes), model);
    return { format, text: texts[format], contentHash: hashes[format], hashes, model };
  }

  /** The summary rendered once, with the model and choices it came from (the command line's). */
  render(
    input: SummaryChoicesInput,
    format: SummaryPreviewFormat | 'json',
  ): { text: string; model: SummaryModel; choices: SummaryChoices } {
    const { model, choices } = this.build(input);
    const text = format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : RENDERERS[format](model);
    return { text, model, choices };
  }

  /** JSON of the model, for `keel summary --format json`. */
  json(input: SummaryChoicesInput): string {
    return this.render(input, 'json').text;
  }

  /**
   * Writes the summary where the user chooses (main's save dialog; the window never names a
   * path) and logs the share — only when it is still exactly what was previewed (`previewed`,
   * the preview's fingerprint for this format). Changed or cancelled: nothing written or logged.
   */
  async export(
    input: SummaryChoicesInput,
    format: ExportFormat,
    previewed: string,
    outlet: Pick<FileDialogPort, 'saveFile' | 'printToPdf'>,
    via: 'window' | 'cli' = 'window',
  ): Promise<{ saved: boolean; fileName: string | null }> {
    const { model, choices } = this.build(input);
    const text = format === 'md' ? renderMarkdown(model) : renderHtml(model);
    this.checkPreviewed(text, previewed, model, 'save');
    const content =
      format === 'pdf'
        ? await outlet.printToPdf(text, pdfPageOptions(model.title, model.period.label, model.locale))
        : text;
    const base = `keel-one-on-one-${choices.from}-to-${choices.to}`;
    const fileName = await outlet.saveFile({
      defaultName: `${base}.${format}`,
      content,
      filters: [FILTERS[format]],
    });
    if (fileName === null) return { saved: false, fileName: null };
    this.logShare(choices, model, format, via, text);
    return { saved: true, fileName };
  }

  /**
   * Copies the previewed summary to the clipboard (through main) and logs the share: Markdown
   * (logged as 'clipboard', as copies always were), plain text for chat ('text'), or rich text,
   * the HTML and the text together ('rich'). `previewed`: the preview's fingerprint for `format`.
   */
  async copy(
    input: SummaryChoicesInput,
    previewed: string,
    outlet: Pick<FileDialogPort, 'copyText' | 'copyRich'>,
    format: CopyFormat = 'md',
  ): Promise<{ copied: true }> {
    const { model, choices } = this.build(input);
    if (format === 'rich') {
      const html = renderHtml(model);
      const text = renderText(model);
      this.checkFingerprint(richFingerprint(html, text), previewed, model, 'copy');
      await outlet.copyRich({ html, text });
      this.logShareHashed(choices, model, 'rich', 'window', richFingerprint(html, text));
      return { copied: true };
    }
    const text = RENDERERS[format](model);
    this.checkPreviewed(text, previewed, model, 'copy');
    await outlet.copyText(text);
    this.logShare(choices, model, format === 'md' ? 'clipboard' : 'text', 'window', text);
    return { copied: true };
  }

  /** Records a share made elsewhere (the CLI writing a file or stdout) of exactly `text`. */
  logShare(
    choices: SummaryChoices,
    model: SummaryModel,
    format: ShareFormat,
    via: 'window' | 'cli',
    text: string,
  ): ShareDto {
    return this.logShareHashed(choices, model, format, via, hash(text));
  }

  private logShareHashed(
    choices: SummaryChoices,
    model: SummaryModel,
    format: ShareFormat,
    via: 'window' | 'cli',
    contentHash: string,
  ): ShareDto {
    const at = this.deps.clock.now();
    const share: Share = {
      id: randomUUID(),
      at,
      localDate: localDateOf(at, this.deps.settings.get().zone),
      from: choices.from,
      to: choices.to,
      sections: model.sections.map((s) => s.kind),
      noteCount: model.sections.reduce((n, s) => n + (s.kind === 'notes' ? s.items.length : 0), 0),
      format,
      via,
      contentHash,
      kind: 'summary',
    };
    this.repo.addShare(share);
    this.onDidChange.emit();
    return this.shareDto(share);
  }

  /** Refuses (`conflict`, one sentence) when `text` is not what the preview fingerprinted. */
  private checkPreviewed(text: string, previewed: string, now: SummaryModel, action: 'save' | 'copy'): void {
    this.checkFingerprint(hash(text), previewed, now, action);
  }

  private checkFingerprint(
    fingerprint: string,
    previewed: string,
    now: SummaryModel,
    action: 'save' | 'copy',
  ): void {
    if (fingerprint === previewed) return;
    const changes = summaryChanges(this.previews.get(previewed), now);
    throw new KeelError('conflict', changedSentence(changes, action));
  }

  /** Keeps the latest previews' models, to say what changed when a save is refused. */
  private remember(hashes: string[], model: SummaryModel): void {
    for (const key of hashes) {
      this.previews.delete(key);
      this.previews.set(key, model);
    }
    for (const key of this.previews.keys()) {
      if (this.previews.size <= PREVIEWS_KEPT) break;
      this.previews.delete(key);
    }
  }

  shares(): ShareDto[] {
    return this.repo.shares().map((s) => this.shareDto(s));
  }

  private data(choices: SummaryChoices): SummaryData {
    const settings = this.deps.settings.get();
    const { from, to } = choices;
    const days = this.deps.figures.days(from, to);
    return {
      zone: settings.zone,
      generatedAt: this.deps.clock.now(),
      checks: this.deps.checkin.checksBetween(from, to),
      figures: {
        days,
        // A plan in force on any day of the period is focus data, even if every such day was a
        // holiday: the section then says nothing was planned, rather than that Keel knows nothing.
        hasFocusData: days.some(
          (d) =>
            d.plannedFocusMinutes > 0 ||
            d.protectedFocusMinutes > 0 ||
            this.deps.settings.on(d.date).focusPlan.length > 0,
        ),
        hasWorkdayData: days.some((d) => d.firstActive !== null || d.signedOffAt !== null),
      },
      talkingPoints: this.deps.talkingPoints.open(),
      nameLine: settings.summary.nameLine,
    };
  }

  private today(): LocalDate {
    return localDateOf(this.deps.clock.now(), this.deps.settings.get().zone);
  }

  private shareDto(s: Share): ShareDto {
    const zone = this.deps.settings.get().zone;
    return {
      id: s.id,
      at: toLocalIso(s.at, zone),
      from: s.from,
      to: s.to,
      sections: s.sections,
      noteCount: s.noteCount,
      format: s.format,
      via: s.via,
      contentHash: s.contentHash,
      kind: s.kind,
    };
  }
}

const FILTERS: Record<ExportFormat, FileFilter> = {
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** Four fingerprints (Markdown, text, HTML, rich) per preview: the last eight previews. */
const PREVIEWS_KEPT = 32;

const RENDERERS: Record<SummaryPreviewFormat, (model: SummaryModel) => string> = {
  md: renderMarkdown,
  text: renderText,
  html: renderHtml,
};

function renderAll(model: SummaryModel): Record<SummaryPreviewFormat, string> {
  return { md: renderMarkdown(model), text: renderText(model), html: renderHtml(model) };
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Rich text's fingerprint: the SHA-256 of the HTML's fingerprint and the text's, joined by a
 * line feed — both parts the preview shows (HTML and Text), bound into one code.
 */
export function richFingerprint(html: string, text: string): string {
  return hash(`${hash(html)}\n${hash(text)}`);
}
