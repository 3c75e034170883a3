import { useData } from '../stores/data';
import { useSettings } from '../stores/settings';
import { useSignoff } from '../stores/signoff';
import { useStatus } from '../stores/status';
import { useToday } from '../stores/today';

/** A store's first read: not yet asked for when nothing is held, nothing is loading and no read failed. */
function unasked(state: { loading: boolean }, held: unknown, error: string | null): boolean {
  return !state.loading && held === null && error === null;
}

/**
 * The reads the window needs before anything else: Today's status and card, the settings, the sign-off
 * (yesterday's "first thing tomorrow", whether today is signed off) and the data overview (a
 * recovery at start-up is told at the top of the window). main.tsx starts them before React's
 * first render, so Today's data is on its way while the page is still being drawn; useKeelSync
 * calls this again on mount and starts only what nothing has asked for yet (tests, a remount).
 */
export function startStartupReads(): void {
  const settings = useSettings.getState();
  if (unasked(settings, settings.settings, settings.loadError)) void settings.load();
  const status = useStatus.getState();
  if (unasked(status, status.status, status.error)) void status.load();
  const today = useToday.getState();
  if (unasked(today, today.card, today.error)) void today.load();
  const signoff = useSignoff.getState();
  if (unasked(signoff, signoff.status, signoff.loadError)) void signoff.load();
  const data = useData.getState();
  if (unasked(data, data.overview, data.loadError)) void data.load();
}

/** Whether Today can draw: its status and card have answered (or failed). */
function todayAnswered(): boolean {
  const status = useStatus.getState();
  const today = useToday.getState();
  return (status.status !== null || status.error !== null) && (today.card !== null || today.error !== null);
}

/**
 * Resolves once Today's status and card have answered, or after `waitMs`, whichever is first: the
 * window's first frame is then Today itself rather than "Loading today…" followed at once by a
 * second render and layout. The reads started in main.tsx usually answer before the window's
 * code has even been evaluated, so this rarely waits at all; a slow main never holds the window
 * back longer than `waitMs`.
 */
export function startupReadsAnswered(waitMs: number): Promise<void> {
  if (todayAnswered()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribeStatus();
      unsubscribeToday();
      resolve();
    };
    const check = () => {
      if (todayAnswered()) done();
    };
    const timer = setTimeout(done, waitMs);
    const unsubscribeStatus = useStatus.subscribe(check);
    const unsubscribeToday = useToday.subscribe(check);
  });
}
