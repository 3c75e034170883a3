import { useId } from 'react';
import type { Theme } from '../../api/types';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { useInstantSetting } from './useSettingsForm';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { useMessages } from '../../i18n/KeelIntl';

const THEMES: { value: Theme; label: MessageId }[] = [
  { value: 'system', label: 'settings.appearance.system' },
  { value: 'light', label: 'settings.appearance.light' },
  { value: 'dark', label: 'settings.appearance.dark' },
];

/** Appearance: the theme, saved as soon as it changes. */
export function AppearanceCard({ theme }: { theme: Theme }) {
  const { pending, error, apply } = useInstantSetting<'theme', Theme>();
  const name = useId();
  const shown = pending.theme ?? theme;
  const t = useMessages();

  return (
    <Card title={t('settings.appearance.title')} description={t('settings.appearance.description')}>
      <fieldset className="theme-picker">
        <legend className="visually-hidden">{t('settings.appearance.theme')}</legend>
        {THEMES.map((option) => (
          <label key={option.value} className="theme-choice">
            <ThemePreview theme={option.value} />
            <span className="theme-choice__label">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={shown === option.value}
                onChange={() => void apply('theme', option.value, { key: 'theme', value: option.value })}
              />
              {t(option.label)}
            </span>
          </label>
        ))}
      </fieldset>
      {error !== null && (
        <Notice tone="error" className="settings__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}

function ThemePreview({ theme }: { theme: Theme }) {
  const panes: ('light' | 'dark')[] = theme === 'system' ? ['light', 'dark'] : [theme];
  return (
    <span className="theme-preview" aria-hidden="true">
      {panes.map((pane) => (
        <span key={pane} className={`theme-preview__pane theme-preview__pane--${pane}`}>
          <span className="theme-preview__bar" />
          <span className="theme-preview__line" />
          <span className="theme-preview__line theme-preview__line--short" />
        </span>
      ))}
    </span>
  );
}
