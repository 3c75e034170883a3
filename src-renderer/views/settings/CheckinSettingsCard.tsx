import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Cadence, CadenceMode, QuestionnaireKind, Settings, Weekday } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { CheckIcon, CloseIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import {
  DEFAULT_CHECK_TIME,
  defaultCadenceText,
  DISCLAIMER,
  QUESTIONNAIRE_EVERY,
  QUESTIONNAIRE_TITLES,
  sameCadence,
  tagLabelOf,
  tagSlug,
} from '../../lib/checks';
import { WEEKDAY_NAMES, WEEKDAY_ORDER } from '../../lib/format';
import { useChecks } from '../../stores/checks';
import { useNavigation } from '../../stores/navigation';
import { useSettings } from '../../stores/settings';
import './CheckinSettingsCard.css';

/** Main's limit on the user's own tags. */
const MAX_CUSTOM_TAGS = 20;
const TIME_SENTENCE = 'Use a 24-hour time such as 16:00.';

type ModeChoice = 'default' | CadenceMode;

interface WhenDraft {
  /** '' is "no regular one-on-one". */
  oneOnOneDay: Weekday | '';
  oneOnOneTime: string;
  mode: ModeChoice;
  dailyTime: string;
  weeklyDay: Weekday;
  weeklyTime: string;
}

function whenDraftOf(settings: Settings): WhenDraft {
  const cadence = settings.checkins.cadence;
  return {
    oneOnOneDay: settings.oneOnOne?.weekday ?? '',
    oneOnOneTime: settings.oneOnOne?.time ?? '10:00',
    mode: cadence === null ? 'default' : cadence.mode,
    dailyTime: cadence?.mode === 'daily' ? cadence.time : DEFAULT_CHECK_TIME,
    weeklyDay: cadence?.mode === 'weekly' ? cadence.weekday : 'fri',
    weeklyTime: cadence?.mode === 'weekly' ? cadence.time : DEFAULT_CHECK_TIME,
  };
}

function cadenceOf(draft: WhenDraft): Cadence | null {
  switch (draft.mode) {
    case 'default':
      return null;
    case 'daily':
      return { mode: 'daily', time: draft.dailyTime };
    case 'weekly':
      return { mode: 'weekly', weekday: draft.weeklyDay, time: draft.weeklyTime };
    case 'signoff':
      return { mode: 'signoff' };
    case 'manual':
      return { mode: 'manual' };
  }
}

const sameDraft = (a: WhenDraft, b: WhenDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Settings for the quick check: the usual one-on-one (the default check-in is the working day
 * before it), when Keel asks, the user's own "stretched" tags, and the two optional
 * questionnaires, each with its source and the disclaimer.
 */
export function CheckinSettingsCard({ settings }: { settings: Settings }) {
  const target = useNavigation((s) => s.target);
  const clearTarget = useNavigation((s) => s.clearTarget);
  const form = useChecks((s) => s.form);
  const loadForm = useChecks((s) => s.loadForm);
  const heading = useRef<HTMLSpanElement>(null);

  // The questionnaires' sources come with the check-in form.
  useEffect(() => {
    if (useChecks.getState().form === null) void loadForm();
  }, [loadForm]);

  // "Change in Settings" on Check-ins lands here rather than at the top of Settings.
  useEffect(() => {
    if (target !== 'checkins') return;
    heading.current?.focus();
    clearTarget();
  }, [target, clearTarget]);

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          Check-ins
        </span>
      }
      description="When Keel asks for the quick check, your own tags, and the optional questionnaires."
      className="checkin-settings"
    >
      <div className="checkin-settings__sections">
        <WhenForm settings={settings} />
        <CustomTags settings={settings} offered={form?.tags.filter((t) => !t.custom) ?? []} />
        <Questionnaires settings={settings} />
      </div>
    </Card>
  );
}

/* ---------- The one-on-one and the cadence: one form, one Save ---------- */

function WhenForm({ settings }: { settings: Settings }) {
  const save = useSettings((s) => s.save);
  const [base, setBase] = useState(settings);
  const [draft, setDraft] = useState(() => whenDraftOf(settings));
  const [oneOnOneError, setOneOnOneError] = useState<string | null>(null);
  const [cadenceError, setCadenceError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<'saved' | 'unchanged' | null>(null);
  const [saving, setSaving] = useState(false);
  const daySelect = useRef<HTMLSelectElement>(null);
  const modeName = useId();
  const ids = {
    oneOnOne: useId(),
    oneOnOneHint: useId(),
    oneOnOneError: useId(),
    cadenceError: useId(),
  };

  // Changed elsewhere (the CLI, another save): take it, unless the user has edited the form.
  if (base !== settings) {
    setBase(settings);
    if (sameDraft(draft, whenDraftOf(base))) setDraft(whenDraftOf(settings));
  }

  function edit(change: Partial<WhenDraft>) {
    setDraft((d) => ({ ...d, ...change }));
    setFeedback(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setOneOnOneError(null);
    setCadenceError(null);
    setFeedback(null);
    const oneOnOne =
      draft.oneOnOneDay === '' ? null : { weekday: draft.oneOnOneDay, time: draft.oneOnOneTime };
    const cadence = cadenceOf(draft);
    // Guidance only (an empty time field); main's sentence decides.
    if (oneOnOne !== null && oneOnOne.time === '') {
      setOneOnOneError(TIME_SENTENCE);
      return;
    }
    if ((cadence?.mode === 'daily' || cadence?.mode === 'weekly') && cadence.time === '') {
      setCadenceError(TIME_SENTENCE);
      return;
    }
    const oneOnOneChanged = JSON.stringify(oneOnOne) !== JSON.stringify(settings.oneOnOne);
    const cadenceChanged = !sameCadence(cadence, settings.checkins.cadence);
    if (!oneOnOneChanged && !cadenceChanged) {
      setFeedback('unchanged');
      return;
    }
    setSaving(true);
    try {
      if (oneOnOneChanged) {
        const result = await save({ key: 'oneOnOne', value: oneOnOne });
        if (!result.ok) {
          setOneOnOneError(result.message);
          daySelect.current?.focus();
          return;
        }
      }
      if (cadenceChanged) {
        const result = await save({ key: 'checkins', value: { ...settings.checkins, cadence } });
        if (!result.ok) {
          setCadenceError(result.message);
          return;
        }
      }
      setFeedback('saved');
    } finally {
      setSaving(false);
    }
  }

  const defaultText = defaultCadenceText(
    draft.oneOnOneDay === '' ? null : { weekday: draft.oneOnOneDay },
    settings.workingHours,
  );

  return (
    <form className="checkin-settings__section" onSubmit={(e) => void onSubmit(e)} noValidate>
      <fieldset className="checkin-settings__group">
        <legend className="checkin-settings__legend">Your usual one-on-one</legend>
        <p id={ids.oneOnOneHint} className="checkin-settings__hint">
          By default Keel asks for the quick check on the working day before it.
        </p>
        <div className="checkin-settings__row">
          <label htmlFor={ids.oneOnOne} className="checkin-settings__label">
            Day
          </label>
          <select
            ref={daySelect}
            id={ids.oneOnOne}
            className="input checkin-settings__select"
            value={draft.oneOnOneDay}
            aria-describedby={[ids.oneOnOneHint, oneOnOneError ? ids.oneOnOneError : '']
              .filter(Boolean)
              .join(' ')}
            aria-invalid={oneOnOneError !== null || undefined}
            onChange={(e) => edit({ oneOnOneDay: e.target.value as Weekday | '' })}
          >
            <option value="">No regular one-on-one</option>
            {WEEKDAY_ORDER.map((day) => (
              <option key={day} value={day}>
                {WEEKDAY_NAMES[day]}
              </option>
            ))}
          </select>
          <span className="cadence__at" aria-hidden="true">
            at
          </span>
          <Input
            type="time"
            aria-label="One-on-one time"
            value={draft.oneOnOneTime}
            disabled={draft.oneOnOneDay === ''}
            aria-invalid={oneOnOneError !== null || undefined}
            onChange={(e) => edit({ oneOnOneTime: e.target.value })}
          />
        </div>
        {oneOnOneError !== null && (
          <p id={ids.oneOnOneError} className="checkin-settings__error" role="alert">
            {oneOnOneError}
          </p>
        )}
      </fieldset>

      <fieldset
        className="checkin-settings__group"
        aria-describedby={cadenceError !== null ? ids.cadenceError : undefined}
      >
        <legend className="checkin-settings__legend">When Keel asks</legend>
        <div className="cadence">
          <CadenceOption
            id={`${modeName}-default`}
            name={modeName}
            label="Default: the working day before my one-on-one"
            hint={
              draft.oneOnOneDay === '' ? `${defaultText}, until you set a one-on-one.` : `${defaultText}.`
            }
            checked={draft.mode === 'default'}
            onChoose={() => edit({ mode: 'default' })}
          />

          <div className="cadence__option">
            <input
              id={`${modeName}-daily`}
              type="radio"
              name={modeName}
              checked={draft.mode === 'daily'}
              onChange={() => edit({ mode: 'daily' })}
            />
            <label htmlFor={`${modeName}-daily`} className="cadence__text">
              Every workday
            </label>
            <span className="cadence__at" aria-hidden="true">
              at
            </span>
            <Input
              type="time"
              aria-label="Daily check-in time"
              value={draft.dailyTime}
              disabled={draft.mode !== 'daily'}
              aria-invalid={(draft.mode === 'daily' && cadenceError !== null) || undefined}
              onChange={(e) => edit({ dailyTime: e.target.value })}
            />
          </div>

          <div className="cadence__option">
            <input
              id={`${modeName}-weekly`}
              type="radio"
              name={modeName}
              checked={draft.mode === 'weekly'}
              onChange={() => edit({ mode: 'weekly' })}
            />
            <label htmlFor={`${modeName}-weekly`} className="cadence__text">
              Weekly
            </label>
            <span className="cadence__at" aria-hidden="true">
              on
            </span>
            <select
              className="input checkin-settings__select"
              aria-label="Weekly check-in day"
              value={draft.weeklyDay}
              disabled={draft.mode !== 'weekly'}
              onChange={(e) => edit({ weeklyDay: e.target.value as Weekday })}
            >
              {WEEKDAY_ORDER.map((day) => (
                <option key={day} value={day}>
                  {WEEKDAY_NAMES[day]}
                </option>
              ))}
            </select>
            <span className="cadence__at" aria-hidden="true">
              at
            </span>
            <Input
              type="time"
              aria-label="Weekly check-in time"
              value={draft.weeklyTime}
              disabled={draft.mode !== 'weekly'}
              aria-invalid={(draft.mode === 'weekly' && cadenceError !== null) || undefined}
              onChange={(e) => edit({ weeklyTime: e.target.value })}
            />
          </div>

          <CadenceOption
            id={`${modeName}-signoff`}
            name={modeName}
            label="At sign-off"
            hint="Right after the shutdown ritual."
            checked={draft.mode === 'signoff'}
            onChoose={() => edit({ mode: 'signoff' })}
          />

          <CadenceOption
            id={`${modeName}-manual`}
            name={modeName}
            label="Manual only"
            hint="Keel never asks; check in whenever you like."
            checked={draft.mode === 'manual'}
            onChoose={() => edit({ mode: 'manual' })}
          />
        </div>
        {cadenceError !== null && (
          <p id={ids.cadenceError} className="checkin-settings__error" role="alert">
            {cadenceError}
          </p>
        )}
      </fieldset>

      <div className="checkin-settings__actions">
        <Button type="submit" busy={saving}>
          Save one-on-one and cadence
        </Button>
        <p
          className={
            feedback === 'unchanged'
              ? 'checkin-settings__feedback checkin-settings__feedback--quiet'
              : 'checkin-settings__feedback'
          }
          role="status"
        >
          {feedback === 'saved' && (
            <>
              <CheckIcon /> Saved
            </>
          )}
          {feedback === 'unchanged' && 'No changes to save.'}
        </p>
      </div>
    </form>
  );
}

/** A cadence without fields of its own: the radio, its label, and a line about it. */
function CadenceOption({
  id,
  name,
  label,
  hint,
  checked,
  onChoose,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  checked: boolean;
  onChoose: () => void;
}) {
  return (
    <div className="cadence__option">
      <input
        id={id}
        type="radio"
        name={name}
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={onChoose}
      />
      <label htmlFor={id} className="cadence__text">
        {label}
      </label>
      <p id={`${id}-hint`} className="cadence__hint">
        {hint}
      </p>
    </div>
  );
}

/* ---------- The user's own tags: each change is saved at once ---------- */

function CustomTags({
  settings,
  offered,
}: {
  settings: Settings;
  offered: readonly { id: string; label: string }[];
}) {
  const save = useSettings((s) => s.save);
  const tags = settings.checkins.customTags;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const full = tags.length >= MAX_CUSTOM_TAGS;

  // After a removal the pressed button is gone: focus the next tag's, or the field.
  const pendingFocus = useRef<string | 'input' | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    (target === 'input' ? input.current : (removeButtons.current.get(target) ?? input.current))?.focus();
  });

  async function write(value: string[], key: string): Promise<boolean> {
    setBusy(key);
    setError(null);
    const result = await save({ key: 'checkins', value: { ...settings.checkins, customTags: value } });
    setBusy(null);
    if (!result.ok) setError(result.message);
    return result.ok;
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy !== null) return;
    const typed = text.trim();
    const slug = tagSlug(typed);
    if (slug === '') {
      setError('Write the tag first.');
      input.current?.focus();
      return;
    }
    const already = offered.find((t) => t.id === slug || tagSlug(t.label) === slug);
    if (already || tags.includes(slug)) {
      setError(`“${already?.label ?? tagLabelOf(slug)}” is already offered.`);
      input.current?.focus();
      return;
    }
    if (await write([...tags, typed], 'add')) setText('');
    else input.current?.focus();
  }

  async function remove(index: number) {
    const tag = tags[index];
    if (tag === undefined || busy !== null) return;
    if (
      await write(
        tags.filter((_, i) => i !== index),
        `remove-${tag}`,
      )
    ) {
      pendingFocus.current = tags[index + 1] ?? tags[index - 1] ?? 'input';
    }
  }

  return (
    <section className="checkin-settings__section" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId} className="checkin-settings__legend">
          Your own tags
        </h3>
        <p className="checkin-settings__hint">
          Offered with every quick check after Keel’s own, for where you feel stretched. Up to{' '}
          {MAX_CUSTOM_TAGS}.
        </p>
      </div>
      {tags.length === 0 ? (
        <p className="checkin-settings__hint">No tags of your own yet.</p>
      ) : (
        <ul className="custom-tags">
          {tags.map((tag, i) => (
            <li key={tag} className="custom-tags__tag">
              <span>{tagLabelOf(tag)}</span>
              <Button
                ref={(el) => {
                  if (el) removeButtons.current.set(tag, el);
                  else removeButtons.current.delete(tag);
                }}
                variant="ghost"
                size="sm"
                className="custom-tags__remove"
                busy={busy === `remove-${tag}`}
                aria-label={`Remove the tag ${tagLabelOf(tag)}`}
                onClick={() => void remove(i)}
              >
                <CloseIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="custom-tags__add" onSubmit={(e) => void onAdd(e)} noValidate>
        <label htmlFor={inputId} className="checkin-settings__label">
          New tag
        </label>
        <Input
          ref={input}
          id={inputId}
          value={text}
          maxLength={64}
          disabled={full}
          placeholder="e.g. Code review"
          autoComplete="off"
          aria-describedby={[hintId, error !== null ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error !== null || undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <Button type="submit" size="sm" busy={busy === 'add'} disabled={full}>
          Add tag
        </Button>
        <p id={hintId} className="checkin-settings__hint custom-tags__hint">
          {full
            ? `That’s ${MAX_CUSTOM_TAGS} tags, the most Keel keeps; remove one to add another.`
            : 'Letters, digits, spaces and hyphens.'}
        </p>
      </form>
      {error !== null && (
        <p id={errorId} className="checkin-settings__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/* ---------- The optional questionnaires: saved as soon as a switch moves ---------- */

function Questionnaires({ settings }: { settings: Settings }) {
  const save = useSettings((s) => s.save);
  const questionnaires = useChecks((s) => s.form?.questionnaires ?? null);
  const [pending, setPending] = useState<Partial<Record<QuestionnaireKind, boolean>>>({});
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const baseId = useId();

  async function toggle(kind: QuestionnaireKind, on: boolean) {
    setPending((p) => ({ ...p, [kind]: on }));
    setError(null);
    const result = await save({ key: 'checkins', value: { ...settings.checkins, [kind]: on } });
    setPending((p) => {
      const rest = { ...p };
      delete rest[kind];
      return rest;
    });
    if (!result.ok) setError(result.message);
  }

  return (
    <section className="checkin-settings__section" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId} className="checkin-settings__legend">
          Questionnaires
        </h3>
        <p className="checkin-settings__hint">
          Two short, validated questionnaires beside the quick check; off until you turn them on. Your answers
          stay on this computer.
        </p>
      </div>
      {(['burnout', 'who5'] as const).map((kind) => {
        const info = questionnaires?.find((q) => q.kind === kind);
        const descriptionId = `${baseId}-${kind}`;
        return (
          <div key={kind} className="questionnaire-setting">
            <Switch
              label={info?.title ?? QUESTIONNAIRE_TITLES[kind]}
              checked={pending[kind] ?? settings.checkins[kind]}
              disabled={pending[kind] !== undefined}
              aria-describedby={descriptionId}
              onChange={(e) => void toggle(kind, e.target.checked)}
            />
            <div id={descriptionId} className="questionnaire-setting__about">
              <p>
                {QUESTIONNAIRE_EVERY[kind]} <em>{info?.disclaimer ?? DISCLAIMER}</em>
              </p>
              {info && <p className="questionnaire-setting__source">Source: {info.source}</p>}
            </div>
          </div>
        );
      })}
      {error !== null && <Notice tone="error">{error}</Notice>}
    </section>
  );
}
