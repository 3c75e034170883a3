import { useEffect } from 'react';
import type { Settings } from '../../api/types';
import { Card } from '../../components/Card';
import { useCheckin } from '../../stores/checkin';
import { useFocusTarget } from '../../components/focusRequest';
import { CadenceForm } from './CadenceForm';
import { CustomTagsSection } from './CustomTagsSection';
import { QuestionnaireSwitches } from './QuestionnaireSwitches';
import { useMessages } from '../../i18n/KeelIntl';
import './CheckinSettingsCard.css';

/**
 * Settings for the quick check: the usual one-on-one (the default check-in is the working day
 * before it), when Keel asks, the user's own "stretched" tags, and the two optional
 * questionnaires, each with its source and the disclaimer.
 */
export function CheckinSettingsCard({ settings }: { settings: Settings }) {
  const form = useCheckin((s) => s.form);
  const loadForm = useCheckin((s) => s.loadForm);
  const t = useMessages();
  // "Change in Settings" on Check-ins and the palette land here rather than at the top of Settings.
  const heading = useFocusTarget<HTMLSpanElement>('section:Check-ins');

  // The questionnaires' sources come with the check-in form.
  useEffect(() => {
    if (useCheckin.getState().form === null) void loadForm();
  }, [loadForm]);

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          {t('settings.checkins.title')}
        </span>
      }
      description={t('settings.checkins.description')}
      className="checkin-settings"
    >
      <div className="checkin-settings__sections">
        <CadenceForm settings={settings} />
        <CustomTagsSection settings={settings} offered={form?.tags.filter((t) => !t.custom) ?? []} />
        <QuestionnaireSwitches settings={settings} />
      </div>
    </Card>
  );
}
