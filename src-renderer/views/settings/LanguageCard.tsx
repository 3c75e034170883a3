import type { LanguageChoice } from '../../api/types';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { LanguageOptions } from '../../components/LanguageOptions';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { useInstantSetting } from './useSettingsForm';

/**
 * Language: the computer's (the default) or one Keel speaks, each listed by its own name so a
 * person who cannot read the current language still finds theirs. Saved at once; main then opens
 * the window again in it, and notifications and the tray follow.
 */
export function LanguageCard({ language }: { language: LanguageChoice }) {
  const t = useMessages();
  const { pending, error, apply } = useInstantSetting<'language', LanguageChoice>();
  const shown = pending.language ?? language;
  return (
    <Card title={t('language.settings.title')} description={t('language.settings.description')}>
      <Field label={t('language.settings.label')} hint={t('language.settings.hint')}>
        {(control) => (
          <select
            {...control}
            className="input settings__language"
            value={shown}
            onChange={(e) => {
              const value = e.target.value as LanguageChoice;
              void apply('language', value, { key: 'language', value });
            }}
          >
            <option value="system">{t('language.settings.system')}</option>
            <LanguageOptions />
          </select>
        )}
      </Field>
      {error !== null && (
        <Notice tone="error" className="settings__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}
