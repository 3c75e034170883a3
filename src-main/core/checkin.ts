import { z } from 'zod';
import {
  DEFAULT_TAGS,
  ENERGY_LABELS,
  NOTE_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_PER_CHECK_MAX,
  tagSlug,
} from './checkin-vocabulary';
import { KeelError } from './errors';
import { cleanLine, cleanText } from './text-hygiene';
import { instantAt, isClockTime, isLocalDate, localDateOf, type LocalDate } from './time';

/**
 * The quick workload check ("check-in"): what the user answers in under 20 seconds, how it is
 * validated and what is stored.
 *
 * Decisions:
 * - Ratings are whole numbers 1–5; 1 is always the light or low end (far too light, drained), so a
 *   rising workload line means more work and a rising energy line means more energy.
 * - Stretched tags are stored as slugs: the eight defaults have stable ids, custom tags are
 *   normalised (trimmed, NFC, lowercase, spaces and underscores become one hyphen) and must then
 *   hold only letters (any script), combining marks, digits and single hyphens, 1–32 characters.
 *   Typing a default tag's label ("On-call or incidents") gives its id ("on-call"). Tags are
 *   deduplicated, keeping first-seen order; at most 12 remain per check.
 * - The note is trimmed, its line endings become `\n`, and it may hold at most 2000 characters
 *   (counted as Unicode code points, so an emoji is one); an empty note is no note.
 * - "May be shared" belongs to the note: without a note it means nothing, so it is normalised to
 *   false. It is off by default.
 * - Errors are one sentence that names the field in words. `parseOrThrow`/`describeIssues` would
 *   prefix the zod path ("workload: Workload is…"), so callers use `parseCheckinInput`.
 * - A check-in belongs to the local calendar date of its instant in the zone it was taken in (no
 *   day boundary): a check at 01:00 counts for that date.
 */

/** A 1–5 rating. */
export type Rating = 1 | 2 | 3 | 4 | 5;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

export const WORKLOAD_LABELS: Readonly<Record<Rating, string>> = {
  1: 'Far too light',
  2: 'A bit light',
  3: 'About right',
  4: 'Heavy',
  5: 'Unsustainable',
};

export { ENERGY_LABELS };

export const SUSTAINABLE_QUESTION = 'Is the workload sustainable right now?';
export const SUSTAINABLE = ['yes', 'mostly', 'no'] as const;
export type Sustainable = (typeof SUSTAINABLE)[number];
export const SUSTAINABLE_LABELS: Readonly<Record<Sustainable, string>> = {
  yes: 'Yes',
  mostly: 'Mostly',
  no: 'No',
};

export const STRETCHED_QUESTION = 'Where are you feeling stretched?';

export {
  DEFAULT_TAGS,
  NOTE_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_PER_CHECK_MAX,
  tagLabel,
  type TagOption,
} from './checkin-vocabulary';

export const CHECKIN_MESSAGES = {
  workload: 'Workload is a whole number from 1 (far too light) to 5 (unsustainable).',
  energy: 'Energy is a whole number from 1 (drained) to 5 (full of energy).',
  sustainable: 'Sustainable is one of yes, mostly or no.',
  stretched: 'Stretched is a list of tags such as meetings or deadlines.',
  tooManyTags: `Pick at most ${TAGS_PER_CHECK_MAX} tags for one check.`,
  emptyTag: 'A tag needs at least one letter or digit.',
  note: 'The note is text.',
  noteLength: `Keep the note to ${NOTE_MAX_LENGTH} characters or fewer.`,
  shareable: 'Shareable is true or false.',
  checkIn: 'A check-in needs workload, energy and whether the workload is sustainable.',
  at: 'Use a date and time such as 2027-03-15T16:30, optionally with an offset such as +01:00.',
  atFuture: 'A check-in cannot be in the future.',
} as const;

const TAG_SLUG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*$/u;

/** Default tag ids by the slug of their label, so typing a label gives the default's id. */
const DEFAULT_BY_LABEL_SLUG = new Map(DEFAULT_TAGS.map((t) => [tagSlug(t.label), t.id]));

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** How a tag is quoted in a message: whitespace collapsed, cut short when very long. */
function shown(raw: string): string {
  const text = raw.trim().replace(/\s+/gu, ' ');
  const chars = Array.from(text);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

type TagResult = { ok: true; tag: string } | { ok: false; message: string };

function tryNormaliseTag(raw: string): TagResult {
  const slug = tagSlug(cleanLine(raw));
  if (slug.length === 0) return { ok: false, message: CHECKIN_MESSAGES.emptyTag };
  const known = DEFAULT_BY_LABEL_SLUG.get(slug);
  if (known !== undefined) return { ok: true, tag: known };
  if (!TAG_SLUG.test(slug)) {
    return {
      ok: false,
      message: `The tag "${shown(raw)}" can only use letters, digits, spaces and hyphens.`,
    };
  }
  if (codePoints(slug) > TAG_MAX_LENGTH) {
    return { ok: false, message: `Keep the tag "${shown(raw)}" to ${TAG_MAX_LENGTH} characters or fewer.` };
  }
  return { ok: true, tag: slug };
}

function tryNormaliseTags(
  raw: readonly string[],
): { ok: true; tags: string[] } | { ok: false; message: string } {
  const seen = new Set<string>();
  for (const item of raw) {
    const result = tryNormaliseTag(item);
    if (!result.ok) return result;
    seen.add(result.tag);
  }
  if (seen.size > TAGS_PER_CHECK_MAX) return { ok: false, message: CHECKIN_MESSAGES.tooManyTags };
  return { ok: true, tags: [...seen] };
}

/**
 * The stored slug of a tag the user typed ("Code Review" → "code-review", "On-call or incidents" →
 * "on-call"), or an `invalid_input` KeelError with one sentence.
 */
export function normaliseTag(raw: string): string {
  const result = tryNormaliseTag(raw);
  if (!result.ok) throw new KeelError('invalid_input', result.message);
  return result.tag;
}

/** Normalised, deduplicated tags in first-seen order (at most 12), or an `invalid_input` KeelError. */
export function normaliseTags(raw: readonly string[]): string[] {
  const result = tryNormaliseTags(raw);
  if (!result.ok) throw new KeelError('invalid_input', result.message);
  return result.tags;
}

/** The note as stored: cleaned (core/text-hygiene.ts), trimmed; empty means no note. */
export function normaliseNote(raw: string): string | undefined {
  const text = cleanText(raw).trim();
  return text.length === 0 ? undefined : text;
}

const rating = (message: string) =>
  z
    .number({ message })
    .int({ message })
    .min(1, { message })
    .max(5, { message })
    .transform((n) => n as Rating);

/** What the user answers; the output is normalised (see the module's decisions). */
export interface CheckinInput {
  workload: Rating;
  energy: Rating;
  sustainable: Sustainable;
  stretched: string[];
  note?: string;
  shareable: boolean;
}

export const checkinInputSchema = z
  .object(
    {
      workload: rating(CHECKIN_MESSAGES.workload),
      energy: rating(CHECKIN_MESSAGES.energy),
      sustainable: z.enum(SUSTAINABLE, { message: CHECKIN_MESSAGES.sustainable }),
      stretched: z
        .array(z.string({ message: CHECKIN_MESSAGES.stretched }), { message: CHECKIN_MESSAGES.stretched })
        .default([])
        .transform((tags, ctx) => {
          const result = tryNormaliseTags(tags);
          if (result.ok) return result.tags;
          ctx.addIssue({ code: 'custom', message: result.message, input: tags });
          return z.NEVER;
        }),
      note: z
        .string({ message: CHECKIN_MESSAGES.note })
        .nullish()
        .transform((note) => (note == null ? undefined : normaliseNote(note)))
        .refine((note) => note === undefined || codePoints(note) <= NOTE_MAX_LENGTH, {
          message: CHECKIN_MESSAGES.noteLength,
        }),
      shareable: z.boolean({ message: CHECKIN_MESSAGES.shareable }).default(false),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `A check-in has no field ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
          : CHECKIN_MESSAGES.checkIn,
    },
  )
  .strict()
  .transform(({ note, shareable, ...rest }): CheckinInput => {
    const input: CheckinInput = { ...rest, shareable: note !== undefined && shareable };
    if (note !== undefined) input.note = note;
    return input;
  });

/** The first issue's message as one sentence (the field is already named in words). */
function sentenceOf(error: z.ZodError): string {
  const message = error.issues[0]?.message ?? CHECKIN_MESSAGES.checkIn;
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** A check-in's answers, normalised, or an `invalid_input` KeelError with one sentence. */
export function parseCheckinInput(value: unknown): CheckinInput {
  const result = checkinInputSchema.safeParse(value);
  if (!result.success) throw new KeelError('invalid_input', sentenceOf(result.error));
  return result.data;
}

/** The command line's flags, as the strings it received. */
export interface CheckinArgs {
  workload?: string;
  energy?: string;
  sustainable?: string;
  /** Comma-separated: `meetings,deadlines`; empty items are ignored. */
  stretched?: string;
  note?: string;
  shareable?: boolean;
}

function parseRating(raw: string | undefined, message: string): Rating {
  const text = raw?.trim() ?? '';
  if (!/^[0-9]{1,3}$/.test(text)) throw new KeelError('invalid_input', message);
  const n = Number(text);
  if (n < 1 || n > 5) throw new KeelError('invalid_input', message);
  return n as Rating;
}

/**
 * `keel check --workload N --energy N --sustainable yes|mostly|no [--stretched a,b] [--note TEXT]
 * [--shareable]`: the answers, or an `invalid_input` KeelError whose message is the one line to
 * print. Ratings must be written as whole numbers ("3", not "3.5", "3e0" or "three"); the answer to
 * "sustainable" is case-insensitive.
 */
export function parseCheckinArgs(args: CheckinArgs): CheckinInput {
  const workload = parseRating(args.workload, CHECKIN_MESSAGES.workload);
  const energy = parseRating(args.energy, CHECKIN_MESSAGES.energy);
  const sustainable = args.sustainable?.trim().toLowerCase() ?? '';
  const stretched = (args.stretched ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const value: Record<string, unknown> = { workload, energy, sustainable, stretched };
  if (args.note !== undefined) value.note = args.note;
  if (args.shareable !== undefined) value.shareable = args.shareable;
  return parseCheckinInput(value);
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/i;

/**
 * `--at ISO`: the instant of a back-dated check. An offset (`Z`, `+01:00`) is taken as written;
 * without one the time is local to `zone` (a time skipped by DST moves forward). Seconds are
 * optional. A time after `now` is refused: a check-in records how it was, not how it will be.
 */
export function parseCheckinAt(text: string, zone: string, now: number): number {
  const m = ISO_DATE_TIME.exec(text.trim());
  const date = m?.[1];
  const time = m?.[2];
  if (!m || date === undefined || time === undefined || !isLocalDate(date) || !isClockTime(time)) {
    throw new KeelError('invalid_input', CHECKIN_MESSAGES.at);
  }
  const seconds = Number(m[3] ?? '0');
  if (seconds > 59) throw new KeelError('invalid_input', CHECKIN_MESSAGES.at);
  const millis = m[4] ? Math.round(Number(`0${m[4]}`) * 1000) : 0;
  const offset = m[5];
  const at =
    offset === undefined
      ? instantAt(date, time, zone) + seconds * 1000 + millis
      : Date.parse(`${date}T${time}:${String(seconds).padStart(2, '0')}${offset.toUpperCase()}`) + millis;
  if (!Number.isFinite(at)) throw new KeelError('invalid_input', CHECKIN_MESSAGES.at);
  if (at > now) throw new KeelError('invalid_input', CHECKIN_MESSAGES.atFuture);
  return at;
}

/** A stored check-in. Questionnaire answers are stored apart (see questionnaires.ts). */
export interface Checkin {
  id: string;
  /** Epoch milliseconds. */
  at: number;
  /** The local date of `at` in `zone`. */
  localDate: LocalDate;
  /** The IANA zone the check was taken in. */
  zone: string;
  workload: Rating;
  energy: Rating;
  sustainable: Sustainable;
  stretched: string[];
  note: string | null;
  /** Whether the note may appear in a summary the user shares; false when there is no note. */
  shareable: boolean;
}

/** The record for validated answers taken at `at` in `zone`; the id comes from the caller. */
export function makeCheckin(input: CheckinInput, meta: { id: string; at: number; zone: string }): Checkin {
  const note = input.note ?? null;
  return {
    id: meta.id,
    at: meta.at,
    localDate: localDateOf(meta.at, meta.zone),
    zone: meta.zone,
    workload: input.workload,
    energy: input.energy,
    sustainable: input.sustainable,
    stretched: [...input.stretched],
    note,
    shareable: note !== null && input.shareable,
  };
}
