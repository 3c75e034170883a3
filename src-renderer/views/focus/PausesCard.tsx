import type { FocusPause } from '../../api/types';
import { DateRangesCard } from '../../components/DateRangesCard';
import { useSettings } from '../../stores/settings';

/** Dates the plan is paused (an offsite, a week of on-call); each change is saved at once. */
export function PausesCard({ pauses }: { pauses: readonly FocusPause[] }) {
  const save = useSettings((s) => s.save);
  return (
    <DateRangesCard
      title="Pauses"
      description="An offsite, a week of on-call: no focus blocks on these dates. Holidays and days off are in Settings."
      ranges={pauses}
      noun="pause"
      emptyText="No pauses planned."
      notePlaceholder="e.g. Offsite"
      onSave={(value) => save({ key: 'focusPauses', value })}
    />
  );
}
