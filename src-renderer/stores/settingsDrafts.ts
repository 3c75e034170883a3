import { useEffect, useLayoutEffect, useRef } from 'react';
import { create } from 'zustand';

/**
 * Settings' one save model: every form on the page that holds typed values registers here, and
 * one save bar saves them all (or discards them all). Switches and choices take effect as they
 * move, and list buttons (add, remove) act at once: they are the action themselves.
 */
export interface DraftForm {
  /** The card's heading, as the save bar and the leave dialog name it. */
  label: string;
  /** Where it is on the page, top first: forms are saved in this order. */
  order: number;
  dirty: boolean;
  /** Saves the form; false when something was refused (the form shows why, under the field). */
  save: () => Promise<boolean>;
  reset: () => void;
}

interface SettingsDraftsState {
  forms: Record<string, DraftForm>;
  put(id: string, form: DraftForm): void;
  setDirty(id: string, dirty: boolean): void;
  remove(id: string): void;
}

export const useSettingsDrafts = create<SettingsDraftsState>()((set) => ({
  forms: {},
  put: (id, form) => set((s) => ({ forms: { ...s.forms, [id]: form } })),
  setDirty: (id, dirty) =>
    set((s) => {
      const form = s.forms[id];
      return form === undefined || form.dirty === dirty
        ? s
        : { forms: { ...s.forms, [id]: { ...form, dirty } } };
    }),
  remove: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.forms;
      return { forms: rest };
    }),
}));

/** Where a form sits in the save bar: its id, the name it is listed by, its place on the page. */
export interface SaveBarSection {
  id: string;
  label: string;
  order: number;
}

/**
 * Registers a form with Settings' save bar (and so the leave guard) while it is shown: `dirty`
 * while it holds typed, unsaved values; `save` answers false when something was refused.
 */
export function useSaveBarEntry(
  section: SaveBarSection | undefined,
  dirty: boolean,
  actions: { save: () => Promise<boolean>; reset: () => void },
): void {
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  });
  const id = section?.id;
  const label = section?.label ?? '';
  const order = section?.order ?? 0;
  useEffect(() => {
    if (id === undefined) return;
    const { put, remove } = useSettingsDrafts.getState();
    put(id, {
      label,
      order,
      dirty: false,
      save: () => latest.current.save(),
      reset: () => latest.current.reset(),
    });
    return () => remove(id);
  }, [id, label, order]);
  useEffect(() => {
    if (id !== undefined) useSettingsDrafts.getState().setDirty(id, dirty);
  }, [id, dirty]);
}

/** The forms with unsaved edits, top of the page first. */
export function unsavedForms(
  forms: Record<string, DraftForm> = useSettingsDrafts.getState().forms,
): DraftForm[] {
  return Object.values(forms)
    .filter((f) => f.dirty)
    .sort((a, b) => a.order - b.order);
}

/** Saves every form with edits, top first; stops at the first refusal. True when all were saved. */
export async function saveAllDrafts(): Promise<boolean> {
  for (const form of unsavedForms()) {
    if (!(await form.save())) return false;
  }
  return true;
}

export function discardAllDrafts(): void {
  for (const form of unsavedForms()) form.reset();
}

/** "Working hours", "Working hours and Focus", "A, B and C". */
export function listNames(forms: DraftForm[]): string {
  const names = forms.map((f) => f.label);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function resetSettingsDrafts(): void {
  useSettingsDrafts.setState({ forms: {} });
}
