import { useState } from 'react';
import type { TodayCard } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { FocusIcon } from '../../components/Icons';
import { Notice } from '../../components/Notice';
import { dropFocusRequest, requestFocus } from '../../components/focusRequest';
import { formatMinutes } from '../../lib/focus';
import { formatRange } from '../../lib/format';
import { nextBlock, wallTime } from '../../lib/today';
import { useFocus } from '../../stores/focus';
import { useNavigation } from '../../stores/navigation';
import { useToday } from '../../stores/today';
import { useMinuteTick } from '../focus/useMinuteTick';
import { FirstThing, SignoffToday } from './SignoffToday';
import { LiveTitle } from './LiveTitle';
import { SignoffInline } from './SignoffInline';
import './LiveCard.css';
import { formatTime } from '../../lib/time';

/**
 * Today as it is now: before hours (the first thing from the last sign-off), during the day (the
 * running or next block, minutes protected so far, a due check-in), after hours (the sign-off,
 * inline), or quiet on a day without hours. A running focus block wins in every state: a block
 * started before hours, after them or on a day off shows as running, with its end and End block.
 * Everything comes from main's one card; the minute tick moves the figures and asks again when
 * the card's time has come (TodayView).
 */
export function LiveCard({ card }: { card: TodayCard }) {
  if (card.running !== null) {
    return (
      <>
        <RunningCard card={card} running={card.running} />
        {card.phase === 'before' && <FirstThing />}
        {card.phase === 'during' && <SignoffToday />}
      </>
    );
  }
  switch (card.phase) {
    case 'quiet':
      return (
        <Card title={<LiveTitle>Keel is quiet today</LiveTitle>} className="live live--quiet">
          <p className="live__lead">
            {quietLine(card)}: no working hours, no focus blocks and no prompts. Enjoy it.
          </p>
        </Card>
      );
    case 'before':
      return (
        <>
          <Card title={<LiveTitle>Before hours</LiveTitle>} className="live">
            <p className="live__lead">
              Your day starts at{' '}
              <span className="tabular">{card.hours ? formatTime(card.hours.start) : ''}</span>
              {card.blocks[0] ? (
                <>
                  ; the first focus block is at{' '}
                  <span className="tabular">{formatTime(card.blocks[0].start)}</span>.
                </>
              ) : (
                '; no focus blocks are planned today.'
              )}
            </p>
          </Card>
          <FirstThing />
        </>
      );
    case 'during':
      return (
        <>
          <DuringCard card={card} />
          <SignoffToday />
        </>
      );
    case 'after':
      return <SignoffInline card={card} />;
  }
}

function quietLine(card: TodayCard): string {
  return card.quietReason === 'Day off' || card.quietReason === null ? 'A day off' : card.quietReason;
}

/** The minutes protected today, moved on by the minute tick while a block runs. */
function useProtectedSoFar(card: TodayCard): number {
  const receivedAt = useToday((s) => s.receivedAt);
  const tick = useMinuteTick(true);
  const since = Math.floor(Math.max(0, tick - receivedAt) / 60_000);
  return card.protectedTodayMinutes + (card.running !== null ? since : 0);
}

/** What the day is doing around a running block: the phase in one line. */
function runningContext(card: TodayCard): string {
  switch (card.phase) {
    case 'before':
      return `Before hours: your day starts at ${card.hours ? formatTime(card.hours.start) : ''}.`;
    case 'during':
      return `Working hours ${card.hours ? formatRange(card.hours) : ''}.`;
    case 'after':
      return `After hours: working hours ended at ${card.hours ? formatTime(card.hours.end) : ''}. Sign off once the block ends.`;
    case 'quiet':
      return `${quietLine(card)}: no working hours today.`;
  }
}

function RunningCard({ card, running }: { card: TodayCard; running: NonNullable<TodayCard['running']> }) {
  const navigate = useNavigation((s) => s.navigate);
  const stop = useFocus((s) => s.stop);
  const protectedSoFar = useProtectedSoFar(card);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function end() {
    setStopping(true);
    setError(null);
    // The block ends: focus lands on the title of the card that takes this one's place (this
    // card's own title is no target, or it would take the focus before it goes).
    requestFocus('today-live');
    const result = await stop();
    setStopping(false);
    if (!result.ok) {
      dropFocusRequest();
      setError(result.message);
    }
  }

  return (
    <Card
      title={`In a focus block until ${formatTime(running.endTime)}`}
      description={runningContext(card)}
      className="live live--running"
    >
      <dl className="live__facts">
        <div className="live__fact">
          <dt>Protected so far today</dt>
          <dd className="live__figure tabular">{formatMinutes(protectedSoFar)}</dd>
        </div>
        <div className="live__fact">
          <dt>Now</dt>
          <dd className="live__figure live__figure--text">
            <span className="live__running">
              <FocusIcon aria-hidden="true" /> Keel is holding its prompts
            </span>
          </dd>
        </div>
      </dl>
      <p className="live__how">
        Protected is how long your focus blocks ran today, as the Focus view counts it.
      </p>
      {error !== null && (
        <Notice tone="error" className="live__notice">
          {error}
        </Notice>
      )}
      <div className="live__actions">
        <Button variant="danger" busy={stopping} onClick={() => void end()}>
          End block
        </Button>
        <Button onClick={() => navigate('focus', { focus: true })}>Open Focus</Button>
      </div>
    </Card>
  );
}

function DuringCard({ card }: { card: TodayCard }) {
  const navigate = useNavigation((s) => s.navigate);
  const receivedAt = useToday((s) => s.receivedAt);
  const tick = useMinuteTick(true);
  const protectedSoFar = useProtectedSoFar(card);
  const next = nextBlock(card, wallTime(card, receivedAt, tick));
  return (
    <Card
      title={<LiveTitle>During the day</LiveTitle>}
      description={`Working hours ${card.hours ? formatRange(card.hours) : ''}.`}
      className="live"
    >
      <dl className="live__facts">
        <div className="live__fact">
          <dt>Protected so far today</dt>
          <dd className="live__figure tabular">{formatMinutes(protectedSoFar)}</dd>
        </div>
        <div className="live__fact">
          <dt>Next block</dt>
          <dd className="live__figure live__figure--text tabular">
            {next
              ? formatRange(next)
              : card.blocks.length === 0
                ? 'None planned today'
                : 'No more blocks today'}
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
