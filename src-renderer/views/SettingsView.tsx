import { useId, useRef, useState, type FormEvent } from 'react';
import type { Settings, Status, Theme, Weekday, WorkingHours } from '../api/types';
import { Button } from '../components/Button';
import { Card } from '../components/Card';
import { Field } from '../components/Field';
import { CheckIcon } from '../components/Icons';
import { Input } from '../components/Input';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { WEEKDAY_NAMES, WEEKDAY_ORDER } from '../lib/format';
import { endsNextDay } from '../lib/signoff';
import { useSettings } from '../stores/settings';
import { useStatus } from '../stores/status';
import { CheckinSettingsCard } from './settings/CheckinSettingsCard';
import { DataCard } from './settings/DataCard';
import { FocusSettingsCard } from './settings/FocusSettingsCard';
import { HolidaysCard } from './settings/HolidaysCard';
import { SignoffSettingsCard } from './settings/SignoffSettingsCard';
import { StartupCard } from './settings/StartupCard';
import { RetryNotice } from '../components/RetryNotice';
import './SettingsView.css';

export function SettingsView() {
  const settings = useSettings((s) => s.settings);
  const loading = useSettings((s) => s.loading);
  const loadError = useSettings((s) => s.loadError);
  const load = useSettings((s) => s.load);
  const status = useStatus((s) => s.status);

  let body;
  if (settings) {
    body = (
      <>
        <AppearanceCard theme={settings.theme} />
        <SettingsForm settings={settings} />
        <HolidaysCard holidays={settings.holidays} />
        <SignoffSettingsCard signoff={settings.signoff} />
        <FocusSettingsCard settings={settings} />
        <CheckinSettingsCard settings={settings} />
        <StartupCard autostart={settings.autostart} />
        <DataCard />
        {status && <AboutCard status={status} />}
      </>
    );
  } else if (loadError !== null) {
    body = (
      <RetryNotice busy={loading} onRetry={() => void load()}>
        {loadError}
      </RetryNotice>
    );
  } else {
    body = <Loading label="Loading settings…" />;
  }

  return (
    <>
      <ViewHeader title="Settings" subtitle="Stored on this computer only." />
      <div className="view-stack">{body}</div>
    </>
  );
}

/* ---------- Appearance: saved as soon as it changes ---------- */

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function AppearanceCard({ theme }: { theme: Theme }) {
  const save = useSettings((s) => s.save);
  const [pending, setPending] = useState<Theme | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const shown = pending ?? theme;

  async function choose(value: Theme) {
    setPending(value);
    setError(null);
    const result = await save({ key: 'theme', value });
    setPending(null);
    if (!result.ok) setError(result.message);
  }

  return (
    <Card
      title="Appearance"
      description="Keel follows your computer’s light or dark mode unless you pick one."
    >
      <fieldset className="theme-picker">
        <legend className="visually-hidden">Theme</legend>
        {THEMES.map((option) => (
          <label key={option.value} className="theme-choice">
            <ThemePreview theme={option.value} />
            <span className="theme-choice__label">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={shown === option.value}
                onChange={() => void choose(option.value)}
              />
              {option.label}
            </span>
          </label>
        ))}
      </fieldset>
      {error !== null && (
        <Notice tone="error" className="settings__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}

function ThemePreview({ theme }: { theme: Theme }) {
  const panes: ('light' | 'dark')[] = theme === 'system' ? ['light', 'dark'] : [theme];
  return (
    <span className="theme-preview" aria-hidden="true">
      {panes.map((pane) => (
        <span key={pane} className={`theme-preview__pane theme-preview__pane--${pane}`}>
          <span className="theme-preview__bar" />
          <span className="theme-preview__line" />
          <span className="theme-preview__line theme-preview__line--short" />
        </span>
      ))}
    </span>
  );
}

/* ---------- Time zone + working hours: one form, one Save ---------- */

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

const FALLBACK_HOURS = { start: '09:00', end: '17:30' };

function draftFrom(settings: Settings): Draft {
  // A day off still shows hours (disabled): the first working day's, so un-ticking is one click.
  const template =
    WEEKDAY_ORDER.map((d) => settings.workingHours[d]).find((r) => r !== null) ?? FALLBACK_HOURS;
  const hours = {} as HoursDraft;
  for (const day of WEEKDAY_ORDER) {
    const range = settings.workingHours[day];
    hours[day] = range ? { ...range, off: false } : { ...template, off: true };
  }
  return { zone: settings.zone, hours };
}

function hoursValue(hours: HoursDraft): WorkingHours {
  const value = {} as WorkingHours;
  for (const day of WEEKDAY_ORDER) {
    const d = hours[day];
    value[day] = d.off ? null : { start: d.start, end: d.end };
  }
  return value;
}

function sameHours(a: WorkingHours, b: WorkingHours): boolean {
  return WEEKDAY_ORDER.every((day) => {
    const x = a[day];
    const y = b[day];
    return x === null || y === null ? x === y : x.start === y.start && x.end === y.end;
  });
}

function sameDay(a: DayDraft, b: DayDraft): boolean {
  return a.off === b.off && a.start === b.start && a.end === b.end;
}

type Feedback = 'saved' | 'unchanged' | null;

function SettingsForm({ settings }: { settings: Settings }) {
  const save = useSettings((s) => s.save);
  const [base, setBase] = useState(settings);
  const [draft, setDraft] = useState(() => draftFrom(settings));
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [hoursError, setHoursError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [saving, setSaving] = useState(false);
  const zoneInput = useRef<HTMLInputElement>(null);
  const hoursErrorId = useId();

  // Settings changed underneath (a save, the CLI, another window): take the new values for the
  // fields the user has not edited, and keep the user's unsaved edits.
  if (base !== settings) {
    const before = draftFrom(base);
    const after = draftFrom(settings);
    setBase(settings);
    setDraft((d) => {
      const hours = {} as HoursDraft;
      for (const day of WEEKDAY_ORDER)
        hours[day] = sameDay(d.hours[day], before.hours[day]) ? after.hours[day] : d.hours[day];
      return { zone: d.zone === before.zone ? after.zone : d.zone, hours };
    });
  }

  function edit(change: (d: Draft) => Draft) {
    setDraft(change);
    setFeedback(null);
  }

  function editDay(day: Weekday, change: Partial<DayDraft>) {
    edit((d) => ({ ...d, hours: { ...d.hours, [day]: { ...d.hours[day], ...change } } }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setZoneError(null);
    setHoursError(null);
    setFeedback(null);
    const zone = draft.zone.trim();
    const hours = hoursValue(draft.hours);
    const zoneChanged = zone !== settings.zone;
    const hoursChanged = !sameHours(hours, settings.workingHours);
    if (!zoneChanged && !hoursChanged) {
      setFeedback('unchanged');
      return;
    }
    setSaving(true);
    try {
      // The zone first: if it is refused, nothing else is saved.
      if (zoneChanged) {
        const result = await save({ key: 'zone', value: zone });
        if (!result.ok) {
          setZoneError(result.message);
          zoneInput.current?.focus();
          return;
        }
      }
      if (hoursChanged) {
        const result = await save({ key: 'workingHours', value: hours });
        if (!result.ok) {
          setHoursError(result.message);
          return;
        }
      }
      setFeedback('saved');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="settings-form view-stack" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Card title="Time zone" description="Keel plans your day, focus blocks and sign-off in this zone.">
        <Field
          label="Time zone"
          hint="An IANA time zone name, such as Europe/Berlin or America/New_York."
          error={zoneError}
        >
          {(control) => (
            <Input
              {...control}
              ref={zoneInput}
              className="settings__zone"
              value={draft.zone}
              onChange={(e) => {
                const zone = e.target.value;
                edit((d) => ({ ...d, zone }));
              }}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      </Card>

      <Card
        title="Working hours"
        description="Near the end of each working day Keel suggests signing off. Hours may run past midnight: 22:00 to 06:00 ends the next morning."
      >
        <fieldset className="hours" aria-describedby={hoursError !== null ? hoursErrorId : undefined}>
          <legend className="visually-hidden">Working hours per weekday</legend>
          <div className="hours__head" aria-hidden="true">
            <span>Day</span>
            <span>Start</span>
            <span />
            <span>End</span>
            <span />
            <span />
          </div>
          {WEEKDAY_ORDER.map((day) => (
            <DayRow
              key={day}
              day={day}
              value={draft.hours[day]}
              invalid={hoursError !== null}
              onChange={editDay}
            />
          ))}
        </fieldset>
        {hoursError !== null && (
          <p id={hoursErrorId} className="settings__error" role="alert">
            {hoursError}
          </p>
        )}
      </Card>

      <div className="settings__actions">
        <Button type="submit" variant="primary" busy={saving}>
          Save
        </Button>
        <p
          className={
            feedback === 'unchanged' ? 'settings__feedback settings__feedback--quiet' : 'settings__feedback'
          }
          role="status"
        >
          {feedback === 'saved' && (
            <>
              <CheckIcon /> Saved
            </>
          )}
          {feedback === 'unchanged' && 'No changes to save.'}
        </p>
      </div>
    </form>
  );
}

function DayRow({
  day,
  value,
  invalid,
  onChange,
}: {
  day: Weekday;
  value: DayDraft;
  invalid: boolean;
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
        aria-invalid={invalid && !value.off ? true : undefined}
        onChange={(e) => onChange(day, { start: e.target.value })}
      />
      <span className="hours__to" aria-hidden="true">
        to
      </span>
      <Input
        type="time"
        aria-label={`${name} end`}
        aria-describedby={nextDay ? nextDayId : undefined}
        value={value.end}
        disabled={value.off}
        aria-invalid={invalid && !value.off ? true : undefined}
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

/* ---------- About ---------- */

function AboutCard({ status }: { status: Status }) {
  return (
    <Card title="About Keel">
      <dl className="about">
        <div className="about__row">
          <dt>Version</dt>
          <dd className="tabular">{status.app.version}</dd>
        </div>
        <div className="about__row">
          <dt>Your data</dt>
          <dd>
            <code className="about__path">{status.dataDir}</code>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
