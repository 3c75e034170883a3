import { useId } from 'react';
import { formatDateWithYear } from '../lib/rules';
import { Input } from './Input';
import { useMessages } from '../i18n/KeelIntl';
import { windowMessage } from '../i18n/window-locale';
import './AppliesFrom.css';

/** When a change of a dated rule takes effect: today, or a date the user names. */
export interface AppliesFromValue {
  choice: 'today' | 'date';
  /** `YYYY-MM-DD`, or '' until one is chosen. */
  date: string;
}

export const FROM_TODAY: AppliesFromValue = { choice: 'today', date: '' };

/** The date to send with the change: undefined for "today" (main's default). */
export function chosenFrom(value: AppliesFromValue): string | undefined {
  return value.choice === 'date' ? value.date : undefined;
}

/** One sentence when "A date…" has no date yet; null otherwise. */
export function appliesFromProblem(value: AppliesFromValue): string | null {
  return value.choice === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value.date)
    ? windowMessage('settings.appliesFrom.chooseDay')
    : null;
}

/** The plain sentence for a change dated before today: past figures move. */
export function recountSentence(date: string): string {
  return windowMessage('settings.appliesFrom.recount', { date: formatDateWithYear(date) });
}

/** What the hint under the control says: which days keep their rules, and what is recounted. */
export function appliesFromHint(value: AppliesFromValue, today: string | null): string[] {
  if (value.choice === 'today') return [windowMessage('settings.appliesFrom.keptToday')];
  if (value.date === '') return [windowMessage('settings.appliesFrom.keptNoDate')];
  const kept = windowMessage('settings.appliesFrom.kept', { date: formatDateWithYear(value.date) });
  return today !== null && value.date < today ? [kept, recountSentence(value.date)] : [kept];
}

export interface AppliesFromProps {
  value: AppliesFromValue;
  onChange: (value: AppliesFromValue) => void;
  /** Today's date in the user's zone (main's), to say when a date is in the past; null if unknown. */
  today: string | null;
  /** One sentence (main's refusal of the date, or the guidance above). */
  error?: string | null;
  disabled?: boolean;
}

/**
 * "Applies from: Today / A date…" for a form that saves a rule which takes effect on a date, with
 * a one-line hint: days before keep their rules, and a past date recounts the days since.
 */
export function AppliesFrom({ value, onChange, today, error = null, disabled = false }: AppliesFromProps) {
  const id = useId();
  const t = useMessages();
  const ids = { hint: `${id}-hint`, error: `${id}-error`, date: `${id}-date` };
  const hint = appliesFromHint(value, today);
  const past = hint.length > 1;
  const describedBy = [ids.hint, error !== null ? ids.error : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="applies-from" disabled={disabled}>
      <legend className="applies-from__legend">{t('settings.appliesFrom.legend')}</legend>
      <div className="applies-from__row">
        <label className="applies-from__choice">
          <input
            type="radio"
            name={id}
            checked={value.choice === 'today'}
            aria-describedby={describedBy}
            onChange={() => onChange({ ...value, choice: 'today' })}
          />
          {t('settings.appliesFrom.today')}
        </label>
        <label className="applies-from__choice">
          <input
            type="radio"
            name={id}
            checked={value.choice === 'date'}
            aria-describedby={describedBy}
            onChange={() => onChange({ ...value, choice: 'date' })}
          />
          {t('settings.appliesFrom.date')}
        </label>
        {value.choice === 'date' && (
          <Input
            id={ids.date}
            type="date"
            className="applies-from__date"
            aria-label={t('settings.appliesFrom.dateLabel')}
            aria-describedby={describedBy}
            aria-invalid={error !== null || undefined}
            value={value.date}
            onChange={(e) => onChange({ choice: 'date', date: e.target.value })}
          />
        )}
      </div>
      <p
        id={ids.hint}
        className={past ? 'applies-from__hint applies-from__hint--past' : 'applies-from__hint'}
      >
        {hint.join(' ')}
      </p>
      {error !== null && (
        <p id={ids.error} className="applies-from__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
