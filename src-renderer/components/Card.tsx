import { useId, useRef, type ReactNode } from 'react';
import { useFocusTargetRef, type FocusTarget } from './focusRequest';
import './Card.css';

export interface CardProps {
  /** Optional heading; the card becomes a labelled section. */
  title?: ReactNode;
  /** Heading level for the title: 2 inside a view, 3 inside a section. */
  headingLevel?: 2 | 3;
  description?: ReactNode;
  /** Controls shown on the title row (a button, a link). */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A quiet surface that groups related content. A card with a text title can be asked for by it
 * (`section:<title>`, e.g. the palette's Settings sections): its heading then takes focus.
 */
export function Card({ title, headingLevel = 2, description, actions, children, className }: CardProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const named: FocusTarget[] = typeof title === 'string' ? [`section:${title}`] : [];
  useFocusTargetRef(heading, ...named);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const classes = ['card', className ?? ''].filter(Boolean).join(' ');
  if (title === undefined) return <div className={classes}>{children}</div>;
  return (
    <section className={classes} aria-labelledby={titleId}>
      <header className="card__header">
        <div className="card__titles">
          <Heading
            id={titleId}
            ref={heading}
            className="card__title"
            tabIndex={named.length > 0 ? -1 : undefined}
          >
            {title}
          </Heading>
          {description !== undefined && <p className="card__description">{description}</p>}
        </div>
        {actions !== undefined && <div className="card__actions">{actions}</div>}
      </header>
      {children !== undefined && <div className="card__body">{children}</div>}
    </section>
  );
}
