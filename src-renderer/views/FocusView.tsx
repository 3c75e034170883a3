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
import { useMessages } from '../i18n/KeelIntl';
import { windowMessage } from '../i18n/window-locale';

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
  const t = useMessages();

  useEffect(() => {
    void load(today ?? undefined);
  }, [load, today]);

  return (
    <>
      <ViewHeader title={t('focus.view.title')} subtitle={subtitle(status)} />
      <div className="view-stack focus">
        {loadError !== null && (
          <RetryNotice busy={loading} onRetry={() => void load(today ?? undefined)}>
            {loadError}
          </RetryNotice>
        )}
        {status === null ? (
          loadError === null && <Loading label={t('focus.view.loading')} />
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
  if (status.running)
    return windowMessage('focus.view.subtitle.running', { end: formatTime(status.running.endTime) });
  if (status.dayOffToday) return windowMessage('focus.view.subtitle.dayOff');
  if (status.pausedToday) return windowMessage('focus.view.subtitle.paused');
  const next = status.today.find((b) => b.state === 'upcoming');
  if (next) return windowMessage('focus.view.subtitle.next', { start: formatTime(next.startTime) });
  return windowMessage('focus.view.subtitle.idle');
}

/** The weekly plan and pauses come from settings. */
function PlanSection() {
  const settings = useSettings((s) => s.settings);
  const loading = useSettings((s) => s.loading);
  const loadError = useSettings((s) => s.loadError);
  const load = useSettings((s) => s.load);
  const t = useMessages();
  if (!settings) {
    return (
      <Card title={t('focus.plan.title')}>
        {loadError !== null ? (
          <RetryNotice busy={loading} onRetry={() => void load()}>
            {loadError}
          </RetryNotice>
        ) : (
          <Loading label={t('focus.plan.loading')} />
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
