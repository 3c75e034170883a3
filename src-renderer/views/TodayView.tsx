import { useMessages } from '../i18n/KeelIntl';
import type { Status } from '../api/types';
import { Button } from '../components/Button';
import { Card } from '../components/Card';
import { EmptyState } from '../components/EmptyState';
import { CalendarIcon, ClockIcon, FocusIcon } from '../components/Icons';
import { Loading } from '../components/Loading';
import { ViewHeader } from '../components/ViewHeader';
import { eventKindLabel, eventTitle, formatDuration, formatEventWhen, formatRange } from '../lib/format';
import { useNavigation } from '../stores/navigation';
import { useStatus } from '../stores/status';
import { useEffect } from 'react';
import { greetingLine, phaseIsStale } from '../lib/today';
import { useToday } from '../stores/today';
import { useMinuteTick } from './focus/useMinuteTick';
import { LiveCard } from './today/LiveCard';
import { RecapCard } from './today/RecapCard';
import { SignoffToday } from './today/SignoffToday';
import { RetryNotice } from '../components/RetryNotice';
import './TodayView.css';

/** Today at a glance: the date, today's working hours and focus blocks, and what Keel plans next. */
export function TodayView() {
  const t = useMessages();
  const status = useStatus((s) => s.status);
  const loading = useStatus((s) => s.loading);
  const error = useStatus((s) => s.error);
  const load = useStatus((s) => s.load);

  // The greeting comes from the live card's own read, so the two never disagree at a boundary.
  const card = useToday((s) => s.card);
  const receivedAt = useToday((s) => s.receivedAt);
  const tick = useMinuteTick(card !== null);
  const subtitle = card !== null ? greetingLine(card, receivedAt, tick) : undefined;

  return (
    <>
      <ViewHeader title={t('today.title')} subtitle={subtitle} />
      {error !== null && (
        <RetryNotice className="today__notice" busy={loading} onRetry={() => void load()}>
          {error}
        </RetryNotice>
      )}
      {status !== null ? (
        <TodayContent status={status} />
      ) : (
        error === null && <Loading label={t('today.loading')} />
      )}
    </>
  );
}

/** Main's Today card; read again once the minute tick passes the time its state changes. */
function useLiveCard() {
  const card = useToday((s) => s.card);
  const receivedAt = useToday((s) => s.receivedAt);
  const tick = useMinuteTick(true);
  const stale = card !== null && phaseIsStale(card, receivedAt, tick);
  useEffect(() => {
    if (!stale) return;
    void useToday.getState().load();
    void useStatus.getState().load();
  }, [stale]);
  return card;
}

function TodayContent({ status }: { status: Status }) {
  const t = useMessages();
  const { today, nextEvent } = status;
  const navigate = useNavigation((s) => s.navigate);
  const card = useLiveCard();
  return (
    <div className="today">
      {card !== null && <LiveCard card={card} />}
      {card?.recap && <RecapCard recap={card.recap} />}
      {/* Without the card (it could not be read), the status line still says a block runs. */}
      {today.focusRunningUntil !== null && card === null && (
        <Card className="today__focus">
          <p className="today__focus-text">
            <FocusIcon className="today__focus-icon" aria-hidden="true" />
            <span>
              In a focus block until <span className="tabular">{today.focusRunningUntil}</span>. Keel is
              holding its prompts.
            </span>
          </p>
          <Button size="sm" onClick={() => navigate('focus', { focus: true })}>
            Open Focus
          </Button>
        </Card>
      )}
      {card === null && <SignoffToday />}
      <div className="today__row">
        <Card title={t('today.hours.title')} className="today__stat">
          <p className="today__stat-icon" aria-hidden="true">
            <ClockIcon />
          </p>
          {today.workingHours ? (
            <p className="today__figure tabular">{formatRange(today.workingHours)}</p>
          ) : (
            <p className="today__figure">{t('today.hours.dayOff')}</p>
          )}
          <p className="today__meta">{status.zone}</p>
        </Card>
        <NextUpCard nextEvent={nextEvent} today={today.date} />
      </div>
      <Card
        title={t('today.blocks.title')}
        description={today.focusBlocks.length > 0 ? t('today.blocks.description') : undefined}
      >
        {today.focusBlocks.length > 0 ? (
          <ul className="today__blocks" aria-label={t('today.blocks.title')}>
            {today.focusBlocks.map((block) => (
              <li key={`${block.start}-${block.end}`} className="today__block">
                <span className="today__block-icon" aria-hidden="true">
                  <FocusIcon />
                </span>
                <span className="today__block-time tabular">{formatRange(block)}</span>
                <span className="today__block-length tabular">{formatDuration(block)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            compact
            headingLevel={3}
            title={t('today.blocks.noneTitle')}
            description={today.workingHours ? t('today.blocks.noneFromPlan') : t('today.blocks.noneNoHours')}
          />
        )}
      </Card>
    </div>
  );
}

function NextUpCard({ nextEvent, today }: { nextEvent: Status['nextEvent']; today: string }) {
  const t = useMessages();
  return (
    <Card title={t('today.next.title')} className="today__stat">
      <p className="today__stat-icon" aria-hidden="true">
        <CalendarIcon />
      </p>
      {nextEvent ? (
        <>
          <p className="today__figure today__figure--text">{eventTitle(nextEvent)}</p>
          <p className="today__meta tabular">
            {eventKindLabel(nextEvent.kind) === eventTitle(nextEvent)
              ? formatEventWhen(nextEvent, today)
              : `${eventKindLabel(nextEvent.kind)} · ${formatEventWhen(nextEvent, today)}`}
          </p>
        </>
      ) : (
        <EmptyState
          compact
          headingLevel={3}
          title={t('today.next.noneTitle')}
          description={t('today.next.noneDescription')}
        />
      )}
    </Card>
  );
}
