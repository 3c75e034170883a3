import { useEffect, useState } from 'react';
import { api } from '../../api/keel';
import type { CalendarStatus } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { formatInstant } from '../../lib/focus';
import './CalendarCard.css';

type Loaded =
  { state: 'loading' } | { state: 'ready'; calendar: CalendarStatus } | { state: 'failed'; message: string };

/**
 * The focus plan out to a calendar (.ics), and a calendar in so blocks can warn about meetings.
 * Main shows the save and open dialogs; the window only learns the file's name.
 */
export function CalendarCard({ zone, today }: { zone: string; today: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'export' | 'import' | 'clear' | null>(null);

  useEffect(() => {
    let live = true;
    const read = () =>
      void api.calendar.status().then((result) => {
        if (!live) return;
        setLoaded(
          result.ok
            ? { state: 'ready', calendar: result.value }
            : { state: 'failed', message: result.message },
        );
      });
    read();
    // Main re-reads the file when it changes and announces it.
    const unsubscribe = api.onState((event) => {
      if (event.type === 'changed' && event.topics.includes('calendar')) read();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

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
    if (result.ok) setLoaded({ state: 'ready', calendar: result.value });
    else setError(result.message);
  }

  return (
    <Card
      title="Calendar"
      description="Put your focus blocks in your calendar, or bring meetings in so Keel can warn about overlaps."
    >
      <div className="calendar">
        <div className="calendar__row">
          <Button busy={busy === 'export'} onClick={() => void exportIcs()}>
            Export focus plan (.ics)
          </Button>
          <p className="calendar__exported" role="status">
            {exported !== null && `Saved as ${exported}`}
          </p>
        </div>

        {loaded.state === 'loading' && <Loading label="Reading your calendar…" />}
        {loaded.state === 'failed' && <Notice tone="error">{loaded.message}</Notice>}
        {loaded.state === 'ready' && (
          <Imported
            calendar={loaded.calendar}
            zone={zone}
            today={today}
            busy={busy}
            onImport={() => void change('import')}
            onClear={() => void change('clear')}
          />
        )}
        {error !== null && <Notice tone="error">{error}</Notice>}
      </div>
    </Card>
  );
}

function Imported({
  calendar,
  zone,
  today,
  busy,
  onImport,
  onClear,
}: {
  calendar: CalendarStatus;
  zone: string;
  today: string | null;
  busy: string | null;
  onImport: () => void;
  onClear: () => void;
}) {
  if (calendar.file === null) {
    return (
      <div className="calendar__row calendar__row--split">
        <p className="calendar__muted">No calendar imported. Keel never reads your calendar account.</p>
        <Button busy={busy === 'import'} onClick={onImport}>
          Import a calendar (.ics)…
        </Button>
      </div>
    );
  }
  const meetings = calendar.upcomingMeetings;
  return (
    <div className="calendar__imported">
      <dl className="calendar__facts">
        <div className="calendar__fact">
          <dt>File</dt>
          <dd className="calendar__file">{calendar.file}</dd>
        </div>
        <div className="calendar__fact">
          <dt>Next four weeks</dt>
          <dd className="tabular">{meetings === 1 ? '1 meeting' : `${meetings} meetings`}</dd>
        </div>
        <div className="calendar__fact">
          <dt>Last read</dt>
          <dd className="tabular">
            {calendar.lastReadAt !== null ? formatInstant(calendar.lastReadAt, zone, today) : 'Not yet'}
          </dd>
        </div>
      </dl>
      {calendar.error !== null && <Notice tone="error">{calendar.error}</Notice>}
      <div className="calendar__row">
        <Button busy={busy === 'import'} onClick={onImport}>
          Import a calendar (.ics)…
        </Button>
        <Button variant="ghost" busy={busy === 'clear'} onClick={onClear}>
          Stop using this calendar
        </Button>
      </div>
    </div>
  );
}
