/**
 * A questionnaire's words in the window's language. Main sends them in English; the window shows
 * each by its kind, item and value from the catalog: the WHO-5 (namespace `who5`) in a published
 * translation where Keel ships one (see src-main/shared/i18n/messages/who5/README.md), and in
 * English, with a note saying so, where it does not; the single-item burnout measure in English
 * (no published translation was found), with the same note. Keel's own sentences around them
 * (the reading of a score, the calm note and its resources) are translated in every language.
 */
import type {
  Questionnaire,
  QuestionnaireKind,
  QuestionnaireNote,
  QuestionnaireOutcome,
} from '../../api/types';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { ENGLISH_CATALOG as SOURCE_CATALOG } from '../../i18n/catalogs';
import type { MessageValues } from '../../../src-main/shared/i18n/intl';

type T = (id: MessageId, values?: MessageValues) => string;

const WHO5_ITEMS: readonly MessageId[] = [
  'who5.item1',
  'who5.item2',
  'who5.item3',
  'who5.item4',
  'who5.item5',
];

const WHO5_OPTIONS: Readonly<Record<number, MessageId>> = {
  0: 'who5.option0',
  1: 'who5.option1',
  2: 'who5.option2',
  3: 'who5.option3',
  4: 'who5.option4',
  5: 'who5.option5',
};

const BURNOUT_OPTIONS: Readonly<Record<number, MessageId>> = {
  1: 'checkin.burnout.option1',
  2: 'checkin.burnout.option2',
  3: 'checkin.burnout.option3',
  4: 'checkin.burnout.option4',
  5: 'checkin.burnout.option5',
};

export interface QuestionnaireWords {
  title: string;
  stem: string;
  items: string[];
  options: { value: number; label: string }[];
  source: string;
  /** Said when the instrument is shown in English in another language; null otherwise. */
  englishOnly: string | null;
}

/**
 * Whether this language shows the instrument in English: its catalog holds the English wording
 * (no published translation) while its own sentences are translated.
 */
function inEnglishHere(t: T, item: MessageId, note: MessageId): boolean {
  return t(item) === SOURCE_CATALOG[item] && t(note) !== SOURCE_CATALOG[note];
}

export function questionnaireWords(q: Questionnaire, t: T): QuestionnaireWords {
  if (q.kind === 'who5') {
    return {
      title: t('who5.title'),
      stem: t('who5.stem'),
      items: q.items.map((item, i) => {
        const id = WHO5_ITEMS[i];
        return id ? t(id) : item;
      }),
      options: q.options.map((o) => {
        const id = WHO5_OPTIONS[o.value];
        return { value: o.value, label: id ? t(id) : o.label };
      }),
      source: t('who5.source'),
      englishOnly: inEnglishHere(t, 'who5.item1', 'checkin.questionnaire.who5EnglishOnly')
        ? t('checkin.questionnaire.who5EnglishOnly')
        : null,
    };
  }
  const stem = t('checkin.burnout.question');
  return {
    title: t('checkin.burnout.title'),
    stem,
    items: [stem],
    options: q.options.map((o) => {
      const id = BURNOUT_OPTIONS[o.value];
      return { value: o.value, label: id ? t(id) : o.label };
    }),
    source: t('checkin.burnout.source'),
    englishOnly: inEnglishHere(t, 'checkin.burnout.question', 'checkin.questionnaire.burnoutEnglishOnly')
      ? t('checkin.questionnaire.burnoutEnglishOnly')
      : null,
  };
}

/** "68 out of 100" (WHO-5) or "2 of 5" (burnout). */
export function scoreText(kind: QuestionnaireKind, score: number, t: T): string {
  return kind === 'who5'
    ? t('checkin.questionnaire.who5Score', { score })
    : t('checkin.questionnaire.burnoutScore', { score });
}

/** Main's English sentence shown by the catalog message whose English it is (else as given). */
function byEnglish(text: string, ids: readonly MessageId[], t: T): string {
  const id = ids.find((candidate) => SOURCE_CATALOG[candidate] === text);
  return id ? t(id) : text;
}

const READINGS: readonly MessageId[] = [
  'checkin.questionnaire.burnoutNone',
  'checkin.questionnaire.burnoutSymptoms',
  'checkin.questionnaire.who5Low',
  'checkin.questionnaire.who5NotLow',
];

const RESOURCES: readonly (readonly [MessageId, MessageId])[] = [
  ['checkin.questionnaire.trustTitle', 'checkin.questionnaire.trustDetail'],
  ['checkin.questionnaire.doctorTitle', 'checkin.questionnaire.doctorDetail'],
  ['checkin.questionnaire.helplineTitle', 'checkin.questionnaire.helplineDetail'],
  ['checkin.questionnaire.employerTitle', 'checkin.questionnaire.employerDetail'],
];

/** How main reads the score ("A score of 50 or below suggests low well-being."). */
export function readingText(outcome: QuestionnaireOutcome, t: T): string {
  return byEnglish(outcome.interpretation, READINGS, t);
}

/** The calm note beside a low or dropping WHO-5 score, in the window's language. */
export function noteWords(note: QuestionnaireNote, t: T): QuestionnaireNote {
  // The drop's size is in main's sentence ("It is 12 points lower than last time…").
  const points = /\b(\d+) points\b/.exec(note.body)?.[1];
  const title = t(
    note.reason === 'low' ? 'checkin.questionnaire.lowTitle' : 'checkin.questionnaire.dropTitle',
  );
  const body =
    note.reason === 'low'
      ? t('checkin.questionnaire.lowBody')
      : points === undefined
        ? note.body
        : t('checkin.questionnaire.dropBody', { points: Number(points) });
  const resources = note.resources.map((r) => {
    // en-GB's "programme" is compared with en-US's source by the other half of the pair.
    const pair = RESOURCES.find(
      ([title, detail]) => SOURCE_CATALOG[title] === r.title || SOURCE_CATALOG[detail] === r.detail,
    );
    return pair ? { title: t(pair[0]), detail: t(pair[1]) } : r;
  });
  return { ...note, title, body, resources };
}
