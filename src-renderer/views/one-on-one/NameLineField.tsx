import { useState } from 'react';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { useMessages } from '../../i18n/KeelIntl';
import { useOneOnOne } from '../../stores/oneOnOne';

/** The longest name line main keeps (core/summary-settings.ts). */
const NAME_LINE_MAX = 120;

/**
 * The optional line under the summary's title ("Alex Doe — one-on-one with Sam, 3 December"),
 * saved when the field is left or Enter is pressed, and remembered for the next summary. The
 * preview follows once main has it, so what it shows is always what was saved.
 */
export function NameLineField() {
  const t = useMessages();
  const saved = useOneOnOne((s) => s.nameLine);
  const saveNameLine = useOneOnOne((s) => s.saveNameLine);
  // What the user is typing; null shows the saved line (saved elsewhere too, e.g. another run).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const value = draft ?? saved ?? '';
  const commit = async () => {
    if (draft === null || draft.trim() === (saved ?? '')) {
      setDraft(null);
      return;
    }
    const outcome = await saveNameLine(draft);
    if (outcome.ok) {
      setError(null);
      setDraft(null);
    } else setError(outcome.message);
  };

  return (
    <Field label={t('oneonone.builder.nameLine')} hint={t('oneonone.builder.nameLineHint')} error={error}>
      {(control) => (
        <Input
          {...control}
          value={value}
          maxLength={NAME_LINE_MAX}
          disabled={saved === null}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
          }}
        />
      )}
    </Field>
  );
}
