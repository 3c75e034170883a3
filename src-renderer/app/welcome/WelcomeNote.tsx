import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMessages } from '../../i18n/KeelIntl';
import { Button } from '../../components/Button';
import { useNavigation } from '../../stores/navigation';
import { useSettings } from '../../stores/settings';
import { useWelcome, type WelcomeTopic } from '../../stores/welcome';
import { describeHours, describePlan } from './words';
import './WelcomeNote.css';

/** Keel's four jobs, one sentence each (the end of the first run), its name in bold. */
export const FOUR_JOBS = [
  'app.welcome.note.job.focus',
  'app.welcome.note.job.signoff',
  'app.welcome.note.job.checkins',
  'app.welcome.note.job.summary',
] as const;

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/**
 * On Today: after the first run, what Keel does (its four jobs) and which settings are still
 * Keel's defaults; on data from before the first run existed, a gentle "Review your settings".
 */
export function WelcomeNote() {
  const status = useWelcome((s) => s.status);
  const finished = useWelcome((s) => s.finished);
  const open = useWelcome((s) => s.open);
  if (open || status === null) return null;
  if (finished) return <FourJobs stillDefault={status.stillDefault} />;
  if (status.show === 'review') return <Review />;
  return null;
}

function focusViewHeading() {
  // The note goes with the button that had focus: continue at the view's heading.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('#main h1')?.focus());
}

function FourJobs({ stillDefault }: { stillDefault: WelcomeTopic[] }) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const dismiss = useWelcome((s) => s.dismiss);
  const t = useMessages();
  // Arriving from the last step: the note is where to read on.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="welcome-note" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="welcome-note__title">
        {t('app.welcome.note.title')}
      </h2>
      <ul className="welcome-note__jobs">
        {FOUR_JOBS.map((job) => (
          <li key={job}>
            <FormattedMessage id={job} values={{ b: bold }} />
          </li>
        ))}
      </ul>
      <Defaults topics={stillDefault} />
      <div className="welcome-note__actions">
        <Button
          variant="primary"
          size="sm"
          onClick={() => {
            void dismiss();
            focusViewHeading();
          }}
        >
          {t('app.welcome.note.got-it')}
        </Button>
      </div>
    </section>
  );
}

/** "Still Keel's defaults: working hours (…), the focus plan (…). Set yours in Settings." */
function Defaults({ topics }: { topics: WelcomeTopic[] }) {
  const settings = useSettings((s) => s.settings);
  const navigate = useNavigation((s) => s.navigate);
  const t = useMessages();
  const hours = topics.includes('workingHours');
  const plan = topics.includes('focusPlan');
  if (!hours && !plan) return null;
  const values = {
    hours: settings ? describeHours(settings.workingHours) : t('app.welcome.note.weekdays'),
    plan: settings ? describePlan(settings.focusPlan) : '',
  };
  const sentence =
    hours && plan
      ? 'app.welcome.note.defaults.both'
      : hours
        ? 'app.welcome.note.defaults.hours'
        : 'app.welcome.note.defaults.plan';
  return (
    <p className="welcome-note__defaults">
      {t(sentence, values)}{' '}
      <Button variant="ghost" size="sm" onClick={() => navigate('settings')}>
        {t('app.welcome.note.set-yours')}
      </Button>
    </p>
  );
}

function Review() {
  const titleId = useId();
  const start = useWelcome((s) => s.start);
  const dismiss = useWelcome((s) => s.dismiss);
  const t = useMessages();
  return (
    <section className="welcome-note welcome-note--review" aria-labelledby={titleId}>
      <h2 id={titleId} className="welcome-note__title">
        {t('app.welcome.review.title')}
      </h2>
      <p>{t('app.welcome.review.text')}</p>
      <div className="welcome-note__actions">
        <Button variant="primary" size="sm" onClick={start}>
          {t('app.welcome.review.start')}
        </Button>
        <Button
          size="sm"
          onClick={() => {
            void dismiss();
            focusViewHeading();
          }}
        >
          {t('app.welcome.review.not-now')}
        </Button>
      </div>
    </section>
  );
}
