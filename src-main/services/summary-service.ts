import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import {
  parseSummaryChoices,
  SUMMARY_MESSAGES,
  summaryPeriod,
  type SummaryChoices,
  type SummaryChoicesInput,
} from '../core/summary-choices';
import { renderHtml } from '../core/summary-html';
import { renderMarkdown } from '../core/summary-markdown';
import { buildSummary, type SummaryData, type SummaryModel } from '../core/summary-model';
import {
  DEFAULT_SECTIONS,
  SUMMARY_SECTION_TITLES,
  SUMMARY_SECTIONS,
  unshareableNoteIds,
} from '../core/summary-sections';
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
    return {
      sections: SUMMARY_SECTIONS.map((id) => ({
        id,
        title: SUMMARY_SECTION_TITLES[id],
        default: DEFAULT_SECTIONS.includes(id),
      })),
      periods: { sinceLast, twoWeeks: summaryPeriod('two-weeks', today) },
      lastShare: last ? this.shareDto(last) : null,
      notes: this.deps.checkin
        .checksBetween(period.from, period.to)
        .filter((c) => c.note !== null)
        .map((c) => ({ id: c.id, date: c.localDate, text: c.note as string, shareable: c.shareable })),
    };
  }

  /** The model for `choices`; refuses ticked notes that may not be shared. */
  build(input: SummaryChoicesInput): { model: SummaryModel; choices: SummaryChoices } {
    const choices = parseSummaryChoices(input);
    const data = this.data(choices);
    if (unshareableNoteIds(data, choices).length > 0) {
      throw new KeelError('invalid_input', SUMMARY_MESSAGES.unshareable);
    }
    return { model: buildSummary(data, choices), choices };
  }

  /** Exactly what an export writes: the preview is the export. */
  preview(input: SummaryChoicesInput, format: 'md' | 'html'): SummaryPreview {
    const { model } = this.build(input);
    const text = format === 'md' ? renderMarkdown(model) : renderHtml(model);
    return { format, text, contentHash: hash(text), model };
  }

  /** JSON of the model, for `keel summary --format json`. */
  json(input: SummaryChoicesInput): string {
    return `${JSON.stringify(this.build(input).model, null, 2)}\n`;
  }

  /**
   * Writes the summary where the user chooses (main's save dialog; the window never names a
   * path) and logs the share. Cancelled: nothing is written or logged.
   */
  async export(
    input: SummaryChoicesInput,
    format: ExportFormat,
    outlet: Pick<FileDialogPort, 'saveFile' | 'printToPdf'>,
    via: 'window' | 'cli' = 'window',
  ): Promise<{ saved: boolean; fileName: string | null }> {
    const { model, choices } = this.build(input);
    const text = format === 'md' ? renderMarkdown(model) : renderHtml(model);
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

  /** Copies the Markdown to the clipboard (through main) and logs the share. */
  async copy(
    input: SummaryChoicesInput,
    outlet: Pick<FileDialogPort, 'copyText'>,
  ): Promise<{ copied: true }> {
    const { model, choices } = this.build(input);
    const text = renderMarkdown(model);
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
    };
    this.repo.addShare(share);
    this.onDidChange.emit();
    return this.shareDto(share);
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
    };
  }
}

const FILTERS: Record<ExportFormat, FileFilter> = {
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
