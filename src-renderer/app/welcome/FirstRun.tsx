import { useEffect, useState } from 'react';
import { Loading } from '../../components/Loading';
import { useNavigation } from '../../stores/navigation';
import { useSettings } from '../../stores/settings';
import { useWelcome } from '../../stores/welcome';
import { useMessages } from '../../i18n/KeelIntl';
import { HoursStep } from './HoursStep';
import { OneOnOneStep } from './OneOnOneStep';
import { PlanStep } from './PlanStep';
import './FirstRun.css';

/**
 * The first run: three steps (hours and zone, the focus plan, the one-on-one day), each skippable
 * and each saving only on Next/Done, then Today. The whole window is the welcome while it runs: no
 * sidebar, palette or view shortcuts (finishing or skipping is one key away on every step). Escape
 * is left to the zone picker's list; the steps are a page, not a dialog to close.
 */
export function FirstRun() {
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const status = useWelcome((s) => s.status);
  const finish = useWelcome((s) => s.finish);
  const error = useWelcome((s) => s.error);
  const [step, setStep] = useState(1);
  const t = useMessages();

  useEffect(() => {
    if (useSettings.getState().settings === null) void useSettings.getState().load();
  }, []);

  async function next() {
    if (step < 3) {
      setStep(step + 1);
      return;
    }
    await finish();
    if (useWelcome.getState().open) return;
    useNavigation.getState().navigate('today', { focus: false });
  }

  if (settings === null || status === null) {
    return <div className="first-run">{loadError ?? <Loading label={t('app.welcome.getting-ready')} />}</div>;
  }
  const common = { onNext: () => void next(), onSkip: () => void next() };
  const back = () => setStep(step - 1);
  return (
    <div className="first-run">
      {step === 1 && (
        <HoursStep
          {...common}
          settings={settings}
          hoursAreDefault={status.stillDefault.includes('workingHours')}
        />
      )}
      {step === 2 && (
        <PlanStep
          {...common}
          onBack={back}
          settings={settings}
          today={status.today}
          tomorrow={status.tomorrow}
          planIsDefault={status.stillDefault.includes('focusPlan')}
        />
      )}
      {step === 3 && <OneOnOneStep {...common} onBack={back} settings={settings} />}
      {error !== null && (
        <p className="first-run__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
