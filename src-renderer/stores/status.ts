import { create } from 'zustand';
import { api } from '../api/keel';
import type { Status } from '../api/types';
import { resetHourCycle, setHourCycle } from '../lib/time';
import type { HourCycle } from '../../src-main/shared/vocabulary';

interface StatusState {
  status: Status | null;
  loading: boolean;
  /** The last load error, one sentence; cleared by the next successful load. */
  error: string | null;
  /** The 12/24-hour choice every shown time follows (lib/time.ts); the frame re-renders on a change. */
  hourCycle: HourCycle;
  load(): Promise<void>;
}

const initial = { status: null, loading: false, error: null, hourCycle: 'h23' as HourCycle };
let generation = 0;

export const useStatus = create<StatusState>()((set) => ({
  ...initial,
  async load() {
    const mine = ++generation;
    set({ loading: true });
    const result = await api.status();
    if (mine !== generation) return; // a newer load started; its answer wins
    if (result.ok) {
      const hourCycle = setHourCycle(result.value.hourCycle);
      set({ status: result.value, loading: false, error: null, hourCycle });
    } else set({ loading: false, error: result.message });
  },
}));

export function resetStatus(): void {
  generation++;
  resetHourCycle();
  useStatus.setState(initial);
}
