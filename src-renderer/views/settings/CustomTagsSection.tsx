import { useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { CUSTOM_TAGS_MAX, tagLabel, tagSlug } from '../../../src-main/shared/vocabulary';
import type { Settings } from '../../api/types';
import { Button } from '../../components/Button';
import { CloseIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { useFocusAfterRemoval } from '../../components/useFocusAfterRemoval';
import { useSaveBarEntry } from '../../stores/settingsDrafts';
import { useInstantSetting } from './useSettingsForm';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';

/** The typed, not yet added tag in the save bar: after the check-in cadence (order 5). */
const NEW_TAG = { id: 'new-tag', order: 6 };

/** Why a typed tag is not added before asking main, or null to ask. */
function typedTagProblem(
  typed: string,
  tags: readonly string[],
  offered: readonly { id: string; label: string }[],
): string | null {
  const slug = tagSlug(typed);
  if (slug === '') return windowMessage('settings.tags.writeFirst');
  const already = offered.find((t) => t.id === slug || tagSlug(t.label) === slug);
  if (already || tags.includes(slug))
    return windowMessage('settings.tags.already', { tag: already?.label ?? tagLabel(slug) });
  return null;
}

/** The user's own tags: each change is saved at once (a typed tag: see useTypedTag). */
export function CustomTagsSection({
  settings,
  offered,
}: {
  settings: Settings;
  offered: readonly { id: string; label: string }[];
}) {
  const tags = settings.checkins.customTags;
  const saving = useInstantSetting<string, true>();
  const [text, setText] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Each tag's Remove button, to move focus after a removal.
  const [removeButtons] = useState(() => new Map<string, HTMLButtonElement>());
  const focusAfterRender = useFocusAfterRemoval(input, removeButtons);
  const titleId = useId();
  const t = useMessages();
  const busy = Object.keys(saving.pending)[0] ?? null;
  const error = typedError ?? saving.error;

  function write(value: string[], key: string): Promise<boolean> {
    setTypedError(null);
    return saving.apply(key, true, { key: 'checkins', value: { ...settings.checkins, customTags: value } });
  }

  const { onAdd } = useTypedTag({ text, setText, setTypedError, tags, offered, busy, input, write });

  async function remove(index: number) {
    const tag = tags[index];
    if (tag === undefined || busy !== null) return;
    if (
      await write(
        tags.filter((_, i) => i !== index),
        `remove-${tag}`,
      )
    )
      focusAfterRender(tags[index + 1] ?? tags[index - 1] ?? 'input');
  }

  return (
    <section className="checkin-settings__section" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId} className="checkin-settings__legend">
          {t('settings.tags.title')}
        </h3>
        <p className="checkin-settings__hint">{t('settings.tags.hint', { max: CUSTOM_TAGS_MAX })}</p>
      </div>
      <TagList tags={tags} busy={busy} buttons={removeButtons} onRemove={(i) => void remove(i)} />
      <AddTagForm
        inputRef={input}
        text={text}
        full={tags.length >= CUSTOM_TAGS_MAX}
        busy={busy === 'add'}
        error={error}
        onText={(value) => {
          setText(value);
          setTypedError(null);
          saving.clearError();
        }}
        onAdd={onAdd}
      />
    </section>
  );
}

/**
 * Adding the typed tag (Enter or "Add tag"). Typed but not added, it is an unsaved edit: the save
 * bar lists it (and adds it), and leaving Settings asks about it.
 */
function useTypedTag(p: {
  text: string;
  setText: (text: string) => void;
  setTypedError: (error: string | null) => void;
  tags: readonly string[];
  offered: readonly { id: string; label: string }[];
  busy: string | null;
  input: RefObject<HTMLInputElement | null>;
  write: (value: string[], key: string) => Promise<boolean>;
}) {
  const { text, setText, setTypedError, tags, offered, busy, input, write } = p;
  /** Adds the typed tag; false (the field says why, and has focus) when it was not added. */
  async function addTyped(): Promise<boolean> {
    if (busy !== null) return false;
    const typed = text.trim();
    const problem = typedTagProblem(typed, tags, offered);
    if (problem !== null) {
      setTypedError(problem);
      input.current?.focus();
      return false;
    }
    if (await write([...tags, typed], 'add')) {
      setText('');
      return true;
    }
    input.current?.focus();
    return false;
  }

  const newTagLabel = useMessages()('settings.tags.saveBarLabel');
  const section = useMemo(() => ({ ...NEW_TAG, label: newTagLabel }), [newTagLabel]);
  useSaveBarEntry(section, text.trim() !== '', {
    save: addTyped,
    reset: () => {
      setText('');
      setTypedError(null);
    },
  });

  return {
    onAdd(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      void addTyped();
    },
  };
}

function AddTagForm({
  inputRef,
  text,
  full,
  busy,
  error,
  onText,
  onAdd,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  full: boolean;
  busy: boolean;
  error: string | null;
  onText: (value: string) => void;
  onAdd: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const t = useMessages();
  return (
    <>
      <form className="custom-tags__add" onSubmit={onAdd} noValidate>
        <label htmlFor={inputId} className="checkin-settings__label">
          {t('settings.tags.newLabel')}
        </label>
        <Input
          ref={inputRef}
          id={inputId}
          value={text}
          maxLength={64}
          disabled={full}
          placeholder={t('settings.tags.placeholder')}
          autoComplete="off"
          aria-describedby={[hintId, error !== null ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error !== null || undefined}
          onChange={(e) => onText(e.target.value)}
        />
        <Button type="submit" size="sm" busy={busy} disabled={full}>
          {t('settings.tags.add')}
        </Button>
        <p id={hintId} className="checkin-settings__hint custom-tags__hint">
          {full ? t('settings.tags.full', { max: CUSTOM_TAGS_MAX }) : t('settings.tags.allowed')}
        </p>
      </form>
      {error !== null && (
        <p id={errorId} className="checkin-settings__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function TagList({
  tags,
  busy,
  buttons,
  onRemove,
}: {
  tags: readonly string[];
  busy: string | null;
  /** Each tag's Remove button, to move focus after a removal. */
  buttons: Map<string, HTMLButtonElement>;
  onRemove: (index: number) => void;
}) {
  const t = useMessages();
  return tags.length === 0 ? (
    <p className="checkin-settings__hint">{t('settings.tags.none')}</p>
  ) : (
    <ul className="custom-tags">
      {tags.map((tag, i) => (
        <li key={tag} className="custom-tags__tag">
          <span>{tagLabel(tag)}</span>
          <Button
            ref={(el) => {
              if (el) buttons.set(tag, el);
              else buttons.delete(tag);
            }}
            variant="ghost"
            size="sm"
            className="custom-tags__remove"
            busy={busy === `remove-${tag}`}
            aria-label={t('settings.tags.removeLabel', { tag: tagLabel(tag) })}
            onClick={() => onRemove(i)}
          >
            <CloseIcon />
          </Button>
        </li>
      ))}
    </ul>
  );
}
