import { create } from 'zustand';
import { api, refusal, type ActionOutcome, type Outcome } from '../api/keel';
import type { FocusStartRequest, FocusStats, FocusStatus, InterruptionKind } from '../api/types';
import { addLocalDays } from '../../src-main/shared/vocabulary';
import { weekOf } from '../lib/focus';

export type { ActionOutcome };

interface FocusState {
  status: FocusStatus | null;
  /** `Date.now()` when `status` arrived: the Now card counts minutes from here. */
  receivedAt: number;
  /** Stats for Monday to Sunday of `week`. */
  stats: FocusStats | null;
  week: { from: string; to: string } | null;
  loading: boolean;
  /** Why the status could not be read, one sentence. */
  loadError: string | null;
  /** The last error of any focus call, one sentence; cleared by the next success. */
  lastError: string | null;
  /** "Not now" on the where-did-you-leave-off prompt: hidden until the next block starts. */
  leftOffDismissed: boolean;
  /**
   * Reads the focus status and this week's stats. `today` (YYYY-MM-DD, from the app status)
   * picks the week; without it the last week asked for is read again.
   */
  load(today?: string): Promise<void>;
  /** Shows the stats of the week starting Monday `from`; pushes keep it until Focus opens again. */
  showWeek(from: string): Promise<void>;
  /** The week (its Monday) Focus opens on next instead of this one, once (Today's recap); else null. */
  openOn: string | null;
  /** Makes Focus open on the week starting Monday `from` the next time it loads with `today`. */
  openOnWeek(from: string): void;
  start(request: FocusStartRequest): Promise<ActionOutcome>;
  stop(): Promise<ActionOutcome>;
  interrupt(kind: InterruptionKind, note?: string): Promise<ActionOutcome>;
  leaveOff(text: string): Promise<ActionOutcome>;
  skip(occurrenceId: string): Promise<ActionOutcome>;
  dismissLeftOff(): void;
}

const initial = {
  status: null,
  receivedAt: 0,
  stats: null,
  week: null,
  loading: false,
  loadError: null,
  lastError: null,
  leftOffDismissed: false,
  openOn: null,
};
let generation = 0;
let statsGeneration = 0;

export const useFocus = create<FocusState>()((set, get) => {
  function take(status: FocusStatus) {
    set((s) => ({
      status,
      receivedAt: Date.now(),
      // A block started: the next ended block may ask again.
      leftOffDismissed: status.running !== null ? false : s.leftOffDismissed,
    }));
  }

  async function loadStats() {
    const week = get().week;
    if (!week) return;
    const mine = ++statsGeneration;
    const result = await api.focus.stats(week.from, week.to);
    if (mine !== statsGeneration) return;
    if (result.ok) set({ stats: result.value });
    else set({ lastError: result.message });
  }

  /** Runs a mutation; its answer is the new status, which wins over any load in flight. */
  async function mutate(run: () => Promise<Outcome<FocusStatus>>): Promise<ActionOutcome> {
    const result = await run();
    if (!result.ok) {
      set({ lastError: result.message });
      return refusal(result);
    }
    generation++;
    take(result.value);
    set({ lastError: null, loadError: null });
    void loadStats();
    return { ok: true };
  }

  return {
    ...initial,
    async load(today) {
      if (today !== undefined) {
        const { openOn } = get();
        const week = openOn !== null ? { from: openOn, to: addLocalDays(openOn, 6) } : weekOf(today);
        if (openOn !== null) set({ openOn: null });
        const current = get().week;
        if (!current || current.from !== week.from) set({ week, stats: null });
      }
      const mine = ++generation;
      set({ loading: true });
      const [result] = await Promise.all([api.focus.status(), loadStats()]);
      if (mine !== generation) return;
      if (result.ok) {
        take(result.value);
        set({ loading: false, loadError: null });
      } else set({ loading: false, loadError: result.message, lastError: result.message });
    },
    async showWeek(from) {
      set({ week: { from, to: addLocalDays(from, 6) }, stats: null });
      await loadStats();
    },
    start: (request) => mutate(() => api.focus.start(request)),
    stop: () => mutate(() => api.focus.stop()),
    interrupt: (kind, note) => mutate(() => api.focus.interrupt(kind, note)),
    leaveOff: (text) => mutate(() => api.focus.leaveOff(text)),
    skip: (occurrenceId) => mutate(() => api.focus.skip(occurrenceId)),
    dismissLeftOff: () => set({ leftOffDismissed: true }),
    openOnWeek: (from) => set({ openOn: from }),
  };
});

export function resetFocus(): void {
  generation++;
  statsGeneration++;
  useFocus.setState(initial);
}
