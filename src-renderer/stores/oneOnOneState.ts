import type { StoreApi } from 'zustand';
import type {
  Settings,
  Share,
  SummaryChoices,
  SummaryCopyFormat,
  SummaryExportFormat,
  SummaryOptions,
  SummaryPreview,
  SummaryPreviewFormat,
  TalkingPoint,
} from '../api/types';
import type { BuilderChoices, PeriodChoice } from '../lib/oneOnOne';

/** The one-on-one view's state, apart from the store so its action groups can share the type. */

/** What the share buttons do: save in a format, or copy (Markdown, text for chat, rich text). */
export type ShareTarget = SummaryExportFormat | `copy-${SummaryCopyFormat}`;

import type { ActionOutcome } from '../api/keel';

export type { ActionOutcome };

/** What the last export or copy came to, in one sentence. */
export type ShareOutcome = { tone: 'success' | 'error'; message: string };

export interface OneOnOneState {
  /** Every talking point, open and discussed; null until the view asked. */
  points: TalkingPoint[] | null;
  pointsError: string | null;
  /** The talking point being written: kept here so a view switch does not lose it. */
  pointDraft: string;
  setPointDraft(text: string): void;
  options: SummaryOptions | null;
  optionsLoading: boolean;
  optionsError: string | null;
  choice: BuilderChoices;
  format: SummaryPreviewFormat;
  /** The preview on screen, and the choices (as JSON) it was made for. */
  preview: SummaryPreview | null;
  previewFor: string | null;
  previewLoading: boolean;
  previewError: string | null;
  /** Bumped when data behind the summary changed (talking points, check-ins, settings). */
  revision: number;
  shares: Share[] | null;
  sharesError: string | null;
  /** The export or copy under way. */
  sharing: ShareTarget | null;
  /** The name line as saved (settings.summary); null until read. */
  nameLine: string | null;
  /** The sections remembered in settings (null: Keel's defaults), as read with the name line. */
  rememberedSections: RememberedSections;
  outcome: ShareOutcome | null;
  /** Reads everything the view shows; "since the last share" is read afresh. */
  open(): void;
  loadPoints(): Promise<void>;
  addPoint(text: string): Promise<ActionOutcome>;
  setDiscussed(id: string, discussed: boolean): Promise<ActionOutcome>;
  deletePoint(id: string): Promise<ActionOutcome>;
  editPoint(id: string, text: string): Promise<ActionOutcome>;
  movePoint(id: string, direction: 'up' | 'down'): Promise<ActionOutcome>;
  /** Reads the options (sections, presets, the period's notes) for the chosen period. */
  loadOptions(): Promise<void>;
  setPeriod(period: PeriodChoice): void;
  setCustom(from: string, to: string): void;
  setSection(id: string, on: boolean): void;
  setNote(id: string, on: boolean): void;
  /** Ticks a custom tag of a check-in with a private note into "Where I feel stretched". */
  setPrivateTag(id: string, on: boolean): void;
  setFormat(format: SummaryPreviewFormat): void;
  /** Chooses the summary's language (remembered in settings.summary). */
  setLocale(locale: string): void;
  /** The choices as main takes them; null while options are unknown or the dates are invalid. */
  currentChoices(): SummaryChoices | null;
  loadPreview(): Promise<void>;
  share(target: ShareTarget): Promise<void>;
  /** Reads the name line and the remembered sections (settings.summary). */
  loadRemembered(): Promise<void>;
  /** Saves the name line; the preview follows through main's settings push. */
  saveNameLine(text: string): Promise<ActionOutcome>;
  loadShares(): Promise<void>;
  /** Re-reads what has been asked for, after a push from main. */
  refresh(topics: ReadonlySet<string>): void;
}

/** The sections the builder starts with (settings.summary.sections; null: Keel's defaults). */
export type RememberedSections = Settings['summary']['sections'];

export type SetOneOnOne = StoreApi<OneOnOneState>['setState'];
export type GetOneOnOne = StoreApi<OneOnOneState>['getState'];
