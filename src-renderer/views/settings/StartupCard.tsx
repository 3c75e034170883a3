import { useId, useState } from 'react';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../stores/settings';
import './StartupCard.css';

/** Start at login: saved as soon as the switch moves; main adds or removes the login item. */
export function StartupCard({ autostart }: { autostart: boolean }) {
  const save = useSettings((s) => s.save);
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hint = useId();

  async function toggle(value: boolean) {
    setPending(value);
    setError(null);
    const result = await save({ key: 'autostart', value });
    setPending(null);
    if (!result.ok) setError(result.message);
  }

  return (
    <Card title="Startup">
      <div className="startup-settings">
        <Switch
          label="Start Keel when I log in"
          checked={pending ?? autostart}
          disabled={pending !== null}
          aria-describedby={hint}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <p id={hint} className="startup-settings__hint">
          Keel starts quietly in the tray, without opening its window.
        </p>
        {error !== null && <Notice tone="error">{error}</Notice>}
      </div>
    </Card>
  );
}
