import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import {
  DONE_MAX_LENGTH,
  ENERGY_RATING_LABELS,
  ENERGY_RATINGS,
  FIRST_TOMORROW_MAX_LENGTH,
  MAX_UNFINISHED,
  UNFINISHED_TEXT_MAX_LENGTH,
  type EnergyRating,
} from '../../../src-main/shared/vocabulary';
import type { SignoffStatus } from '../../api/types';
import { modifierLabel } from '../../app/useViewShortcuts';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { CloseIcon, PlusIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { Textarea } from '../../components/Textarea';
import {
  draftFor,
  invalidUnfinished,
  newRow,
  submitPayload,
  type RitualDraft,
  type UnfinishedRow,
} from '../../lib/signoff';
import { formatWeekdayDate } from '../../lib/format';
import { submitOnModEnter } from '../../lib/keys';
import { useSignoff } from '../../stores/signoff';
import './RitualForm.css';

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

const ENERGY_CHOICES = ENERGY_RATINGS.map((rating) => ({
  value: rating,
  label: ENERGY_RATING_LABELS[rating],
  mark: String(rating),
}));

/**
 * The shutdown ritual: what got done, what is unfinished and how it continues, the first thing
 * tomorrow, an optional energy rating, and whether to keep Keel quiet until the next working
 * start. Every field may stay empty. Ctrl/Cmd+Enter signs off from anywhere in the form. What
 * was typed lives in the store until it is saved, so a refused save or a trip to another view
 * loses nothing.
 */
export function RitualForm({
  status,
  editing,
  firstFieldRef,
  onCancel,
}: {
  status: SignoffStatus;
  editing: boolean;
  /** The first field, for the suggestion banner's "Sign off" to move focus to. */
  firstFieldRef: Ref<HTMLTextAreaElement>;
  onCancel: () => void;
}) {
  const stored = useSignoff((s) => s.draft);
  const setDraft = useSignoff((s) => s.setDraft);
  const submit = useSignoff((s) => s.submit);
  const [fresh] = useState(() => draftFor(status, editing ? status.signedOff : null));
  const draft = stored !== null && stored.workday === status.workday ? stored : fresh;
  const [error, setError] = useState<string | null>(null);
  // Where main said the problem is ("unfinished.0.plan"), to mark and focus that field.
  const [errorWhere, setErrorWhere] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The row inputs by `key:field`, to move focus to the one main's sentence is about.
  const [rowInputs] = useState(() => new Map<string, HTMLInputElement>());
  const quietHint = useId();
  const shortcutHint = useId();

  function edit(change: Partial<RitualDraft>) {
    setDraft({ ...draft, ...change });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    setErrorWhere(null);
    const outcome = await submit(submitPayload(draft));
    setSaving(false);
    if (outcome.ok) return;
    setError(outcome.message);
    setErrorWhere(outcome.where ?? null);
    const where = outcome.where ? invalidUnfinished(outcome.where, draft) : null;
    const row = where ? draft.unfinished[where.row] : undefined;
    if (where && row) rowInputs.get(`${row.key}:${where.field}`)?.focus();
  }

  const title = editing ? 'Edit today’s sign-off' : 'Wrap up the day';
  return (
    <Card
      title={title}
      description={
        editing
          ? 'Change anything you like. Your sign-off time stays as it was.'
          : 'A minute to close the loops. Every field is optional.'
      }
      className="ritual"
    >
      <form
        className="ritual__form"
        aria-label={editing ? 'Edit today’s sign-off' : 'Sign off for today'}
        aria-describedby={shortcutHint}
        onSubmit={(e) => void onSubmit(e)}
        onKeyDown={submitOnModEnter}
        noValidate
      >
        <RitualFields
          draft={draft}
          errorWhere={errorWhere}
          firstFieldRef={firstFieldRef}
          rowInputs={rowInputs}
          quietHint={quietHint}
          edit={edit}
          carriedFrom={!editing && status.carriedOver?.unfinished.length ? status.carriedOver.workday : null}
        />
        {error !== null && <Notice tone="error">{error}</Notice>}
        <RitualActions editing={editing} saving={saving} hintId={shortcutHint} onCancel={onCancel} />
      </form>
    </Card>
  );
}

function RitualFields({
  draft,
  errorWhere,
  firstFieldRef,
  rowInputs,
  quietHint,
  edit,
  carriedFrom,
}: {
  draft: RitualDraft;
  errorWhere: string | null;
  firstFieldRef: Ref<HTMLTextAreaElement>;
  rowInputs: Map<string, HTMLInputElement>;
  quietHint: string;
  edit: (change: Partial<RitualDraft>) => void;
  carriedFrom: string | null;
}) {
  return (
    <>
      <Field label="What got done today">
        {(control) => (
          <Textarea
            {...control}
            ref={firstFieldRef}
            value={draft.done}
            maxLength={DONE_MAX_LENGTH}
            rows={3}
            placeholder="e.g. Shipped the retry fix; paired with Sam on the migration"
            onChange={(e) => edit({ done: e.target.value })}
          />
        )}
      </Field>

      <UnfinishedFieldset
        draft={draft}
        errorWhere={errorWhere}
        rowInputs={rowInputs}
        edit={edit}
        carriedFrom={carriedFrom}
      />

      <Field label="First thing tomorrow" hint="Keel shows it on Today when your next day starts.">
        {(control) => (
          <Input
            {...control}
            value={draft.firstTomorrow}
            maxLength={FIRST_TOMORROW_MAX_LENGTH}
            placeholder="e.g. Answer the design review comments"
            onChange={(e) => edit({ firstTomorrow: oneLine(e.target.value) })}
          />
        )}
      </Field>

      <ChoiceGroup<EnergyRating>
        clearable
        className="ritual__energy"
        label={
          <>
            Energy <span className="ritual__optional">(optional)</span>
          </>
        }
        hint="How much is left in the tank. Choose it again to clear it."
        options={ENERGY_CHOICES}
        value={draft.energy}
        onChange={(energy) => edit({ energy })}
      />

      <div className="ritual__quiet">
        <Switch
          label="Quiet until tomorrow"
          checked={draft.quiet}
          aria-describedby={quietHint}
          onChange={(e) => edit({ quiet: e.target.checked })}
        />
        <p id={quietHint} className="ritual__quiet-hint">
          Hold Keel’s prompts and turn on do-not-disturb until your next working start.
        </p>
      </div>
    </>
  );
}

/** The unfinished things: a row per thing and its plan, added and removed with focus kept. */
function UnfinishedFieldset({
  draft,
  errorWhere,
  rowInputs,
  edit,
  carriedFrom,
}: {
  draft: RitualDraft;
  errorWhere: string | null;
  rowInputs: Map<string, HTMLInputElement>;
  edit: (change: Partial<RitualDraft>) => void;
  /** The last working day whose unfinished things were filled in, if any. */
  carriedFrom: string | null;
}) {
  const addButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const invalid = errorWhere !== null ? invalidUnfinished(errorWhere, draft) : null;
  const full = draft.unfinished.length >= MAX_UNFINISHED;

  // Adding or removing a row moves focus (to the new row, or the next one) once it is drawn.
  const pendingFocus = useRef<{ key: number | undefined } | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const input = target.key === undefined ? null : rowInputs.get(`${target.key}:item`);
    (input ?? addButton.current)?.focus();
  });

  function addRow() {
    if (full) return;
    const row = newRow();
    edit({ unfinished: [...draft.unfinished, row] });
    pendingFocus.current = { key: row.key };
  }

  function removeRow(index: number) {
    const rows = draft.unfinished.filter((_, i) => i !== index);
    edit({ unfinished: rows });
    pendingFocus.current = { key: (rows[index] ?? rows[index - 1])?.key };
  }

  function editRow(key: number, change: Partial<UnfinishedRow>) {
    edit({ unfinished: draft.unfinished.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  }

  return (
    <fieldset className="ritual__unfinished" aria-describedby={hintId}>
      <legend className="ritual__legend">Unfinished</legend>
      <p id={hintId} className="ritual__hint">
        What is still open, and when and how it continues tomorrow.
        {carriedFrom !== null &&
          ` What was unfinished on ${formatWeekdayDate(carriedFrom)} is filled in: change or remove it.`}
      </p>
      {draft.unfinished.length > 0 && (
        <div className="ritual__rows">
          <div className="ritual__row ritual__row--head" aria-hidden="true">
            <span>Thing</span>
            <span>When and how it continues</span>
            <span />
          </div>
          {draft.unfinished.map((row, i) => (
            <UnfinishedRowFields
              key={row.key}
              row={row}
              index={i}
              bad={invalid?.row === i ? invalid.field : null}
              rowInputs={rowInputs}
              onEdit={(change) => editRow(row.key, change)}
              onRemove={() => removeRow(i)}
            />
          ))}
        </div>
      )}
      <div className="ritual__add">
        <Button ref={addButton} size="sm" disabled={full} onClick={addRow}>
          <PlusIcon /> Add an unfinished thing
        </Button>
        {full && <span className="ritual__hint">That’s the most Keel keeps: {MAX_UNFINISHED}.</span>}
      </div>
    </fieldset>
  );
}

function UnfinishedRowFields({
  row,
  index,
  bad,
  rowInputs,
  onEdit,
  onRemove,
}: {
  row: UnfinishedRow;
  index: number;
  bad: 'item' | 'plan' | null;
  rowInputs: Map<string, HTMLInputElement>;
  onEdit: (change: Partial<UnfinishedRow>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const keep = (field: 'item' | 'plan') => (el: HTMLInputElement | null) => {
    if (el) rowInputs.set(`${row.key}:${field}`, el);
    else rowInputs.delete(`${row.key}:${field}`);
  };
  return (
    <div className="ritual__row">
      <Input
        ref={keep('item')}
        aria-label={`Unfinished thing ${n}`}
        aria-invalid={bad === 'item' || undefined}
        value={row.item}
        maxLength={UNFINISHED_TEXT_MAX_LENGTH}
        placeholder={index === 0 ? 'e.g. Review Sam’s PR' : undefined}
        onChange={(e) => onEdit({ item: oneLine(e.target.value) })}
      />
      <Input
        ref={keep('plan')}
        aria-label={`How unfinished thing ${n} continues`}
        aria-invalid={bad === 'plan' || undefined}
        value={row.plan}
        maxLength={UNFINISHED_TEXT_MAX_LENGTH}
        placeholder={index === 0 ? 'e.g. 10:00, after stand-up' : undefined}
        onChange={(e) => onEdit({ plan: oneLine(e.target.value) })}
      />
      <Button
        variant="ghost"
        size="sm"
        className="ritual__remove"
        aria-label={`Remove unfinished thing ${n}`}
        onClick={onRemove}
      >
        <CloseIcon />
      </Button>
    </div>
  );
}

function RitualActions({
  editing,
  saving,
  hintId,
  onCancel,
}: {
  editing: boolean;
  saving: boolean;
  hintId: string;
  onCancel: () => void;
}) {
  return (
    <div className="ritual__actions">
      <Button type="submit" variant="primary" busy={saving}>
        {editing ? 'Save changes' : 'Sign off'}
      </Button>
      {editing && (
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      )}
      <p id={hintId} className="ritual__shortcut">
        <kbd>{modifierLabel()}</kbd>
        <span aria-hidden="true">+</span>
        <kbd>Enter</kbd> {editing ? 'saves' : 'signs off'} from any field
      </p>
    </div>
  );
}
