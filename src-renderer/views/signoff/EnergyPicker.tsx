import { useId, useRef, type KeyboardEvent } from 'react';
import { ENERGY_LABELS, ENERGY_RATINGS, type EnergyRating } from '../../lib/signoff';
import './EnergyPicker.css';

/**
 * A one-tap energy rating, 1 to 5, that can be left empty: a radio group (one tab stop, arrow
 * keys move and choose) where choosing the chosen rating again clears it.
 */
export function EnergyPicker({
  value,
  onChange,
}: {
  value: EnergyRating | null;
  onChange: (value: EnergyRating | null) => void;
}) {
  const labelId = useId();
  const hintId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = value === null ? 0 : ENERGY_RATINGS.indexOf(value);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = buttons.current.findIndex((b) => b === document.activeElement);
    if (current < 0) return;
    const last = ENERGY_RATINGS.length - 1;
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
    buttons.current[next]?.focus();
    onChange(ENERGY_RATINGS[next] as EnergyRating);
  }

  return (
    <div className="energy">
      <span id={labelId} className="energy__label">
        Energy <span className="energy__optional">(optional)</span>
      </span>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={hintId}
        className="energy__options"
        onKeyDown={onKeyDown}
      >
        {ENERGY_RATINGS.map((rating, i) => {
          const checked = value === rating;
          return (
            <button
              key={rating}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              aria-label={ENERGY_LABELS[rating]}
              tabIndex={i === tabStop ? 0 : -1}
              className="energy__option"
              onClick={() => onChange(checked ? null : rating)}
            >
              <span className="energy__number" aria-hidden="true">
                {rating}
              </span>
              <span className="energy__word" aria-hidden="true">
                {ENERGY_LABELS[rating]}
              </span>
            </button>
          );
        })}
      </div>
      <p id={hintId} className="energy__hint">
        How much is left in the tank. Choose it again to clear it.
      </p>
    </div>
  );
}
