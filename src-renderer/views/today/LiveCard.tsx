import type { Status, TodayCard } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FocusIcon } from '../../components/Icons';
import { formatMinutes } from '../../lib/focus';
import { formatRange } from '../../lib/format';
import { nextBlock, wallTime } from '../../lib/today';
import { useNavigation } from '../../stores/navigation';
import { useToday } from '../../stores/today';
import { useMinuteTick } from '../focus/useMinuteTick';
import { FirstThing, SignoffToday } from './SignoffToday';
import { SignoffInline } from './SignoffInline';
import './LiveCard.css';
import { formatTime } from '../../lib/time';

/**
 * Today as it is now: before hours (the first thing from the last sign-off), during the day (the
 * running or next block, minutes protected so far, a due check-in), after hours (the sign-off,
 * inline), or quiet on a day without hours. Main's card decides the state; the minute tick moves
 * the figures and asks again when the state's time has come (TodayView).
 */
export function LiveCard({ card, status }: { card: TodayCard; status: Status }) {
  switch (card.phase) {
    case 'quiet':
      return (
        <Card title="Keel is quiet today" className="live live--quiet">
          <p className="live__lead">
            {card.quietReason === 'Day off' ? 'A day off' : card.quietReason}: no working hours, no focus
            blocks and no prompts. Enjoy it.
          </p>
        </Card>
      );
    case 'before':
      return (
        <>
          <Card title="Before hours" className="live">
            <p className="live__lead">
              Your day starts at{' '}
              <span className="tabular">{card.hours ? formatTime(card.hours.start) : ''}</span>
              {status.today.focusBlocks[0] && (
                <>
                  ; the first focus block is at{' '}
                  <span className="tabular">{formatTime(status.today.focusBlocks[0].start)}</span>
                </>
              )}
              .
            </p>
          </Card>
          <FirstThing />
        </>
      );
    case 'during':
      return (
        <>
          <DuringCard card={card} status={status} />
          <SignoffToday />
        </>
      );
    case 'after':
      return <SignoffInline card={card} />;
  }
}

function DuringCard({ card, status }: { card: TodayCard; status: Status }) {
  const navigate = useNavigation((s) => s.navigate);
  const receivedAt = useToday((s) => s.receivedAt);
  const tick = useMinuteTick(true);
  const running = status.today.focusRunningUntil;
  const since = Math.floor(Math.max(0, tick - receivedAt) / 60_000);
  const protectedSoFar = card.protectedTodayMinutes + (running !== null ? since : 0);
  const next = running === null ? nextBlock(status, wallTime(card, receivedAt, tick)) : null;
  return (
    <Card
      title={running !== null ? `In a focus block until ${running}` : 'During the day'}
      description={`Working hours ${card.hours ? formatRange(card.hours) : ''}.`}
      className={running !== null ? 'live live--running' : 'live'}
    >
      <dl className="live__facts">
        <div className="live__fact">
          <dt>Protected so far today</dt>
          <dd className="live__figure tabular">{formatMinutes(protectedSoFar)}</dd>
        </div>
        <div className="live__fact">
          <dt>{running !== null ? 'Now' : 'Next block'}</dt>
          <dd className="live__figure live__figure--text tabular">
            {running !== null ? (
              <span className="live__running">
                <FocusIcon aria-hidden="true" /> Keel is holding its prompts
              </span>
            ) : next ? (
              formatRange(next)
            ) : (
              'No more blocks today'
            )}
          </dd>
        </div>
      </dl>
      <p className="live__how">
        Protected is how long your focus blocks ran today, as the Focus view counts it.
      </p>
      <div className="live__actions">
        {card.checkinDue && (
          <Button variant="primary" onClick={() => navigate('checkin', { focus: true })}>
            Check in now
          </Button>
        )}
        <Button onClick={() => navigate('focus', { focus: true })}>Open Focus</Button>
      </div>
      {card.checkinDue && <p className="live__due">A check-in is due today: it takes under a minute.</p>}
    </Card>
  );
}
