import type { FocusPause } from '../../api/types';
import { DateRangesCard } from '../../components/DateRangesCard';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';

/** Dates the plan is paused (an offsite, a week of on-call); each change is saved at once. */
export function PausesCard({ pauses }: { pauses: readonly FocusPause[] }) {
  const save = useSettings((s) => s.save);
  const today = useStatus((s) => s.status?.today.date ?? null);
  return (
    <DateRangesCard
      title="Pauses"
      description="An offsite, a week of on-call: no focus blocks on these dates. Holidays and days off are in Settings."
      ranges={pauses}
      noun="pause"
      emptyText="No pauses planned."
      notePlaceholder="e.g. Offsite"
      today={today}
      onSave={(value, from) => save({ key: 'focusPauses', value, ...(from === undefined ? {} : { from }) })}
    />
  );
}
