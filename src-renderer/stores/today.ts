import { create } from 'zustand';
import { api } from '../api/keel';
import type { TodayCard } from '../api/types';

interface TodayState {
  card: TodayCard | null;
  /** `Date.now()` when `card` arrived: main's time since is estimated from here, minute by minute. */
  receivedAt: number;
  loading: boolean;
  /** The last load error, one sentence; cleared by the next successful load. */
  error: string | null;
  load(): Promise<void>;
}

const initial = { card: null, receivedAt: 0, loading: false, error: null };
let generation = 0;

/** The Today card (`today:card`): the day's state by main's clock, its figures and the recap. */
export const useToday = create<TodayState>()((set) => ({
  ...initial,
  async load() {
    const mine = ++generation;
    set({ loading: true });
    const result = await api.today();
    if (mine !== generation) return; // a newer load started; its answer wins
    if (result.ok) set({ card: result.value, receivedAt: Date.now(), loading: false, error: null });
    else set({ loading: false, error: result.message });
  },
}));

export function resetToday(): void {
  generation++;
  useToday.setState(initial);
}
