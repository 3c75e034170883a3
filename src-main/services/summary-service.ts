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
import { buildSummary, type SummaryData, type SummaryModel } from '../core/summary-model';
import { changedSentence, summaryChanges } from '../core/summary-changes';
import { privateTagOptions, tickProblem } from '../core/summary-private';
import { DEFAULT_SECTIONS, SUMMARY_SECTION_TITLES, SUMMARY_SECTIONS } from '../core/summary-sections';
import { localDateOf, toLocalIso, type LocalDate } from '../core/time';
import type { FileDialogPort, FileFilter } from './ports';
import type { Share, SummaryRepo } from '../storage/summary-repo';
import type { ShareFormat } from '../shared/dto';
import type { CheckinService } from './checkin-service';
import { Emitter } from './events';
import type { FiguresService } from './figures-service';
import type { SettingsService } from './settings-service';
import type { ExportFormat, ShareDto, SummaryOptions, SummaryPreview } from '../shared/dto';
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
    return {
      sections: SUMMARY_SECTIONS.map((id) => ({
        id,
        title: SUMMARY_SECTION_TITLES[id],
        default: DEFAULT_SECTIONS.includes(id),
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
   * what each format would write (PDF prints the HTML, copy is the Markdown); a save or copy must
   * carry the one of its format.
   */
  preview(input: SummaryChoicesInput, format: 'md' | 'html'): SummaryPreview {
    const { model } = this.build(input);
    const texts = { md: renderMarkdown(model), html: renderHtml(model) };
    const hashes = { md: hash(texts.md), html: hash(texts.html) };
    this.remember(hashes, model);
    return { format, text: texts[format], contentHash: hashes[format], hashes, model };
  }

  /** The summary rendered once, with the model and choices it came from (the command line's). */
  render(
    input: SummaryChoicesInput,
    format: 'md' | 'html' | 'json',
  ): { text: string; model: SummaryModel; choices: SummaryChoices } {
    const { model, choices } = this.build(input);
    const text =
      format === 'json'
        ? `${JSON.stringify(model, null, 2)}\n`
        : format === 'md'
          ? renderMarkdown(model)
          : renderHtml(model);
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
    const content = format === 'pdf' ? await outlet.printToPdf(text) : text;
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

  /** Copies the previewed Markdown to the clipboard (through main) and logs the share. */
  async copy(
    input: SummaryChoicesInput,
    previewed: string,
    outlet: Pick<FileDialogPort, 'copyText'>,
  ): Promise<{ copied: true }> {
    const { model, choices } = this.build(input);
    const text = renderMarkdown(model);
    this.checkPreviewed(text, previewed, model, 'copy');
    await outlet.copyText(text);
    this.logShare(choices, model, 'clipboard', 'window', text);
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
      contentHash: hash(text),
      kind: 'summary',
    };
    this.repo.addShare(share);
    this.onDidChange.emit();
    return this.shareDto(share);
  }

  /** Refuses (`conflict`, one sentence) when `text` is not what the preview fingerprinted. */
  private checkPreviewed(text: string, previewed: string, now: SummaryModel, action: 'save' | 'copy'): void {
    if (hash(text) === previewed) return;
    const changes = summaryChanges(this.previews.get(previewed), now);
    throw new KeelError('conflict', changedSentence(changes, action));
  }

  /** Keeps the latest previews' models, to say what changed when a save is refused. */
  private remember(hashes: { md: string; html: string }, model: SummaryModel): void {
    for (const key of [hashes.md, hashes.html]) {
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

/** Two fingerprints (Markdown and HTML) per preview: the last eight previews. */
const PREVIEWS_KEPT = 16;

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
