import type { ReactNode } from 'react';
import { Button } from './Button';
import { Notice } from './Notice';
import { useMessages } from '../i18n/KeelIntl';

export interface RetryNoticeProps {
  /** The sentence that says what could not be read. */
  children: ReactNode;
  onRetry: () => void;
  /** The retry is under way: the button shows it and waits. */
  busy?: boolean;
  className?: string;
}

/** A read that failed: its one sentence as an error notice, with "Try again". */
export function RetryNotice({ children, onRetry, busy, className }: RetryNoticeProps) {
  const t = useMessages();
  return (
    <Notice
      tone="error"
      {...(className !== undefined ? { className } : {})}
      action={
        <Button size="sm" {...(busy !== undefined ? { busy } : {})} onClick={onRetry}>
          {t('app.common.try-again')}
        </Button>
      }
    >
      {children}
    </Notice>
  );
}
