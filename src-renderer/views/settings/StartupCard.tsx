import { useId } from 'react';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { useMessages } from '../../i18n/KeelIntl';
import { useInstantSetting } from './useSettingsForm';
import './StartupCard.css';

/** Start at login: saved as soon as the switch moves; main adds or removes the login item. */
export function StartupCard({ autostart }: { autostart: boolean }) {
  const { pending, error, apply } = useInstantSetting<'autostart', boolean>();
  const hint = useId();
  const t = useMessages();

  return (
    <Card title={t('system.startup.title')}>
      <div className="startup-settings">
        <Switch
          label={t('system.startup.switch')}
          checked={pending.autostart ?? autostart}
          disabled={pending.autostart !== undefined}
          aria-describedby={hint}
          onChange={(e) =>
            void apply('autostart', e.target.checked, { key: 'autostart', value: e.target.checked })
          }
        />
        <p id={hint} className="startup-settings__hint">
          {t('system.startup.hint')}
        </p>
        {error !== null && <Notice tone="error">{error}</Notice>}
      </div>
    </Card>
  );
}
