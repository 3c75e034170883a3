import { useId, type KeyboardEvent, type Ref } from 'react';
import type { CheckForm } from '../../api/types';
import { Button } from '../../components/Button';
import { CheckIcon, PlusIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { TAGS_PER_CHECK_MAX } from '../../../src-main/shared/vocabulary';
import { useMessages } from '../../i18n/KeelIntl';
import { addTypedTag, chipsOf, tagText, type CheckDraft } from '../../lib/checkin';
import './TagPicker.css';

export interface TagPickerProps {
  form: CheckForm;
  draft: CheckDraft;
  onChange: (draft: CheckDraft) => void;
  /** A sentence about the typed tag (client guidance or main's). */
  error: string | null;
  onError: (message: string | null) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * "Where are you feeling stretched?": the offered tags as toggle chips (checkboxes), then this
 * check's own tags, and a field that adds one more (Enter adds it; Ctrl/Cmd+Enter still saves).
 */
export function TagPicker({ form, draft, onChange, error, onError, inputRef }: TagPickerProps) {
  const t = useMessages();
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const full = draft.tags.length >= TAGS_PER_CHECK_MAX;

  function toggle(key: string, on: boolean) {
    onError(null);
    onChange({ ...draft, tags: on ? [...draft.tags, key] : draft.tags.filter((t) => t !== key) });
  }

  function add() {
    if (draft.tagInput.trim() === '') return;
    const result = addTypedTag(form, draft, draft.tagInput);
    if (result.ok) {
      onError(null);
      onChange(result.draft);
    } else onError(result.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Plain Enter adds the tag; with Ctrl/Cmd it is left to the form, which saves.
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    event.preventDefault();
    add();
  }

  return (
    <fieldset className="tags">
      <legend className="tags__legend">
        {t('checkin.tags.question')} <span className="tags__optional">{t('checkin.tags.optional')}</span>
      </legend>
      <TagChips form={form} draft={draft} full={full} onToggle={toggle} />
      <div className="tags__add">
        <label htmlFor={inputId} className="tags__add-label">
          {t('checkin.tags.addLabel')}
        </label>
        <div className="tags__add-row">
          <Input
            ref={inputRef}
            id={inputId}
            className="tags__input"
            value={draft.tagInput}
            maxLength={64}
            placeholder={t('checkin.tags.placeholder')}
            autoComplete="off"
            aria-describedby={[hintId, error !== null ? errorId : ''].filter(Boolean).join(' ')}
            aria-invalid={error !== null || undefined}
            onChange={(e) => {
              onError(null);
              onChange({ ...draft, tagInput: e.target.value });
            }}
            onKeyDown={onKeyDown}
          />
          <Button size="sm" onClick={add} disabled={draft.tagInput.trim() === ''}>
            <PlusIcon /> {t('checkin.tags.add')}
          </Button>
        </div>
        <p id={hintId} className="tags__hint">
          {full ? t('checkin.tags.full', { max: TAGS_PER_CHECK_MAX }) : t('checkin.tags.hint')}
        </p>
        {error !== null && (
          <p id={errorId} className="tags__error">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}

function TagChips({
  form,
  draft,
  full,
  onToggle,
}: {
  form: CheckForm;
  draft: CheckDraft;
  full: boolean;
  onToggle: (key: string, on: boolean) => void;
}) {
  const chosen = new Set(draft.tags);
  return (
    <div className="tags__chips">
      {chipsOf(form, draft).map((chip) => {
        const on = chosen.has(chip.key);
        return (
          <label key={chip.key} className="tags__chip">
            <input
              type="checkbox"
              checked={on}
              disabled={!on && full}
              onChange={(e) => onToggle(chip.key, e.target.checked)}
            />
            <span className="tags__chip-face">
              <CheckIcon className="tags__chip-check" aria-hidden="true" />
              {chip.custom ? chip.label : tagText(chip.key, chip.label)}
            </span>
          </label>
        );
      })}
    </div>
  );
}
