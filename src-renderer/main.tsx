import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './design/tokens.css';
import './design/base.css';
import { hasKeel } from './api/keel';
import { App } from './app/App';
import { startStartupReads } from './app/startup';

// Today's data is asked for before React draws anything: the answers arrive while it renders.
if (hasKeel()) startStartupReads();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
