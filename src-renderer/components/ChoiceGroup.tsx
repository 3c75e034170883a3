import { useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import './ChoiceGroup.css';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
  /** Shown large before the label, e.g. a rating's number (not part of the accessible name). */
  mark?: string;
}

interface ChoiceGroupBase<V extends string | number> {
  /** The question; the group's accessible name. */
  label: ReactNode;
  options: readonly Choice<V>[];
  value: V | null;
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

/**
 * A clearable group may be left empty: choosing the chosen option again (click, Space or Enter),
 * or Delete / Backspace in the group, sets it to null. Say so in `hint`.
 */
export type ChoiceGroupProps<V extends string | number> = ChoiceGroupBase<V> &
  (
    | { clearable?: false; onChange: (value: V) => void }
    | { clearable: true; onChange: (value: V | null) => void }
  );

/** Moves focus to a group's one tab stop (its chosen option, or the first). */
export function focusChoiceGroup(group: HTMLElement | null): void {
  group?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
}

/** The option an arrow, Home or End key moves to from `current` (wrapping), or null for other keys. */
function movedTo(key: string, current: number, last: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return current === last ? 0 : current + 1;
    case 'ArrowLeft':
    case 'ArrowUp':
      return current === 0 ? last : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

function classNameOf(layout: string, invalid: boolean, extra: string | undefined): string {
  return ['choice', `choice--${layout}`, invalid ? 'choice--invalid' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

/**
 * A single choice drawn as boxes: a radio group with one tab stop, where arrow keys (and Home/End)
 * move and choose, and Space or Enter chooses the focused option. With `clearable`, the choice
 * can be taken back; the focused radio's checked state changing is what a screen reader announces.
 */
export function ChoiceGroup<V extends string | number>(props: ChoiceGroupProps<V>) {
  const { label, options, value, hint, error, layout = 'scale', required = false, groupRef } = props;
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chosen = options.findIndex((o) => o.value === value);
  const hasError = typeof error === 'string' && error.length > 0;
  const ids = { label: `${id}-label`, hint: `${id}-hint`, error: `${id}-error` };
  const describedBy = [hint !== undefined ? ids.hint : '', hasError ? ids.error : '']
    .filter(Boolean)
    .join(' ');

  function choose(next: V | null) {
    if (props.clearable) props.onChange(next);
    else if (next !== null) props.onChange(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = buttons.current.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    if (props.clearable && (event.key === 'Delete' || event.key === 'Backspace')) {
      event.preventDefault();
      choose(null);
      return;
    }
    const next = movedTo(event.key, current, options.length - 1);
    const option = next === null ? undefined : options[next];
    if (next === null || !option) return;
    event.preventDefault();
    buttons.current[next]?.focus();
    choose(option.value);
  }

  return (
    <div className={classNameOf(layout, hasError, props.className)}>
      <span id={ids.label} className="choice__label">
        {label}
      </span>
      <div
        ref={groupRef}
        role="radiogroup"
        aria-labelledby={ids.label}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
        aria-invalid={hasError || undefined}
        className="choice__options"
        onKeyDown={onKeyDown}
      >
        {options.map((option, i) => (
          <ChoiceButton
            key={String(option.value)}
            option={option}
            checked={i === chosen}
            tabStop={i === (chosen < 0 ? 0 : chosen)}
            buttonRef={(el) => {
              buttons.current[i] = el;
            }}
            onClick={() => choose(i === chosen && props.clearable ? null : option.value)}
          />
        ))}
      </div>
      {hint !== undefined && (
        <p id={ids.hint} className="choice__hint">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={ids.error} className="choice__error">
          {error}
        </p>
      )}
    </div>
  );
}

function ChoiceButton<V extends string | number>({
  option,
  checked,
  tabStop,
  buttonRef,
  onClick,
}: {
  option: Choice<V>;
  checked: boolean;
  tabStop: boolean;
  buttonRef: (el: HTMLButtonElement | null) => void;
  onClick: () => void;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      role="radio"
      aria-checked={checked}
      tabIndex={tabStop ? 0 : -1}
      className="choice__option"
      onClick={onClick}
    >
      {option.mark !== undefined && (
        <span className="choice__mark" aria-hidden="true">
          {option.mark}
        </span>
      )}
      <span className="choice__text">{option.label}</span>
    </button>
  );
}
