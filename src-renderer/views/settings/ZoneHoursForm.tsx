import { useId, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { WEEKDAYS } from '../../../src-main/shared/vocabulary';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import { weekdayName } from '../../lib/rules';
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
  const t = useMessages();
  const form = useSettingsForm<Settings, Draft, FieldName>({
    saved: settings,
    draftOf: draftFrom,
    rebase,
    saves: savesOf,
    dated: true,
    section: { id: 'zone-hours', label: t('settings.zoneHours.saveBarLabel'), order: 1 },
    onRefused: (field) => {
      if (field === 'zone') zoneInput.current?.focus();
    },
  });
  const { draft, edit, errors } = form;

  return (
    <form className="settings-form view-stack" onSubmit={form.onSubmit} noValidate>
      <Card title={t('settings.zone.title')} description={t('settings.zone.description')}>
        <Field label={t('settings.zone.label')} hint={t('settings.zone.hint')} error={errors.zone ?? null}>
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
  const t = useMessages();
  const format = useLocaleFormat();
  // The week as the locale starts it (Monday in most of Europe, Sunday in the US and Brazil).
  const first = WEEKDAYS.indexOf(WEEKDAYS[format.firstDayOfWeek - 1] as Weekday);
  const week = [...WEEKDAYS.slice(first), ...WEEKDAYS.slice(0, first)];
  return (
    <Card
      title={t('settings.hours.title')}
      description={t('settings.hours.description', {
        start: format.clock('22:00'),
        end: format.clock('06:00'),
      })}
    >
      <fieldset className="hours">
        <legend className="visually-hidden">{t('settings.hours.legend')}</legend>
        <div className="hours__head" aria-hidden="true">
          <span>{t('settings.hours.day')}</span>
          <span>{t('settings.hours.start')}</span>
          <span />
          <span>{t('settings.hours.end')}</span>
          <span />
          <span />
        </div>
        {week.map((day) => (
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
  const t = useMessages();
  const name = weekdayName(day);
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
        aria-label={t('settings.hours.startLabel', { day: name })}
        value={value.start}
        disabled={value.off}
        aria-invalid={invalid.start && !value.off ? true : undefined}
        aria-describedby={invalid.start && !value.off ? errorId : undefined}
        onChange={(e) => onChange(day, { start: e.target.value })}
      />
      <span className="hours__to" aria-hidden="true">
        {t('settings.hours.to')}
      </span>
      <Input
        type="time"
        aria-label={t('settings.hours.endLabel', { day: name })}
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
        {nextDay && t('settings.hours.nextDay')}
      </span>
      <label className="hours__off">
        <input
          type="checkbox"
          checked={value.off}
          onChange={(e) => onChange(day, { off: e.target.checked })}
        />
        <FormattedMessage
          id="settings.hours.dayOff"
          values={{
            day: name,
            hidden: (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>,
          }}
        >
          {(chunks) => <span>{chunks}</span>}
        </FormattedMessage>
      </label>
    </div>
  );
}
