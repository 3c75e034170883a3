import { create } from 'zustand';
import { api } from '../api/keel';
import type { DatedKey, RuleChange, SettingUpdate, Settings } from '../api/types';

export type SaveOutcome = { ok: true } | { ok: false; message: string; path?: (string | number)[] };

interface SettingsState {
  settings: Settings | null;
  loading: boolean;
  /** Why the settings could not be read, one sentence. */
  loadError: string | null;
  /** The last save's error, one sentence; cleared by the next successful save. */
  lastError: string | null;
  /** How many saves are in flight. */
  saving: number;
  /** Every change of the dated rules (null until read, or when it could not be read). */
  changes: RuleChange[] | null;
  load(): Promise<void>;
  /** Saves one setting through `keel.settings.set`; on success the store holds main's answer. */
  save(update: SettingUpdate): Promise<SaveOutcome>;
  /** Withdraws a change that has not taken effect yet. */
  withdraw(key: DatedKey, from: string): Promise<SaveOutcome>;
}

const initial = {
  settings: null,
  loading: false,
  loadError: null,
  lastError: null,
  saving: 0,
  changes: null,
};
let generation = 0;
let changesGeneration = 0;

/** Reads the dated rules' changes again; a read that started earlier never overwrites a later one. */
async function loadChanges(): Promise<void> {
  const mine = ++changesGeneration;
  const result = await api.settingChanges();
  if (mine !== changesGeneration) return;
  // Without the list, Settings only leaves out the planned changes; the forms still work.
  useSettings.setState({ changes: result.ok ? result.value : null });
}

export const useSettings = create<SettingsState>()((set) => ({
  ...initial,
  async load() {
    const mine = ++generation;
    set({ loading: true });
    void loadChanges();
    const result = await api.settings();
    if (mine !== generation) return;
    if (result.ok) set({ settings: result.value, loading: false, loadError: null });
    else set({ loading: false, loadError: result.message });
  },
  async save(update) {
    set((s) => ({ saving: s.saving + 1 }));
    const result = await api.setSetting(update);
    if (result.ok) {
      generation++; // a load that started before this save must not overwrite its answer
      set((s) => ({ settings: result.value, lastError: null, loadError: null, saving: s.saving - 1 }));
      void loadChanges();
      return { ok: true };
    }
    set((s) => ({ lastError: result.message, saving: s.saving - 1 }));
    return { ok: false, message: result.message, ...(result.path ? { path: result.path } : {}) };
  },
  async withdraw(key, from) {
    const result = await api.withdrawChange(key, from);
    if (!result.ok) return { ok: false, message: result.message };
    generation++;
    set({ settings: result.value, loadError: null });
    await loadChanges();
    return { ok: true };
  },
}));

export function resetSettings(): void {
  generation++;
  changesGeneration++;
  useSettings.setState(initial);
}
