import { useState } from 'react';
import { WEEKDAYS } from '../../../src-main/shared/vocabulary';
import type { Settings, Weekday } from '../../api/types';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { defaultCadenceText } from '../../lib/checkin';
import { useSettings } from '../../stores/settings';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import { StepFrame, type StepProps } from './StepFrame';
import { weekdayName, workingDays } from './words';

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
  const t = useMessages();
  // The week as the locale starts it (Monday in Germany, Sunday in the US).
  const first = useLocaleFormat().firstDayOfWeek - 1;
  const week = [...WEEKDAYS.slice(first), ...WEEKDAYS.slice(0, first)];
  const options = [
    ...week
      .filter((d) => days.includes(d) || d === settings.oneOnOne?.weekday)
      .map((d) => ({
        value: d as DayChoice,
        label: weekdayName(d),
      })),
    { value: 'none' as DayChoice, label: t('app.welcome.one-on-one.none') },
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
      ? t('app.welcome.one-on-one.own-cadence')
      : meeting !== null
        ? t('app.welcome.one-on-one.asks-before', { asks })
        : t('app.welcome.one-on-one.asks-none', { asks });

  return (
    <StepFrame
      step={3}
      title={t('app.welcome.one-on-one.title')}
      intro={<p>{t('app.welcome.one-on-one.intro')}</p>}
      save={submit}
      error={error}
      onSkip={step.onSkip}
      onBack={step.onBack}
    >
      <ChoiceGroup
        label={t('app.welcome.one-on-one.day')}
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
        <Field label={t('app.welcome.one-on-one.time')} error={null}>
          {(control) => (
            <Input {...control} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          )}
        </Field>
      )}
    </StepFrame>
  );
}
