import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src-renderer/app/App';
import {
  FALLBACK_DELAY_MS,
  lazyView,
  VIEW_LOAD_FAILED,
  ViewSuspense,
} from '../../src-renderer/app/lazyViews';
import { startStartupReads } from '../../src-renderer/app/startup';
import { resetStores } from '../../src-renderer/stores/reset';
import { createTestKeel } from './keel-bridge';
import { navItem, renderApp, settle } from './harness';

/** A promise with its settle functions, to hold a view's "code" until the test lets it go. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const Loaded = () => <h1>Loaded view</h1>;

afterEach(() => {
  vi.useRealTimers();
});

describe('views whose code loads on first use', () => {
  it('shows nothing for a quick load, "Opening the view…" for a slow one, then the view', async () => {
    vi.useFakeTimers();
    const code = deferred<typeof Loaded>();
    const { View } = lazyView(() => code.promise);
    await act(async () => {
      render(
        <ViewSuspense view="slow">
          <View />
        </ViewSuspense>,
      );
    });
    await act(() => vi.advanceTimersByTimeAsync(FALLBACK_DELAY_MS - 50));
    // A quick load: no spinner flashes.
    expect(screen.queryByRole('status')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByRole('status')).toHaveTextContent('Opening the view…');
    await act(async () => code.resolve(Loaded));
    expect(screen.getByRole('heading', { name: 'Loaded view' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so in one sentence when the code cannot be loaded, and "Try again" loads it', async () => {
    const first = deferred<typeof Loaded>();
    const load = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce(Loaded);
    const { View } = lazyView(load);
    // React logs what an error boundary caught; the sentence on screen is what the user sees.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () => {
      render(
        <ViewSuspense view="broken">
          <View />
        </ViewSuspense>,
      );
    });
    await act(async () => first.reject(new Error('Failed to fetch dynamically imported module')));
    expect(await screen.findByRole('alert')).toHaveTextContent(VIEW_LOAD_FAILED);
    expect(document.body).not.toHaveTextContent('dynamically imported');
    quiet.mockRestore();
    await act(async () => screen.getByRole('button', { name: 'Try again' }).click());
    expect(await screen.findByRole('heading', { name: 'Loaded view' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('once loaded, renders at once without suspending', async () => {
    const { View, preload } = lazyView(() => Promise.resolve(Loaded));
    await preload();
    render(
      <ViewSuspense view="ready">
        <View />
      </ViewSuspense>,
    );
    // Synchronously there: no fallback frame at all.
    expect(screen.getByRole('heading', { name: 'Loaded view' })).toBeInTheDocument();
  });

  it('opens a view whose code was not loaded yet, with focus on its heading', async () => {
    const { user } = await renderApp({}, { lazy: true });
    await user.click(navItem('Settings'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(heading).toHaveFocus();
    await user.click(navItem('One-on-one'));
    expect(await screen.findByRole('heading', { level: 1, name: 'One-on-one' })).toHaveFocus();
  });
});

describe('the reads Today needs, started before the first render', () => {
  const STARTUP = ['app:status', 'settings:get', 'signoff:status', 'data:overview'] as const;

  /** How often each start-up read was asked for by the time the window has settled. */
  async function startupCalls(early: boolean): Promise<number[]> {
    const keel = createTestKeel();
    keel.start();
    window.keel = keel.api;
    if (early) {
      startStartupReads();
      expect(STARTUP.map((c) => keel.callsTo(c).length)).toEqual([1, 1, 1, 1]);
    }
    // The window mounts while the reads are under way.
    const { unmount } = render(<App />);
    await screen.findByRole('heading', { name: 'Working hours' });
    await settle(keel);
    unmount();
    resetStores();
    return STARTUP.map((c) => keel.callsTo(c).length);
  }

  it('are not asked for a second time when the window mounts', async () => {
    const mountOnly = await startupCalls(false);
    expect(await startupCalls(true)).toEqual(mountOnly);
  });
});
