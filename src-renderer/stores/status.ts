import { create } from 'zustand';
import { api } from '../api/keel';
import type { Status } from '../api/types';

interface StatusState {
  status: Status | null;
  loading: boolean;
  /** The last load error, one sentence; cleared by the next successful load. */
  error: string | null;
  load(): Promise<void>;
}

const initial = { status: null, loading: false, error: null };
let generation = 0;

export const useStatus = create<StatusState>()((set) => ({
  ...initial,
  async load() {
    const mine = ++generation;
    set({ loading: true });
    const result = await api.status();
    if (mine !== generation) return; // a newer load started; its answer wins
    if (result.ok) set({ status: result.value, loading: false, error: null });
    else set({ loading: false, error: result.message });
  },
}));

export function resetStatus(): void {
  generation++;
  useStatus.setState(initial);
}
