import { create } from 'zustand';
import { api, refusal, type ActionOutcome, type Outcome } from '../api/keel';
import type { CreepStats, SignoffResponse, SignoffStatus, SignoffSubmit } from '../api/types';
import type { CreepWeeks, RitualDraft } from '../lib/signoff';

export type { ActionOutcome };

interface SignoffState {
  status: SignoffStatus | null;
  loading: boolean;
  /** Why the status could not be read, one sentence. */
  loadError: string | null;
  /** The ritual being written. Kept here so switching views never loses what was typed. */
  draft: RitualDraft | null;
  /** The form is open on a day already signed off ("Edit"). */
  editing: boolean;
  creep: CreepStats | null;
  creepWeeks: CreepWeeks;
  creepLoading: boolean;
  creepError: string | null;
  load(): Promise<void>;
  /** Signs off (or updates today's answers); on success the draft is done with. */
  submit(input: SignoffSubmit): Promise<ActionOutcome>;
  /** Answers a shown suggestion: "15 more minutes" or "Not today". */
  respond(action: SignoffResponse): Promise<ActionOutcome>;
  /** Reads creep for `weeks` (default: the range shown last). */
  loadCreep(weeks?: CreepWeeks): Promise<void>;
  setDraft(draft: RitualDraft | null): void;
  setEditing(editing: boolean): void;
}

const initial = {
  status: null,
  loading: false,
  loadError: null,
  draft: null,
  editing: false,
  creep: null,
  creepWeeks: 4 as CreepWeeks,
  creepLoading: false,
  creepError: null,
};
let generation = 0;
let creepGeneration = 0;

export const useSignoff = create<SignoffState>()((set, get) => {
  /** Runs a mutation; its answer is the new status, which wins over any load in flight. */
  async function mutate(run: () => Promise<Outcome<SignoffStatus>>): Promise<ActionOutcome> {
    const result = await run();
    if (!result.ok) return refusal(result);
    generation++;
    set({ status: result.value, loading: false, loadError: null });
    return { ok: true };
  }

  return {
    ...initial,
    async load() {
      const mine = ++generation;
      set({ loading: true });
      const result = await api.signoff.status();
      if (mine !== generation) return;
      if (result.ok) set({ status: result.value, loading: false, loadError: null });
      else set({ loading: false, loadError: result.message });
    },
    async submit(input) {
      const outcome = await mutate(() => api.signoff.submit(input));
      if (outcome.ok) set({ draft: null, editing: false });
      return outcome;
    },
    respond: (action) => mutate(() => api.signoff.respond(action)),
    async loadCreep(weeks) {
      const range = weeks ?? get().creepWeeks;
      const mine = ++creepGeneration;
      // The previous range stays on screen (marked busy) until the new one arrives: no jumping card.
      set({ creepWeeks: range, creepLoading: true });
      const result = await api.signoff.creep(range);
      if (mine !== creepGeneration) return;
      if (result.ok) set({ creep: result.value, creepLoading: false, creepError: null });
      else set({ creepLoading: false, creepError: result.message });
    },
    setDraft: (draft) => set({ draft }),
    setEditing: (editing) => set({ editing }),
  };
});

export function resetSignoff(): void {
  generation++;
  creepGeneration++;
  useSignoff.setState(initial);
}
