import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { signoffWorkdayOf } from '../core/signoff-policy';
import { localDateOf, localDaysBetween, toLocalIso, type LocalDate } from '../core/time';
import {
  draftEdits,
  draftWeeklyUpdate,
  isEdited,
  UPDATE_MAX_DAYS,
  weeklyUpdateModel,
  type UpdateEdits,
  type WeeklyDraft,
  type WeeklyUpdateModel,
} from '../core/weekly-update';
import { renderUpdate, UPDATE_FORMATS, type UpdateFormat } from '../core/weekly-update-document';
import { updateOfferWeek, weekOf, type UpdateWeek } from '../core/weekly-update-offer';
import { periodLabel } from '../core/summary-text';
import { hoursOn } from '../core/working-hours';
import type { SettingsRepo } from '../storage/settings-repo';
import type { SummaryRepo } from '../storage/summary-repo';
import type { UpdateRepo } from '../storage/update-repo';
import type { WorkdayRepo } from '../storage/workday-repo';
import type { ShareDto } from '../shared/dto';
import type { UpdateDraftDto, UpdateOffer, UpdatePreview } from '../shared/update-dto';
import type { CheckinService } from './checkin-service';
import { Emitter } from './events';
import type { FiguresService } from './figures-service';
import type { FocusService } from './focus-service';
import type { FileDialogPort, FileFilter } from './ports';
import type { SettingsService } from './settings-service';

/** The settings-table key of the last answered offer (storage/data-repo INTERNAL_SETTING_KEYS). */
export const UPDATE_OFFER_KEY = 'updateOffer';

/**
 * A period the update may cover: dates in order, at most UPDATE_MAX_DAYS days; with the language
 * the update is written in (en-US when not given).
 */
export type UpdatePeriod = UpdateWeek & { locale?: string | null };

const FILTERS: Record<UpdateFormat, FileFilter> = {
  md: { name: 'Markdown', extensions: ['md'] },
  text: { name: 'Text', extensions: ['txt'] },
  html: { name: 'Web page', extensions: ['html'] },
};
const EXTENSIONS: Record<UpdateFormat, string> = { md: 'md', text: 'txt', html: 'html' };

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The weekly update: drafted from the period's sign-offs (core/weekly-update.ts), edited by the
 * user and kept per period, previewed exactly as it leaves, saved or copied through main, and
 * logged in the share log (kind "weekly-update"). Also the offer on the sign-off screen.
 */
export class WeeklyUpdateService {
  readonly onDidChange = new Emitter<void>();

  constructor(
    private readonly repo: UpdateRepo,
    private readonly deps: {
      settings: SettingsService;
      settingsRepo: Pick<SettingsRepo, 'all' | 'set'>;
      workdays: Pick<WorkdayRepo, 'between' | 'get'>;
      figures: Pick<FiguresService, 'days'>;
      checkin: Pick<CheckinService, 'checksBetween'>;
      focus: Pick<FocusService, 'running'>;
      shares: Pick<SummaryRepo, 'addShare'>;
      clock: Clock;
    },
  ) {}

  /** The Monday-to-Sunday week of the current workday. */
  currentWeek(): UpdatePeriod {
    return weekOf(this.workday());
  }

  /** The period's update as the window edits it: the kept edits, or the draft. */
  draft(period: UpdatePeriod = this.currentWeek()): UpdateDraftDto {
    const { draft, edits } = this.read(period);
    return {
      from: draft.period.from,
      to: draft.period.to,
      label: draft.period.label,
      edits: edits ?? draftEdits(draft),
      drafted: draft.lines,
      saved: edits !== null,
      edited: edits !== null && isEdited(draft, edits),
      signoffCount: draft.signoffCount,
      focusLine: draft.focusLine,
      moodLine: draft.moodLine,
    };
  }

  /** Keeps the user's edits of the period's update (validated at the door). */
  save(period: UpdatePeriod, edits: UpdateEdits): UpdateDraftDto {
    checkPeriod(period);
    this.repo.save(period.from, period.to, edits, this.deps.clock.now());
    this.onDidChange.emit();
    return this.draft(period);
  }

  /** Forgets the edits: the update is drafted from the sign-offs again. */
  reset(period: UpdatePeriod): UpdateDraftDto {
    checkPeriod(period);
    this.repo.remove(period.from, period.to);
    this.onDidChange.emit();
    return this.draft(period);
  }

  /** The update's model: the kept edits over the draft. */
  model(period: UpdatePeriod): WeeklyUpdateModel {
    const { draft, edits } = this.read(period);
    return weeklyUpdateModel(draft, edits);
  }

  /** Exactly what a save or copy writes, with the fingerprint of every format. */
  preview(period: UpdatePeriod, format: UpdateFormat): UpdatePreview {
    const model = this.model(period);
    const texts = Object.fromEntries(UPDATE_FORMATS.map((f) => [f, renderUpdate(model, f)])) as Record<
      UpdateFormat,
      string
    >;
    const hashes = Object.fromEntries(UPDATE_FORMATS.map((f) => [f, hash(texts[f])])) as Record<
      UpdateFormat,
      string
    >;
    return { format, text: texts[format], contentHash: hashes[format], hashes };
  }

  /** The update rendered once (the command line prints it and logs that). */
  render(period: UpdatePeriod, format: UpdateFormat): { text: string; model: WeeklyUpdateModel } {
    const model = this.model(period);
    return { text: renderUpdate(model, format), model };
  }

  /**
   * Saves the update where the user chooses (main's dialog) and logs the share, only when it is
   * still exactly what was previewed in this format. Changed or cancelled: nothing written or logged.
   */
  async export(
    period: UpdatePeriod,
    format: UpdateFormat,
    previewed: string,
    outlet: Pick<FileDialogPort, 'saveFile'>,
  ): Promise<{ saved: boolean; fileName: string | null }> {
    const { text, model } = this.render(period, format);
    checkPreviewed(text, previewed, 'save');
    const fileName = await outlet.saveFile({
      defaultName: `keel-weekly-update-${model.period.from}-to-${model.period.to}.${EXTENSIONS[format]}`,
      content: text,
      filters: [FILTERS[format]],
    });
    if (fileName === null) return { saved: false, fileName: null };
    this.logShare(model, format, 'window', text);
    return { saved: true, fileName };
  }

  /** Copies the previewed Markdown or plain text (through main) and logs the share. */
  async copy(
    period: UpdatePeriod,
    format: Exclude<UpdateFormat, 'html'>,
    previewed: string,
    outlet: Pick<FileDialogPort, 'copyText'>,
  ): Promise<{ copied: true }> {
    const { text, model } = this.render(period, format);
    checkPreviewed(text, previewed, 'copy');
    await outlet.copyText(text);
    this.logShare(model, format, 'window', text);
    return { copied: true };
  }

  /** Records that exactly `text` left Keel, in the share log beside the summaries. */
  logShare(model: WeeklyUpdateModel, format: UpdateFormat, via: 'window' | 'cli', text: string): ShareDto {
    const at = this.deps.clock.now();
    const zone = this.deps.settings.get().zone;
    const share = {
      id: randomUUID(),
      at,
      localDate: localDateOf(at, zone),
      from: model.period.from,
      to: model.period.to,
      sections: (['shipped', 'next', 'blockers'] as const).filter((s) => model.lines[s].length > 0),
      noteCount: 0,
      format,
      via,
      contentHash: hash(text),
      kind: 'weekly-update' as const,
    };
    this.deps.shares.addShare(share);
    this.onDidChange.emit();
    return { ...share, at: toLocalIso(at, zone) };
  }

  /** The week to offer the update for on the sign-off screen now, or null. */
  offer(): UpdateOffer | null {
    const workday = this.workday();
    const stored = this.deps.workdays.get(workday);
    const answered = this.deps.settingsRepo.all()[UPDATE_OFFER_KEY];
    const week = updateOfferWeek({
      workday,
      signedOff: stored?.signedOffAt != null,
      focusRunning: this.deps.focus.running() !== undefined,
      answeredWeek: typeof answered === 'string' ? answered : null,
      hasHours: (date) => hoursOn(date, this.deps.settings.on(date)) !== null,
    });
    return week === null ? null : { ...week, label: periodLabel(week.from, week.to) };
  }

  /** "Draft it" or "Skip": either way the offer does not come back this week. */
  answerOffer(): null {
    this.deps.settingsRepo.set(UPDATE_OFFER_KEY, this.currentWeek().from, this.deps.clock.now());
    this.onDidChange.emit();
    return null;
  }

  private workday(): LocalDate {
    return signoffWorkdayOf(this.deps.clock.now(), this.deps.settings.byDate());
  }

  private read(period: UpdatePeriod): { draft: WeeklyDraft; edits: UpdateEdits | null } {
    checkPeriod(period);
    const { from, to } = period;
    const { settings, clock } = this.deps;
    const days = this.deps.figures.days(from, to);
    const draft = draftWeeklyUpdate({
      from,
      to,
      zone: settings.get().zone,
      generatedAt: clock.now(),
      signoffs: this.deps.workdays.between(from, to),
      days,
      // As the summary decides it: a plan in force on any day is focus data.
      hasFocusData: days.some(
        (d) =>
          d.plannedFocusMinutes > 0 ||
          d.protectedFocusMinutes > 0 ||
          settings.on(d.date).focusPlan.length > 0,
      ),
      checks: this.deps.checkin.checksBetween(from, to),
      locale: period.locale ?? null,
    });
    return { draft, edits: this.repo.get(from, to)?.edits ?? null };
  }
}

/** Refuses, in one sentence, a period the update cannot cover. */
function checkPeriod(period: UpdatePeriod): void {
  if (period.from > period.to)
    throw new KeelError('invalid_input', 'The start date must not be after the end date.');
  if (localDaysBetween(period.from, period.to) >= UPDATE_MAX_DAYS) {
    throw new KeelError('invalid_input', `A weekly update covers at most ${UPDATE_MAX_DAYS} days.`);
  }
}

/** Refuses (`conflict`) when `text` is not what the preview showed. */
function checkPreviewed(text: string, previewed: string, action: 'save' | 'copy'): void {
  if (hash(text) === previewed) return;
  throw new KeelError(
    'conflict',
    `The update changed since the preview (an edit or a new sign-off), so nothing was ${action === 'save' ? 'saved' : 'copied'}; check the new preview and ${action} again.`,
  );
}
