import { create } from 'zustand';
import type { ChannelOutput } from '../../src-main/ipc/contract';
import { call } from '../api/keel';

export type WelcomeStatus = ChannelOutput<'welcome:status'>;
export type WelcomeTopic = WelcomeStatus['stillDefault'][number];

interface WelcomeState {
  /** Null until main answered (or when it could not: then nothing is shown). */
  status: WelcomeStatus | null;
  /** The three steps are on screen (a new data file's first run, or opened again from Settings). */
  open: boolean;
  /** The steps were just gone through: Today says what Keel's four jobs are, until "Got it". */
  finished: boolean;
  /** Why marking the welcome done failed, one sentence. */
  error: string | null;
  load(): Promise<void>;
  /** Opens the steps again (Settings, or "Review your settings" on Today). */
  start(): void;
  /** The last step done or skipped: marks it done in main and lands on Today. */
  finish(): Promise<void>;
  /** "Not now" on the review note, and "Got it" on the four jobs. */
  dismiss(): Promise<void>;
}

const initial = { status: null, open: false, finished: false, error: null };
let loads = 0;

const markDone = () => call((k) => k.welcome.finish());

export const useWelcome = create<WelcomeState>()((set, get) => ({
  ...initial,
  async load() {
    const mine = ++loads;
    const result = await call((k) => k.welcome.status());
    if (mine !== loads || !result.ok) return;
    set({ status: result.value, open: get().open || result.value.show === 'first-run' });
  },
  start: () => set({ open: true, finished: false, error: null }),
  async finish() {
    const result = await markDone();
    loads++;
    if (!result.ok) {
      set({ error: result.message });
      return;
    }
    set({ status: result.value, open: false, finished: true, error: null });
  },
  async dismiss() {
    if (get().finished) {
      set({ finished: false });
      return;
    }
    const result = await markDone();
    loads++;
    if (result.ok) set({ status: result.value, error: null });
    else set({ error: result.message });
  },
}));

export function resetWelcome(): void {
  loads++;
  useWelcome.setState(initial);
}
