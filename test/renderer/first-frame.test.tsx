import { act, screen } from '@testing-library/react';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src-renderer/boot';
import { api } from '../../src-renderer/api/keel';
import { prefetchStartupReads } from '../../src-renderer/api/prefetch';
import { createTestKeel } from './keel-bridge';

/**
 * Issue #18, a fast first paint: boot.tsx starts Today's reads and draws the first frame once they
 * have answered — Today itself, not "Loading today…" followed at once by a second render — but a
 * slow main never holds the window back: after a short wait the frame says it is loading.
 * Every mutation of the root is watched, so a frame of "Loading today…" cannot slip by.
 */

function watchRoot(root: HTMLElement): string[] {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const loading = root.textContent?.includes('Loading today') ?? false;
    const today = root.querySelector('.today') !== null;
    const state = today ? 'today' : loading ? 'loading' : 'other';
    if (seen.at(-1) !== state) seen.push(state);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return seen;
}

let root: HTMLElement | null = null;
let drawn: Root | null = null;

afterEach(() => {
  // The window boot() drew is unmounted, not only removed from the page: a mounted one keeps its
  // Ctrl+K listener on window and took the next file's keys (focus-request.test.tsx, same worker).
  act(() => drawn?.unmount());
  drawn = null;
  root?.remove();
  root = null;
});

function mountRoot(): HTMLElement {
  root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  return root;
}

describe("the window's first frame", { timeout: 20_000 }, () => {
  it('is Today with its data when main answers quickly: no frame of "Loading today…"', async () => {
    const keel = createTestKeel();
    keel.start();
    window.keel = keel.api;
    const seen = watchRoot(mountRoot());
    await act(async () => {
      drawn = await boot();
    });
    await screen.findByRole('heading', { name: 'Working hours' });
    expect(seen).not.toContain('loading');
    expect(seen).toContain('today');
  });

  it('says it is loading when main is slow, and then shows Today', async () => {
    const keel = createTestKeel({ delayMs: 600 });
    keel.start();
    window.keel = keel.api;
    const seen = watchRoot(mountRoot());
    await act(async () => {
      drawn = await boot();
    });
    await screen.findByRole('heading', { name: 'Working hours' }, { timeout: 10_000 });
    expect(seen.indexOf('loading')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('loading')).toBeLessThan(seen.indexOf('today'));
  });
});

describe("the window's first reads", () => {
  it("asks for Today's card once, in the window's language, and the store takes that answer", async () => {
    const keel = createTestKeel({ now: '2025-03-17T09:30:00+01:00' });
    keel.start();
    window.keel = keel.api;
    prefetchStartupReads();
    const result = await api.today();
    expect(result.ok).toBe(true);
    // jsdom's navigator speaks en-US: the card was asked for in it, once.
    expect(keel.callsTo('today:card')).toEqual([{ locale: 'en-US' }]);
  });
});
