import { useId, type ReactNode } from 'react';
import './Field.css';

/** What a Field hands its control so label, hint and error are wired up. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** One sentence; shown (and announced) under the control, and the control is marked invalid. */
  error?: string | null;
  className?: string;
  /** Renders the control with the props that connect it to the label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** Label + control + hint + error, connected with `for`, `aria-describedby` and `aria-invalid`. */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = typeof error === 'string' && error.length > 0;
  const describedBy = [hint !== undefined ? hintId : '', hasError ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', hasError ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': hasError || undefined })}
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
