import { useState } from 'react';
import { WEEKDAY_NAMES, WEEKDAYS } from '../../../src-main/shared/vocabulary';
import type { Settings, Weekday } from '../../api/types';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { defaultCadenceText } from '../../lib/checkin';
import { useSettings } from '../../stores/settings';
import { StepFrame, type StepProps } from './StepFrame';
import { workingDays } from './words';

type DayChoice = Weekday | 'none';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Step 3: the usual one-on-one day and time. Unless the user set a cadence of their own, it sets
 * when Keel asks for the quick workload check: the working day before, at 16:00 (the sentence
 * under the choice says which day). Done saves through settings:set and ends on Today.
 */
export function OneOnOneStep({ settings, ...step }: StepProps & { settings: Settings }) {
  const save = useSettings((s) => s.save);
  const days = workingDays(settings.workingHours);
  // Nothing set means no regular one-on-one: "None" is chosen, so the choice shown is the one in force.
  const [day, setDay] = useState<DayChoice>(settings.oneOnOne?.weekday ?? 'none');
  const [time, setTime] = useState(settings.oneOnOne?.time ?? '10:00');
  const [error, setError] = useState<string | null>(null);
  const options = [
    ...WEEKDAYS.filter((d) => days.includes(d) || d === settings.oneOnOne?.weekday).map((d) => ({
      value: d as DayChoice,
      label: WEEKDAY_NAMES[d],
    })),
    { value: 'none' as DayChoice, label: 'None' },
  ];
  const meeting = day === 'none' ? null : { weekday: day, time };

  async function submit(): Promise<boolean> {
    const same =
      meeting === null
        ? settings.oneOnOne === null
        : settings.oneOnOne?.weekday === meeting.weekday && settings.oneOnOne.time === meeting.time;
    if (!same) {
      const saved = await save({ key: 'oneOnOne', value: meeting });
      if (!saved.ok) {
        setError(saved.message);
        return false;
      }
    }
    setError(null);
    step.onNext();
    return true;
  }

  const asks = lowerFirst(defaultCadenceText(meeting, settings.workingHours));
  const cadence =
    settings.checkins.cadence !== null
      ? 'Your check-ins keep the schedule you chose in Settings.'
      : meeting !== null
        ? `Keel will ask how stretched you are: ${asks}, the working day before.`
        : `With no regular one-on-one (None), Keel asks how stretched you are ${asks}.`;

  return (
    <StepFrame
      step={3}
      title="Your one-on-one"
      intro={
        <p>
          Before your usual one-on-one with your manager, Keel asks for a quick workload check, so the summary
          you choose to share has something to say.
        </p>
      }
      save={submit}
      error={error}
      onSkip={step.onSkip}
      onBack={step.onBack}
    >
      <ChoiceGroup
        label="Usual day"
        layout="row"
        options={options}
        value={day}
        onChange={(value) => {
          setDay(value);
          setError(null);
        }}
        hint={cadence}
      />
      {meeting !== null && (
        <Field label="Usual time" error={null}>
          {(control) => (
            <Input {...control} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          )}
        </Field>
      )}
    </StepFrame>
  );
}
