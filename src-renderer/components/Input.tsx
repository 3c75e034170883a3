import type { ComponentPropsWithRef } from 'react';
import './Input.css';

export type InputProps = ComponentPropsWithRef<'input'>;

/** A text-like input (text, time, search…) in Keel's style; pair it with Field for a label. */
export function Input({ className, type = 'text', ...rest }: InputProps) {
  return <input {...rest} type={type} className={['input', className ?? ''].filter(Boolean).join(' ')} />;
}
