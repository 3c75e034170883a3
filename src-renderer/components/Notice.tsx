import type { ReactNode, Ref } from 'react';
import { AlertIcon, CheckIcon } from './Icons';
import './Notice.css';

export interface NoticeProps {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
  /** e.g. a "Try again" button. */
  action?: ReactNode;
  className?: string;
  /** Given, the notice can take focus (tabIndex -1), e.g. a confirmation after an action. */
  ref?: Ref<HTMLDivElement>;
}

/**
 * One short message in a quiet box. Errors are announced assertively (role="alert"), success
 * and info politely (role="status").
 */
export function Notice({ tone, children, action, className, ref }: NoticeProps) {
  return (
    <div
      ref={ref}
      tabIndex={ref === undefined ? undefined : -1}
      role={tone === 'error' ? 'alert' : 'status'}
      className={['notice', `notice--${tone}`, className ?? ''].filter(Boolean).join(' ')}
    >
      <span className="notice__icon">{tone === 'success' ? <CheckIcon /> : <AlertIcon />}</span>
      <p className="notice__text">{children}</p>
      {action !== undefined && <div className="notice__action">{action}</div>}
    </div>
  );
}
