import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { isDatedKey } from '../../../src-main/shared/vocabulary';
import type { SettingUpdate } from '../../api/types';
import {
  appliesFromProblem,
  chosenFrom,
  FROM_TODAY,
  type AppliesFromValue,
} from '../../components/AppliesFrom';
import { useSettings } from '../../stores/settings';
import { saveAllDrafts, useSaveBarEntry, type SaveBarSection } from '../../stores/settingsDrafts';

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
  /**
   * The form saves rules that take effect on a date: it offers "Applies from" (`appliesFrom`),
   * and a chosen date goes with every save of a dated key.
   */
  dated?: boolean;
  /** Settings' one save bar saves this form (and the leave guard asks about it): its name and place. */
  section?: SaveBarSection;
}

export interface SettingsForm<D, F extends string> {
  draft: D;
  /** The draft differs from what is saved. */
  dirty: boolean;
  /** One sentence per field (and `from`, the date): the client's guidance or main's refusal. */
  errors: Partial<Record<F | 'from', string>>;
  /** Where in the saved value main found the problem (`['workingHours', 'mon', 'end']`), if it said. */
  errorPath: (string | number)[] | null;
  feedback: SaveFeedback;
  /** When the changes take effect (a `dated` form): today, or a date. */
  appliesFrom: AppliesFromValue;
  setAppliesFrom: (value: AppliesFromValue) => void;
  /** The date the last save took effect from, when the user named one (for "Saved, from …"). */
  savedFrom: string | null;
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

type Errors<F extends string> = Partial<Record<F | 'from', string>>;
type SaveSetting = ReturnType<typeof useSettings.getState>['save'];

/** The client's guidance before saving (main's answer decides): the date first, then the form's. */
function guidance<S, D, F extends string>(
  spec: SettingsFormSpec<S, D, F>,
  draft: D,
  appliesFrom: AppliesFromValue,
): Errors<F> | null {
  const dateProblem = spec.dated ? appliesFromProblem(appliesFrom) : null;
  if (dateProblem !== null) return { from: dateProblem } as Errors<F>;
  const problem = spec.check?.(draft) ?? null;
  return problem === null ? null : ({ [problem.field]: problem.message } as Errors<F>);
}

/**
 * Saves in order, each dated key with `from` when one was chosen; the first refusal stops the
 * rest and is returned with where it is shown (a refused date under the date, not the field).
 */
async function runSaves<F extends string>(
  planned: PlannedSave<F>[],
  from: string | undefined,
  saveSetting: SaveSetting,
): Promise<{ field: F | 'from'; message: string; path: (string | number)[] | null } | null> {
  for (const { field, update } of planned) {
    const dated = from !== undefined && isDatedKey(update.key) ? { ...update, from } : update;
    const result = await saveSetting(dated);
    if (!result.ok) {
      const path = result.path ?? null;
      const where = from !== undefined && path?.[0] === 'from' ? 'from' : field;
      return { field: where, message: result.message, path };
    }
  }
  return null;
}

/** The form's draft; when the saved value changes underneath, rebased on it. */
function useDraft<S, D, F extends string>(spec: SettingsFormSpec<S, D, F>) {
  const [base, setBase] = useState(spec.saved);
  const [draft, setDraft] = useState(() => spec.draftOf(spec.saved));
  const sameDraft = spec.same ?? same;
  // Changed underneath: adjust the draft while rendering (React's pattern for state that follows
  // a prop), so the form never shows the old value for a frame.
  if (!Object.is(base, spec.saved)) {
    const before = spec.draftOf(base);
    const after = spec.draftOf(spec.saved);
    setBase(spec.saved);
    setDraft((d) => (spec.rebase ? spec.rebase(d, before, after) : sameDraft(d, before) ? after : d));
  }
  return [draft, setDraft] as const;
}

/**
 * Unsaved: the draft needs a save, or holds something the check refuses (kept, never dropped). A
 * difference that saves nothing (the times shown for a day off) is not an unsaved edit.
 */
function isUnsaved<S, D, F extends string>(
  spec: SettingsFormSpec<S, D, F>,
  draft: D,
  sameDraft: (a: D, b: D) => boolean,
) {
  if (sameDraft(draft, spec.draftOf(spec.saved))) return false;
  return spec.saves(draft, spec.saved).length > 0 || (spec.check?.(draft) ?? null) !== null;
}

export function useSettingsForm<S, D, F extends string>(spec: SettingsFormSpec<S, D, F>): SettingsForm<D, F> {
  const saveSetting = useSettings((s) => s.save);
  const [draft, setDraft] = useDraft(spec);
  const [[errors, errorPath], setRefusal] = useState<[Errors<F>, (string | number)[] | null]>([{}, null]);
  const [feedback, setFeedback] = useState<SaveFeedback>(null);
  const [saving, setSaving] = useState(false);
  const [appliesFrom, setAppliesFrom] = useState<AppliesFromValue>(FROM_TODAY);
  const [savedFrom, setSavedFrom] = useState<string | null>(null);
  const sameDraft = spec.same ?? same;
  // The saved value as last drawn, for after an await (the closure's `spec` may be older).
  const latestSaved = useRef(spec.saved);
  useLayoutEffect(() => {
    latestSaved.current = spec.saved;
  });

  function edit(change: Partial<D> | ((draft: D) => D)) {
    setDraft((d) => (typeof change === 'function' ? change(d) : { ...d, ...change }));
    setFeedback(null);
  }

  async function save(): Promise<boolean> {
    if (saving) return false;
    setRefusal([{}, null]);
    setFeedback(null);
    setSavedFrom(null);
    const problem = guidance(spec, draft, appliesFrom);
    if (problem !== null) {
      setRefusal([problem, null]);
      return false;
    }
    const from = spec.dated ? chosenFrom(appliesFrom) : undefined;
    const planned = spec.saves(draft, spec.saved);
    if (planned.length === 0) {
      setFeedback('unchanged');
      return true;
    }
    setSaving(true);
    try {
      const refused = await runSaves(planned, from, saveSetting);
      if (refused !== null) {
        setRefusal([{ [refused.field]: refused.message } as Errors<F>, refused.path]);
        if (refused.field !== 'from') spec.onRefused?.(refused.field);
        return false;
      }
      setFeedback('saved');
      if (from !== undefined) {
        // A change from another day may leave today's rules as they were: the form shows what is
        // in force today again (a planned change is listed in Settings), and the next change
        // starts from "Today".
        setDraft(spec.draftOf(latestSaved.current));
        setAppliesFrom(FROM_TODAY);
        setSavedFrom(from);
      }
      return true;
    } finally {
      setSaving(false);
    }
  }

  const dirty = isUnsaved(spec, draft, sameDraft);
  function reset() {
    setDraft(spec.draftOf(spec.saved));
    setRefusal([{}, null]);
    setFeedback(null);
    setAppliesFrom(FROM_TODAY);
  }
  useSaveBarEntry(spec.section, dirty, { save, reset });

  return {
    draft,
    dirty,
    errors,
    errorPath,
    feedback,
    saving,
    appliesFrom,
    setAppliesFrom: (value) => {
      setAppliesFrom(value);
      setRefusal(([{ from: _refused, ...rest }, path]) => [rest as Errors<F>, path]);
      setFeedback(null);
    },
    savedFrom,
    edit,
    save,
    // Enter in a field saves as the save bar does: everything edited on the page.
    onSubmit: (event) => void (event.preventDefault(), spec.section ? saveAllDrafts() : save()),
    reset,
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
