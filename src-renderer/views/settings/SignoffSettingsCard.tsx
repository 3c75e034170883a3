import { useId } from 'react';
import type { SignoffSettings } from '../../api/types';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { useInstantSetting, useSettingsForm } from './useSettingsForm';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import './SignoffSettingsCard.css';

/** "9", "9.5": the limit in hours, as the field shows it. */
function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The typed limit in hours, or null when it is not a number from 4 to 16. */
function limitHours(text: string): number | null {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value < 4 || value > 16 ? null : value;
}

/**
 * Sign-off settings: the long-day limit (shown in hours, stored in minutes) and whether "Quiet
 * until tomorrow" starts ticked.
 */
export function SignoffSettingsCard({ signoff }: { signoff: SignoffSettings }) {
  const quiet = useInstantSetting<'quiet', boolean>();
  const quietHint = useId();
  const t = useMessages();
  const form = useSettingsForm<SignoffSettings, { hours: string }, 'limit'>({
    saved: signoff,
    section: { id: 'signoff', label: t('settings.signoff.title'), order: 3 },
    draftOf: (saved) => ({ hours: hoursText(saved.longDayCapMinutes) }),
    check: (draft) =>
      limitHours(draft.hours) === null
        ? { field: 'limit', message: windowMessage('settings.signoff.limitError') }
        : null,
    saves: (draft, saved) => {
      const minutes = Math.round((limitHours(draft.hours) ?? 0) * 60);
      if (minutes === saved.longDayCapMinutes) return [];
      return [
        { field: 'limit', update: { key: 'signoff', value: { ...saved, longDayCapMinutes: minutes } } },
      ];
    },
  });

  return (
    <Card title={t('settings.signoff.title')} description={t('settings.signoff.description')}>
      <div className="signoff-settings">
        <form className="signoff-settings__form" onSubmit={form.onSubmit} noValidate>
          <Field
            label={t('settings.signoff.limitLabel')}
            hint={t('settings.signoff.limitHint')}
            error={form.errors.limit ?? null}
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
                value={form.draft.hours}
                onChange={(e) => form.edit({ hours: e.target.value })}
              />
            )}
          </Field>
        </form>
        <div className="signoff-settings__quiet">
          <Switch
            label={t('settings.signoff.quietLabel')}
            checked={quiet.pending.quiet ?? signoff.quietAfterSignoff}
            disabled={quiet.pending.quiet !== undefined}
            aria-describedby={quietHint}
            onChange={(e) => {
              const quietAfterSignoff = e.target.checked;
              void quiet.apply('quiet', quietAfterSignoff, {
                key: 'signoff',
                value: { ...signoff, quietAfterSignoff },
              });
            }}
          />
          <p id={quietHint} className="signoff-settings__hint">
            {t('settings.signoff.quietHint')}
          </p>
          {quiet.error !== null && <Notice tone="error">{quiet.error}</Notice>}
        </div>
      </div>
    </Card>
  );
}
