import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { FocusStartRequest, FocusStatus, RunningBlock } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { requestFocus, useFocusTarget } from '../../components/focusRequest';
import { ADHOC_MINUTES } from '../../../src-main/shared/vocabulary';
import { formatMinutes, minutesBetween } from '../../lib/focus';
import { formatRange, formatShortDate } from '../../lib/format';
import { useFocus } from '../../stores/focus';
import { InterruptDialog } from './InterruptDialog';
import { useMinuteTick } from './useMinuteTick';
import './NowCard.css';
import { formatTime } from '../../lib/time';
import { useMessages } from '../../i18n/KeelIntl';

/** The block running now (time left, interruptions) or the buttons that start one. */
export function NowCard({ status }: { status: FocusStatus }) {
  return status.running ? (
    <RunningCard running={status.running} leftOff={leftOffBefore(status, status.running)} />
  ) : (
    <StartCard status={status} />
  );
}

/** The "where I left off" line written before this block started: the one to pick up from. */
function leftOffBefore(status: FocusStatus, running: RunningBlock): string | null {
  const cue = status.leftOff;
  if (!cue) return null;
  const at = Date.parse(cue.at);
  const started = Date.parse(running.startedAt);
  return Number.isFinite(at) && Number.isFinite(started) && at > started ? null : cue.text;
}

/** The longest block Keel runs (core/focus.ts's MAX_BLOCK_MS): "until next" looks this far ahead. */
const LOOK_AHEAD_HOURS = 8;

function RunningCard({ running, leftOff }: { running: RunningBlock; leftOff: string | null }) {
  const t = useMessages();
  const receivedAt = useFocus((s) => s.receivedAt);
  const stop = useFocus((s) => s.stop);
  const now = useMinuteTick(true);
  const [interrupting, setInterrupting] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Starting a block lands here: on this card's heading.
  const heading = useFocusTarget<HTMLSpanElement>('focus-started');

  const total = Math.max(1, minutesBetween(running.startedAt, running.endsAt));
  const elapsed = Math.min(
    total,
    running.protectedMinutes + Math.floor(Math.max(0, now - receivedAt) / 60_000),
  );
  const left = total - elapsed;
  const leftText =
    left < 1 ? t('focus.now.left.underMinute') : t('focus.now.left', { time: formatMinutes(left) });

  async function end() {
    setStopping(true);
    setError(null);
    const result = await stop();
    setStopping(false);
    // Ending lands on "Where did you leave off?" when it is asked, else on the start card.
    if (result.ok) requestFocus('focus-ended');
    else setError(result.message);
  }

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          {t('focus.now.running.title', { end: formatTime(running.endTime) })}
        </span>
      }
      description={running.kind === 'planned' ? t('focus.now.running.planned') : t('focus.now.running.adhoc')}
      className="now now--running"
    >
      {leftOff !== null && (
        <p className="now__left-off">
          <FormattedMessage
            id="focus.now.leftOff"
            values={{
              text: leftOff,
              label: (chunks) => <span className="now__left-off-label">{chunks}</span>,
            }}
          />
        </p>
      )}
      <progress
        className="now__progress"
        max={total}
        value={elapsed}
        aria-label={t('focus.now.progress.label')}
        aria-valuetext={t('focus.now.progress.value', {
          elapsed: formatMinutes(elapsed),
          total: formatMinutes(total),
        })}
      />
      <div className="now__facts">
        <p className="now__left tabular">{leftText}</p>
        <p className="now__meta tabular">
          {t('focus.now.meta', { protected: formatMinutes(elapsed), count: running.interruptions })}
        </p>
      </div>
      {error !== null && (
        <Notice tone="error" className="now__notice">
          {error}
        </Notice>
      )}
      <div className="now__actions">
        <Button onClick={() => setInterrupting(true)}>{t('focus.now.interrupted')}</Button>
        <Button variant="danger" busy={stopping} onClick={() => void end()}>
          {t('focus.now.endBlock')}
        </Button>
      </div>
      <InterruptDialog open={interrupting} onClose={() => setInterrupting(false)} />
    </Card>
  );
}

function StartCard({ status }: { status: FocusStatus }) {
  const t = useMessages();
  const start = useFocus((s) => s.start);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After a block ends, or the left-off line is saved or put off, focus lands on this heading.
  const heading = useFocusTarget<HTMLSpanElement>('focus-ended', 'focus-idle');

  async function begin(key: string, request: FocusStartRequest) {
    if (busy !== null) return;
    setBusy(key);
    setError(null);
    const result = await start(request);
    setBusy(null);
    if (result.ok) requestFocus('focus-started');
    else setError(result.message);
  }

  const next = status.next;
  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          {t('focus.now.start.title')}
        </span>
      }
      description={t('focus.now.start.description')}
      className="now"
    >
      <div className="now__starts" role="group" aria-label={t('focus.now.start.group')}>
        {ADHOC_MINUTES.map((minutes) => (
          <Button
            key={minutes}
            size="lg"
            className="now__length"
            busy={busy === String(minutes)}
            onClick={() => void begin(String(minutes), { minutes })}
          >
            <FormattedMessage
              id="focus.now.start.length"
              values={{
                minutes,
                hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                value: (chunks) => <span className="now__length-value tabular">{chunks}</span>,
              }}
            />
          </Button>
        ))}
        {status.untilNext !== null && (
          <Button
            size="lg"
            variant="primary"
            className="now__until"
            busy={busy === 'next'}
            aria-describedby="now-until-ends"
            onClick={() => void begin('next', { until: 'next' })}
          >
            {t('focus.now.untilNext')}
          </Button>
        )}
      </div>
      {status.untilNext !== null ? (
        <p id="now-until-ends" className="now__until-ends tabular">
          {t('focus.now.untilNext.ends', { end: formatTime(status.untilNext.endTime) })}
        </p>
      ) : (
        <p className="now__until-ends">{t('focus.now.untilNext.none', { hours: LOOK_AHEAD_HOURS })}</p>
      )}
      {next !== null && <NextPlanned status={status} next={next} />}
      {error !== null && (
        <Notice tone="error" className="now__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}

/** "Next planned block: today, 09:00–11:00" or on another day. */
function NextPlanned({ status, next }: { status: FocusStatus; next: NonNullable<FocusStatus['next']> }) {
  const t = useMessages();
  const range = formatRange({ start: next.startTime, end: next.endTime });
  return (
    <p className="now__next tabular">
      {status.today.some((b) => b.id === next.id)
        ? t('focus.now.next.today', { range })
        : t('focus.now.next.day', { date: formatShortDate(next.start.slice(0, 10)), range })}
    </p>
  );
}
