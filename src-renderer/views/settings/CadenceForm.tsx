import { useId, useRef, type ReactNode, type Ref } from 'react';
import { DEFAULT_CHECK_TIME, WEEKDAYS } from '../../../src-main/shared/vocabulary';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import { weekdayName } from '../../lib/rules';
import type { Cadence, CadenceMode, Settings, Weekday } from '../../api/types';
import { AppliesFrom } from '../../components/AppliesFrom';
import { Input } from '../../components/Input';
import { defaultCadenceText, sameCadence } from '../../lib/checkin';
import { useStatus } from '../../stores/status';
import { SaveStatus } from './SaveStatus';
import { useSettingsForm, type PlannedSave, type SettingsForm } from './useSettingsForm';

type ModeChoice = 'default' | CadenceMode;

interface WhenDraft {
  /** '' is "no regular one-on-one". */
  oneOnOneDay: Weekday | '';
  oneOnOneTime: string;
  mode: ModeChoice;
  dailyTime: string;
  weeklyDay: Weekday;
  weeklyTime: string;
}
type FieldName = 'oneOnOne' | 'cadence';
type WhenForm = SettingsForm<WhenDraft, FieldName>;

function whenDraftOf(settings: Settings): WhenDraft {
  const cadence = settings.checkins.cadence;
  return {
    oneOnOneDay: settings.oneOnOne?.weekday ?? '',
    oneOnOneTime: settings.oneOnOne?.time ?? '10:00',
    mode: cadence === null ? 'default' : cadence.mode,
    dailyTime: cadence?.mode === 'daily' ? cadence.time : DEFAULT_CHECK_TIME,
    weeklyDay: cadence?.mode === 'weekly' ? cadence.weekday : 'fri',
    weeklyTime: cadence?.mode === 'weekly' ? cadence.time : DEFAULT_CHECK_TIME,
  };
}

function cadenceOf(draft: WhenDraft): Cadence | null {
  switch (draft.mode) {
    case 'default':
      return null;
    case 'daily':
      return { mode: 'daily', time: draft.dailyTime };
    case 'weekly':
      return { mode: 'weekly', weekday: draft.weeklyDay, time: draft.weeklyTime };
    case 'signoff':
      return { mode: 'signoff' };
    case 'manual':
      return { mode: 'manual' };
  }
}

function oneOnOneOf(draft: WhenDraft) {
  return draft.oneOnOneDay === '' ? null : { weekday: draft.oneOnOneDay, time: draft.oneOnOneTime };
}

/** Guidance only (an empty time field); main's sentence decides. */
function check(draft: WhenDraft): { field: FieldName; message: string } | null {
  if (oneOnOneOf(draft)?.time === '')
    return { field: 'oneOnOne', message: windowMessage('settings.cadence.timeError') };
  const cadence = cadenceOf(draft);
  if ((cadence?.mode === 'daily' || cadence?.mode === 'weekly') && cadence.time === '')
    return { field: 'cadence', message: windowMessage('settings.cadence.timeError') };
  return null;
}

function savesOf(draft: WhenDraft, settings: Settings): PlannedSave<FieldName>[] {
  const oneOnOne = oneOnOneOf(draft);
  const cadence = cadenceOf(draft);
  const saves: PlannedSave<FieldName>[] = [];
  if (JSON.stringify(oneOnOne) !== JSON.stringify(settings.oneOnOne))
    saves.push({ field: 'oneOnOne', update: { key: 'oneOnOne', value: oneOnOne } });
  if (!sameCadence(cadence, settings.checkins.cadence))
    saves.push({ field: 'cadence', update: { key: 'checkins', value: { ...settings.checkins, cadence } } });
  return saves;
}

/** The usual one-on-one and when Keel asks for the quick check, saved by Settings' save bar. */
export function CadenceForm({ settings }: { settings: Settings }) {
  const daySelect = useRef<HTMLSelectElement>(null);
  const today = useStatus((s) => s.status?.today.date ?? null);
  const t = useMessages();
  const form = useSettingsForm<Settings, WhenDraft, FieldName>({
    saved: settings,
    draftOf: whenDraftOf,
    check,
    saves: savesOf,
    dated: true,
    section: { id: 'cadence', label: t('settings.checkins.title'), order: 5 },
    onRefused: (field) => {
      if (field === 'oneOnOne') daySelect.current?.focus();
    },
  });

  return (
    <form className="checkin-settings__section" onSubmit={form.onSubmit} noValidate>
      <OneOnOneFieldset form={form} selectRef={daySelect} />
      <CadenceFieldset form={form} workingHours={settings.workingHours} />
      <AppliesFrom
        value={form.appliesFrom}
        onChange={form.setAppliesFrom}
        today={today}
        error={form.errors.from ?? null}
      />
      {form.savedFrom !== null && (
        <SaveStatus feedback={form.feedback} from={form.savedFrom} className="checkin-settings__feedback" />
      )}
    </form>
  );
}

function WeekdayOptions() {
  return WEEKDAYS.map((day) => (
    <option key={day} value={day}>
      {weekdayName(day)}
    </option>
  ));
}

function OneOnOneFieldset({ form, selectRef }: { form: WhenForm; selectRef: Ref<HTMLSelectElement> }) {
  const { draft, edit } = form;
  const error = form.errors.oneOnOne ?? null;
  const ids = { select: useId(), hint: useId(), error: useId() };
  const t = useMessages();
  return (
    <fieldset className="checkin-settings__group">
      <legend className="checkin-settings__legend">{t('settings.cadence.oneOnOneLegend')}</legend>
      <p id={ids.hint} className="checkin-settings__hint">
        {t('settings.cadence.oneOnOneHint')}
      </p>
      <div className="checkin-settings__row">
        <label htmlFor={ids.select} className="checkin-settings__label">
          {t('settings.cadence.day')}
        </label>
        <select
          ref={selectRef}
          id={ids.select}
          className="input checkin-settings__select"
          value={draft.oneOnOneDay}
          aria-describedby={[ids.hint, error ? ids.error : ''].filter(Boolean).join(' ')}
          aria-invalid={error !== null || undefined}
          onChange={(e) => edit({ oneOnOneDay: e.target.value as Weekday | '' })}
        >
          <option value="">{t('settings.cadence.noOneOnOne')}</option>
          <WeekdayOptions />
        </select>
        <span className="cadence__at" aria-hidden="true">
          {t('settings.cadence.at')}
        </span>
        <Input
          type="time"
          aria-label={t('settings.cadence.oneOnOneTime')}
          value={draft.oneOnOneTime}
          disabled={draft.oneOnOneDay === ''}
          aria-invalid={error !== null || undefined}
          onChange={(e) => edit({ oneOnOneTime: e.target.value })}
        />
      </div>
      {error !== null && (
        <p id={ids.error} className="checkin-settings__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function CadenceFieldset({ form, workingHours }: { form: WhenForm; workingHours: Settings['workingHours'] }) {
  const { draft, edit } = form;
  const error = form.errors.cadence ?? null;
  const name = useId();
  const errorId = useId();
  const t = useMessages();
  const defaultText = defaultCadenceText(
    draft.oneOnOneDay === '' ? null : { weekday: draft.oneOnOneDay },
    workingHours,
  );
  const option = (mode: ModeChoice) => ({
    id: `${name}-${mode}`,
    name,
    checked: draft.mode === mode,
    onChoose: () => edit({ mode }),
  });
  return (
    <fieldset className="checkin-settings__group" aria-describedby={error !== null ? errorId : undefined}>
      <legend className="checkin-settings__legend">{t('settings.cadence.legend')}</legend>
      <div className="cadence">
        <CadenceOption
          {...option('default')}
          label={t('settings.cadence.default')}
          hint={
            draft.oneOnOneDay === ''
              ? t('settings.cadence.defaultHintNone', { cadence: defaultText })
              : t('settings.cadence.defaultHint', { cadence: defaultText })
          }
        />
        <TimedOption {...option('daily')} label={t('settings.cadence.daily')}>
          <span className="cadence__at" aria-hidden="true">
            {t('settings.cadence.at')}
          </span>
          <Input
            type="time"
            aria-label={t('settings.cadence.dailyTime')}
            value={draft.dailyTime}
            disabled={draft.mode !== 'daily'}
            aria-invalid={(draft.mode === 'daily' && error !== null) || undefined}
            onChange={(e) => edit({ dailyTime: e.target.value })}
          />
        </TimedOption>
        <WeeklyOption form={form} option={option('weekly')} invalid={error !== null} />
        <CadenceOption
          {...option('signoff')}
          label={t('settings.cadence.signoff')}
          hint={t('settings.cadence.signoffHint')}
        />
        <CadenceOption
          {...option('manual')}
          label={t('settings.cadence.manual')}
          hint={t('settings.cadence.manualHint')}
        />
      </div>
      {error !== null && (
        <p id={errorId} className="checkin-settings__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface OptionProps {
  id: string;
  name: string;
  checked: boolean;
  onChoose: () => void;
}

function WeeklyOption({ form, option, invalid }: { form: WhenForm; option: OptionProps; invalid: boolean }) {
  const { draft, edit } = form;
  const off = draft.mode !== 'weekly';
  const t = useMessages();
  return (
    <TimedOption {...option} label={t('settings.cadence.weekly')}>
      <span className="cadence__at" aria-hidden="true">
        {t('settings.cadence.on')}
      </span>
      <select
        className="input checkin-settings__select"
        aria-label={t('settings.cadence.weeklyDay')}
        value={draft.weeklyDay}
        disabled={off}
        onChange={(e) => edit({ weeklyDay: e.target.value as Weekday })}
      >
        <WeekdayOptions />
      </select>
      <span className="cadence__at" aria-hidden="true">
        {t('settings.cadence.at')}
      </span>
      <Input
        type="time"
        aria-label={t('settings.cadence.weeklyTime')}
        value={draft.weeklyTime}
        disabled={off}
        aria-invalid={(!off && invalid) || undefined}
        onChange={(e) => edit({ weeklyTime: e.target.value })}
      />
    </TimedOption>
  );
}

/** A cadence with fields of its own: the radio, its label, then the fields. */
function TimedOption({
  id,
  name,
  checked,
  onChoose,
  label,
  children,
}: OptionProps & { label: string; children: ReactNode }) {
  return (
    <div className="cadence__option">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChoose} />
      <label htmlFor={id} className="cadence__text">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A cadence without fields of its own: the radio, its label, and a line about it. */
function CadenceOption({
  id,
  name,
  label,
  hint,
  checked,
  onChoose,
}: OptionProps & { label: string; hint: string }) {
  return (
    <div className="cadence__option">
      <input
        id={id}
        type="radio"
        name={name}
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={onChoose}
      />
      <label htmlFor={id} className="cadence__text">
        {label}
      </label>
      <p id={`${id}-hint`} className="cadence__hint">
        {hint}
      </p>
    </div>
  );
}
