import { useId } from 'react';
import type { Settings } from '../../api/types';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { useInstantSetting } from './useSettingsForm';
import './NotificationsCard.css';

type HideWords = Settings['hideWordsInNotifications'];

const CHOICES: { value: HideWords; label: string }[] = [
  { value: 'when-locked', label: 'When the screen is locked' },
  { value: 'always', label: 'Always' },
  { value: 'never', label: 'Never' },
];

/** Whether notifications may quote the user's own words; saved as soon as a choice is made. */
export function NotificationsCard({ hideWords }: { hideWords: HideWords }) {
  const { pending, error, apply } = useInstantSetting<'hideWordsInNotifications', HideWords>();
  const name = useId();
  const hint = useId();
  const shown = pending.hideWordsInNotifications ?? hideWords;

  return (
    <Card title="Notifications">
      <fieldset className="notification-words" aria-describedby={hint}>
        <legend className="notification-words__legend">Hide my words in notifications</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="notification-words__choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={shown === choice.value}
              disabled={pending.hideWordsInNotifications !== undefined}
              onChange={() =>
                void apply('hideWordsInNotifications', choice.value, {
                  key: 'hideWordsInNotifications',
                  value: choice.value,
                })
              }
            />
            {choice.label}
          </label>
        ))}
        <p id={hint} className="notification-words__hint">
          Where you left off, meeting titles and Shortcut names are replaced by a plain sentence. macOS and
          Windows tell Keel when the screen locks; on Linux Keel cannot tell yet, so “When the screen is
          locked” hides them all the time there.
        </p>
      </fieldset>
      {error !== null && <Notice tone="error">{error}</Notice>}
    </Card>
  );
}
