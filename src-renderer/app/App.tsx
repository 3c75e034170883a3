import { Suspense, useEffect, useMemo, type MouseEvent } from 'react';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import type { ViewName } from '../../src-main/shared/views';
import { hasKeel } from '../api/keel';
import { KeelMark } from '../components/Icons';
import { KeelIntl, useMessages, windowLocale } from '../i18n/KeelIntl';
import { useNavigation } from '../stores/navigation';
import { useStatus } from '../stores/status';
import { TodayView } from '../views/TodayView';
import {
  CheckinView,
  FocusView,
  lazyView,
  OneOnOneView,
  SettingsView,
  SignoffView,
  usePreloadViews,
  ViewSuspense,
} from './lazyViews';
import { CommandPalette, preloadPalette } from './palette/CommandPalette';
import { RecoveryBanner } from './RecoveryBanner';
import { Sidebar } from './Sidebar';
import { useKeelSync } from './useKeelSync';
import { WelcomeNote } from './welcome/WelcomeNote';
import { useWelcome } from '../stores/welcome';
import { useTheme } from './useTheme';
import { useQuitShortcut, useViewShortcuts } from './useViewShortcuts';
import './App.css';

/**
 * The first run loads only when it opens (once, on a new install, or from Settings); once its code
 * is here it renders at once, without a suspended frame.
 */
const firstRun = lazyView(() => import('./welcome/FirstRun').then((m) => m.FirstRun));
const FirstRun = firstRun.View;

/** Fetches the first run's code ahead of its use (tests; a failure waits for that use). */
export async function preloadFirstRun(): Promise<void> {
  await firstRun.preload().catch(() => undefined);
}

/**
 * The window: the frame with its views, or one clear sentence when there is no `window.keel`; in
 * the locale main put in the URL (or the one a test names).
 */
export function App({ locale }: { locale?: ResolvedLocale }) {
  const resolved = useMemo(() => locale ?? windowLocale(), [locale]);
  return <KeelIntl locale={resolved}>{hasKeel() ? <Shell /> : <MissingApi />}</KeelIntl>;
}

function MissingApi() {
  const t = useMessages();
  return (
    <main className="missing-api">
      <div className="missing-api__box">
        <KeelMark className="missing-api__mark" />
        <h1 className="missing-api__message">{t('app.frame.missing-api')}</h1>
      </div>
    </main>
  );
}

function Shell() {
  const t = useMessages();
  useKeelSync();
  useTheme();
  useViewShortcuts();
  useQuitShortcut();
  const view = useNavigation((s) => s.view);
  const welcoming = useWelcome((s) => s.open);
  // Every shown time follows it (lib/time.ts): a change draws the whole frame again.
  useStatus((s) => s.hourCycle);
  useEffect(() => void useWelcome.getState().load(), []);
  // Today's code ships in the first file; the others load once Today has its data.
  const ready = useStatus((s) => s.status !== null);
  usePreloadViews(ready);
  // The palette's code, too, once Today has drawn: Ctrl/⌘+K then opens it at once.
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => void preloadPalette(), 500);
    return () => clearTimeout(timer);
  }, [ready]);

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const main = document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    target?.focus();
  }

  if (welcoming) {
    return (
      <div className="app app--welcome">
        <main id="main" className="app__main" tabIndex={-1}>
          <Suspense fallback={null}>
            <FirstRun />
          </Suspense>
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      <a href="#main" className="skip-link" onClick={skipToContent}>
        {t('app.frame.skip')}
      </a>
      <Sidebar />
      <main id="main" className="app__main" tabIndex={-1}>
        <div className="app__content">
          <RecoveryBanner />
          {view === 'today' && <WelcomeNote />}
          <ViewSuspense view={view}>
            <CurrentView view={view} />
          </ViewSuspense>
        </div>
      </main>
      <CommandPalette />
    </div>
  );
}

function CurrentView({ view }: { view: ViewName }) {
  switch (view) {
    case 'today':
      return <TodayView />;
    case 'focus':
      return <FocusView />;
    case 'checkin':
      return <CheckinView />;
    case 'signoff':
      return <SignoffView />;
    case 'one-on-one':
      return <OneOnOneView />;
    case 'settings':
      return <SettingsView />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
