import type { Holiday } from '../../api/types';
import { DateRangesCard } from '../../components/DateRangesCard';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';

/** Holidays and days off: no working hours, so no end-of-day suggestion and no focus blocks. */
export function HolidaysCard({ holidays }: { holidays: readonly Holiday[] }) {
  const save = useSettings((s) => s.save);
  const today = useStatus((s) => s.status?.today.date ?? null);
  return (
    <DateRangesCard
      title="Holidays & days off"
      description="No working hours on these dates: no focus blocks, no check-in prompts and no end-of-day suggestion. Any work is still kept as presence."
      ranges={holidays}
      noun="holiday"
      emptyText="No holidays or days off planned."
      notePlaceholder="e.g. Easter"
      today={today}
      saveBar={{ id: 'new-holiday', label: 'Holidays & days off', order: 2 }}
      onSave={(value, from) => save({ key: 'holidays', value, ...(from === undefined ? {} : { from }) })}
    />
  );
}
