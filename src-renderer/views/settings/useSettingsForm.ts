import { useState, type FormEvent } from 'react';
import type { SettingUpdate } from '../../api/types';
import { useSettings } from '../../stores/settings';

/**
 * The two ways a settings card saves, written once: a form with a draft and one Save button
 * (`useSettingsForm`), and a control saved as soon as it moves (`useInstantSetting`). Both save
 * through the settings store, so the store holds main's answer and every card re-renders from it;
 * main's sentence is shown as-is, next to the field it is about.
 */

/** What the form's status line says after Save: saved, nothing to save, or nothing yet. */
export type SaveFeedback = 'saved' | 'unchanged' | null;

/** One `keel.settings.set` a form needs, and the field main's refusal is shown under. */
export interface PlannedSave<F extends string> {
  field: F;
  update: SettingUpdate;
}

export interface SettingsFormSpec<S, D, F extends string> {
  /** The saved value the form edits; a new value means it changed underneath (a save, the CLI). */
  saved: S;
  /** The draft the saved value gives. */
  draftOf: (saved: S) => D;
  /** Whether two drafts say the same; by default, the same JSON. */
  same?: (a: D, b: D) => boolean;
  /**
   * The draft after `saved` changed underneath, from the old saved draft (`before`) and the new
   * one (`after`). By default the new one, unless the user has edited the form.
   */
  rebase?: (draft: D, before: D, after: D) => D;
  /** Guidance before saving (main's answer decides): the first problem, or null. */
  check?: (draft: D) => { field: F; message: string } | null;
  /** The saves the draft needs, in order; none means nothing changed. A refusal stops the rest. */
  saves: (draft: D, saved: S) => PlannedSave<F>[];
  /** After main refused a save for `field`, e.g. to move focus there. */
  onRefused?: (field: F) => void;
}

export interface SettingsForm<D, F extends string> {
  draft: D;
  /** The draft differs from what is saved. */
  dirty: boolean;
  /** One sentence per field: the client's guidance or main's refusal. */
  errors: Partial<Record<F, string>>;
  feedback: SaveFeedback;
  saving: boolean;
  edit: (change: Partial<D> | ((draft: D) => D)) => void;
  /** Saves what changed; true when everything needed was saved (or nothing had changed). */
  save: () => Promise<boolean>;
  /** `save()` for a form's submit event. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Back to the saved values, errors and feedback cleared. */
  reset: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useSettingsForm<S, D, F extends string>(spec: SettingsFormSpec<S, D, F>): SettingsForm<D, F> {
  const saveSetting = useSettings((s) => s.save);
  const [base, setBase] = useState(spec.saved);
  const [draft, setDraft] = useState(() => spec.draftOf(spec.saved));
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [feedback, setFeedback] = useState<SaveFeedback>(null);
  const [saving, setSaving] = useState(false);
  const sameDraft = spec.same ?? same;

  // Changed underneath: adjust the draft while rendering (React's pattern for state that follows
  // a prop), so the form never shows the old value for a frame.
  if (!Object.is(base, spec.saved)) {
    const before = spec.draftOf(base);
    const after = spec.draftOf(spec.saved);
    setBase(spec.saved);
    setDraft((d) => (spec.rebase ? spec.rebase(d, before, after) : sameDraft(d, before) ? after : d));
  }

  function edit(change: Partial<D> | ((draft: D) => D)) {
    setDraft((d) => (typeof change === 'function' ? change(d) : { ...d, ...change }));
    setFeedback(null);
  }

  async function save(): Promise<boolean> {
    if (saving) return false;
    setErrors({});
    setFeedback(null);
    const problem = spec.check?.(draft) ?? null;
    if (problem !== null) {
      setErrors({ [problem.field]: problem.message } as Partial<Record<F, string>>);
      return false;
    }
    const planned = spec.saves(draft, spec.saved);
    if (planned.length === 0) {
      setFeedback('unchanged');
      return true;
    }
    setSaving(true);
    try {
      for (const { field, update } of planned) {
        const result = await saveSetting(update);
        if (!result.ok) {
          setErrors({ [field]: result.message } as Partial<Record<F, string>>);
          spec.onRefused?.(field);
          return false;
        }
      }
      setFeedback('saved');
      return true;
    } finally {
      setSaving(false);
    }
  }

  return {
    draft,
    dirty: !sameDraft(draft, spec.draftOf(spec.saved)),
    errors,
    feedback,
    saving,
    edit,
    save,
    onSubmit(event) {
      event.preventDefault();
      void save();
    },
    reset() {
      setDraft(spec.draftOf(spec.saved));
      setErrors({});
      setFeedback(null);
    },
  };
}

export interface InstantSetting<K extends string, V> {
  /** The value being saved for each key, shown (and the control held) until main answers. */
  pending: Partial<Record<K, V>>;
  /** The last refusal, one sentence; cleared by the next change. */
  error: string | null;
  /** Saves `update` at once, showing `value` for `key` meanwhile; true when main accepted it. */
  apply: (key: K, value: V, update: SettingUpdate) => Promise<boolean>;
  clearError: () => void;
}

/** A switch, choice or list saved as soon as it changes. */
export function useInstantSetting<K extends string, V>(): InstantSetting<K, V> {
  const saveSetting = useSettings((s) => s.save);
  const [pending, setPending] = useState<Partial<Record<K, V>>>({});
  const [error, setError] = useState<string | null>(null);

  async function apply(key: K, value: V, update: SettingUpdate): Promise<boolean> {
    setPending((p) => ({ ...p, [key]: value }));
    setError(null);
    const result = await saveSetting(update);
    setPending((p) => {
      const rest = { ...p };
      delete rest[key];
      return rest;
    });
    if (!result.ok) setError(result.message);
    return result.ok;
  }

  return { pending, error, apply, clearError: () => setError(null) };
}
