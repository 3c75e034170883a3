import type { Holiday } from '../../api/types';
import { DateRangesCard } from '../../components/DateRangesCard';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';
import { useMessages } from '../../i18n/KeelIntl';

/** Holidays and days off: no working hours, so no end-of-day suggestion and no focus blocks. */
export function HolidaysCard({ holidays }: { holidays: readonly Holiday[] }) {
  const save = useSettings((s) => s.save);
  const today = useStatus((s) => s.status?.today.date ?? null);
  const t = useMessages();
  return (
    <DateRangesCard
      title={t('settings.holidays.title')}
      description={t('settings.holidays.description')}
      ranges={holidays}
      noun="holiday"
      emptyText={t('settings.holidays.empty')}
      notePlaceholder={t('settings.holidays.notePlaceholder')}
      today={today}
      saveBar={{ id: 'new-holiday', label: t('settings.holidays.title'), order: 2 }}
      onSave={(value, from) => save({ key: 'holidays', value, ...(from === undefined ? {} : { from }) })}
    />
  );
}
