import type { FocusPause } from '../../api/types';
import { DateRangesCard } from '../../components/DateRangesCard';
import { useMessages } from '../../i18n/KeelIntl';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';

/** Dates the plan is paused (an offsite, a week of on-call); each change is saved at once. */
export function PausesCard({ pauses }: { pauses: readonly FocusPause[] }) {
  const t = useMessages();
  const save = useSettings((s) => s.save);
  const today = useStatus((s) => s.status?.today.date ?? null);
  return (
    <DateRangesCard
      title={t('focus.pauses.title')}
      description={t('focus.pauses.description')}
      ranges={pauses}
      // DateRangesCard (Settings' component) writes its own sentences around this noun.
      noun="pause"
      emptyText={t('focus.pauses.empty')}
      notePlaceholder={t('focus.pauses.notePlaceholder')}
      today={today}
      onSave={(value, from) => save({ key: 'focusPauses', value, ...(from === undefined ? {} : { from }) })}
    />
  );
}
