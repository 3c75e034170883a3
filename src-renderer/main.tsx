import './design/tokens.css';
import './design/base.css';
import { prefetchStartupReads, warmIntl } from './api/prefetch';

// Today's data is asked for first, before React and the window's code are even evaluated: the
// answers are on their way while the rest loads and draws. index.html preloads that code
// (vite.config.mts), so it arrives beside this small file rather than after it.
prefetchStartupReads();
void import('./boot').then((m) => m.boot());
// After the reads have gone out (the preview's bridge sends them in a microtask of their own).
queueMicrotask(warmIntl);
