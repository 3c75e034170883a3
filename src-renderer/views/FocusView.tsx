import { useEffect } from 'react';
import type { FocusStatus } from '../api/types';
import { Card } from '../components/Card';
import { Loading } from '../components/Loading';
import { ViewHeader } from '../components/ViewHeader';
import { useFocus } from '../stores/focus';
import { useSettings } from '../stores/settings';
import { useStatus } from '../stores/status';
import { CalendarCard } from './focus/CalendarCard';
import { LeftOffPrompt } from './focus/LeftOffPrompt';
import { NowCard } from './focus/NowCard';
import { PausesCard } from './focus/PausesCard';
import { PlanEditor } from './focus/PlanEditor';
import { TodayBlocks } from './focus/TodayBlocks';
import { WeekStats } from './focus/WeekStats';
import { RetryNotice } from '../components/RetryNotice';
import './FocusView.css';
import { formatTime } from '../lib/time';

/** Focus: the block now, today's blocks, this week's numbers, the weekly plan and the calendar. */
export function FocusView() {
  const today = useStatus((s) => s.status?.today.date ?? null);
  const zone = useStatus((s) => s.status?.zone ?? null);
  const status = useFocus((s) => s.status);
  const stats = useFocus((s) => s.stats);
  const loading = useFocus((s) => s.loading);
  const loadError = useFocus((s) => s.loadError);
  const leftOffDismissed = useFocus((s) => s.leftOffDismissed);
  const load = useFocus((s) => s.load);
  const week = useFocus((s) => s.week);
  const showWeek = useFocus((s) => s.showWeek);

  useEffect(() => {
    void load(today ?? undefined);
  }, [load, today]);

  return (
    <>
      <ViewHeader title="Focus" subtitle={subtitle(status)} />
      <div className="view-stack focus">
        {loadError !== null && (
          <RetryNotice busy={loading} onRetry={() => void load(today ?? undefined)}>
            {loadError}
          </RetryNotice>
        )}
        {status === null ? (
          loadError === null && <Loading label="Loading focus…" />
        ) : (
          <>
            {status.askLeftOff && !leftOffDismissed && status.running === null && <LeftOffPrompt />}
            <NowCard status={status} />
            <TodayBlocks status={status} />
          </>
        )}
        {status !== null && (
          <WeekStats stats={stats} today={today} week={week} onWeek={(from) => void showWeek(from)} />
        )}
        <PlanSection />
        <CalendarCard zone={zone ?? 'UTC'} today={today} />
      </div>
    </>
  );
}

function subtitle(status: FocusStatus | null): string | undefined {
  if (!status) return undefined;
  if (status.running) return `In a focus block until ${formatTime(status.running.endTime)}.`;
  if (status.dayOffToday) return 'A day off: no blocks today.';
  if (status.pausedToday) return 'Your focus plan is paused today.';
  const next = status.today.find((b) => b.state === 'upcoming');
  if (next) return `Next block today at ${formatTime(next.startTime)}.`;
  return 'Protected time for deep work, planned ahead.';
}

/** The weekly plan and pauses come from settings. */
function PlanSection() {
  const settings = useSettings((s) => s.settings);
  const loading = useSettings((s) => s.loading);
  const loadError = useSettings((s) => s.loadError);
  const load = useSettings((s) => s.load);
  if (!settings) {
    return (
      <Card title="Weekly plan">
        {loadError !== null ? (
          <RetryNotice busy={loading} onRetry={() => void load()}>
            {loadError}
          </RetryNotice>
        ) : (
          <Loading label="Loading your focus plan…" />
        )}
      </Card>
    );
  }
  return (
    <>
      <PlanEditor plan={settings.focusPlan} />
      <PausesCard pauses={settings.focusPauses} />
    </>
  );
}
