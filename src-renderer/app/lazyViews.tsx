import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/Loading';
import { RetryNotice } from '../components/RetryNotice';
import { useMessages } from '../i18n/KeelIntl';

/**
 * A view whose code loads on first use (its own chunk in the build). Once loaded it renders
 * at once, without suspending: after `preload()` has settled, switching to it never shows the
 * fallback.
 */
/** What "Try again" runs: each view that failed to load gets a fresh start. */
const retries = new Set<() => void>();
function retryFailedViews(): void {
  for (const retry of retries) retry();
  retries.clear();
}

export function lazyView<P extends object = object>(
  load: () => Promise<ComponentType<P>>,
): {
  View: ComponentType<P>;
  preload(): Promise<void>;
} {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const makeLazy = () => lazy(() => fetchView().then((component) => ({ default: component })));
  let Lazy = makeLazy();
  function fetchView(): Promise<ComponentType<P>> {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        // React.lazy keeps a failure for good: "Try again" (and only it) swaps in a fresh one.
        retries.add(() => (Lazy = makeLazy()));
        throw error;
      },
    );
    return pending;
  }
  function View(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { View, preload: () => fetchView().then(() => undefined) };
}

const focus = lazyView(() => import('../views/FocusView').then((m) => m.FocusView));
const checkin = lazyView(() => import('../views/CheckinView').then((m) => m.CheckinView));
const signoff = lazyView(() => import('../views/SignoffView').then((m) => m.SignoffView));
const oneOnOne = lazyView(() => import('../views/OneOnOneView').then((m) => m.OneOnOneView));
const settings = lazyView(() => import('../views/SettingsView').then((m) => m.SettingsView));

export const FocusView = focus.View;
export const CheckinView = checkin.View;
export const SignoffView = signoff.View;
export const OneOnOneView = oneOnOne.View;
export const SettingsView = settings.View;

/** Loads every lazy view's code; a chunk that fails to load is tried again when its view opens. */
export function preloadViews(): Promise<void> {
  return Promise.all([focus, checkin, signoff, oneOnOne, settings].map((v) => v.preload())).then(
    () => undefined,
    () => undefined,
  );
}

/** How long a view may take to load before "Loading…" shows: a quick load shows nothing at all. */
export const FALLBACK_DELAY_MS = 300;

/** The fallback while a view's code loads: blank at first, so a quick load does not flash. */
function ViewFallback() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), FALLBACK_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <ViewLoading /> : null;
}

function ViewLoading() {
  const t = useMessages();
  return <Loading label={t('app.frame.opening-view')} />;
}

/** The sentence below in the window's language. */
function ViewLoadFailed() {
  const t = useMessages();
  return <>{t('app.frame.view-failed')}</>;
}

/** The sentence shown when a view's code could not be loaded (in English: app.frame.view-failed). */
export const VIEW_LOAD_FAILED = 'Keel could not open this view; please try again.';

/** A view whose code failed to load: one sentence and "Try again", never a blank window. */
class ViewLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <RetryNotice
        onRetry={() => {
          retryFailedViews();
          this.setState({ failed: false });
        }}
      >
        <ViewLoadFailed />
      </RetryNotice>
    );
  }
}

/** Holds a view that may still be loading its code; `view` names it, so a switch starts afresh. */
export function ViewSuspense({ view, children }: { view: string; children: ReactNode }) {
  return (
    <ViewLoadBoundary key={view}>
      <Suspense fallback={<ViewFallback />}>{children}</Suspense>
    </ViewLoadBoundary>
  );
}

/**
 * Once the window has drawn Today and is idle, the other views' code loads in the background,
 * so a later switch is instant and works even if the files change on disk meanwhile.
 */
export function usePreloadViews(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => void preloadViews(), { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(() => void preloadViews(), 200);
    return () => clearTimeout(timer);
  }, [ready]);
}
