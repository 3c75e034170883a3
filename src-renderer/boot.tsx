import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './app/App';
import { startStartupReads, startupReadsAnswered } from './app/startup';
import { hasKeel } from './api/keel';
import { loadCatalog } from './i18n/catalogs';
import { windowLocale } from './i18n/KeelIntl';

/** How long the first frame waits for Today's data before drawing "Loading today…" instead. */
const FIRST_DATA_WAIT_MS = 150;

/**
 * Draws the window into #root, in its language: a catalog other than English is loaded first (its
 * own small chunk, while Today's data is on its way), so the first frame is already in it; and
 * Today's reads (started in main.tsx) are taken by the stores and waited for, briefly, so the first
 * frame is Today with its figures rather than "Loading today…" and a second render at once.
 * Gives back the React root it drew (null without #root), so a test can unmount it again.
 */
export async function boot(): Promise<Root | null> {
  const container = document.getElementById('root');
  if (!container) return null;
  if (hasKeel()) startStartupReads();
  await Promise.all([
    loadCatalog(windowLocale().messages),
    hasKeel() ? startupReadsAnswered(FIRST_DATA_WAIT_MS) : null,
  ]);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return root;
}
