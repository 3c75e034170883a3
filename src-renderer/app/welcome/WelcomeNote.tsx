import { useEffect, useId, useRef } from 'react';
import { Button } from '../../components/Button';
import { useNavigation } from '../../stores/navigation';
import { useSettings } from '../../stores/settings';
import { useWelcome, type WelcomeTopic } from '../../stores/welcome';
import { describeHours, describePlan } from './words';
import './WelcomeNote.css';

/** Keel's four jobs, one sentence each (the end of the first run). */
export const FOUR_JOBS = [
  {
    name: 'Focus blocks',
    text: 'Keel reminds you when a planned block starts and counts the time you protect.',
  },
  {
    name: 'End-of-day sign-off',
    text: 'Near the end of your hours Keel suggests signing off, and keeps what is unfinished for tomorrow.',
  },
  {
    name: 'Workload check-ins',
    text: 'A one-minute check on how stretched you are; the trends stay on this computer.',
  },
  {
    name: 'One-on-one summary',
    text: 'Keel drafts a summary for your one-on-one; nothing leaves this computer until you choose what to share.',
  },
] as const;

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
  // Arriving from the last step: the note is where to read on.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="welcome-note" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className="welcome-note__title">
        Keel is set up: here is what it does
      </h2>
      <ul className="welcome-note__jobs">
        {FOUR_JOBS.map((job) => (
          <li key={job.name}>
            <strong>{job.name}.</strong> {job.text}
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
          Got it
        </Button>
      </div>
    </section>
  );
}

/** "Still Keel's defaults: working hours (…), the focus plan (…). Set yours in Settings." */
function Defaults({ topics }: { topics: WelcomeTopic[] }) {
  const settings = useSettings((s) => s.settings);
  const navigate = useNavigation((s) => s.navigate);
  const parts = topics.flatMap((topic) => {
    if (topic === 'workingHours')
      return [`working hours (${settings ? describeHours(settings.workingHours) : 'Monday to Friday'})`];
    if (topic === 'focusPlan')
      return [`the focus plan (${settings ? describePlan(settings.focusPlan) : ''})`];
    return [];
  });
  if (parts.length === 0) return null;
  return (
    <p className="welcome-note__defaults">
      These are Keel’s defaults, not yet yours: {parts.join(' and ')}.{' '}
      <Button variant="ghost" size="sm" onClick={() => navigate('settings')}>
        Set yours in Settings
      </Button>
    </p>
  );
}

function Review() {
  const titleId = useId();
  const start = useWelcome((s) => s.start);
  const dismiss = useWelcome((s) => s.dismiss);
  return (
    <section className="welcome-note welcome-note--review" aria-labelledby={titleId}>
      <h2 id={titleId} className="welcome-note__title">
        Review your settings?
      </h2>
      <p>Three short steps check your hours and time zone, your focus plan and your one-on-one day.</p>
      <div className="welcome-note__actions">
        <Button variant="primary" size="sm" onClick={start}>
          Review your settings
        </Button>
        <Button
          size="sm"
          onClick={() => {
            void dismiss();
            focusViewHeading();
          }}
        >
          Not now
        </Button>
      </div>
    </section>
  );
}
