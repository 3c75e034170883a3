import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { ConversationIcon } from '../../components/Icons';
import { useMessages } from '../../i18n/KeelIntl';
import { useNavigation } from '../../stores/navigation';
import { useWeeklyUpdate } from '../../stores/weeklyUpdate';

/**
 * "Draft this week's update?": one line under the week's last sign-off, never a notification.
 * Main decides when it shows (the last working day, signed off, no focus block running, not yet
 * answered this week); either button answers it for the week.
 */
export function UpdateOffer({ signedOffAt }: { signedOffAt: string }) {
  const t = useMessages();
  const offer = useWeeklyUpdate((s) => s.offer);
  const loadOffer = useWeeklyUpdate((s) => s.loadOffer);
  const answerOffer = useWeeklyUpdate((s) => s.answerOffer);
  const load = useWeeklyUpdate((s) => s.load);
  const navigate = useNavigation((s) => s.navigate);

  useEffect(() => {
    void loadOffer();
  }, [loadOffer, signedOffAt]);

  if (offer === null) return null;
  return (
    <div className="signed-off__check update-offer">
      <p>
        <ConversationIcon className="signed-off__check-icon" aria-hidden="true" />
        <span>{t('signoff.update.offer', { label: offer.label })}</span>
      </p>
      <span className="update-offer__actions">
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            void answerOffer();
            void load({ from: offer.from, to: offer.to });
            navigate('one-on-one', { target: 'weekly-update' });
          }}
        >
          {t('signoff.update.draft')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void answerOffer()}>
          {t('signoff.update.skip')}
        </Button>
      </span>
    </div>
  );
}
