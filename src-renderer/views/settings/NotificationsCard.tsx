import { useId } from 'react';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import type { Settings } from '../../api/types';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { useInstantSetting } from './useSettingsForm';
import './NotificationsCard.css';

type HideWords = Settings['hideWordsInNotifications'];

const CHOICES: { value: HideWords; label: MessageId }[] = [
  { value: 'when-locked', label: 'system.notifications.whenLocked' },
  { value: 'always', label: 'system.notifications.always' },
  { value: 'never', label: 'system.notifications.never' },
];

/** Whether notifications may quote the user's own words; saved as soon as a choice is made. */
export function NotificationsCard({ hideWords }: { hideWords: HideWords }) {
  const { pending, error, apply } = useInstantSetting<'hideWordsInNotifications', HideWords>();
  const name = useId();
  const hint = useId();
  const t = useMessages();
  const shown = pending.hideWordsInNotifications ?? hideWords;

  return (
    <Card title={t('system.notifications.title')}>
      <fieldset className="notification-words" aria-describedby={hint}>
        <legend className="notification-words__legend">{t('system.notifications.legend')}</legend>
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
            {t(choice.label)}
          </label>
        ))}
        <p id={hint} className="notification-words__hint">
          {t('system.notifications.hint')}
        </p>
      </fieldset>
      {error !== null && <Notice tone="error">{error}</Notice>}
    </Card>
  );
}
