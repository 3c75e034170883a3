import { create } from 'zustand';
import { api } from '../api/keel';
import type { SettingUpdate, Settings } from '../api/types';

export type SaveOutcome = { ok: true } | { ok: false; message: string };

interface SettingsState {
  settings: Settings | null;
  loading: boolean;
  /** Why the settings could not be read, one sentence. */
  loadError: string | null;
  /** The last save's error, one sentence; cleared by the next successful save. */
  lastError: string | null;
  /** How many saves are in flight. */
  saving: number;
  load(): Promise<void>;
  /** Saves one setting through `keel.settings.set`; on success the store holds main's answer. */
  save(update: SettingUpdate): Promise<SaveOutcome>;
}

const initial = { settings: null, loading: false, loadError: null, lastError: null, saving: 0 };
let generation = 0;

export const useSettings = create<SettingsState>()((set) => ({
  ...initial,
  async load() {
    const mine = ++generation;
    set({ loading: true });
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
      return { ok: true };
    }
    set((s) => ({ lastError: result.message, saving: s.saving - 1 }));
    return { ok: false, message: result.message };
  },
}));

export function resetSettings(): void {
  generation++;
  useSettings.setState(initial);
}
