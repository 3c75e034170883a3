import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Input } from '../../components/Input';
import { requestFocus, useFocusTarget } from '../../components/focusRequest';
import { useFocus } from '../../stores/focus';
import './LeftOffPrompt.css';

/** After a block ends: one line on where the work stands, shown when the next block starts. */
export function LeftOffPrompt() {
  const leaveOff = useFocus((s) => s.leaveOff);
  const dismiss = useFocus((s) => s.dismissLeftOff);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const errorId = useId();
  // Ending a block lands here; once the line is saved or put off, on the start card.
  const input = useFocusTarget<HTMLInputElement>('focus-ended');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const line = text.trim();
    if (line.length === 0) {
      setError('Write one line, or choose Not now.');
      return;
    }
    setSaving(true);
    setError(null);
    const result = await leaveOff(line);
    setSaving(false);
    if (result.ok) requestFocus('focus-idle');
    else setError(result.message);
  }

  return (
    <Card
      title="Where did you leave off?"
      description="Your block ended. One line now saves a slow start later; Keel shows it when your next block starts."
      className="left-off"
    >
      <form className="left-off__form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label htmlFor={inputId} className="visually-hidden">
          Where did you leave off?
        </label>
        <Input
          ref={input}
          id={inputId}
          className="left-off__input"
          value={text}
          maxLength={280}
          placeholder="e.g. Tests pass; next is the migration for old rows"
          aria-invalid={error !== null || undefined}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setText(e.target.value.replace(/[\r\n]+/g, ' '))}
        />
        <Button type="submit" variant="primary" busy={saving}>
          Save
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            dismiss();
            requestFocus('focus-idle');
          }}
        >
          Not now
        </Button>
      </form>
      {error !== null && (
        <p id={errorId} className="left-off__error" role="alert">
          {error}
        </p>
      )}
    </Card>
  );
}
