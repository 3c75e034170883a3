import { useId, useState, type FormEvent } from 'react';
import type { FocusPause } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Input } from '../../components/Input';
import { formatShortDate } from '../../lib/format';
import { useSettings } from '../../stores/settings';
import './PausesCard.css';

function describe(pause: FocusPause): string {
  return pause.from === pause.to
    ? formatShortDate(pause.from)
    : `${formatShortDate(pause.from)} – ${formatShortDate(pause.to)}`;
}

/** Dates the plan is paused (a holiday, an offsite); each change is saved at once. */
export function PausesCard({ pauses }: { pauses: readonly FocusPause[] }) {
  const save = useSettings((s) => s.save);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ids = { from: useId(), to: useId(), note: useId(), error: useId() };

  async function write(value: FocusPause[], key: string): Promise<boolean> {
    setBusy(key);
    setError(null);
    const result = await save({ key: 'focusPauses', value });
    setBusy(null);
    if (!result.ok) setError(result.message);
    return result.ok;
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy !== null) return;
    if (from === '') {
      setError('Choose the first day of the pause.');
      return;
    }
    const pause: FocusPause = {
      from,
      to: to === '' ? from : to,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const value = [...pauses, pause].sort((a, b) => a.from.localeCompare(b.from));
    if (await write(value, 'add')) {
      setFrom('');
      setTo('');
      setNote('');
    }
  }

  return (
    <Card title="Pauses" description="Holidays, days off, an offsite: no focus blocks on these dates.">
      {pauses.length === 0 ? (
        <p className="pauses__none">No pauses planned.</p>
      ) : (
        <ul className="pauses">
          {pauses.map((pause, i) => (
            <li key={`${pause.from}-${pause.to}-${i}`} className="pauses__item">
              <span className="pauses__dates tabular">{describe(pause)}</span>
              {pause.note !== undefined && <span className="pauses__note">{pause.note}</span>}
              <Button
                variant="ghost"
                size="sm"
                className="pauses__remove"
                busy={busy === `remove-${i}`}
                aria-label={`Remove the pause ${describe(pause)}`}
                onClick={() =>
                  void write(
                    pauses.filter((_, j) => j !== i),
                    `remove-${i}`,
                  )
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="pauses__add" onSubmit={(e) => void onAdd(e)} noValidate>
        <label className="pauses__field" htmlFor={ids.from}>
          <span>From</span>
          <Input
            id={ids.from}
            type="date"
            value={from}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? ids.error : undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="pauses__field" htmlFor={ids.to}>
          <span>To</span>
          <Input
            id={ids.to}
            type="date"
            value={to}
            min={from || undefined}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? ids.error : undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <label className="pauses__field pauses__field--grow" htmlFor={ids.note}>
          <span>Note (optional)</span>
          <Input
            id={ids.note}
            value={note}
            maxLength={120}
            placeholder="e.g. Holiday"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <Button type="submit" busy={busy === 'add'}>
          Add pause
        </Button>
      </form>
      {error !== null && (
        <p id={ids.error} className="pauses__error" role="alert">
          {error}
        </p>
      )}
    </Card>
  );
}
