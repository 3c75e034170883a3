import { useCallback, useEffect, useRef, useState } from 'react';
import { calendarNotesIn } from '../../../src-main/shared/i18n/calendar-notes';
import { api } from '../../api/keel';
import type { CalendarStatus } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { formatInstant } from '../../lib/focus';
import { useSettings } from '../../stores/settings';
import { useMessages } from '../../i18n/KeelIntl';
import { CalendarDaysOff } from './CalendarDaysOff';
import { CalendarReading } from './CalendarReading';
import './CalendarCard.css';

type Loaded =
  { state: 'loading' } | { state: 'ready'; calendar: CalendarStatus } | { state: 'failed'; message: string };

/**
 * The calendar's status, read again when main announces a change: of the calendar (a read
 * finished, an import) or of settings (holidays and hours decide which days are offered as days
 * off; the tentative choice, how many meetings there are).
 */
function useCalendarStatus() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  // Bumped by every read and answer taken: a read that started earlier never overwrites it.
  const reads = useRef({ generation: 0 });
  const read = useCallback(() => {
    const mine = ++reads.current.generation;
    void api.calendar.status().then((result) => {
      if (mine !== reads.current.generation) return;
      setLoaded(
        result.ok ? { state: 'ready', calendar: result.value } : { state: 'failed', message: result.message },
      );
    });
  }, []);
  useEffect(() => {
    const current = reads.current;
    read();
    const unsubscribe = api.onState((event) => {
      if (
        event.type === 'changed' &&
        (event.topics.includes('calendar') || event.topics.includes('settings'))
      )
        read();
    });
    return () => {
      current.generation++;
      unsubscribe();
    };
  }, [read]);
  const take = useCallback((calendar: CalendarStatus) => {
    reads.current.generation++;
    setLoaded({ state: 'ready', calendar });
  }, []);
  return { loaded, read, take };
}

/**
 * The focus plan out to a calendar (.ics), and a calendar in so blocks can warn about meetings:
 * what was read and when, what was skipped, days off it shows, and how Keel reads it (the user's
 * addresses, tentative meetings). Main shows the save and open dialogs; the window only learns
 * the file's name.
 */
export function CalendarCard({ zone, today }: { zone: string; today: string | null }) {
  const t = useMessages();
  const { loaded, read, take } = useCalendarStatus();
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'export' | 'import' | 'clear' | null>(null);

  async function exportIcs() {
    setBusy('export');
    setError(null);
    setExported(null);
    const result = await api.focus.exportIcs();
    setBusy(null);
    if (!result.ok) setError(result.message);
    else if (result.value.saved && result.value.fileName !== null) setExported(result.value.fileName);
  }

  async function change(kind: 'import' | 'clear') {
    setBusy(kind);
    setError(null);
    const result = await (kind === 'import' ? api.calendar.import() : api.calendar.clear());
    setBusy(null);
    if (result.ok) take(result.value);
    else setError(result.message);
  }

  return (
    <Card title={t('focus.calendar.title')} description={t('focus.calendar.description')}>
      <div className="calendar">
        <div className="calendar__row">
          <Button busy={busy === 'export'} onClick={() => void exportIcs()}>
            {t('focus.calendar.export')}
          </Button>
          <p className="calendar__exported" role="status">
            {exported !== null && t('focus.calendar.exported', { file: exported })}
          </p>
        </div>

        {loaded.state === 'loading' && <Loading label={t('focus.calendar.loading')} />}
        {loaded.state === 'failed' && <Notice tone="error">{loaded.message}</Notice>}
        {loaded.state === 'ready' && (
          <Imported
            calendar={loaded.calendar}
            zone={zone}
            today={today}
            busy={busy}
            error={error}
            onImport={() => void change('import')}
            onClear={() => void change('clear')}
            onHolidays={read}
          />
        )}
        {loaded.state !== 'ready' && error !== null && <Notice tone="error">{error}</Notice>}
      </div>
    </Card>
  );
}

function Imported({
  calendar,
  zone,
  today,
  busy,
  error,
  onImport,
  onClear,
  onHolidays,
}: {
  calendar: CalendarStatus;
  zone: string;
  today: string | null;
  busy: string | null;
  /** The last import's, clear's or export's refusal, one sentence. */
  error: string | null;
  onImport: () => void;
  onClear: () => void;
  onHolidays: () => void;
}) {
  const t = useMessages();
  const settings = useSettings((s) => s.settings);
  const readingHeading = useRef<HTMLHeadingElement>(null);
  if (calendar.file === null) {
    return (
      <div className="calendar__section">
        <div className="calendar__row calendar__row--split">
          <p className="calendar__muted">{t('focus.calendar.none')}</p>
          <Button busy={busy === 'import'} onClick={onImport}>
            {t('focus.calendar.import')}
          </Button>
        </div>
        {error !== null && <Notice tone="error">{error}</Notice>}
      </div>
    );
  }
  const notes = calendarNotesIn(t, calendar.skipped);
  return (
    <>
      <div className="calendar__section">
        <CalendarFacts calendar={calendar} zone={zone} today={today} />
        {calendar.error !== null && (
          <Notice tone="error">
            {/* Main's sentence (why the file could not be read), then the window's own. */}
            {calendar.error}
            {calendar.lastReadAt !== null && ` ${t('focus.calendar.keptMeetings')}`}
          </Notice>
        )}
        {notes.length > 0 && (
          <div className="calendar__notes">
            {notes.map((note) => (
              <p key={note} className="calendar__note">
                {note}
              </p>
            ))}
          </div>
        )}
        <div className="calendar__row">
          <Button busy={busy === 'import'} onClick={onImport}>
            {t('focus.calendar.import')}
          </Button>
          <Button variant="ghost" busy={busy === 'clear'} onClick={onClear}>
            {t('focus.calendar.stop')}
          </Button>
        </div>
        {error !== null && <Notice tone="error">{error}</Notice>}
        <CalendarDaysOff
          daysOff={calendar.daysOff}
          onAdded={onHolidays}
          afterDismiss={() => readingHeading.current?.focus()}
        />
      </div>
      {settings !== null && (
        <div className="calendar__section">
          <CalendarReading calendar={settings.calendar} headingRef={readingHeading} />
        </div>
      )}
    </>
  );
}

/** The file's name, meetings in the next four weeks, and when it was last read (or "Reading…"). */
function CalendarFacts({
  calendar,
  zone,
  today,
}: {
  calendar: CalendarStatus;
  zone: string;
  today: string | null;
}) {
  const t = useMessages();
  const meetings = calendar.upcomingMeetings;
  let lastRead = t('focus.calendar.notYet');
  if (calendar.reading) lastRead = t('focus.calendar.reading');
  else if (calendar.lastReadAt !== null) lastRead = formatInstant(calendar.lastReadAt, zone, today);
  return (
    <dl className="calendar__facts">
      <div className="calendar__fact">
        <dt>{t('focus.calendar.file')}</dt>
        <dd className="calendar__file">{calendar.file}</dd>
      </div>
      <div className="calendar__fact">
        <dt>{t('focus.calendar.upcoming')}</dt>
        <dd className="tabular">{t('focus.calendar.meetings', { count: meetings })}</dd>
      </div>
      <div className="calendar__fact">
        <dt>{t('focus.calendar.lastRead')}</dt>
        <dd className="tabular" aria-live="polite">
          {lastRead}
        </dd>
      </div>
    </dl>
  );
}
