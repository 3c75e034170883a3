import type { ChannelOutput, IpcResult, KeelApi } from '../../src-main/ipc/contract';
import type { StateEvent } from '../../src-main/shared/state';
import type {
  AgendaEvent,
  AgreementFormat,
  AgreementPreview,
  AgreementStatus,
  CalendarStatus,
  CheckForm,
  Checkin,
  CheckinInput,
  CheckinUpdate,
  CheckTrends,
  CreepStats,
  DesktopReport,
  ShortcutOffer,
  IdleTrust,
  DndStatus,
  ExportResult,
  FocusStartRequest,
  FocusStats,
  FocusStatus,
  InterruptionKind,
  QuestionnaireKind,
  QuestionnaireOutcome,
  RuleChange,
  DatedKey,
  SettingUpdate,
  Settings,
  SignoffResponse,
  SignoffStatus,
  SignoffSubmit,
  Share,
  Status,
  TodayCard,
  SummaryChoices,
  SummaryCopyFormat,
  SummaryExportFormat,
  SummaryOptions,
  SummaryPeriod,
  SummaryPreview,
  SummaryPreviewFormat,
  TalkingPoint,
  TrendRange,
} from './types';

import { takePrefetched, todayInput } from './prefetch';
import { windowExportLocale, windowFormat } from '../i18n/window-locale';

/**
 * The language of what the window writes for others (the working agreement, its status line, the
 * focus plan's calendar): the window's. The pseudo-locale's is its format, en-US, as the weekly
 * update's is.
 */
export const writtenLocale = (): string => windowFormat().locale;

declare global {
  interface Window {
    /** Installed by the Electron preload, or by the preview's HTTP bridge. Absent elsewhere. */
    keel?: KeelApi;
  }
}

/** What the renderer works with: a value, or one sentence to show the user as-is. */
export type Outcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      code: string;
      /** One sentence, never naming an internal key. */
      message: string;
      /** Where in the input main found the problem (`['workingHours', 'mon']`), to place the sentence. */
      path?: (string | number)[];
    };

/** What a form's action comes to: done, or main's sentence and where in the input it belongs. */
export type ActionOutcome = { ok: true } | { ok: false; message: string; where?: string };

/** A refused call as a form shows it: the sentence, and where main placed it (`unfinished.0.plan`). */
export function refusal(result: { message: string; path?: (string | number)[] }): ActionOutcome {
  return { ok: false, message: result.message, ...(result.path ? { where: result.path.join('.') } : {}) };
}

/** Shown full-page when there is no `window.keel` at all. */
export const MISSING_API_MESSAGE =
  'Keel cannot reach its data from this window, so there is nothing to show; please open Keel from the app itself.';

/** Shown when a call itself fails (the bridge threw instead of answering). */
export const UNREACHABLE_MESSAGE = 'Keel could not reach its background process; please try again.';

/** The API the window was given, or `undefined` when it runs outside Keel. */
export function getKeel(): KeelApi | undefined {
  return typeof window === 'undefined' ? undefined : window.keel;
}

export function hasKeel(): boolean {
  return getKeel() !== undefined;
}

/** Runs one call and turns its `IpcResult` (or a thrown error) into an `Outcome`. */
export async function call<T>(run: (keel: KeelApi) => Promise<IpcResult<T>>): Promise<Outcome<T>> {
  const keel = getKeel();
  if (!keel) return { ok: false, code: 'unavailable', message: MISSING_API_MESSAGE };
  try {
    const result = await run(keel);
    if (result.ok) return { ok: true, value: result.value };
    const { code, message, field } = result.error;
    // A schema's refusal comes with its path apart: the sentence is shown without it.
    if (field) return { ok: false, code, message: field.message, path: field.path };
    return { ok: false, code, message };
  } catch {
    // Never show a stack or an internal message: one sentence only.
    return { ok: false, code: 'internal', message: UNREACHABLE_MESSAGE };
  }
}

/** The typed client every store uses. */
export const api = {
  status: (): Promise<Outcome<Status>> => call((k) => takePrefetched<Status>('status') ?? k.app.status()),
  /** The Today card: which state the day is in by main's clock, and the Monday recap. */
  today: (): Promise<Outcome<TodayCard>> => {
    // The recap is written in the window's language.
    const locale = windowExportLocale();
    return call((k) => takePrefetched<TodayCard>('today', locale) ?? k.today.card(todayInput(locale)));
  },
  /** Quits Keel as the tray's Quit does (main puts do-not-disturb back first). */
  quit: (): Promise<Outcome<{ quitting: true }>> => call((k) => k.app.quit()),
  settings: (): Promise<Outcome<Settings>> =>
    call((k) => takePrefetched<Settings>('settings') ?? k.settings.get()),
  setSetting: (update: SettingUpdate): Promise<Outcome<Settings>> => call((k) => k.settings.set(update)),
  /** Every change of every dated rule, with how it stands today. */
  settingChanges: (): Promise<Outcome<RuleChange[]>> => call((k) => k.settings.changes()),
  /** Withdraws a change that has not taken effect yet. */
  withdrawChange: (key: DatedKey, from: string): Promise<Outcome<Settings>> =>
    call((k) => k.settings.cancelChange({ key, from })),
  agenda: (from: string, to: string): Promise<Outcome<AgendaEvent[]>> =>
    call((k) => k.agenda.list({ from, to })),
  focus: {
    status: (): Promise<Outcome<FocusStatus>> => call((k) => k.focus.status()),
    start: (request: FocusStartRequest): Promise<Outcome<FocusStatus>> => call((k) => k.focus.start(request)),
    stop: (): Promise<Outcome<FocusStatus>> => call((k) => k.focus.stop()),
    interrupt: (kind: InterruptionKind, note?: string): Promise<Outcome<FocusStatus>> =>
      call((k) => k.focus.interrupt(note ? { kind, note } : { kind })),
    leaveOff: (text: string): Promise<Outcome<FocusStatus>> => call((k) => k.focus.leaveOff({ text })),
    skip: (occurrenceId: string): Promise<Outcome<FocusStatus>> =>
      call((k) => k.focus.skip({ occurrenceId })),
    stats: (from: string, to: string): Promise<Outcome<FocusStats>> =>
      call((k) => k.focus.stats({ from, to })),
    exportIcs: (): Promise<Outcome<ExportResult>> =>
      call((k) => k.focus.exportIcs({ locale: writtenLocale() })),
  },
  calendar: {
    status: (): Promise<Outcome<CalendarStatus>> => call((k) => k.calendar.status()),
    import: (): Promise<Outcome<CalendarStatus>> => call((k) => k.calendar.import()),
    clear: (): Promise<Outcome<CalendarStatus>> => call((k) => k.calendar.clear()),
  },
  dnd: {
    status: (): Promise<Outcome<DndStatus>> => call((k) => k.dnd.status()),
  },
  desktop: {
    /** Main runs `keel doctor`'s probes (a few seconds at most). */
    probes: (): Promise<Outcome<DesktopReport>> => call((k) => k.desktop.probes()),
    /** Main copies the report last shown, as `keel doctor --json` prints it. */
    copyReport: (): Promise<Outcome<{ copied: true }>> => call((k) => k.desktop.copyReport()),
    /** Where Ctrl+Alt+F cannot reach Keel: the desktop's own shortcut (main decides). */
    shortcutOffer: (): Promise<Outcome<ShortcutOffer>> => call((k) => k.desktop.shortcutOffer()),
    shortcutAnswer: (answer: 'add' | 'copy' | 'dismiss'): Promise<Outcome<ShortcutOffer>> =>
      call((k) => k.desktop.shortcutAnswer({ answer })),
    /** Whether Keel believes this desktop's idle time (main pushes 'desktop' when it changes). */
    idleTrust: (): Promise<Outcome<IdleTrust>> => call((k) => k.desktop.idleTrust()),
  },
  signoff: {
    status: (): Promise<Outcome<SignoffStatus>> =>
      call((k) => takePrefetched<SignoffStatus>('signoff') ?? k.signoff.status()),
    submit: (input: SignoffSubmit): Promise<Outcome<SignoffStatus>> => call((k) => k.signoff.submit(input)),
    respond: (action: SignoffResponse): Promise<Outcome<SignoffStatus>> =>
      call((k) => k.signoff.respond({ action })),
    creep: (weeks: number): Promise<Outcome<CreepStats>> => call((k) => k.signoff.creep({ weeks })),
  },
  checkin: {
    form: (): Promise<Outcome<CheckForm>> => call((k) => k.checkin.form()),
    add: (input: CheckinInput): Promise<Outcome<Checkin>> => call((k) => k.checkin.add(input)),
    update: (input: CheckinUpdate): Promise<Outcome<Checkin>> => call((k) => k.checkin.update(input)),
    /** `purgeBackups`: remove it from every backup copy too (else they keep it until they age out). */
    delete: (id: string, purgeBackups = false): Promise<Outcome<ChannelOutput<'checkin:delete'>>> =>
      call((k) => k.checkin.delete(purgeBackups ? { id, purgeBackups } : { id })),
    list: (from: string, to: string): Promise<Outcome<Checkin[]>> =>
      call((k) => k.checkin.list({ from, to })),
    trends: (range: TrendRange): Promise<Outcome<CheckTrends>> => call((k) => k.checkin.trends({ range })),
    questionnaire: (kind: QuestionnaireKind, answers: number[]): Promise<Outcome<QuestionnaireOutcome>> =>
      call((k) => k.checkin.questionnaire({ kind, answers })),
  },
  talk: {
    add: (text: string): Promise<Outcome<TalkingPoint>> => call((k) => k.talk.add({ text })),
    list: (includeDiscussed = false): Promise<Outcome<TalkingPoint[]>> =>
      call((k) => k.talk.list({ includeDiscussed })),
    discussed: (id: string, discussed: boolean): Promise<Outcome<TalkingPoint>> =>
      call((k) => k.talk.discussed({ id, discussed })),
    delete: (id: string): Promise<Outcome<{ deleted: string }>> => call((k) => k.talk.delete({ id })),
    edit: (id: string, text: string): Promise<Outcome<TalkingPoint>> =>
      call((k) => k.talk.edit({ id, text })),
    /** Every point, in the agenda's new order. */
    move: (id: string, direction: 'up' | 'down'): Promise<Outcome<TalkingPoint[]>> =>
      call((k) => k.talk.move({ id, direction })),
  },
  summary: {
    /** Without a period: the notes of "since the last shared summary". */
    options: (period?: SummaryPeriod): Promise<Outcome<SummaryOptions>> =>
      call((k) => k.summary.options(period)),
    preview: (choices: SummaryChoices, format: SummaryPreviewFormat): Promise<Outcome<SummaryPreview>> =>
      call((k) => k.summary.preview({ choices, format })),
    /**
     * Main asks where to save (the window never sees a path) and logs the share; `contentHash` is
     * the preview's fingerprint for the format, and main refuses (`conflict`) if it changed.
     */
    export: (
      choices: SummaryChoices,
      format: SummaryExportFormat,
      contentHash: string,
    ): Promise<Outcome<ExportResult>> => call((k) => k.summary.export({ choices, format, contentHash })),
    /**
     * Main puts the previewed summary (`contentHash`: the preview's fingerprint for `format`) on
     * the clipboard — Markdown, plain text for chat, or rich text — and logs the share.
     */
    copy: (
      choices: SummaryChoices,
      contentHash: string,
      format: SummaryCopyFormat = 'md',
    ): Promise<Outcome<{ copied: true }>> => call((k) => k.summary.copy({ choices, contentHash, format })),
    shares: (): Promise<Outcome<Share[]>> => call((k) => k.summary.shares()),
  },
  /**
   * The working agreement: exactly what leaves, saved or copied only as previewed, written (and
   * its status line) in the window's language.
   */
  agreement: {
    preview: (format: AgreementFormat): Promise<Outcome<AgreementPreview>> =>
      call((k) => k.agreement.preview({ format, locale: writtenLocale() })),
    save: (format: AgreementFormat, contentHash: string): Promise<Outcome<ExportResult>> =>
      call((k) => k.agreement.save({ format, contentHash, locale: writtenLocale() })),
    copy: (format: 'md' | 'text', contentHash: string): Promise<Outcome<{ copied: true }>> =>
      call((k) => k.agreement.copy({ format, contentHash, locale: writtenLocale() })),
    status: (): Promise<Outcome<AgreementStatus>> =>
      call((k) => k.agreement.status({ locale: writtenLocale() })),
    copyStatus: (contentHash: string): Promise<Outcome<AgreementStatus>> =>
      call((k) => k.agreement.copyStatus({ contentHash, locale: writtenLocale() })),
  },
  /** Subscribes to main's state pushes; returns the unsubscribe function. */
  onState(listener: (event: StateEvent) => void): () => void {
    const keel = getKeel();
    if (!keel) return () => {};
    return keel.onState(listener);
  },
};
