import { createHash, randomUUID } from 'node:crypto';
import { agreementDocument, type AgreementDocument } from '../core/agreement-document';
import { agreementToIcs } from '../core/agreement-ics';
import { agreementMarkdown, agreementText } from '../core/agreement-render';
import { agreementStatus } from '../core/agreement-status';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import { exportLanguage } from '../core/export-language';
import {
  addLocalDays,
  localDateOf,
  startOfLocalDate,
  toLocalIso,
  weekStartOf,
  type LocalDate,
} from '../core/time';
import type { ShareFormat } from '../shared/dto';
import type {
  AgreementFormat,
  AgreementPreview,
  AgreementShareDto,
  AgreementStatusDto,
} from '../shared/agreement-dto';
import type { Share, SummaryRepo } from '../storage/summary-repo';
import type { FileDialogPort, FileFilter } from './ports';
import type { FocusService } from './focus-service';
import type { SettingsService } from './settings-service';
import type { SignoffService } from './signoff-service';

export interface AgreementServiceDeps {
  shares: Pick<SummaryRepo, 'addShare' | 'shares'>;
  settings: Pick<SettingsService, 'get' | 'on'>;
  focus: Pick<FocusService, 'running'>;
  signoff: Pick<SignoffService, 'signedOffTime'>;
  clock: Clock;
  installId: () => string;
}

/**
 * The working agreement (issue #19): its three formats, exactly as they leave, and the status
 * line for chat. The consent model is the summary's: what the window previewed is what is saved
 * or copied (its fingerprint is checked first), and every share is logged with its kind and format.
 */
export class AgreementService {
  constructor(private readonly deps: AgreementServiceDeps) {}

  /**
   * The agreement's document, from the rules in force today and the current week, in `locale`
   * (a language Keel speaks; none: en-US), as the summary's export language is chosen.
   */
  document(locale?: string | null): AgreementDocument {
    const settings = this.deps.settings.get();
    const now = this.deps.clock.now();
    return agreementDocument(
      {
        zone: settings.zone,
        workingHours: settings.workingHours,
        focusPlan: settings.focusPlan,
        agreement: settings.agreement,
        weekOf: weekStartOf(localDateOf(now, settings.zone)),
        now: startOfLocalDate(localDateOf(now, settings.zone), settings.zone),
      },
      exportLanguage(locale),
    );
  }

  /** Exactly what a save or copy in `format` writes. */
  render(format: AgreementFormat, locale?: string | null): string {
    if (format === 'ics') return this.ics(locale);
    const doc = this.document(locale);
    return format === 'md' ? agreementMarkdown(doc) : agreementText(doc);
  }

  /** The preview: the text and its fingerprint, which a save or copy must carry. */
  preview(format: AgreementFormat, locale?: string | null): AgreementPreview {
    const text = this.render(format, locale);
    return { format, text, contentHash: hash(text) };
  }

  /** Writes the previewed agreement where the user chooses (main's dialog) and logs the share. */
  async save(
    format: AgreementFormat,
    previewed: string,
    outlet: Pick<FileDialogPort, 'saveFile'>,
    locale?: string | null,
  ): Promise<{ saved: boolean; fileName: string | null }> {
    const text = this.checked(format, previewed, 'save', locale);
    const fileName = await outlet.saveFile({
      defaultName: `working-agreement.${format === 'text' ? 'txt' : format}`,
      content: text,
      filters: [FILTERS[format]],
    });
    if (fileName === null) return { saved: false, fileName: null };
    this.logShare('agreement', format, 'window', text);
    return { saved: true, fileName };
  }

  /** Copies the previewed Markdown or text to the clipboard (through main) and logs the share. */
  async copy(
    format: 'md' | 'text',
    previewed: string,
    outlet: Pick<FileDialogPort, 'copyText'>,
    locale?: string | null,
  ): Promise<{ copied: true }> {
    const text = this.checked(format, previewed, 'copy', locale);
    await outlet.copyText(text);
    this.logShare('agreement', format === 'md' ? 'clipboard' : 'text', 'window', text);
    return { copied: true };
  }

  /** The status line for chat now, with its fingerprint, in `locale` (none: en-US). */
  status(locale?: string | null): AgreementStatusDto {
    const now = this.deps.clock.now();
    const settings = this.deps.settings.get();
    const running = this.deps.focus.running();
    const text = agreementStatus(
      {
        now,
        zone: settings.zone,
        calendar: (date) => this.deps.settings.on(date),
        focusUntil: running?.plannedEnd ?? null,
        signedOff: this.deps.signoff.signedOffTime() !== null,
      },
      exportLanguage(locale),
    );
    return { text, contentHash: hash(text) };
  }

  /**
   * Copies the status line and logs the share, only while it still reads as shown (`shown`, its
   * fingerprint): a block that ended since is refused in one sentence, nothing copied.
   */
  async copyStatus(
    shown: string,
    outlet: Pick<FileDialogPort, 'copyText'>,
    via: 'window' | 'cli' = 'window',
    locale?: string | null,
  ): Promise<AgreementStatusDto> {
    const status = this.status(locale);
    if (status.contentHash !== shown) {
      throw new KeelError('conflict', `Your status has changed to “${status.text}”; copy it again.`);
    }
    await outlet.copyText(status.text);
    this.logShare('status', 'text', via, status.text);
    return status;
  }

  /** Records a share of exactly `text` (the CLI's output, a copy, a saved file). */
  logShare(kind: 'agreement' | 'status', format: ShareFormat, via: 'window' | 'cli', text: string): void {
    const at = this.deps.clock.now();
    const zone = this.deps.settings.get().zone;
    const today = localDateOf(at, zone);
    const from: LocalDate = kind === 'status' ? today : weekStartOf(today);
    const share: Share = {
      id: randomUUID(),
      at,
      localDate: today,
      from,
      to: kind === 'status' ? today : addLocalDays(from, 6),
      sections: kind === 'status' ? [] : this.document().sections.map((s) => s.title),
      noteCount: 0,
      format,
      via,
      contentHash: hash(text),
      kind,
    };
    this.deps.shares.addShare(share);
  }

  /** The agreement's and the status line's shares, most recent first. */
  shares(): AgreementShareDto[] {
    const zone = this.deps.settings.get().zone;
    return this.deps.shares
      .shares()
      .filter(
        (s): s is Share & { kind: AgreementShareDto['kind'] } =>
          s.kind === 'agreement' || s.kind === 'status',
      )
      .map((s) => ({
        id: s.id,
        at: toLocalIso(s.at, zone),
        kind: s.kind,
        format: s.format,
        via: s.via,
        contentHash: s.contentHash,
      }));
  }

  private ics(locale?: string | null): string {
    const settings = this.deps.settings.get();
    const today = localDateOf(this.deps.clock.now(), settings.zone);
    return agreementToIcs({
      zone: settings.zone,
      workingHours: settings.workingHours,
      holidays: settings.holidays,
      focusPlan: settings.focusPlan,
      focusPauses: settings.focusPauses,
      // The day's start, not this second: a preview and the save after it write the same bytes.
      now: startOfLocalDate(today, settings.zone),
      installId: this.deps.installId(),
      lang: exportLanguage(locale),
    });
  }

  private checked(
    format: AgreementFormat,
    previewed: string,
    action: 'save' | 'copy',
    locale: string | null | undefined,
  ): string {
    const text = this.render(format, locale);
    if (hash(text) === previewed) return text;
    throw new KeelError(
      'conflict',
      `The agreement changed since the preview (your settings or the week); look at it again before you ${action} it.`,
    );
  }
}

const FILTERS: Record<AgreementFormat, FileFilter> = {
  md: { name: 'Markdown', extensions: ['md'] },
  text: { name: 'Text', extensions: ['txt'] },
  ics: { name: 'Calendar', extensions: ['ics'] },
};

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
