import type { InputHTMLAttributes, ReactNode } from 'react';
import './Switch.css';

export interface SwitchProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'role'> {
  /** What turning it on does, e.g. "Start Keel when I log in". */
  label: ReactNode;
}

/** An on/off setting: a native checkbox with the switch role, drawn as a switch. */
export function Switch({ label, className, ...input }: SwitchProps) {
  return (
    <label className={['switch', className ?? ''].filter(Boolean).join(' ')}>
      <input {...input} type="checkbox" role="switch" />
      <span className="switch__label">{label}</span>
    </label>
  );
}
