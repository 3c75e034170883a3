import type { FocusBlock } from '../../api/types';
import './Badge.css';

const LABELS: Record<FocusBlock['state'], string> = {
  upcoming: 'Upcoming',
  running: 'Running',
  done: 'Done',
  skipped: 'Skipped',
  'not-started': 'Not started',
  'before-start': 'Before Keel started',
};

/**
 * A block's state as a small quiet label. A past block nobody protected is "Not started", a fact
 * and not a failure; one that ended before Keel was counting says so.
 */
export function StateBadge({ state }: { state: FocusBlock['state'] }) {
  return <span className={`focus-badge focus-badge--${state}`}>{LABELS[state]}</span>;
}
