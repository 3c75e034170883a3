import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Input } from '../../components/Input';
import { requestFocus, useFocusTarget } from '../../components/focusRequest';
import { useFocus } from '../../stores/focus';
import { useMessages } from '../../i18n/KeelIntl';
import './LeftOffPrompt.css';

/** After a block ends: one line on where the work stands, shown when the next block starts. */
export function LeftOffPrompt() {
  const t = useMessages();
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
      setError(t('focus.leftOff.empty'));
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
    <Card title={t('focus.leftOff.title')} description={t('focus.leftOff.description')} className="left-off">
      <form className="left-off__form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label htmlFor={inputId} className="visually-hidden">
          {t('focus.leftOff.label')}
        </label>
        <Input
          ref={input}
          id={inputId}
          className="left-off__input"
          value={text}
          maxLength={280}
          placeholder={t('focus.leftOff.placeholder')}
          aria-invalid={error !== null || undefined}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setText(e.target.value.replace(/[\r\n]+/g, ' '))}
        />
        <Button type="submit" variant="primary" busy={saving}>
          {t('focus.leftOff.save')}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            dismiss();
            requestFocus('focus-idle');
          }}
        >
          {t('focus.leftOff.notNow')}
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
