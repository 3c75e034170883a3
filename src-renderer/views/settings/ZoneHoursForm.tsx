import { useId, useRef } from 'react';
import { WEEKDAY_NAMES, WEEKDAYS } from '../../../src-main/shared/vocabulary';
import type { Settings, Weekday, WorkingHours } from '../../api/types';
import { AppliesFrom } from '../../components/AppliesFrom';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { ZonePicker } from '../../components/ZonePicker';
import { endsNextDay } from '../../lib/signoff';
import { useStatus } from '../../stores/status';
import { SaveStatus } from './SaveStatus';
import { useSettingsForm, type PlannedSave } from './useSettingsForm';

/* ---------- Time zone + working hours: one form, saved by Settings' save bar ---------- */

interface DayDraft {
  start: string;
  end: string;
  off: boolean;
}
type HoursDraft = Record<Weekday, DayDraft>;
interface Draft {
  zone: string;
  hours: HoursDraft;
}
type FieldName = 'zone' | 'hours';

const FALLBACK_HOURS = { start: '09:00', end: '17:30' };

function draftFrom(settings: Settings): Draft {
  // A day off still shows hours (disabled): the first working day's, so un-ticking is one click.
  const template = WEEKDAYS.map((d) => settings.workingHours[d]).find((r) => r !== null) ?? FALLBACK_HOURS;
  const hours = {} as HoursDraft;
  for (const day of WEEKDAYS) {
    const range = settings.workingHours[day];
    hours[day] = range ? { ...range, off: false } : { ...template, off: true };
  }
  return { zone: settings.zone, hours };
}

function hoursValue(hours: HoursDraft): WorkingHours {
  const value = {} as WorkingHours;
  for (const day of WEEKDAYS) {
    const d = hours[day];
    value[day] = d.off ? null : { start: d.start, end: d.end };
  }
  return value;
}

function sameHours(a: WorkingHours, b: WorkingHours): boolean {
  return WEEKDAYS.every((day) => {
    const x = a[day];
    const y = b[day];
    return x === null || y === null ? x === y : x.start === y.start && x.end === y.end;
  });
}

function sameDay(a: DayDraft, b: DayDraft): boolean {
  return a.off === b.off && a.start === b.start && a.end === b.end;
}

/** Settings changed underneath: take the new values for the fields (and days) not edited. */
function rebase(draft: Draft, before: Draft, after: Draft): Draft {
  const hours = {} as HoursDraft;
  for (const day of WEEKDAYS)
    hours[day] = sameDay(draft.hours[day], before.hours[day]) ? after.hours[day] : draft.hours[day];
  return { zone: draft.zone === before.zone ? after.zone : draft.zone, hours };
}

/** The zone first: if it is refused, nothing else is saved. */
function savesOf(draft: Draft, settings: Settings): PlannedSave<FieldName>[] {
  const zone = draft.zone.trim();
  const hours = hoursValue(draft.hours);
  const saves: PlannedSave<FieldName>[] = [];
  if (zone !== settings.zone) saves.push({ field: 'zone', update: { key: 'zone', value: zone } });
  if (!sameHours(hours, settings.workingHours))
    saves.push({ field: 'hours', update: { key: 'workingHours', value: hours } });
  return saves;
}

/** The time zone and the working hours per weekday, saved together, from today or a chosen date. */
export function ZoneHoursForm({ settings }: { settings: Settings }) {
  const zoneInput = useRef<HTMLInputElement>(null);
  const today = useStatus((s) => s.status?.today.date ?? null);
  const form = useSettingsForm<Settings, Draft, FieldName>({
    saved: settings,
    draftOf: draftFrom,
    rebase,
    saves: savesOf,
    dated: true,
    section: { id: 'zone-hours', label: 'Time zone and Working hours', order: 1 },
    onRefused: (field) => {
      if (field === 'zone') zoneInput.current?.focus();
    },
  });
  const { draft, edit, errors } = form;

  return (
    <form className="settings-form view-stack" onSubmit={form.onSubmit} noValidate>
      <Card title="Time zone" description="Keel plans your day, focus blocks and sign-off in this zone.">
        <Field
          label="Time zone"
          hint="Type your city and pick its time zone from the list."
          error={errors.zone ?? null}
        >
          {(control) => (
            <ZonePicker
              id={control.id}
              aria-describedby={control['aria-describedby']}
              aria-invalid={control['aria-invalid']}
              inputRef={zoneInput}
              className="settings__zone"
              value={draft.zone}
              onChange={(zone) => edit({ zone })}
            />
          )}
        </Field>
      </Card>

      <HoursCard
        hours={draft.hours}
        error={errors.hours ?? null}
        errorPath={form.errorPath}
        onChange={(day, change) =>
          edit((d) => ({ ...d, hours: { ...d.hours, [day]: { ...d.hours[day], ...change } } }))
        }
      />

      <AppliesFrom
        value={form.appliesFrom}
        onChange={form.setAppliesFrom}
        today={today}
        error={errors.from ?? null}
      />
      {form.savedFrom !== null && (
        <SaveStatus feedback={form.feedback} from={form.savedFrom} className="settings__feedback" />
      )}
    </form>
  );
}

/**
 * Which controls main's refusal is about: `['workingHours', 'mon', 'end']` is Monday's end,
 * `['workingHours', 'mon']` both of Monday's times; without a day, every working day's.
 */
function invalidTimes(error: string | null, path: (string | number)[] | null, day: Weekday) {
  if (error === null) return { start: false, end: false };
  if (path?.[0] !== 'workingHours' || path[1] === undefined) return { start: true, end: true };
  if (path[1] !== day) return { start: false, end: false };
  return { start: path[2] !== 'end', end: path[2] !== 'start' };
}

function HoursCard({
  hours,
  error,
  errorPath,
  onChange,
}: {
  hours: HoursDraft;
  error: string | null;
  errorPath: (string | number)[] | null;
  onChange: (day: Weekday, change: Partial<DayDraft>) => void;
}) {
  const errorId = useId();
  return (
    <Card
      title="Working hours"
      description="Near the end of each working day Keel suggests signing off. Hours may run past midnight: 22:00 to 06:00 ends the next morning."
    >
      <fieldset className="hours">
        <legend className="visually-hidden">Working hours per weekday</legend>
        <div className="hours__head" aria-hidden="true">
          <span>Day</span>
          <span>Start</span>
          <span />
          <span>End</span>
          <span />
          <span />
        </div>
        {WEEKDAYS.map((day) => (
          <DayRow
            key={day}
            day={day}
            value={hours[day]}
            invalid={invalidTimes(error, errorPath, day)}
            errorId={error !== null ? errorId : undefined}
            onChange={onChange}
          />
        ))}
      </fieldset>
      {error !== null && (
        <p id={errorId} className="settings__error" role="alert">
          {error}
        </p>
      )}
    </Card>
  );
}

function DayRow({
  day,
  value,
  invalid,
  errorId,
  onChange,
}: {
  day: Weekday;
  value: DayDraft;
  invalid: { start: boolean; end: boolean };
  errorId: string | undefined;
  onChange: (day: Weekday, change: Partial<DayDraft>) => void;
}) {
  const labelId = useId();
  const nextDayId = useId();
  const name = WEEKDAY_NAMES[day];
  const nextDay = !value.off && endsNextDay(value);
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      className={value.off ? 'hours__row hours__row--off' : 'hours__row'}
    >
      <span id={labelId} className="hours__day">
        {name}
      </span>
      <Input
        type="time"
        aria-label={`${name} start`}
        value={value.start}
        disabled={value.off}
        aria-invalid={invalid.start && !value.off ? true : undefined}
        aria-describedby={invalid.start && !value.off ? errorId : undefined}
        onChange={(e) => onChange(day, { start: e.target.value })}
      />
      <span className="hours__to" aria-hidden="true">
        to
      </span>
      <Input
        type="time"
        aria-label={`${name} end`}
        aria-describedby={
          [invalid.end && !value.off ? errorId : '', nextDay ? nextDayId : ''].filter(Boolean).join(' ') ||
          undefined
        }
        value={value.end}
        disabled={value.off}
        aria-invalid={invalid.end && !value.off ? true : undefined}
        onChange={(e) => onChange(day, { end: e.target.value })}
      />
      <span id={nextDayId} className="hours__next-day">
        {nextDay && 'ends next day'}
      </span>
      <label className="hours__off">
        <input
          type="checkbox"
          checked={value.off}
          onChange={(e) => onChange(day, { off: e.target.checked })}
        />
        <span>
          <span className="visually-hidden">{name} </span>Day off
        </span>
      </label>
    </div>
  );
}
