import { useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import './ChoiceGroup.css';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
  /** Shown large before the label, e.g. a rating's number (not part of the accessible name). */
  mark?: string;
}

export interface ChoiceGroupProps<V extends string | number> {
  /** The question; the group's accessible name. */
  label: ReactNode;
  options: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  hint?: ReactNode;
  /** One sentence; shown under the options, and the group is marked invalid. */
  error?: string | null;
  /**
   * `scale`: equal boxes in a row (ratings); `row`: compact boxes that wrap; `list`: one option
   * per line (long statements).
   */
  layout?: 'scale' | 'row' | 'list';
  required?: boolean;
  /** The radiogroup element, e.g. to move focus to it with `focusChoiceGroup`. */
  groupRef?: Ref<HTMLDivElement>;
  className?: string;
}

/** Moves focus to a group's one tab stop (its chosen option, or the first). */
export function focusChoiceGroup(group: HTMLElement | null): void {
  group?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
}

/**
 * A single choice drawn as boxes: a radio group with one tab stop, where arrow keys (and Home/End)
 * move and choose, and Space or Enter chooses the focused option.
 */
export function ChoiceGroup<V extends string | number>({
  label,
  options,
  value,
  onChange,
  hint,
  error,
  layout = 'scale',
  required = false,
  groupRef,
  className,
}: ChoiceGroupProps<V>) {
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chosen = options.findIndex((o) => o.value === value);
  const tabStop = chosen < 0 ? 0 : chosen;
  const hasError = typeof error === 'string' && error.length > 0;
  const describedBy = [hint !== undefined ? hintId : '', hasError ? errorId : ''].filter(Boolean).join(' ');

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = buttons.current.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    const last = options.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = current === last ? 0 : current + 1;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = current === 0 ? last : current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    const option = options[next];
    if (!option) return;
    buttons.current[next]?.focus();
    onChange(option.value);
  }

  return (
    <div
      className={['choice', `choice--${layout}`, hasError ? 'choice--invalid' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
    >
      <span id={labelId} className="choice__label">
        {label}
      </span>
      <div
        ref={groupRef}
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
        aria-invalid={hasError || undefined}
        className="choice__options"
        onKeyDown={onKeyDown}
      >
        {options.map((option, i) => {
          const checked = i === chosen;
          return (
            <button
              key={String(option.value)}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={i === tabStop ? 0 : -1}
              className="choice__option"
              onClick={() => onChange(option.value)}
            >
              {option.mark !== undefined && (
                <span className="choice__mark" aria-hidden="true">
                  {option.mark}
                </span>
              )}
              <span className="choice__text">{option.label}</span>
            </button>
          );
        })}
      </div>
      {hint !== undefined && (
        <p id={hintId} className="choice__hint">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className="choice__error">
          {error}
        </p>
      )}
    </div>
  );
}
