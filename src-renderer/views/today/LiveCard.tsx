import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
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
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';

/**
 * Today as it is now: before hours (the first thing from the last sign-off), during the day (the
 * running or next block, minutes protected so far, a due check-in), after hours (the sign-off,
 * inline), or quiet on a day without hours. A running focus block wins in every state: a block
 * started before hours, after them or on a day off shows as running, with its end and End block.
 * Everything comes from main's one card; the minute tick moves the figures and asks again when
 * the card's time has come (TodayView).
 */
export function LiveCard({ card }: { card: TodayCard }) {
  const t = useMessages();
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
        <Card title={<LiveTitle>{t('today.live.quiet.title')}</LiveTitle>} className="live live--quiet">
          <p className="live__lead">{t('today.live.quiet.line', { reason: quietLine(card) })}</p>
        </Card>
      );
    case 'before':
      return (
        <>
          <Card title={<LiveTitle>{t('today.live.before.title')}</LiveTitle>} className="live">
            <p className="live__lead">
              <FormattedMessage
                id={card.blocks[0] ? 'today.live.before.withBlock' : 'today.live.before.noBlock'}
                values={{
                  start: card.hours ? formatTime(card.hours.start) : '',
                  block: card.blocks[0] ? formatTime(card.blocks[0].start) : '',
                  t: (chunks) => <span className="tabular">{chunks}</span>,
                }}
              />
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

/** Main's reason for a quiet day (a holiday's own note is the user's words), or "A day off". */
function quietLine(card: TodayCard): string {
  return card.quietReason === 'Day off' || card.quietReason === null
    ? windowMessage('today.live.quiet.dayOff')
    : card.quietReason;
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
      return windowMessage('today.live.running.before', {
        start: card.hours ? formatTime(card.hours.start) : '',
      });
    case 'during':
      return windowMessage('today.live.hoursLine', { range: card.hours ? formatRange(card.hours) : '' });
    case 'after':
      return windowMessage('today.live.running.after', { end: card.hours ? formatTime(card.hours.end) : '' });
    case 'quiet':
      return windowMessage('today.live.running.quiet', { reason: quietLine(card) });
  }
}

function RunningCard({ card, running }: { card: TodayCard; running: NonNullable<TodayCard['running']> }) {
  const t = useMessages();
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
      title={t('today.live.running.title', { end: formatTime(running.endTime) })}
      description={runningContext(card)}
      className="live live--running"
    >
      <dl className="live__facts">
        <div className="live__fact">
          <dt>{t('today.live.protected')}</dt>
          <dd className="live__figure tabular">{formatMinutes(protectedSoFar)}</dd>
        </div>
        <div className="live__fact">
          <dt>{t('today.live.now')}</dt>
          <dd className="live__figure live__figure--text">
            <span className="live__running">
              <FocusIcon aria-hidden="true" /> {t('today.live.holding')}
            </span>
          </dd>
        </div>
      </dl>
      <p className="live__how">{t('today.live.how')}</p>
      {error !== null && (
        <Notice tone="error" className="live__notice">
          {error}
        </Notice>
      )}
      <div className="live__actions">
        <Button variant="danger" busy={stopping} onClick={() => void end()}>
          {t('today.live.endBlock')}
        </Button>
        <Button onClick={() => navigate('focus', { focus: true })}>{t('today.live.openFocus')}</Button>
      </div>
    </Card>
  );
}

function DuringCard({ card }: { card: TodayCard }) {
  const t = useMessages();
  const navigate = useNavigation((s) => s.navigate);
  const receivedAt = useToday((s) => s.receivedAt);
  const tick = useMinuteTick(true);
  const protectedSoFar = useProtectedSoFar(card);
  const next = nextBlock(card, wallTime(card, receivedAt, tick));
  return (
    <Card
      title={<LiveTitle>{t('today.live.during.title')}</LiveTitle>}
      description={t('today.live.hoursLine', { range: card.hours ? formatRange(card.hours) : '' })}
      className="live"
    >
      <dl className="live__facts">
        <div className="live__fact">
          <dt>{t('today.live.protected')}</dt>
          <dd className="live__figure tabular">{formatMinutes(protectedSoFar)}</dd>
        </div>
        <div className="live__fact">
          <dt>{t('today.live.nextBlock')}</dt>
          <dd className="live__figure live__figure--text tabular">
            {next
              ? formatRange(next)
              : card.blocks.length === 0
                ? t('today.live.noneToday')
                : t('today.live.noMore')}
          </dd>
        </div>
      </dl>
      <p className="live__how">{t('today.live.how')}</p>
      <div className="live__actions">
        {card.checkinDue && (
          <Button variant="primary" onClick={() => navigate('checkin', { focus: true })}>
            {t('today.live.checkinNow')}
          </Button>
        )}
        <Button onClick={() => navigate('focus', { focus: true })}>{t('today.live.openFocus')}</Button>
      </div>
      {card.checkinDue && <p className="live__due">{t('today.live.checkinDue')}</p>}
    </Card>
  );
}
