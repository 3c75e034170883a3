import { act, render, screen } from '@testing-library/react';
import { preloadPalette } from '../../src-renderer/app/palette/CommandPalette';
import { preloadFirstRun } from '../../src-renderer/app/App';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { loadCatalog } from '../../src-renderer/i18n/catalogs';
import { KeelIntl } from '../../src-renderer/i18n/KeelIntl';
import { App } from '../../src-renderer/app/App';
import { preloadViews } from '../../src-renderer/app/lazyViews';
import { useKeelSync } from '../../src-renderer/app/useKeelSync';
import { useTheme } from '../../src-renderer/app/useTheme';
import { CheckinView } from '../../src-renderer/views/CheckinView';
import { FocusView } from '../../src-renderer/views/FocusView';
import { OneOnOneView } from '../../src-renderer/views/OneOnOneView';
import { SettingsView } from '../../src-renderer/views/SettingsView';
import { SignoffView } from '../../src-renderer/views/SignoffView';
import { TodayView } from '../../src-renderer/views/TodayView';
import { createTestKeel, type TestKeel, type TestKeelOptions } from './keel-bridge';

/** A keel made for the test, or the options to make a fresh one with. */
export type KeelOrOptions = TestKeel | TestKeelOptions;

function keelOf(given: KeelOrOptions): TestKeel {
  return 'api' in given ? given : createTestKeel(given);
}

/** Installs `keel.api` as `window.keel` and starts its runtime; a user without artificial delay. */
function install(keel: TestKeel) {
  keel.start();
  window.keel = keel.api;
  return userEvent.setup({ delay: null });
}

/**
 * Renders the whole app on `keel` (or a fresh one made with these options) and, unless `ready: false`, waits until
 * Today shows its data. For tests whose subject is the frame: navigation, pushes, view switches.
 * The other views' code is loaded first, as the window does once Today is drawn (`lazy: true`
 * leaves it to load on first use; test/renderer/lazy-views.test.tsx).
 */
export async function renderApp(
  given: KeelOrOptions = {},
  { ready = true, lazy = false, locale }: { ready?: boolean; lazy?: boolean; locale?: ResolvedLocale } = {},
) {
  const keel = keelOf(given);
  const user = install(keel);
  // The palette's code too, as the window fetches it once Today is drawn.
  if (!lazy) await Promise.all([preloadViews(), preloadPalette(), preloadFirstRun()]);
  // As boot.tsx does: the language's catalog first, so the first frame is in it.
  const catalog = locale ? await loadCatalog(locale.messages) : undefined;
  const utils = render(<App {...(locale ? { locale } : {})} />);
  // Today's "Working hours" card, in the window's language.
  if (ready) await screen.findByRole('heading', { name: catalog?.['today.hours.title'] ?? 'Working hours' });
  return { keel, user, ...utils };
}

const VIEWS = {
  today: TodayView,
  focus: FocusView,
  checkin: CheckinView,
  signoff: SignoffView,
  'one-on-one': OneOnOneView,
  settings: SettingsView,
} as const;

/** What the app frame gives every view: the loads and pushes of useKeelSync, and the theme. */
function Synced({ children }: { children: ReactNode }) {
  useKeelSync();
  useTheme();
  return <main id="main">{children}</main>;
}

/** Renders one view (with the app's data sync, without the frame) on `keel`, or a fresh one. */
export function renderView(view: keyof typeof VIEWS, given: KeelOrOptions = {}) {
  const keel = keelOf(given);
  const user = install(keel);
  const View = VIEWS[view];
  // In English, as the window without a locale of its own (react-intl's components need a provider).
  const utils = render(
    <KeelIntl locale={{ messages: 'en-US', format: 'en-US' }}>
      <Synced>
        <View />
      </Synced>
    </KeelIntl>,
  );
  return { keel, user, ...utils };
}

/**
 * Waits until no call or push is on its way and the window has drawn the answers: start-up's
 * reads and the runtime's first pushes (presence, do-not-disturb) are done.
 */
export async function settle(keel: TestKeel): Promise<void> {
  for (let quiet = 0; quiet < 2;) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    quiet = keel.busy() ? 0 : quiet + 1;
  }
}

export function navItem(name: string): HTMLElement {
  return screen.getByRole('button', { name });
}
