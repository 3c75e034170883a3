import { z } from 'zod';
import {
  BURNOUT_TITLE,
  QUESTIONNAIRE_DISCLAIMER,
  QUESTIONNAIRE_INTERVAL_DAYS,
  QUESTIONNAIRE_KINDS,
  WHO5_TITLE,
  type QuestionnaireKind,
} from './checkin-vocabulary';
import { KeelError } from './errors';
import { addLocalDays, localDateOf, localDaysBetween, type LocalDate } from './time';

/**
 * Optional validated questionnaires that sit beside the quick check: the single-item burnout
 * measure and the WHO-5 Well-Being Index. Each is off until the user turns it on, always shows its
 * source and the disclaimer, and never leads anywhere but to the user's own history.
 *
 * Decisions:
 * - The wording is the published wording, kept verbatim in constants so it is shown exactly as
 *   validated; only the apostrophes are typographic.
 * - Burnout: the answer (1–5) is the score; 3 or more is read as "symptoms of burnout", as in the
 *   validation studies. WHO-5: the raw score is the sum of the five answers (0–25) and the score
 *   Keel stores and charts is the percentage score, raw × 4 (0–100).
 * - WHO-5 at or below 50, or 10 points or more below the previous score, gives one calm note with
 *   general support resources (no country-specific numbers, no links opened for the user). Nothing
 *   else happens: no prompt, no reminder, no record that the note was shown. When both apply the
 *   note is the "low" one (it already covers the drop).
 * - Due dates count local calendar days in the user's zone, so DST and the time of day play no
 *   part: burnout is due 7 days after the last answer, WHO-5 14 days after. Never answered (and
 *   enabled) means due now.
 */

export { QUESTIONNAIRE_DISCLAIMER, QUESTIONNAIRE_KINDS, type QuestionnaireKind };

// ── Single-item burnout measure ────────────────────────────────────────────────────────────────

export { BURNOUT_TITLE };
export const BURNOUT_QUESTION =
  'Overall, based on your definition of burnout, how would you rate your level of burnout?';

export type BurnoutAnswer = 1 | 2 | 3 | 4 | 5;

/** The five statements, by the value each scores. */
export const BURNOUT_OPTIONS: readonly { value: BurnoutAnswer; text: string }[] = [
  { value: 1, text: 'I enjoy my work. I have no symptoms of burnout.' },
  {
    value: 2,
    text: 'Occasionally I am under stress, and I don’t always have as much energy as I once did, but I don’t feel burned out.',
  },
  {
    value: 3,
    text: 'I am definitely burning out and have one or more symptoms of burnout, such as physical and emotional exhaustion.',
  },
  {
    value: 4,
    text: 'The symptoms of burnout that I’m experiencing won’t go away. I think about frustration at work a lot.',
  },
  {
    value: 5,
    text: 'I feel completely burned out and often wonder if I can go on. I am at the point where I may need some changes or may need to seek some sort of help.',
  },
];

export const BURNOUT_SOURCE =
  'Single-item burnout measure from the Physician Worklife Study. Rohland BM, Kruse GR, Rohrer JE. ' +
  'Validation of a single-item measure of burnout against the Maslach Burnout Inventory among ' +
  'physicians. Stress and Health. 2004;20(2):75–79. Dolan ED, Mohr D, Lempa M, et al. Using a single ' +
  'item to measure burnout in primary care staff: a psychometric evaluation. J Gen Intern Med. ' +
  '2015;30(5):582–587.';

/** An answer of 3 or more is read as symptoms of burnout. */
export const BURNOUT_SYMPTOMS_FROM = 3;

export const BURNOUT_INTERPRETATION = {
  none: 'In the validation studies, answers of 1 or 2 are read as no symptoms of burnout.',
  symptoms: 'In the validation studies, answers of 3 or more are read as symptoms of burnout.',
} as const;

export interface BurnoutScore {
  score: BurnoutAnswer;
  /** score ≥ 3. */
  symptoms: boolean;
  interpretation: string;
}

const BURNOUT_MESSAGE = 'Answer the burnout question with a whole number from 1 to 5.';

export const burnoutAnswerSchema = z
  .number({ message: BURNOUT_MESSAGE })
  .int({ message: BURNOUT_MESSAGE })
  .min(1, { message: BURNOUT_MESSAGE })
  .max(5, { message: BURNOUT_MESSAGE })
  .transform((n) => n as BurnoutAnswer);

/** The score of a burnout answer, or an `invalid_input` KeelError. */
export function scoreBurnout(answer: unknown): BurnoutScore {
  const parsed = burnoutAnswerSchema.safeParse(answer);
  if (!parsed.success) throw new KeelError('invalid_input', BURNOUT_MESSAGE);
  const score = parsed.data;
  const symptoms = score >= BURNOUT_SYMPTOMS_FROM;
  return {
    score,
    symptoms,
    interpretation: symptoms ? BURNOUT_INTERPRETATION.symptoms : BURNOUT_INTERPRETATION.none,
  };
}

// ── WHO-5 Well-Being Index ─────────────────────────────────────────────────────────────────────

export { WHO5_TITLE };
export const WHO5_STEM = 'Over the last two weeks…';

export const WHO5_ITEMS: readonly string[] = [
  'I have felt cheerful and in good spirits',
  'I have felt calm and relaxed',
  'I have felt active and vigorous',
  'I woke up feeling fresh and rested',
  'My daily life has been filled with things that interest me',
];

export type Who5Answer = 0 | 1 | 2 | 3 | 4 | 5;

/** The answer scale, from the top as the form shows it. */
export const WHO5_OPTIONS: readonly { value: Who5Answer; label: string }[] = [
  { value: 5, label: 'All of the time' },
  { value: 4, label: 'Most of the time' },
  { value: 3, label: 'More than half of the time' },
  { value: 2, label: 'Less than half of the time' },
  { value: 1, label: 'Some of the time' },
  { value: 0, label: 'At no time' },
];

export const WHO5_SOURCE =
  'WHO-5 Well-Being Index. World Health Organization, Regional Office for Europe: Wellbeing measures ' +
  'in primary health care — the DepCare Project. Copenhagen: WHO; 1998. Topp CW, Østergaard SD, ' +
  'Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. ' +
  'Psychother Psychosom. 2015;84(3):167–176.';

/** A percentage score at or below this suggests low well-being. */
export const WHO5_LOW_AT_OR_BELOW = 50;
/** A change of this many percentage points is considered clinically relevant. */
export const WHO5_RELEVANT_CHANGE = 10;

export const WHO5_INTERPRETATION = {
  low: 'A score of 50 or below suggests low well-being.',
  notLow: 'A score above 50 does not suggest low well-being.',
  change: 'A change of 10 points or more is considered a meaningful change.',
} as const;

const WHO5_MESSAGE =
  'Answer each of the five WHO-5 statements with a whole number from 0 (at no time) to 5 (all of the time).';

export const who5AnswersSchema = z
  .array(
    z
      .number({ message: WHO5_MESSAGE })
      .int({ message: WHO5_MESSAGE })
      .min(0, { message: WHO5_MESSAGE })
      .max(5, { message: WHO5_MESSAGE })
      .transform((n) => n as Who5Answer),
    { message: WHO5_MESSAGE },
  )
  .length(5, { message: WHO5_MESSAGE });

export interface Who5Score {
  answers: Who5Answer[];
  /** 0–25. */
  raw: number;
  /** raw × 4, 0–100: the score Keel stores and charts. */
  percent: number;
  /** percent ≤ 50. */
  low: boolean;
}

/** The scores of five WHO-5 answers, or an `invalid_input` KeelError. */
export function scoreWho5(answers: unknown): Who5Score {
  const parsed = who5AnswersSchema.safeParse(answers);
  if (!parsed.success) throw new KeelError('invalid_input', WHO5_MESSAGE);
  const raw = parsed.data.reduce<number>((sum, a) => sum + a, 0);
  const percent = raw * 4;
  return { answers: parsed.data, raw, percent, low: percent <= WHO5_LOW_AT_OR_BELOW };
}

export interface SupportResource {
  title: string;
  detail: string;
}

/** General, not country-specific; Keel never opens or calls anything itself. */
export const SUPPORT_RESOURCES: readonly SupportResource[] = [
  {
    title: 'Someone you trust',
    detail: 'Talking with a friend, a family member or a colleague you trust can help.',
  },
  {
    title: 'Your doctor or a mental-health professional',
    detail: 'They can listen and help you think about what might help.',
  },
  {
    title: 'A helpline',
    detail: 'findahelpline.com lists free, confidential helplines by country.',
  },
  {
    title: 'Your employer’s assistance programme',
    detail: 'If there is one, it is usually free and confidential.',
  },
];

export interface Who5Note {
  reason: 'low' | 'drop';
  title: string;
  body: string;
  resources: readonly SupportResource[];
}

/**
 * A calm note to show beside a WHO-5 score, or null. `current` and `previous` are percentage
 * scores (0–100); `previous` is the score before this one, null when this is the first.
 */
export function who5Note(current: number, previous: number | null): Who5Note | null {
  if (current <= WHO5_LOW_AT_OR_BELOW) {
    return {
      reason: 'low',
      title: 'Your well-being score is on the low side',
      // The outcome's interpretation already names the threshold, and its disclaimer is shown
      // beside the title: the note says neither again.
      body:
        'Low well-being over a couple of weeks happens to many people, and it can help to talk it ' +
        'over with someone.',
      resources: SUPPORT_RESOURCES,
    };
  }
  if (previous !== null && previous - current >= WHO5_RELEVANT_CHANGE) {
    return {
      reason: 'drop',
      title: 'Your well-being score has dropped',
      body:
        `It is ${previous - current} points lower than last time, a change worth noticing. ` +
        'It may help to look at what has changed, and to talk it over with someone.',
      resources: SUPPORT_RESOURCES,
    };
  }
  return null;
}

// ── Stored results and cadence ─────────────────────────────────────────────────────────────────

/** A stored questionnaire answer; `score` is the burnout answer (1–5) or the WHO-5 percentage. */
export interface QuestionnaireResult {
  id: string;
  kind: QuestionnaireKind;
  at: number;
  localDate: LocalDate;
  zone: string;
  answers: number[];
  score: number;
}

export interface QuestionnaireInfo {
  kind: QuestionnaireKind;
  title: string;
  source: string;
  /** Local days between two prompts. */
  intervalDays: number;
}

export const QUESTIONNAIRES: Readonly<Record<QuestionnaireKind, QuestionnaireInfo>> = {
  burnout: {
    kind: 'burnout',
    title: BURNOUT_TITLE,
    source: BURNOUT_SOURCE,
    intervalDays: QUESTIONNAIRE_INTERVAL_DAYS.burnout,
  },
  who5: {
    kind: 'who5',
    title: WHO5_TITLE,
    source: WHO5_SOURCE,
    intervalDays: QUESTIONNAIRE_INTERVAL_DAYS.who5,
  },
};

/**
 * The record for answers taken at `at` in `zone`, scored; an `invalid_input` KeelError if invalid.
 * Burnout takes its one answer as a number or a one-element array; WHO-5 takes five answers.
 */
export function makeQuestionnaireResult(
  kind: QuestionnaireKind,
  answers: unknown,
  meta: { id: string; at: number; zone: string },
): QuestionnaireResult {
  const base = {
    id: meta.id,
    kind,
    at: meta.at,
    localDate: localDateOf(meta.at, meta.zone),
    zone: meta.zone,
  };
  if (kind === 'burnout') {
    const answer = Array.isArray(answers) && answers.length === 1 ? answers[0] : answers;
    const { score } = scoreBurnout(answer);
    return { ...base, answers: [score], score };
  }
  const { answers: clean, percent } = scoreWho5(answers);
  return { ...base, answers: clean, score: percent };
}

/**
 * The first local date the questionnaire is due again after one taken at `lastTakenAt`, or null
 * when it was never taken (due at once).
 */
export function questionnaireDueOn(
  kind: QuestionnaireKind,
  lastTakenAt: number | null,
  zone: string,
): LocalDate | null {
  if (lastTakenAt === null) return null;
  return addLocalDays(localDateOf(lastTakenAt, zone), QUESTIONNAIRES[kind].intervalDays);
}

/**
 * Whether to offer the questionnaire at `now`: never when it is not enabled; otherwise when it was
 * never taken, or `intervalDays` or more local calendar days have passed since it was.
 */
export function questionnaireDue(
  kind: QuestionnaireKind,
  lastTakenAt: number | null,
  now: number,
  zone: string,
  enabled: boolean,
): boolean {
  if (!enabled) return false;
  if (lastTakenAt === null) return true;
  const days = localDaysBetween(localDateOf(lastTakenAt, zone), localDateOf(now, zone));
  return days >= QUESTIONNAIRES[kind].intervalDays;
}
