import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Button } from './Button';
import { CloseIcon } from './Icons';
import { useMessages } from '../i18n/KeelIntl';
import './Dialog.css';

export interface DialogProps {
  open: boolean;
  /** Called for Esc, the close button and a click on the backdrop. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons for the bottom row, e.g. Cancel + a primary action. */
  footer?: ReactNode;
  /** Accessible label of the close button. */
  closeLabel?: string;
  /** Room for a form (640px instead of 480px); the content scrolls when taller than the window. */
  wide?: boolean;
}

// Tab stops only: a roving group's other options (tabindex -1) are not where focus starts.
const FOCUSABLE = [
  'a[href]:not([tabindex="-1"])',
  'button:not([disabled]):not([tabindex="-1"])',
  'input:not([disabled]):not([tabindex="-1"])',
  'select:not([disabled]):not([tabindex="-1"])',
  'textarea:not([disabled]):not([tabindex="-1"])',
  '[tabindex]:not([tabindex="-1"])',
];
const IN_BODY = FOCUSABLE.map((s) => `.dialog__body ${s}`).join(', ');
const ANYWHERE = FOCUSABLE.join(', ');

/** While open: shown as a modal with focus inside; once closed, focus goes back where it was. */
function useModal(ref: RefObject<HTMLDialogElement | null>, open: boolean) {
  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const target =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(IN_BODY) ??
      dialog.querySelector<HTMLElement>(ANYWHERE) ??
      dialog;
    target.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, [ref, open]);
}

/**
 * An accessible modal on the native `<dialog>`: the page behind is inert, focus moves into the
 * dialog (to an element marked `data-autofocus`, else the first control), Esc closes it, and
 * focus returns to where it was.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  closeLabel,
  wide = false,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const t = useMessages();

  useModal(ref, open);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descriptionId : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        // The browser may close a modal on its own (e.g. a second Esc); keep the owner in sync.
        if (open) onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="dialog__panel">
          <header className="dialog__header">
            <div className="dialog__titles">
              <h2 id={titleId} className="dialog__title">
                {title}
              </h2>
              {description !== undefined && (
                <p id={descriptionId} className="dialog__description">
                  {description}
                </p>
              )}
            </div>
            <Button
              variant="ghost"
              size="sm"
              className="dialog__close"
              aria-label={closeLabel ?? t('app.common.close')}
              onClick={onClose}
            >
              <CloseIcon />
            </Button>
          </header>
          {children !== undefined && <div className="dialog__body">{children}</div>}
          {footer !== undefined && <footer className="dialog__footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
