import { useId, useState, type FormEvent } from 'react';
import type { SignoffSettings } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { CheckIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../stores/settings';
import './SignoffSettingsCard.css';

const LIMIT_SENTENCE = 'Use a long-day limit from 4 to 16 hours.';

/** "9", "9.5": the limit in hours, as the field shows it. */
function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/**
 * Sign-off settings: the long-day limit (shown in hours, stored in minutes) and whether "Quiet
 * until tomorrow" starts ticked.
 */
export function SignoffSettingsCard({ signoff }: { signoff: SignoffSettings }) {
  const save = useSettings((s) => s.save);
  const [hours, setHours] = useState(() => hoursText(signoff.longDayCapMinutes));
  const [base, setBase] = useState(signoff.longDayCapMinutes);
  const [limitError, setLimitError] = useState<string | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [pendingQuiet, setPendingQuiet] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const quietHint = useId();

  // Changed elsewhere (the CLI, another save): show the new limit unless the field was edited.
  if (base !== signoff.longDayCapMinutes) {
    setBase(signoff.longDayCapMinutes);
    if (hours === hoursText(base)) setHours(hoursText(signoff.longDayCapMinutes));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setLimitError(null);
    setSaved(false);
    const value = Number(hours.replace(',', '.'));
    if (hours.trim() === '' || !Number.isFinite(value) || value < 4 || value > 16) {
      setLimitError(LIMIT_SENTENCE);
      return;
    }
    const minutes = Math.round(value * 60);
    if (minutes === signoff.longDayCapMinutes) {
      setSaved(true);
      return;
    }
    setSaving(true);
    const result = await save({ key: 'signoff', value: { ...signoff, longDayCapMinutes: minutes } });
    setSaving(false);
    if (result.ok) setSaved(true);
    else setLimitError(result.message);
  }

  async function toggleQuiet(quietAfterSignoff: boolean) {
    setPendingQuiet(quietAfterSignoff);
    setSwitchError(null);
    const result = await save({ key: 'signoff', value: { ...signoff, quietAfterSignoff } });
    setPendingQuiet(null);
    if (!result.ok) setSwitchError(result.message);
  }

  return (
    <Card title="Sign-off" description="When Keel suggests wrapping up, and how the evening starts.">
      <div className="signoff-settings">
        <form className="signoff-settings__form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <Field
            label="Long-day limit (hours)"
            hint="Once you have been active this long, Keel suggests signing off, even before your hours end. 4 to 16 hours."
            error={limitError}
          >
            {(control) => (
              <Input
                {...control}
                type="number"
                inputMode="decimal"
                min={4}
                max={16}
                step={0.5}
                className="signoff-settings__hours"
                value={hours}
                onChange={(e) => {
                  setHours(e.target.value);
                  setSaved(false);
                }}
              />
            )}
          </Field>
          <div className="signoff-settings__actions">
            <Button type="submit" busy={saving}>
              Save long-day limit
            </Button>
            <p className="signoff-settings__feedback" role="status">
              {saved && (
                <>
                  <CheckIcon /> Saved
                </>
              )}
            </p>
          </div>
        </form>
        <div className="signoff-settings__quiet">
          <Switch
            label="Tick “Quiet until tomorrow” by default"
            checked={pendingQuiet ?? signoff.quietAfterSignoff}
            disabled={pendingQuiet !== null}
            aria-describedby={quietHint}
            onChange={(e) => void toggleQuiet(e.target.checked)}
          />
          <p id={quietHint} className="signoff-settings__hint">
            After signing off, Keel holds its prompts and turns on do-not-disturb until your next working
            start. You can still untick it each evening.
          </p>
          {switchError !== null && <Notice tone="error">{switchError}</Notice>}
        </div>
      </div>
    </Card>
  );
}
