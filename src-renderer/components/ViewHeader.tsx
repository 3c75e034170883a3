import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigation } from '../stores/navigation';
import './ViewHeader.css';

export interface ViewHeaderProps {
  /** The view's one h1. */
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/**
 * The top of every view: its single h1 (which takes keyboard focus after a navigation, so
 * screen readers announce the new view) and an optional subtitle line.
 */
export function ViewHeader({ title, subtitle, actions }: ViewHeaderProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusRequest = useNavigation((s) => s.focusRequest);

  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);

  return (
    <header className="view-header">
      <div className="view-header__titles">
        <h1 ref={ref} tabIndex={-1} className="view-header__title">
          {title}
        </h1>
        {subtitle !== undefined && <p className="view-header__subtitle">{subtitle}</p>}
      </div>
      {actions !== undefined && <div className="view-header__actions">{actions}</div>}
    </header>
  );
}
