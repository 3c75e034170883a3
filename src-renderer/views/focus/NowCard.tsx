import { useState } from 'react';
import type { FocusStartRequest, FocusStatus, RunningBlock } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { requestFocus, useFocusTarget } from '../../components/focusRequest';
import { ADHOC_MINUTES } from '../../../src-main/shared/vocabulary';
import { formatMinutes, minutesBetween } from '../../lib/focus';
import { formatShortDate } from '../../lib/format';
import { useFocus } from '../../stores/focus';
import { InterruptDialog } from './InterruptDialog';
import { useMinuteTick } from './useMinuteTick';
import './NowCard.css';
import { formatTime } from '../../lib/time';

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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function RunningCard({ running, leftOff }: { running: RunningBlock; leftOff: string | null }) {
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
  const leftText = left < 1 ? 'Less than a minute left' : `${formatMinutes(left)} left`;

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
          Focus until {formatTime(running.endTime)}
        </span>
      }
      description={
        running.kind === 'planned'
          ? 'A block from your weekly plan. Keel holds its prompts until it ends.'
          : 'Keel holds its prompts until the block ends.'
      }
      className="now now--running"
    >
      {leftOff !== null && (
        <p className="now__left-off">
          <span className="now__left-off-label">Where you left off:</span> {leftOff}
        </p>
      )}
      <progress
        className="now__progress"
        max={total}
        value={elapsed}
        aria-label="Time in this block"
        aria-valuetext={`${formatMinutes(elapsed)} of ${formatMinutes(total)}`}
      />
      <div className="now__facts">
        <p className="now__left tabular">{leftText}</p>
        <p className="now__meta tabular">
          {formatMinutes(elapsed)} protected ·{' '}
          {plural(running.interruptions, 'interruption', 'interruptions')}
        </p>
      </div>
      {error !== null && (
        <Notice tone="error" className="now__notice">
          {error}
        </Notice>
      )}
      <div className="now__actions">
        <Button onClick={() => setInterrupting(true)}>I got interrupted</Button>
        <Button variant="danger" busy={stopping} onClick={() => void end()}>
          End block
        </Button>
      </div>
      <InterruptDialog open={interrupting} onClose={() => setInterrupting(false)} />
    </Card>
  );
}

function StartCard({ status }: { status: FocusStatus }) {
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
          Start a focus block
        </span>
      }
      description="Keel holds its check-ins and sign-off prompts until the block ends."
      className="now"
    >
      <div className="now__starts" role="group" aria-label="Start a focus block">
        {ADHOC_MINUTES.map((minutes) => (
          <Button
            key={minutes}
            size="lg"
            className="now__length"
            busy={busy === String(minutes)}
            onClick={() => void begin(String(minutes), { minutes })}
          >
            <span className="visually-hidden">Start a</span>{' '}
            <span className="now__length-value tabular">{minutes}</span> min{' '}
            <span className="visually-hidden">block</span>
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
            Until next meeting or block
          </Button>
        )}
      </div>
      {status.untilNext !== null ? (
        <p id="now-until-ends" className="now__until-ends tabular">
          “Until next meeting or block” would end at {formatTime(status.untilNext.endTime)}.
        </p>
      ) : (
        <p className="now__until-ends">
          No meeting or block comes in the next 8 hours, so pick a length for this block.
        </p>
      )}
      {next !== null && (
        <p className="now__next tabular">
          Next planned block:{' '}
          {status.today.some((b) => b.id === next.id) ? 'today' : formatShortDate(next.start.slice(0, 10))},{' '}
          {formatTime(next.startTime)}–{formatTime(next.endTime)}
        </p>
      )}
      {error !== null && (
        <Notice tone="error" className="now__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}
