import type { FocusBlock } from '../../api/types';
import { useMessages } from '../../i18n/KeelIntl';
import './Badge.css';

const LABELS = {
  upcoming: 'focus.state.upcoming',
  running: 'focus.state.running',
  done: 'focus.state.done',
  skipped: 'focus.state.skipped',
  'not-started': 'focus.state.notStarted',
  'before-start': 'focus.state.beforeStart',
} as const satisfies Record<FocusBlock['state'], string>;

/**
 * A block's state as a small quiet label. A past block nobody protected is "Not started", a fact
 * and not a failure; one that ended before Keel was counting says so.
 */
export function StateBadge({ state }: { state: FocusBlock['state'] }) {
  const t = useMessages();
  return <span className={`focus-badge focus-badge--${state}`}>{t(LABELS[state])}</span>;
}
