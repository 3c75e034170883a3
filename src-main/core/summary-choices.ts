import { z } from 'zod';
import { KeelError } from './errors';
import { exportLocaleSchema } from './export-language';
import { PRIVATE_CHOICE_MESSAGES } from './summary-private';
import { DEFAULT_SECTIONS, SUMMARY_SECTIONS } from './summary-sections';
import {
  dateOfDayNumber,
  dayNumber,
  isInputDate,
  isLocalDate,
  localDaysBetween,
  type LocalDate,
} from './time';

/**
 * What the user chooses to share in a one-on-one summary — a period, the sections, the notes
 * ticked one by one and the custom tags of private check-ins ticked one by one — validated, and
 * the preset periods the window offers.
 *
 * Decisions:
 * - The period is whole local dates, `from` and `to` inclusive, at most 366 days. A check-in
 *   belongs to its own `localDate` (where it was taken), like the trends.
 * - "Since the last shared summary" starts on the date of the last share, inclusive: a check made
 *   after sharing that day must not fall between two summaries. Without a share (or with one more
 *   than 366 days ago) the period falls back to, or is cut to, what fits.
 */

export const SUMMARY_MAX_DAYS = 366;
export const SUMMARY_MAX_NOTES = 200;
const NOTE_ID_MAX_LENGTH = 100;
const TAG_ID_MAX_LENGTH = 100;
export const SUMMARY_MAX_TAGS = 200;

export const SUMMARY_MESSAGES = {
  choices:
    'A summary needs a period (from and to), the sections to include, the ticked notes and the ticked tags.',
  from: 'Start the period on a date written YYYY-MM-DD.',
  to: 'End the period on a date written YYYY-MM-DD.',
  order: 'The period must end on or after the day it starts.',
  tooLong: `Keep the period to ${SUMMARY_MAX_DAYS} days or fewer.`,
  sections: 'Sections are trends, sustainability, stretched, focus, endOfDay, talkingPoints or notes.',
  sectionTwice: 'List each section once.',
  noteId: 'Name each ticked note by its check-in id.',
  tooManyNotes: `Tick at most ${SUMMARY_MAX_NOTES} notes.`,
  unshareable: PRIVATE_CHOICE_MESSAGES.unshareable,
  tagId: 'Name each ticked tag by its id.',
  tooManyTags: `Tick at most ${SUMMARY_MAX_TAGS} tags.`,
} as const;

const localDate = (message: string) => z.string({ message }).refine(isInputDate, { message });

export const summaryChoicesSchema = z
  .object(
    {
      from: localDate(SUMMARY_MESSAGES.from),
      to: localDate(SUMMARY_MESSAGES.to),
      sections: z
        .array(z.enum(SUMMARY_SECTIONS, { message: SUMMARY_MESSAGES.sections }), {
          message: SUMMARY_MESSAGES.sections,
        })
        .refine((list) => new Set(list).size === list.length, { message: SUMMARY_MESSAGES.sectionTwice })
        .default(() => [...DEFAULT_SECTIONS]),
      noteIds: z
        .array(
          z
            .string({ message: SUMMARY_MESSAGES.noteId })
            .min(1, { message: SUMMARY_MESSAGES.noteId })
            .max(NOTE_ID_MAX_LENGTH, { message: SUMMARY_MESSAGES.noteId }),
          { message: SUMMARY_MESSAGES.noteId },
        )
        .max(SUMMARY_MAX_NOTES, { message: SUMMARY_MESSAGES.tooManyNotes })
        .transform((ids) => [...new Set(ids)])
        .default(() => []),
      /** Custom tags of check-ins with private notes, ticked into "Where I feel stretched". */
      privateTags: z
        .array(
          z
            .string({ message: SUMMARY_MESSAGES.tagId })
            .min(1, { message: SUMMARY_MESSAGES.tagId })
            .max(TAG_ID_MAX_LENGTH, { message: SUMMARY_MESSAGES.tagId }),
          { message: SUMMARY_MESSAGES.tagId },
        )
        .max(SUMMARY_MAX_TAGS, { message: SUMMARY_MESSAGES.tooManyTags })
        .transform((ids) => [...new Set(ids)])
        .default(() => []),
      /**
       * The language of the export (a tag Keel speaks: "de", "pt-BR", "de-AT"); en-US when not
       * given, whatever the window's or the CLI's language.
       */
      locale: exportLocaleSchema.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Summary choices have no field ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
          : SUMMARY_MESSAGES.choices,
    },
  )
  .strict()
  .refine((c) => c.from <= c.to, { message: SUMMARY_MESSAGES.order, path: ['to'], abort: true })
  // Dates that are not dates were refused above (the refine still runs on them): no RangeError.
  .refine(
    (c) => !isLocalDate(c.from) || !isLocalDate(c.to) || localDaysBetween(c.from, c.to) < SUMMARY_MAX_DAYS,
    {
      message: SUMMARY_MESSAGES.tooLong,
      path: ['to'],
    },
  );

/** Validated choices: sections default to `DEFAULT_SECTIONS`, note ids and tags are deduplicated. */
export type SummaryChoices = z.output<typeof summaryChoicesSchema>;
export type SummaryChoicesInput = z.input<typeof summaryChoicesSchema>;

/** Choices, validated, or an `invalid_input` KeelError with one sentence (no field path prefix). */
export function parseSummaryChoices(value: unknown): SummaryChoices {
  const result = summaryChoicesSchema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? SUMMARY_MESSAGES.choices;
  throw new KeelError('invalid_input', /[.!?]$/.test(message) ? message : `${message}.`);
}

export const SUMMARY_PERIODS = ['since-last', 'two-weeks'] as const;
export type SummaryPeriodPreset = (typeof SUMMARY_PERIODS)[number];

/**
 * The dates of a preset period ending `today`: the last two weeks (14 days, today included), or
 * since the date of the last shared summary (inclusive; two weeks when nothing was shared yet or
 * the share is dated after today, cut to 366 days when it is older).
 */
export function summaryPeriod(
  preset: SummaryPeriodPreset,
  today: LocalDate,
  lastSharedOn: LocalDate | null = null,
): { from: LocalDate; to: LocalDate } {
  const end = dayNumber(today);
  if (preset === 'since-last' && lastSharedOn !== null && lastSharedOn <= today) {
    return {
      from: dateOfDayNumber(Math.max(dayNumber(lastSharedOn), end - (SUMMARY_MAX_DAYS - 1))),
      to: today,
    };
  }
  return { from: dateOfDayNumber(end - 13), to: today };
}
