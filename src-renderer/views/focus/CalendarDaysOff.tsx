import { useEffect, useId, useRef, useState } from 'react';
import type { CalendarStatus } from '../../api/types';
import { Button } from '../../components/Button';
import { CalendarIcon } from '../../components/Icons';
import { describeDayOffRange, groupDaysOff, holidaysWith, type DayOffRange } from '../../lib/calendar';
import { useCalendar } from '../../stores/calendar';
import { useSettings } from '../../stores/settings';
import { useMessages } from '../../i18n/KeelIntl';
import { windowFormat, windowMessage } from '../../i18n/window-locale';

/**
 * All-day absences in the calendar (out of office, holidays) on working days, offered as days off:
 * "Add as days off" adds them to the holidays from today (consecutive dates with the same title as
 * one range, the title as its note); "Not now" sets them aside for this session. Once added, main
 * no longer offers them, and a line says what was added.
 */
export function CalendarDaysOff({
  daysOff,
  onAdded,
  afterDismiss,
}: {
  daysOff: CalendarStatus['daysOff'];
  /** After the holidays were saved: read the calendar status again. */
  onAdded: () => void;
  /** Where focus goes once the offer is set aside (its buttons are gone). */
  afterDismiss: () => void;
}) {
  const settings = useSettings((s) => s.settings);
  const save = useSettings((s) => s.save);
  const dismissed = useCalendar((s) => s.dismissedDaysOff);
  const dismiss = useCalendar((s) => s.dismissDaysOff);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new object each time, so a second addition takes focus again.
  const [added, setAdded] = useState<{ text: string } | null>(null);
  const addedLine = useRef<HTMLParagraphElement>(null);
  const ranges = groupDaysOff(daysOff.filter((d) => !dismissed.includes(d.date)));

  async function add() {
    if (busy || settings === null) return;
    setBusy(true);
    setError(null);
    // From today (main's default): every offered date is today or later.
    const result = await save({ key: 'holidays', value: holidaysWith(settings.holidays, ranges) });
    setBusy(false);
    if (!result.ok) {
      // Main sends where the problem is apart (`path`): the sentence is shown as it is.
      setError(result.message);
      return;
    }
    setAdded({
      text: windowMessage('focus.calendar.daysOff.added', {
        ranges: windowFormat().list(ranges.map(describeDayOffRange)),
      }),
    });
    onAdded();
  }

  // The buttons go with the offer: the line that says what happened takes focus.
  useEffect(() => {
    if (added !== null) addedLine.current?.focus();
  }, [added]);

  function notNow() {
    dismiss(ranges.flatMap((r) => r.dates));
    afterDismiss();
  }

  const offer = ranges.length > 0 && settings !== null;
  return (
    <>
      {/* Always there, so what appears in it is announced. */}
      <p
        ref={addedLine}
        tabIndex={-1}
        role="status"
        className={added ? 'calendar__added' : 'visually-hidden'}
      >
        {added?.text}
      </p>
      {offer && (
        <Offer ranges={ranges} busy={busy} error={error} onAdd={() => void add()} onNotNow={notNow} />
      )}
    </>
  );
}

function Offer({
  ranges,
  busy,
  error,
  onAdd,
  onNotNow,
}: {
  ranges: readonly DayOffRange[];
  busy: boolean;
  error: string | null;
  onAdd: () => void;
  onNotNow: () => void;
}) {
  const t = useMessages();
  const ids = { title: useId(), error: useId() };
  return (
    <section className="calendar__days-off" aria-labelledby={ids.title}>
      <CalendarIcon className="calendar__days-off-icon" />
      <div className="calendar__days-off-body">
        <h3 id={ids.title} className="calendar__subtitle">
          {t('focus.calendar.daysOff.title')}
        </h3>
        <p>{t('focus.calendar.daysOff.lead')}</p>
        <ul className="calendar__days-off-list">
          {ranges.map((r) => (
            <li key={r.from} className="tabular">
              {describeDayOffRange(r)}
            </li>
          ))}
        </ul>
        <p className="calendar__muted">{t('focus.calendar.daysOff.note')}</p>
        <div className="calendar__row">
          <Button
            variant="primary"
            size="sm"
            busy={busy}
            aria-describedby={error !== null ? ids.error : undefined}
            onClick={onAdd}
          >
            {t('focus.calendar.daysOff.add')}
          </Button>
          <Button variant="ghost" size="sm" disabled={busy} onClick={onNotNow}>
            {t('focus.calendar.daysOff.notNow')}
          </Button>
        </div>
        {error !== null && (
          <p id={ids.error} className="calendar__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
