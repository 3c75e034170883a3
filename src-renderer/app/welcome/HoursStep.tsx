import { useId, useRef, useState, type Ref } from 'react';
import { WEEKDAYS } from '../../../src-main/shared/vocabulary';
import type { Settings } from '../../api/types';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { ZonePicker } from '../../components/ZonePicker';
import { closestZone, exactZone } from '../../lib/zones';
import { useSettings } from '../../stores/settings';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import { StepFrame, type StepProps } from './StepFrame';
import {
  describeHours,
  weekdayName,
  hoursDraftOf,
  hoursValue,
  sameEveryDay,
  sameHours,
  type HoursDraft,
} from './words';

type Errors = { zone?: string; hours?: string };

/** Why a typed zone is not one, with the zone it is probably meant to be. */
function zoneError(typed: string): string {
  const near = closestZone(typed);
  if (typed.trim() === '') return windowMessage('app.welcome.hours.zone-empty');
  return near !== null
    ? windowMessage('app.welcome.hours.zone-near', { typed: typed.trim(), near })
    : windowMessage('app.welcome.hours.zone-unknown');
}

/**
 * Step 1: the time zone (read from this computer) and the working hours, the same on each chosen
 * day (Settings has them day by day). Keel's starting hours are labelled as such. Next saves
 * through settings:set: the zone only when changed (unchanged, it keeps following the computer),
 * the hours when changed or still Keel's defaults (Next makes them the user's own).
 */
export function HoursStep({
  settings,
  hoursAreDefault,
  ...step
}: StepProps & { settings: Settings; hoursAreDefault: boolean }) {
  const save = useSettings((s) => s.save);
  const [zone, setZone] = useState(settings.zone);
  const [hours, setHours] = useState<HoursDraft>(() => hoursDraftOf(settings.workingHours));
  const [errors, setErrors] = useState<Errors>({});
  const zoneInput = useRef<HTMLInputElement>(null);
  const hoursError = useId();
  const t = useMessages();
  const edit = (change: Partial<HoursDraft>) => setHours((h) => ({ ...h, ...change }));

  const refuse = (next: Errors) => {
    setErrors(next);
    if (next.zone) zoneInput.current?.focus();
    return false;
  };

  async function submit(): Promise<boolean> {
    const chosen = exactZone(zone);
    if (chosen === null) return refuse({ zone: zoneError(zone) });
    if (hours.days.length === 0) return refuse({ hours: t('app.welcome.hours.no-days') });
    if (chosen !== settings.zone) {
      const saved = await save({ key: 'zone', value: chosen });
      if (!saved.ok) return refuse({ zone: saved.message });
    }
    const value = hoursValue(hours);
    if (hoursAreDefault || !sameHours(value, settings.workingHours)) {
      const saved = await save({ key: 'workingHours', value });
      if (!saved.ok) return refuse({ hours: saved.message });
    }
    setErrors({});
    step.onNext();
    return true;
  }

  return (
    <StepFrame
      step={1}
      title={t('app.welcome.hours.title')}
      intro={
        <p>
          {t('app.welcome.hours.intro')}{' '}
          {hoursAreDefault
            ? t('app.welcome.hours.default')
            : t('app.welcome.hours.now', { hours: describeHours(settings.workingHours) })}
        </p>
      }
      save={submit}
      error={errors.zone ?? errors.hours ?? null}
      atField
      onSkip={step.onSkip}
    >
      <ZoneField
        zone={zone}
        systemZone={settings.zone}
        error={errors.zone ?? null}
        inputRef={zoneInput}
        onChange={(value) => {
          setZone(value);
          if (errors.zone) setErrors({});
        }}
      />
      <HoursFields hours={hours} edit={edit} errorId={errors.hours ? hoursError : undefined} />
      {!sameEveryDay(settings.workingHours) && (
        <p className="first-run__note">{t('app.welcome.hours.differ')}</p>
      )}
      {errors.hours && (
        <p id={hoursError} className="first-run__field-error" role="alert">
          {errors.hours}
        </p>
      )}
    </StepFrame>
  );
}

function ZoneField({
  zone,
  systemZone,
  error,
  inputRef,
  onChange,
}: {
  zone: string;
  systemZone: string;
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
  onChange: (zone: string) => void;
}) {
  const t = useMessages();
  return (
    <Field
      label={t('app.welcome.hours.zone')}
      hint={
        zone === systemZone
          ? t('app.welcome.hours.zone-system', { zone: systemZone })
          : t('app.welcome.hours.zone-hint')
      }
      error={error}
    >
      {(control) => <ZonePicker {...control} inputRef={inputRef} value={zone} onChange={onChange} />}
    </Field>
  );
}

/** The working days (toggles) and one start and end for all of them. */
function HoursFields({
  hours,
  edit,
  errorId,
}: {
  hours: HoursDraft;
  edit: (change: Partial<HoursDraft>) => void;
  errorId: string | undefined;
}) {
  const t = useMessages();
  // The week as the locale starts it (Monday in Germany, Sunday in the US).
  const first = useLocaleFormat().firstDayOfWeek - 1;
  const week = [...WEEKDAYS.slice(first), ...WEEKDAYS.slice(0, first)];
  return (
    <>
      <fieldset className="first-run__days" aria-describedby={errorId}>
        <legend className="field__label">{t('app.welcome.hours.days')}</legend>
        <div className="first-run__day-list">
          {week.map((day) => (
            <label key={day} className="first-run__day">
              <input
                type="checkbox"
                checked={hours.days.includes(day)}
                onChange={(e) =>
                  edit({
                    days: e.target.checked ? [...hours.days, day] : hours.days.filter((d) => d !== day),
                  })
                }
              />
              <span>{weekdayName(day)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="first-run__times">
        <Field label={t('app.welcome.hours.start')} error={null}>
          {(control) => (
            <Input
              {...control}
              type="time"
              value={hours.start}
              onChange={(e) => edit({ start: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('app.welcome.hours.end')} error={null}>
          {(control) => (
            <Input
              {...control}
              type="time"
              value={hours.end}
              onChange={(e) => edit({ end: e.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
