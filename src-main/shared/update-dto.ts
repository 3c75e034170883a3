import type { UpdateFormat } from '../core/weekly-update-document';
import type { UpdateEdits, UpdateLines } from '../core/weekly-update';

export type { UpdateEdits, UpdateFormat, UpdateLines };

/** The weekly update's formats, as values the window may import. */
export const UPDATE_FORMAT_LIST: readonly UpdateFormat[] = ['md', 'text', 'html'];

/** The weekly update of one period, as the window edits it (`update:draft`). */
export interface UpdateDraftDto {
  from: string;
  to: string;
  /** "1–7 March 2027". */
  label: string;
  /** What the update says now: the user's kept edits, or the draft as Keel made it. */
  edits: UpdateEdits;
  /** The lines Keel drafted from the sign-offs (for "Start again from the sign-offs"). */
  drafted: UpdateLines;
  /** Edits are kept for this period (closing the window does not lose them). */
  saved: boolean;
  /** The kept lines differ from the draft. */
  edited: boolean;
  signoffCount: number;
  /** The optional lines, as they would read, in the update's language (the window names the sections). */
  focusLine: string;
  moodLine: string;
}

/** Exactly what a save or copy of the update writes, and the fingerprint of each format. */
export interface UpdatePreview {
  format: UpdateFormat;
  text: string;
  contentHash: string;
  hashes: Record<UpdateFormat, string>;
}

/** "Draft this week's update?" on the sign-off screen: the week it is for, or none. */
export interface UpdateOffer {
  from: string;
  to: string;
  label: string;
}
