import type { ReactNode } from 'react';
import './EmptyState.css';

export interface EmptyStateProps {
  title: ReactNode;
  /** One or two sentences: what will be here, or why there is nothing yet. */
  description?: ReactNode;
  /** A decorative icon (hidden from assistive technology). */
  icon?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Compact: for use inside a card rather than filling a view. */
  compact?: boolean;
}

/** A calm placeholder for "nothing here yet". */
export function EmptyState({
  title,
  description,
  icon,
  action,
  headingLevel = 2,
  compact = false,
}: EmptyStateProps) {
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h2';
  return (
    <div className={compact ? 'empty-state empty-state--compact' : 'empty-state'}>
      {icon !== undefined && (
        <div className="empty-state__icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <Heading className="empty-state__title">{title}</Heading>
      {description !== undefined && <p className="empty-state__description">{description}</p>}
      {action !== undefined && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
