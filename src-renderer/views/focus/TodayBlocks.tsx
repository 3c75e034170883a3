import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
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
import { formatRange } from '../../lib/format';
import { useMessages } from '../../i18n/KeelIntl';

/** Today's planned blocks with what became of each, meeting overlaps, and Skip for the next one. */
export function TodayBlocks({ status }: { status: FocusStatus }) {
  const t = useMessages();
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
    // Main says "Day off" or "Holiday", or gives the holiday's note (the user's own words).
    const what =
      status.dayOffToday === 'Day off'
        ? t('focus.blocks.dayOff')
        : status.dayOffToday === 'Holiday'
          ? t('focus.blocks.holiday')
          : t('focus.blocks.holidayNamed', { name: status.dayOffToday });
    body = <Notice tone="info">{what}</Notice>;
  } else if (status.pausedToday) {
    body = <Notice tone="info">{t('focus.blocks.paused')}</Notice>;
  } else if (status.today.length === 0) {
    body = (
      <EmptyState
        compact
        headingLevel={3}
        title={t('focus.blocks.none.title')}
        description={t('focus.blocks.none.description')}
      />
    );
  } else {
    body = (
      <ul className="blocks">
        {status.today.map((block) => {
          const range = formatRange({ start: block.startTime, end: block.endTime });
          return (
            <li key={block.id} className={`blocks__item blocks__item--${block.state}`}>
              <div className="blocks__main">
                <span className="blocks__time tabular">{range}</span>
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
                    aria-label={t('focus.blocks.skipLabel', { range })}
                    onClick={() => void onSkip(block)}
                  >
                    {t('focus.blocks.skip')}
                  </Button>
                )}
              </div>
              <BlockMeetings meetings={block.meetings} />
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <Card title={t('focus.blocks.title')} description={t('focus.blocks.description')}>
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
              <FormattedMessage
                id={label === null ? 'focus.blocks.overlaps' : 'focus.blocks.overlapsMarked'}
                values={{
                  title: m.title,
                  time: meetingTime(m),
                  status: label,
                  t: (chunks) => <span className="tabular">{chunks}</span>,
                  s: (chunks) => <span className="blocks__meeting-status">{chunks}</span>,
                }}
              />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
