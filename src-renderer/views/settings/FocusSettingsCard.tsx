import { useEffect, useId, useState } from 'react';
import { api } from '../../api/keel';
import type { DndSettings, DndStatus, Settings } from '../../api/types';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { useInstantSetting, useSettingsForm, type PlannedSave, type SettingsForm } from './useSettingsForm';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import './FocusSettingsCard.css';

const MACOS = 'macOS Shortcuts';

/** What Keel can do about do-not-disturb on this desktop, in one or two sentences. */
function capabilityText(dnd: DndStatus): string {
  if (dnd.capability === 'control') {
    return windowMessage(dnd.active ? 'settings.focus.canActive' : 'settings.focus.can', {
      desktop: dnd.desktop,
    });
  }
  return dnd.help ?? windowMessage('settings.focus.cannot', { desktop: dnd.desktop });
}

function dndValue(current: DndSettings, change: Partial<DndSettings>): DndSettings {
  const next = { ...current, ...change };
  const value: DndSettings = { enabled: next.enabled };
  if (next.macosShortcutOn?.trim()) value.macosShortcutOn = next.macosShortcutOn.trim();
  if (next.macosShortcutOff?.trim()) value.macosShortcutOff = next.macosShortcutOff.trim();
  return value;
}

interface Draft {
  warning: string;
  shortcutOn: string;
  shortcutOff: string;
}
type FieldName = 'warning' | 'dnd';

function draftOf(settings: Settings): Draft {
  return {
    warning: String(settings.focusWarningMinutes),
    shortcutOn: settings.dnd.macosShortcutOn ?? '',
    shortcutOff: settings.dnd.macosShortcutOff ?? '',
  };
}

function warningMinutes(draft: Draft): number | null {
  const minutes = Number(draft.warning);
  const ok = draft.warning.trim() !== '' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 60;
  return ok ? minutes : null;
}

/** The pre-warning, then (on macOS, where Keel runs the user's shortcuts) the shortcut names. */
function savesOf(draft: Draft, settings: Settings, macos: boolean): PlannedSave<FieldName>[] {
  const saves: PlannedSave<FieldName>[] = [];
  const minutes = warningMinutes(draft) ?? settings.focusWarningMinutes;
  if (minutes !== settings.focusWarningMinutes)
    saves.push({ field: 'warning', update: { key: 'focusWarningMinutes', value: minutes } });
  if (!macos) return saves;
  const value = dndValue(settings.dnd, {
    macosShortcutOn: draft.shortcutOn,
    macosShortcutOff: draft.shortcutOff,
  });
  if (
    value.macosShortcutOn !== settings.dnd.macosShortcutOn ||
    value.macosShortcutOff !== settings.dnd.macosShortcutOff
  )
    saves.push({ field: 'dnd', update: { key: 'dnd', value } });
  return saves;
}

/** What Keel can do about do-not-disturb here, re-read when main says it changed. */
function useDndStatus(): [DndStatus | null, () => void] {
  const [dnd, setDnd] = useState<DndStatus | null>(null);
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let live = true;
    void api.dnd.status().then((result) => {
      if (live) setDnd(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [reads]);
  // Main announces when do-not-disturb turns on or off around a block.
  useEffect(
    () =>
      api.onState((event) => {
        if (event.type === 'changed' && event.topics.includes('dnd')) setReads((n) => n + 1);
      }),
    [],
  );
  return [dnd, () => setReads((n) => n + 1)];
}

/** Focus settings: the pre-warning before planned blocks and do-not-disturb during blocks. */
export function FocusSettingsCard({ settings }: { settings: Settings }) {
  const [dnd, rereadDnd] = useDndStatus();
  const toggle = useInstantSetting<'dnd', boolean>();
  const switchHint = useId();
  const t = useMessages();
  const macos = dnd?.desktop === MACOS;
  const form = useSettingsForm<Settings, Draft, FieldName>({
    saved: settings,
    section: { id: 'focus', label: t('settings.focus.title'), order: 4 },
    draftOf,
    check: (draft) =>
      warningMinutes(draft) === null
        ? { field: 'warning', message: windowMessage('settings.focus.warningError') }
        : null,
    saves: (draft, saved) => savesOf(draft, saved, macos),
  });

  async function onToggle(enabled: boolean) {
    // Re-read after every change of the switch: what Keel does now depends on it.
    const value = dndValue(settings.dnd, { enabled });
    if (await toggle.apply('dnd', enabled, { key: 'dnd', value })) rereadDnd();
  }

  return (
    <Card title={t('settings.focus.title')} description={t('settings.focus.description')}>
      <div className="focus-settings">
        <Switch
          label={t('settings.focus.dnd')}
          checked={settings.dnd.enabled}
          disabled={toggle.pending.dnd !== undefined}
          aria-describedby={dnd !== null ? switchHint : undefined}
          onChange={(e) => void onToggle(e.target.checked)}
        />
        {dnd !== null && (
          <p id={switchHint} className="focus-settings__capability">
            {capabilityText(dnd)}
          </p>
        )}
        {toggle.error !== null && <Notice tone="error">{toggle.error}</Notice>}
        <FocusForm form={form} macos={macos} />
      </div>
    </Card>
  );
}

function FocusForm({ form, macos }: { form: SettingsForm<Draft, FieldName>; macos: boolean }) {
  const { draft, edit, errors } = form;
  const t = useMessages();
  return (
    <form className="focus-settings__form" onSubmit={form.onSubmit} noValidate>
      <Field
        label={t('settings.focus.warningLabel')}
        hint={t('settings.focus.warningHint')}
        error={errors.warning ?? null}
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            step={1}
            className="focus-settings__minutes"
            value={draft.warning}
            onChange={(e) => edit({ warning: e.target.value })}
          />
        )}
      </Field>
      {macos && (
        <div className="focus-settings__shortcuts">
          <Field label={t('settings.focus.shortcutOn')} hint={t('settings.focus.shortcutHint')}>
            {(control) => (
              <Input
                {...control}
                value={draft.shortcutOn}
                maxLength={100}
                onChange={(e) => edit({ shortcutOn: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('settings.focus.shortcutOff')}>
            {(control) => (
              <Input
                {...control}
                value={draft.shortcutOff}
                maxLength={100}
                onChange={(e) => edit({ shortcutOff: e.target.value })}
              />
            )}
          </Field>
        </div>
      )}
      {errors.dnd !== undefined && <Notice tone="error">{errors.dnd}</Notice>}
    </form>
  );
}
