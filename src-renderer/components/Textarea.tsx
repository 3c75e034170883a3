import type { ComponentPropsWithRef } from 'react';
import './Input.css';
import './Textarea.css';

export type TextareaProps = ComponentPropsWithRef<'textarea'>;

/** A multi-line text field in Keel's style (the Input's look); pair it with Field for a label. */
export function Textarea({ className, rows = 3, ...rest }: TextareaProps) {
  return (
    <textarea
      {...rest}
      rows={rows}
      className={['input', 'textarea', className ?? ''].filter(Boolean).join(' ')}
    />
  );
}
