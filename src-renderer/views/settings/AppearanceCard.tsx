import { useId } from 'react';
import type { Theme } from '../../api/types';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { useInstantSetting } from './useSettingsForm';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Appearance: the theme, saved as soon as it changes. */
export function AppearanceCard({ theme }: { theme: Theme }) {
  const { pending, error, apply } = useInstantSetting<'theme', Theme>();
  const name = useId();
  const shown = pending.theme ?? theme;

  return (
    <Card
      title="Appearance"
      description="Keel follows your computer’s light or dark mode unless you pick one."
    >
      <fieldset className="theme-picker">
        <legend className="visually-hidden">Theme</legend>
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
              {option.label}
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
