import { FormattedMessage } from 'react-intl';
import type { CarriedOver, SignoffRecord, SignoffStatus } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { MoonIcon } from '../../components/Icons';
import { useFocusTarget } from '../../components/focusRequest';
import { useMessages } from '../../i18n/KeelIntl';
import { carriedFromLine } from '../../lib/signoff';
import { useNavigation } from '../../stores/navigation';
import { useSignoff } from '../../stores/signoff';
import './SignoffToday.css';

/**
 * The sign-off on Today: once today is signed off, when; before that, the first thing (and the
 * unfinished things) the last sign-off left for today. Nothing when there is neither, or when
 * the sign-off status cannot be read (the Sign-off view says why).
 */
export function SignoffToday() {
  const status = useSignoff((s) => s.status);
  if (status === null) return null;
  if (status.signedOff !== null) return <SignedOffNote record={status.signedOff} />;
  const carried = status.carriedOver;
  if (carried === null || (!carried.firstTomorrow && carried.unfinished.length === 0)) return null;
  return <FirstThingCard carried={carried} status={status} />;
}

/** The first thing (and the unfinished things) the last sign-off left for today, until today is signed off. */
export function FirstThing() {
  const status = useSignoff((s) => s.status);
  if (status === null || status.signedOff !== null) return null;
  const carried = status.carriedOver;
  if (carried === null || (!carried.firstTomorrow && carried.unfinished.length === 0)) return null;
  return <FirstThingCard carried={carried} status={status} />;
}

export function SignedOffNote({ record }: { record: SignoffRecord }) {
  const t = useMessages();
  const navigate = useNavigation((s) => s.navigate);
  // After hours on a signed-off day, this note takes the place of a block ended on Today.
  const text = useFocusTarget<HTMLParagraphElement>('today-live');
  return (
    <Card className="today-signoff">
      <p className="today-signoff__text" ref={text} tabIndex={-1}>
        <MoonIcon className="today-signoff__icon" aria-hidden="true" />
        <span>
          <FormattedMessage
            id="today.signoff.signedOff"
            values={{
              time: record.signedOffTime,
              t: (chunks) => <span className="tabular">{chunks}</span>,
            }}
          />
        </span>
      </p>
      <Button size="sm" onClick={() => navigate('signoff', { focus: true })}>
        {t('today.signoff.open')}
      </Button>
    </Card>
  );
}

function FirstThingCard({ carried, status }: { carried: CarriedOver; status: SignoffStatus }) {
  const t = useMessages();
  const from = carriedFromLine(carried.workday, status.workday);
  const count = carried.unfinished.length;
  return (
    <Card
      title={carried.firstTomorrow ? t('today.signoff.firstThing') : t('today.signoff.carried')}
      description={from}
      className="first-thing"
    >
      {carried.firstTomorrow && <p className="first-thing__text">{carried.firstTomorrow}</p>}
      {count > 0 && (
        <details className="first-thing__details" open={!carried.firstTomorrow}>
          <summary className="first-thing__summary">{t('today.signoff.unfinished', { count })}</summary>
          <ul className="first-thing__list">
            {carried.unfinished.map((u, i) => (
              <li key={`${u.item}-${i}`}>
                <span className="first-thing__item">{u.item}</span>
                <span className="first-thing__plan"> {t('today.signoff.plan', { plan: u.plan })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
