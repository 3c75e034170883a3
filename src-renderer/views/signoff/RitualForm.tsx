import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { FormattedMessage } from 'react-intl';
import {
  DONE_MAX_LENGTH,
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
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import { submitOnModEnter } from '../../lib/keys';
import { useSignoff } from '../../stores/signoff';
import './RitualForm.css';

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

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
  const t = useMessages();
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

  const title = editing ? t('signoff.ritual.editTitle') : t('signoff.ritual.title');
  return (
    <Card
      title={title}
      description={editing ? t('signoff.ritual.editDescription') : t('signoff.ritual.description')}
      className="ritual"
    >
      <form
        className="ritual__form"
        aria-label={editing ? t('signoff.ritual.editTitle') : t('signoff.ritual.formLabel')}
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

/** The energy ratings with their words (the shared vocabulary) and marks, in the window's language. */
function useEnergyChoices() {
  const t = useMessages();
  const format = useLocaleFormat();
  return ENERGY_RATINGS.map((rating) => ({
    value: rating,
    label: t(`vocab.energy.${rating}`),
    mark: format.number(rating),
  }));
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
  const t = useMessages();
  const energyChoices = useEnergyChoices();
  return (
    <>
      <Field label={t('signoff.ritual.done')}>
        {(control) => (
          <Textarea
            {...control}
            ref={firstFieldRef}
            value={draft.done}
            maxLength={DONE_MAX_LENGTH}
            rows={3}
            placeholder={t('signoff.ritual.donePlaceholder')}
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

      <Field label={t('signoff.ritual.firstTomorrow')} hint={t('signoff.ritual.firstTomorrowHint')}>
        {(control) => (
          <Input
            {...control}
            value={draft.firstTomorrow}
            maxLength={FIRST_TOMORROW_MAX_LENGTH}
            placeholder={t('signoff.ritual.firstTomorrowPlaceholder')}
            onChange={(e) => edit({ firstTomorrow: oneLine(e.target.value) })}
          />
        )}
      </Field>

      <ChoiceGroup<EnergyRating>
        clearable
        className="ritual__energy"
        label={
          <FormattedMessage
            id="signoff.ritual.energy"
            values={{ o: (chunks) => <span className="ritual__optional">{chunks}</span> }}
          />
        }
        hint={t('signoff.ritual.energyHint')}
        options={energyChoices}
        value={draft.energy}
        onChange={(energy) => edit({ energy })}
      />

      <div className="ritual__quiet">
        <Switch
          label={t('signoff.ritual.quiet')}
          checked={draft.quiet}
          aria-describedby={quietHint}
          onChange={(e) => edit({ quiet: e.target.checked })}
        />
        <p id={quietHint} className="ritual__quiet-hint">
          {t('signoff.ritual.quietHint')}
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
  const t = useMessages();
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
      <legend className="ritual__legend">{t('signoff.ritual.unfinished')}</legend>
      <p id={hintId} className="ritual__hint">
        {carriedFrom !== null
          ? t('signoff.ritual.unfinishedHintCarried', { date: formatWeekdayDate(carriedFrom) })
          : t('signoff.ritual.unfinishedHint')}
      </p>
      {draft.unfinished.length > 0 && (
        <div className="ritual__rows">
          <div className="ritual__row ritual__row--head" aria-hidden="true">
            <span>{t('signoff.ritual.thing')}</span>
            <span>{t('signoff.ritual.continues')}</span>
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
          <PlusIcon /> {t('signoff.ritual.add')}
        </Button>
        {full && <span className="ritual__hint">{t('signoff.ritual.full', { max: MAX_UNFINISHED })}</span>}
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
  const t = useMessages();
  const n = index + 1;
  const keep = (field: 'item' | 'plan') => (el: HTMLInputElement | null) => {
    if (el) rowInputs.set(`${row.key}:${field}`, el);
    else rowInputs.delete(`${row.key}:${field}`);
  };
  return (
    <div className="ritual__row">
      <Input
        ref={keep('item')}
        aria-label={t('signoff.ritual.item', { n })}
        aria-invalid={bad === 'item' || undefined}
        value={row.item}
        maxLength={UNFINISHED_TEXT_MAX_LENGTH}
        placeholder={index === 0 ? t('signoff.ritual.itemPlaceholder') : undefined}
        onChange={(e) => onEdit({ item: oneLine(e.target.value) })}
      />
      <Input
        ref={keep('plan')}
        aria-label={t('signoff.ritual.plan', { n })}
        aria-invalid={bad === 'plan' || undefined}
        value={row.plan}
        maxLength={UNFINISHED_TEXT_MAX_LENGTH}
        placeholder={index === 0 ? t('signoff.ritual.planPlaceholder') : undefined}
        onChange={(e) => onEdit({ plan: oneLine(e.target.value) })}
      />
      <Button
        variant="ghost"
        size="sm"
        className="ritual__remove"
        aria-label={t('signoff.ritual.remove', { n })}
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
  const t = useMessages();
  return (
    <div className="ritual__actions">
      <Button type="submit" variant="primary" busy={saving}>
        {editing ? t('signoff.ritual.save') : t('signoff.ritual.signOff')}
      </Button>
      {editing && (
        <Button variant="ghost" onClick={onCancel}>
          {t('signoff.ritual.cancel')}
        </Button>
      )}
      <p id={hintId} className="ritual__shortcut">
        <FormattedMessage
          id={editing ? 'signoff.ritual.shortcutEdit' : 'signoff.ritual.shortcut'}
          values={{
            mod: modifierLabel(),
            kbd: (chunks) => <kbd>{chunks}</kbd>,
            plus: (chunks) => <span aria-hidden="true">{chunks}</span>,
          }}
        />
      </p>
    </div>
  );
}
