import { z } from 'zod';
import { SUMMARY_SECTIONS } from './summary-section-ids';
import { exportLocaleSchema } from './export-language';
import { cleanLine } from './text-hygiene';

/**
 * What the one-on-one builder remembers between runs: the name line under the summary's title,
 * the sections last chosen and the language last chosen for the summary. Stored like other settings (not dated: a summary already shared
 * is logged with its own sections and hash, and never changes).
 */

/** The longest name line kept, in characters. */
export const NAME_LINE_MAX_LENGTH = 120;

export const SUMMARY_SETTINGS_MESSAGES = {
  nameLine: `Keep the name line to ${NAME_LINE_MAX_LENGTH} characters or fewer.`,
  sections: 'Sections are trends, sustainability, stretched, focus, endOfDay, talkingPoints or notes.',
} as const;

export const summarySettingsSchema = z
  .object({
    /** "Alex Doe — one-on-one with Sam, 3 December"; empty: no line. */
    nameLine: z
      .string({ message: 'Write the name line as text.' })
      .overwrite(cleanLine)
      .trim()
      .max(NAME_LINE_MAX_LENGTH, { message: SUMMARY_SETTINGS_MESSAGES.nameLine }),
    /** The sections last chosen, in any order; null: Keel's defaults. */
    sections: z
      .array(z.enum(SUMMARY_SECTIONS, { message: SUMMARY_SETTINGS_MESSAGES.sections }), {
        message: SUMMARY_SETTINGS_MESSAGES.sections,
      })
      .transform((list) => [...new Set(list)])
      .nullable(),
    /** The summary's language last chosen; null (or not given): the window's language. */
    locale: exportLocaleSchema.nullable().default(null),
  })
  .strict();

export type SummarySettings = z.output<typeof summarySettingsSchema>;

export const DEFAULT_SUMMARY_SETTINGS: SummarySettings = { nameLine: '', sections: null, locale: null };
