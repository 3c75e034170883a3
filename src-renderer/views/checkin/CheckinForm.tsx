import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import type { CheckForm, CheckinInput } from '../../api/types';
import { modifierLabel } from '../../app/useViewShortcuts';
import { Button } from '../../components/Button';
import { ChoiceGroup, focusChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { useFocusTargetRef, type FocusTarget } from '../../components/focusRequest';
import { Notice } from '../../components/Notice';
import { Textarea } from '../../components/Textarea';
import { useMessages } from '../../i18n/KeelIntl';
import {
  addTypedTag,
  energyText,
  missingAnswers,
  missingSentence,
  payloadOf,
  sustainableText,
  workloadText,
  type CheckDraft,
  type CheckField,
} from '../../lib/checkin';
import { submitOnModEnter } from '../../lib/keys';
import type { ActionOutcome } from '../../api/keel';
import { TagPicker } from './TagPicker';
import './CheckinForm.css';

type Focusable = CheckField | 'stretched' | 'note';

/** The field main's sentence is about (where it said: "note", "stretched.0"), to move focus there. */
function fieldOf(where: string): Focusable | null {
  const m = /^(workload|energy|sustainable|stretched|note|shareable)\b/.exec(where);
  if (!m) return null;
  return m[1] === 'shareable' ? 'note' : (m[1] as Focusable);
}

/** The refs of the fields main's sentence or a missing answer can be about, and moving focus there. */
function useFieldFocus() {
  const refs = {
    workload: useRef<HTMLDivElement>(null),
    energy: useRef<HTMLDivElement>(null),
    sustainable: useRef<HTMLDivElement>(null),
    tagInput: useRef<HTMLInputElement>(null),
    note: useRef<HTMLTextAreaElement>(null),
  };
  function focus(field: Focusable) {
    if (field === 'stretched') refs.tagInput.current?.focus();
    else if (field === 'note') refs.note.current?.focus();
    else focusChoiceGroup(refs[field].current);
  }
  return { refs, focus };
}

/** A tag still in the box was meant to be added: the draft with it, or why it cannot be. */
function withTypedTag(form: CheckForm, draft: CheckDraft): ReturnType<typeof addTypedTag> {
  if (draft.tagInput.trim() === '') return { ok: true, draft };
  return addTypedTag(form, draft, draft.tagInput);
}

export interface CheckinFormProps {
  form: CheckForm;
  draft: CheckDraft;
  onChange: (draft: CheckDraft) => void;
  /** Sends the answers; on success the caller resets or closes the form. */
  onSave: (input: CheckinInput) => Promise<ActionOutcome>;
  submitLabel: string;
  /** The form's accessible name. */
  formLabel: string;
  /** Asked for by this name (the palette's "Do a quick check"), the first question takes focus. */
  focusName?: FocusTarget;
  /** A line above the buttons, e.g. the confirmation after saving. */
  status?: ReactNode;
  /** A Cancel button, when the form can be left. */
  cancel?: ReactNode;
}

/**
 * After a save the form starts afresh: if the focused control went with it (a tag of this check's
 * own), focus stays in the form on its Save button rather than falling to the page.
 */
function useFocusKeptInForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const keepFocus = useRef(false);
  useEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    const form = formRef.current;
    if (form && !form.contains(document.activeElement)) submitButton.current?.focus();
  });
  return { formRef, submitButton, keep: () => (keepFocus.current = true) };
}

/**
 * The quick check's questions: workload and energy (1–5), whether it is sustainable, where it
 * stretches, and an optional note that stays private unless "May be shared" is ticked. Used for a
 * new check and in the Edit dialog. Ctrl/Cmd+Enter saves from anywhere in the form. Missing
 * answers are pointed out before anything is sent; a refused save keeps every answer and shows
 * main's sentence.
 */
export function CheckinForm(props: CheckinFormProps) {
  const { form, draft, onChange, onSave } = props;
  const [errors, setErrors] = useState<Partial<Record<CheckField, string>>>({});
  const [tagError, setTagError] = useState<string | null>(null);
  const [mainError, setMainError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { refs, focus } = useFieldFocus();
  const { formRef, submitButton, keep } = useFocusKeptInForm();
  useFocusTargetRef(formRef, ...(props.focusName === undefined ? [] : [props.focusName]));
  const shortcutHint = useId();

  function answer<K extends CheckField>(field: K, value: NonNullable<CheckDraft[K]>) {
    setErrors((e) => ({ ...e, [field]: undefined }));
    onChange({ ...draft, [field]: value });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const added = withTypedTag(form, draft);
    if (!added.ok) {
      setTagError(added.message);
      refs.tagInput.current?.focus();
      return;
    }
    const current = added.draft;
    if (current !== draft) onChange(current);
    const missing = missingAnswers(current);
    setErrors(Object.fromEntries(missing.map((f) => [f, missingSentence(f)])));
    const payload = payloadOf(form, current);
    if (missing[0] !== undefined || payload === null) {
      if (missing[0] !== undefined) focus(missing[0]);
      return;
    }
    setSaving(true);
    setMainError(null);
    const outcome = await onSave(payload);
    setSaving(false);
    if (outcome.ok) {
      keep();
      return;
    }
    setMainError(outcome.message);
    const field = fieldOf(outcome.where ?? '');
    if (field !== null) focus(field);
  }

  return (
    <form
      ref={formRef}
      className="check-form"
      aria-label={props.formLabel}
      aria-describedby={shortcutHint}
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={submitOnModEnter}
      noValidate
    >
      <RatingQuestions form={form} draft={draft} errors={errors} refs={refs} answer={answer} />

      <TagPicker
        form={form}
        draft={draft}
        onChange={onChange}
        error={tagError}
        onError={setTagError}
        inputRef={refs.tagInput}
      />

      <NoteFields form={form} draft={draft} noteRef={refs.note} onChange={onChange} />

      {mainError !== null && <Notice tone="error">{mainError}</Notice>}
      {props.status}

      <CheckActions submitRef={submitButton} saving={saving} hintId={shortcutHint} cancel={props.cancel}>
        {props.submitLabel}
      </CheckActions>
    </form>
  );
}

type Answer = <K extends CheckField>(field: K, value: NonNullable<CheckDraft[K]>) => void;

function RatingQuestions({
  form,
  draft,
  errors,
  refs,
  answer,
}: {
  form: CheckForm;
  draft: CheckDraft;
  errors: Partial<Record<CheckField, string>>;
  refs: ReturnType<typeof useFieldFocus>['refs'];
  answer: Answer;
}) {
  const t = useMessages();
  return (
    <>
      <div className="check-form__ratings">
        <ChoiceGroup
          label={t('checkin.form.workload')}
          groupRef={refs.workload}
          options={form.workload.map((o) => ({
            value: o.value,
            label: workloadText(o.value, o.label),
            mark: String(o.value),
          }))}
          value={draft.workload}
          onChange={(value) => answer('workload', value)}
          error={errors.workload}
          required
        />
        <ChoiceGroup
          label={t('checkin.form.energy')}
          groupRef={refs.energy}
          options={form.energy.map((o) => ({
            value: o.value,
            label: energyText(o.value, o.label),
            mark: String(o.value),
          }))}
          value={draft.energy}
          onChange={(value) => answer('energy', value)}
          error={errors.energy}
          required
        />
      </div>

      <ChoiceGroup
        label={t('checkin.form.sustainable')}
        groupRef={refs.sustainable}
        layout="row"
        className="check-form__sustainable"
        options={form.sustainable.map((o) => ({ value: o.value, label: sustainableText(o.value) }))}
        value={draft.sustainable}
        onChange={(value) => answer('sustainable', value)}
        error={errors.sustainable}
        required
      />
    </>
  );
}

/** The optional note and whether it may be shared (only with a note). */
function NoteFields({
  form,
  draft,
  noteRef,
  onChange,
}: {
  form: CheckForm;
  draft: CheckDraft;
  noteRef: Ref<HTMLTextAreaElement>;
  onChange: (draft: CheckDraft) => void;
}) {
  const t = useMessages();
  const shareHint = useId();
  const hasNote = draft.note.trim() !== '';
  return (
    <div className="check-form__note">
      <Field label={t('checkin.form.noteLabel')} hint={t('checkin.form.noteHint')}>
        {(control) => (
          <Textarea
            {...control}
            ref={noteRef}
            value={draft.note}
            rows={2}
            maxLength={form.noteMax}
            onChange={(e) => {
              const note = e.target.value;
              // Without a note there is nothing to share; a new note starts private again.
              onChange({ ...draft, note, shareable: note.trim() === '' ? false : draft.shareable });
            }}
          />
        )}
      </Field>
      <div className="check-form__share">
        <label className="check-form__checkbox">
          <input
            type="checkbox"
            checked={hasNote && draft.shareable}
            disabled={!hasNote}
            aria-describedby={shareHint}
            onChange={(e) => onChange({ ...draft, shareable: e.target.checked })}
          />
          <span>{t('checkin.form.share')}</span>
        </label>
        <p id={shareHint} className="check-form__share-hint">
          {hasNote ? t('checkin.form.shareHintNote') : t('checkin.form.shareHintNoNote')}
        </p>
      </div>
    </div>
  );
}

const KEYS_MARK = '\u0001';

function CheckActions({
  submitRef,
  saving,
  hintId,
  cancel,
  children,
}: {
  submitRef: Ref<HTMLButtonElement>;
  saving: boolean;
  hintId: string;
  cancel: ReactNode;
  children: ReactNode;
}) {
  const t = useMessages();
  // The keys sit where the message puts them ("{keys} saves from any field").
  const [before = '', after = ''] = t('checkin.form.shortcut', { keys: KEYS_MARK }).split(KEYS_MARK);
  const keys = (
    <span className="check-form__keys">
      <kbd>{modifierLabel()}</kbd>
      <span aria-hidden="true">+</span>
      <kbd>{t('checkin.form.enterKey')}</kbd>
    </span>
  );
  return (
    <div className="check-form__actions">
      <Button ref={submitRef} type="submit" variant="primary" busy={saving}>
        {children}
      </Button>
      {cancel}
      <p id={hintId} className="check-form__shortcut">
        {before}
        {keys}
        {after}
      </p>
    </div>
  );
}
