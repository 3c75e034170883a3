import type { ExportResult } from '../../src-main/shared/dto';
import type {
  UpdateDraftDto,
  UpdateEdits,
  UpdateFormat,
  UpdateOffer,
  UpdatePreview,
} from '../../src-main/shared/update-dto';
import { windowFormat } from '../i18n/window-locale';
import { call, type Outcome } from './keel';

/** The update is written in the window's language (its preview, save and copy alike). */
// (The pseudo-locale's update is written in its format, en-US: Markdown would escape its brackets.)
const locale = () => windowFormat().locale;

/** The language the update is written in (its preview is marked with it). */
export const updateLocale = locale;

export type { UpdateDraftDto, UpdateEdits, UpdateFormat, UpdateOffer, UpdatePreview };

/** A period the weekly update covers. */
export interface UpdatePeriod {
  from: string;
  to: string;
}

/** The weekly update's calls (issue #19): the draft and its edits, the preview, saving and copying, the offer. */
export const updateApi = {
  /** Without a period: the current week. */
  draft: (period?: UpdatePeriod): Promise<Outcome<UpdateDraftDto>> =>
    call((k) => k.update.draft({ ...period, locale: locale() })),
  save: (period: UpdatePeriod, edits: UpdateEdits): Promise<Outcome<UpdateDraftDto>> =>
    call((k) => k.update.save({ ...period, edits, locale: locale() })),
  reset: (period: UpdatePeriod): Promise<Outcome<UpdateDraftDto>> =>
    call((k) => k.update.reset({ ...period, locale: locale() })),
  preview: (period: UpdatePeriod, format: UpdateFormat): Promise<Outcome<UpdatePreview>> =>
    call((k) => k.update.preview({ ...period, format, locale: locale() })),
  /** Main asks where to save and logs the share; refused (`conflict`) unless it is what was previewed. */
  export: (period: UpdatePeriod, format: UpdateFormat, contentHash: string): Promise<Outcome<ExportResult>> =>
    call((k) => k.update.export({ ...period, format, contentHash, locale: locale() })),
  /** Main puts the previewed Markdown or plain text on the clipboard and logs the share. */
  copy: (
    period: UpdatePeriod,
    format: 'md' | 'text',
    contentHash: string,
  ): Promise<Outcome<{ copied: true }>> =>
    call((k) => k.update.copy({ ...period, format, contentHash, locale: locale() })),
  offer: (): Promise<Outcome<UpdateOffer | null>> => call((k) => k.update.offer()),
  answerOffer: (): Promise<Outcome<null>> => call((k) => k.update.answerOffer()),
};
