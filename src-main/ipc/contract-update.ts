/** The weekly update's channels (issue #19), spread into the IPC contract (contract.ts). */
import { z } from 'zod';
import { isInputDate, isLocalDate, localDaysBetween } from '../core/time';
import { exportLocaleSchema } from '../core/export-language';
import { UPDATE_MAX_DAYS, updateEditsSchema } from '../core/weekly-update';
import type { ExportResult } from '../shared/dto';
import type { UpdateDraftDto, UpdateOffer, UpdatePreview } from '../shared/update-dto';
import { channel, noInput } from './contract-kit';

const date = z.string({ message: 'Use a date written YYYY-MM-DD.' }).refine(isInputDate, {
  message: 'Use a date written YYYY-MM-DD.',
});

/** A period the update covers: both dates, in order, at most UPDATE_MAX_DAYS days. */
const periodFields = { from: date, to: date };
function period<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({ ...periodFields, ...extra })
    .strict()
    .refine((r) => inOrder(r as Period), { message: 'The start date must not be after the end date.' })
    .refine((r) => notTooLong(r as Period), {
      message: `A weekly update covers at most ${UPDATE_MAX_DAYS} days.`,
    });
}

type Period = { from: string; to: string };
const inOrder = (r: Period) => r.from <= r.to;
const notTooLong = (r: Period) =>
  !isLocalDate(r.from) || !isLocalDate(r.to) || localDaysBetween(r.from, r.to) < UPDATE_MAX_DAYS;

/** The fingerprint of the preview a save or copy was made from (UpdatePreview `hashes`). */
const previewHash = z
  .string({ message: 'Preview the update before saving or copying it.' })
  .regex(/^[0-9a-f]{64}$/, { message: 'Preview the update before saving or copying it.' });

const format = z.enum(['md', 'text', 'html'], { message: 'Use md, text or html.' });

export const updateChannels = {
  /**
   * The current week's update without dates; the kept edits, or the draft from the sign-offs.
   * `locale` (here, in save and in reset): the language of the lines Keel drafts (focus, mood),
   * which go into the update as they are; en-US when not given.
   */
  'update:draft': channel<UpdateDraftDto>()(
    z
      .object({ from: date.optional(), to: date.optional(), locale: exportLocaleSchema.optional() })
      .strict()
      .refine((r) => (r.from === undefined) === (r.to === undefined), {
        message: 'Give both dates of the period, or neither.',
      })
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
        message: 'The start date must not be after the end date.',
      }),
  ),
  /** Keeps the user's edits of the period's update. */
  'update:save': channel<UpdateDraftDto>()(
    period({ edits: updateEditsSchema, locale: exportLocaleSchema.optional() }),
  ),
  /** Forgets the edits: the update is drafted from the sign-offs again. */
  'update:reset': channel<UpdateDraftDto>()(period({ locale: exportLocaleSchema.optional() })),
  /** `locale`: the language of the update (en-US when not given), whatever the window's. */
  'update:preview': channel<UpdatePreview>()(period({ format, locale: exportLocaleSchema.optional() })),
  /** `contentHash`: the preview's fingerprint for this format (`hashes[format]`). */
  'update:export': channel<ExportResult>()(
    period({ format, contentHash: previewHash, locale: exportLocaleSchema.optional() }),
  ),
  'update:copy': channel<{ copied: true }>()(
    period({
      format: z.enum(['md', 'text'], { message: 'Copy md or text.' }),
      contentHash: previewHash,
      locale: exportLocaleSchema.optional(),
    }),
  ),
  /** "Draft this week's update?" on the sign-off screen, or null. */
  'update:offer': channel<UpdateOffer | null>()(noInput),
  /** The offer was answered ("Draft it" or "Skip"): it does not come back this week. */
  'update:answerOffer': channel<null>()(noInput),
} as const;
