import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadCatalog } from './i18n/catalogs';
import { windowLocale } from './i18n/KeelIntl';

/**
 * Draws the window into #root, in its language: a catalog other than English is loaded first (its
 * own small chunk, while Today's data is on its way), so the first frame is already in it.
 */
export async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  await loadCatalog(windowLocale().messages);
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
