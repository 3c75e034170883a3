import { useState } from 'react';
import type { FocusBlock, FocusStatus } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { AlertIcon, CalendarIcon } from '../../components/Icons';
import { Notice } from '../../components/Notice';
import { formatMinutes, minutesBetween } from '../../lib/focus';
import { meetingStatusLabel, meetingTime } from '../../lib/calendar';
import { useFocus } from '../../stores/focus';
import { StateBadge } from './Badge';
import './TodayBlocks.css';
import { formatTime } from '../../lib/time';

/** Today's planned blocks with what became of each, meeting overlaps, and Skip for the next one. */
export function TodayBlocks({ status }: { status: FocusStatus }) {
  const skip = useFocus((s) => s.skip);
  const [skipping, setSkipping] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextUpcoming = status.today.find((b) => b.state === 'upcoming');

  async function onSkip(block: FocusBlock) {
    setSkipping(block.id);
    setError(null);
    const result = await skip(block.id);
    setSkipping(null);
    if (!result.ok) setError(result.message);
  }

  let body;
  if (status.dayOffToday) {
    const what =
      status.dayOffToday === 'Day off'
        ? 'Today is a day off'
        : status.dayOffToday === 'Holiday'
          ? 'Today is a holiday'
          : `Today is a holiday (${status.dayOffToday})`;
    body = <Notice tone="info">{what}, so no blocks are planned. You can still start a block above.</Notice>;
  } else if (status.pausedToday) {
    body = <Notice tone="info">Your focus plan is paused today, so no blocks are planned.</Notice>;
  } else if (status.today.length === 0) {
    body = (
      <EmptyState
        compact
        headingLevel={3}
        title="No focus blocks planned today"
        description="Your weekly plan has nothing on this weekday. You can still start a block above."
      />
    );
  } else {
    body = (
      <ul className="blocks">
        {status.today.map((block) => (
          <li key={block.id} className={`blocks__item blocks__item--${block.state}`}>
            <div className="blocks__main">
              <span className="blocks__time tabular">
                {formatTime(block.startTime)}–{formatTime(block.endTime)}
              </span>
              <span className="blocks__length tabular">
                {formatMinutes(minutesBetween(block.start, block.end))}
              </span>
              <StateBadge state={block.state} />
              {block === nextUpcoming && (
                <Button
                  size="sm"
                  variant="ghost"
                  className="blocks__skip"
                  busy={skipping === block.id}
                  aria-label={`Skip the ${formatTime(block.startTime)}–${formatTime(block.endTime)} block`}
                  onClick={() => void onSkip(block)}
                >
                  Skip
                </Button>
              )}
            </div>
            <BlockMeetings meetings={block.meetings} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Card title="Today’s blocks" description="From your weekly plan.">
      {body}
      {error !== null && (
        <Notice tone="error" className="blocks__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}

/**
 * Calendar meetings that land on a block. A tentative one (and whether it warns) and an
 * out-of-office one say so in words, not only in the icon's colour.
 */
function BlockMeetings({ meetings }: { meetings: FocusBlock['meetings'] }) {
  if (meetings.length === 0) return null;
  return (
    <ul className="blocks__meetings">
      {meetings.map((m) => {
        const label = meetingStatusLabel(m.status, m.warns);
        return (
          <li
            key={`${m.title}-${m.start}-${m.status}`}
            className={`blocks__meeting blocks__meeting--${m.status}`}
          >
            {m.status === 'out-of-office' ? <CalendarIcon /> : <AlertIcon />}
            <span>
              Overlaps “{m.title}” <span className="tabular">{meetingTime(m)}</span>
              {label !== null && <span className="blocks__meeting-status"> ({label})</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
