import type { FocusBlock } from '../../api/types';
import './Badge.css';

const LABELS: Record<FocusBlock['state'], string> = {
  upcoming: 'Upcoming',
  running: 'Running',
  done: 'Done',
  skipped: 'Skipped',
  missed: 'Missed',
};

/** A block's state as a small quiet label. */
export function StateBadge({ state }: { state: FocusBlock['state'] }) {
  return <span className={`focus-badge focus-badge--${state}`}>{LABELS[state]}</span>;
}
