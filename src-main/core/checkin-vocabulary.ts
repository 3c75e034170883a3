import { WEEKDAYS, type Weekday } from './time';

/**
 * The quick check's words, limits and tag rules, apart from its zod schemas so the window can
 * import them as values (through src-main/shared/) without taking zod into its bundle.
 * core/checkin.ts, core/checkin-cadence.ts, core/questionnaires.ts and core/settings.ts use these
 * same definitions.
 */

export interface TagOption {
  /** A stable slug, stored with each check. */
  id: string;
  label: string;
}

/** The tags offered with every check; their ids never change (stored data refers to them). */
export const DEFAULT_TAGS: readonly TagOption[] = [
  { id: 'meetings', label: 'Meetings' },
  { id: 'context-switching', label: 'Context switching' },
  { id: 'on-call', label: 'On-call or incidents' },
  { id: 'unclear-priorities', label: 'Unclear priorities' },
  { id: 'deadlines', label: 'Deadlines' },
  { id: 'collaboration', label: 'Collaboration' },
  { id: 'learning-curve', label: 'Learning curve' },
  { id: 'personal-life', label: 'Personal life' },
];

/** The one energy scale, 1 to 5: the quick check, the sign-off, history, trends, summary and CLI. */
export const ENERGY_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: 'Drained',
  2: 'Low',
  3: 'Okay',
  4: 'Good',
  5: 'Full of energy',
};

export const TAG_MAX_LENGTH = 32;
export const TAGS_PER_CHECK_MAX = 12;
export const NOTE_MAX_LENGTH = 2000;
/** The user's own tags (Settings) that Keel keeps. */
export const CUSTOM_TAGS_MAX = 20;

/**
 * A typed tag's slug before its characters are checked: trimmed, lowercase, NFC, spaces and
 * underscores as one hyphen ("Code  Review" → "code-review").
 */
export function tagSlug(raw: string): string {
  // Lowercasing can decompose a letter (İ → i + combining dot), so NFC comes after it.
  return raw
    .trim()
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\s_]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

const DEFAULT_LABELS = new Map(DEFAULT_TAGS.map((t) => [t.id, t.label]));

/** How a tag is shown: a default's label, or a custom slug with spaces and a capital first letter. */
export function tagLabel(id: string): string {
  const known = DEFAULT_LABELS.get(id);
  if (known !== undefined) return known;
  const text = id.replace(/-/g, ' ');
  const [first = '', ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join('');
}

/* ---------- The cadence ---------- */

export const DEFAULT_CHECK_TIME = '16:00';

const MON_TO_FRI: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * The working day before `day`: the closest earlier weekday (wrapping round the week) that has
 * working hours, or is Monday–Friday when no hours are given; the day before when none qualifies.
 */
export function workingDayBefore(
  day: Weekday,
  workingHours?: Readonly<Record<Weekday, object | null>>,
): Weekday {
  const index = WEEKDAYS.indexOf(day);
  const works = (d: Weekday) => (workingHours ? workingHours[d] !== null : MON_TO_FRI.includes(d));
  for (let back = 1; back <= 7; back++) {
    const candidate = WEEKDAYS[(index - back + 7) % 7] as Weekday;
    if (works(candidate)) return candidate;
  }
  return WEEKDAYS[(index + 6) % 7] as Weekday;
}

/* ---------- The questionnaires ---------- */

export const QUESTIONNAIRE_KINDS = ['burnout', 'who5'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

export const QUESTIONNAIRE_DISCLAIMER = 'This is a self-reflection aid, not a diagnosis.';
export const BURNOUT_TITLE = 'Single-item burnout measure';
export const WHO5_TITLE = 'WHO-5 Well-Being Index';

export const QUESTIONNAIRE_TITLES: Readonly<Record<QuestionnaireKind, string>> = {
  burnout: BURNOUT_TITLE,
  who5: WHO5_TITLE,
};

/** Local days between two prompts of each questionnaire. */
export const QUESTIONNAIRE_INTERVAL_DAYS: Readonly<Record<QuestionnaireKind, number>> = {
  burnout: 7,
  who5: 14,
};
