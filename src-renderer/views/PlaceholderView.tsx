import type { ReactNode } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ViewHeader } from '../components/ViewHeader';

/** A view whose feature is still to come: its h1 and an honest sentence about what it will hold. */
export function PlaceholderView({
  title,
  emptyTitle,
  description,
  icon,
  children,
}: {
  title: string;
  emptyTitle: string;
  description: string;
  icon: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <ViewHeader title={title} />
      <div className="view-stack">
        <EmptyState icon={icon} title={emptyTitle} description={description} />
        {children}
      </div>
    </>
  );
}
