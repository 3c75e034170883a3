import { useEffect, useId, useRef, useState, type FormEvent, type Ref, type RefObject } from 'react';
import type { Questionnaire, QuestionnaireOutcome } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup, focusChoiceGroup } from '../../components/ChoiceGroup';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { formatShortDate } from '../../lib/format';
import { useCheckin } from '../../stores/checkin';
import {
  noteWords,
  questionnaireWords,
  readingText,
  scoreText,
  type QuestionnaireWords,
} from './questionnaire-words';
import './QuestionnaireCard.css';

type T = ReturnType<typeof useMessages>;

/** The line under a questionnaire's title: thanks, due, the last score, or not answered yet. */
function descriptionOf(q: Questionnaire, answered: boolean, t: T): string {
  if (answered) return t('checkin.questionnaire.thanks');
  if (q.due) return q.last === null ? t('checkin.questionnaire.ready') : t('checkin.questionnaire.dueAgain');
  if (q.last !== null)
    return t('checkin.questionnaire.last', {
      date: formatShortDate(q.last.date),
      score: scoreText(q.kind, q.last.score, t),
    });
  return t('checkin.questionnaire.notYet');
}

type FocusTarget = 'questions' | 'outcome' | 'again' | null;

function useFollowingFocus(
  outcomeHeading: RefObject<HTMLHeadingElement | null>,
  takeAgain: RefObject<HTMLButtonElement | null>,
  formStart: RefObject<HTMLDivElement | null>,
): (target: FocusTarget) => void {
  // Focus follows what replaces the pressed button: the first question after "Take it again", the
  // score after answering, the button again after "Not now" or "Done" (the questions, should the
  // questionnaire still be due). Nothing moves when the view merely opens.
  const pendingFocus = useRef<FocusTarget>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    // A target not drawn yet stays pending (the score arrives after a render or two).
    if (target === 'outcome' && outcomeHeading.current) outcomeHeading.current.focus();
    else if (target === 'again' && takeAgain.current) takeAgain.current.focus();
    else if ((target === 'again' || target === 'questions') && formStart.current)
      focusChoiceGroup(formStart.current);
    else return;
    pendingFocus.current = null;
  });

  return (target) => {
    pendingFocus.current = target;
  };
}

/**
 * One optional questionnaire (single-item burnout, or WHO-5): its published wording, the
 * disclaimer beside the title and the source in small print. When it is due the questions are
 * open; otherwise the last result shows with "Take it again". After answering, the score and its
 * reading, and for WHO-5 sometimes a calm note with places to find support.
 */
export function QuestionnaireCard({ questionnaire: q }: { questionnaire: Questionnaire }) {
  const outcome = useCheckin((s) => s.outcomes[q.kind]);
  const retaking = useCheckin((s) => s.retaking[q.kind]);
  const setRetaking = useCheckin((s) => s.setRetaking);
  const dismissOutcome = useCheckin((s) => s.dismissOutcome);
  const open = outcome === undefined && (q.due || retaking);
  const takeAgain = useRef<HTMLButtonElement>(null);
  const formStart = useRef<HTMLDivElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  const focusNext = useFollowingFocus(outcomeHeading, takeAgain, formStart);
  const t = useMessages();
  const words = questionnaireWords(q, t);

  const description = descriptionOf(q, outcome !== undefined, t);

  return (
    <Card
      title={words.title}
      description={
        <>
          {description}{' '}
          <span className="questionnaire__disclaimer">{t('checkin.questionnaire.disclaimer')}</span>
        </>
      }
      className="questionnaire"
      actions={
        !open && outcome === undefined ? (
          <Button
            ref={takeAgain}
            size="sm"
            onClick={() => {
              setRetaking(q.kind, true);
              focusNext('questions');
            }}
          >
            {t('checkin.questionnaire.takeAgain')}
          </Button>
        ) : undefined
      }
    >
      {outcome !== undefined ? (
        <Outcome
          outcome={outcome}
          headingRef={outcomeHeading}
          onDone={() => {
            dismissOutcome(q.kind);
            focusNext('again');
          }}
        />
      ) : (
        open && (
          <div ref={formStart}>
            {words.englishOnly !== null && <p className="questionnaire__english-only">{words.englishOnly}</p>}
            <QuestionnaireForm
              questionnaire={q}
              words={words}
              expectOutcome={(expected) => {
                focusNext(expected ? 'outcome' : null);
              }}
              onCancel={
                q.due
                  ? undefined
                  : () => {
                      setRetaking(q.kind, false);
                      focusNext('again');
                    }
              }
            />
          </div>
        )
      )}
      <p className="questionnaire__source">
        <span className="questionnaire__source-label">{t('checkin.questionnaire.sourceLabel')} </span>
        {words.source}
      </p>
    </Card>
  );
}

function QuestionnaireForm({
  questionnaire: q,
  words,
  expectOutcome,
  onCancel,
}: {
  questionnaire: Questionnaire;
  words: QuestionnaireWords;
  /**
   * Said before sending (the score may be drawn before this form hears back, so focus must
   * already know where to go) and taken back if the answers are refused.
   */
  expectOutcome: (expected: boolean) => void;
  onCancel?: () => void;
}) {
  const stored = useCheckin((s) => s.answers[q.kind]);
  const setAnswers = useCheckin((s) => s.setAnswers);
  const answerQuestionnaire = useCheckin((s) => s.answerQuestionnaire);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const [saving, setSaving] = useState(false);
  const t = useMessages();
  const groups = useRef<(HTMLDivElement | null)[]>([]);
  const who5 = q.kind === 'who5';
  const answers = q.items.map((_, i) => stored[i] ?? null);

  function choose(index: number, value: number) {
    const next = [...answers];
    next[index] = value;
    setAnswers(q.kind, next);
    setMissing((m) => {
      const rest = new Set(m);
      rest.delete(index);
      return rest;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const unanswered = answers.flatMap((a, i) => (a === null ? [i] : []));
    setMissing(new Set(unanswered));
    if (unanswered[0] !== undefined) {
      setError(t(who5 ? 'checkin.questionnaire.who5Missing' : 'checkin.questionnaire.burnoutMissing'));
      focusChoiceGroup(groups.current[unanswered[0]] ?? null);
      return;
    }
    setSaving(true);
    setError(null);
    expectOutcome(true);
    const outcome = await answerQuestionnaire(q.kind, answers as number[]);
    setSaving(false);
    if (outcome.ok) return;
    expectOutcome(false);
    setError(outcome.message);
  }

  return (
    <form
      className="questionnaire__form"
      aria-label={words.title}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <QuestionnaireQuestions
        questionnaire={q}
        words={words}
        answers={answers}
        missing={missing}
        setGroup={(i, el) => {
          groups.current[i] = el;
        }}
        onChoose={choose}
      />
      {error !== null && <Notice tone="error">{error}</Notice>}
      <FormActions saving={saving} onCancel={onCancel} />
    </form>
  );
}

/** "See my score", "Not now" (when it can wait) and where the answers stay. */
function FormActions({ saving, onCancel }: { saving: boolean; onCancel: (() => void) | undefined }) {
  const t = useMessages();
  return (
    <div className="questionnaire__actions">
      <Button type="submit" variant="primary" busy={saving}>
        {t('checkin.questionnaire.seeScore')}
      </Button>
      {onCancel && (
        <Button variant="ghost" onClick={onCancel}>
          {t('checkin.questionnaire.notNow')}
        </Button>
      )}
      <p className="questionnaire__private">{t('checkin.questionnaire.private')}</p>
    </div>
  );
}

function Outcome({
  outcome,
  headingRef,
  onDone,
}: {
  outcome: QuestionnaireOutcome;
  headingRef: Ref<HTMLHeadingElement>;
  onDone: () => void;
}) {
  const noteTitle = useId();
  const t = useMessages();
  const note = outcome.note === null ? null : noteWords(outcome.note, t);

  return (
    <div className="questionnaire__outcome">
      <h3 ref={headingRef} tabIndex={-1} className="questionnaire__score">
        {t(outcome.kind === 'who5' ? 'checkin.questionnaire.yourScore' : 'checkin.questionnaire.yourAnswer')}{' '}
        <span className="tabular">{scoreText(outcome.kind, outcome.score, t)}</span>
      </h3>
      <p>{readingText(outcome, t)}</p>
      {note !== null && (
        <section className="questionnaire__note" aria-labelledby={noteTitle}>
          <h4 id={noteTitle} className="questionnaire__note-title">
            {note.title}
          </h4>
          <p>{note.body}</p>
          <ul className="questionnaire__resources">
            {note.resources.map((r) => (
              <li key={r.title}>
                <span className="questionnaire__resource-title">{r.title}</span>
                <span className="questionnaire__resource-detail">{r.detail}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div>
        <Button size="sm" onClick={onDone}>
          {t('checkin.questionnaire.done')}
        </Button>
      </div>
    </div>
  );
}

/** WHO-5's five statements, each 0–5, or the burnout measure's one question. */
function QuestionnaireQuestions({
  questionnaire: q,
  words,
  answers,
  missing,
  setGroup,
  onChoose,
}: {
  questionnaire: Questionnaire;
  words: QuestionnaireWords;
  answers: (number | null)[];
  missing: ReadonlySet<number>;
  /** Keeps each question's group, to move focus to the first unanswered one. */
  setGroup: (index: number, el: HTMLDivElement | null) => void;
  onChoose: (index: number, value: number) => void;
}) {
  const legendId = useId();
  const t = useMessages();
  const who5 = q.kind === 'who5';
  const options = words.options.map((o) => ({
    value: o.value,
    label: o.label,
    ...(who5 ? {} : { mark: String(o.value) }),
  }));
  return who5 ? (
    <fieldset className="questionnaire__items">
      <legend id={legendId} className="questionnaire__stem">
        {words.stem}
      </legend>
      {words.items.map((item, i) => (
        <ChoiceGroup
          key={i}
          label={item}
          layout="row"
          className="questionnaire__item"
          groupRef={(el) => setGroup(i, el)}
          options={options}
          value={answers[i] ?? null}
          onChange={(value) => onChoose(i, value)}
          error={missing.has(i) ? t('checkin.questionnaire.chooseOne') : null}
          required
        />
      ))}
    </fieldset>
  ) : (
    <ChoiceGroup
      label={words.stem}
      layout="list"
      groupRef={(el) => setGroup(0, el)}
      options={options}
      value={answers[0] ?? null}
      onChange={(value) => onChoose(0, value)}
      required
    />
  );
}
