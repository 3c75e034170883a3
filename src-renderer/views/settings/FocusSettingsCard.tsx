import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api/keel';
import type { DndSettings, DndStatus, Settings } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { CheckIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { useSettings } from '../../stores/settings';
import './FocusSettingsCard.css';

const MACOS = 'macOS Shortcuts';

/** What Keel can do about do-not-disturb on this desktop, in one or two sentences. */
function capabilityText(dnd: DndStatus): string {
  if (dnd.capability === 'control') {
    const now = dnd.active ? ' It is on now, for your focus block.' : '';
    return `Keel can turn on do-not-disturb on ${dnd.desktop}.${now}`;
  }
  return dnd.help ?? `Keel cannot turn on do-not-disturb on ${dnd.desktop}.`;
}

function dndValue(current: DndSettings, change: Partial<DndSettings>): DndSettings {
  const next = { ...current, ...change };
  const value: DndSettings = { enabled: next.enabled };
  if (next.macosShortcutOn?.trim()) value.macosShortcutOn = next.macosShortcutOn.trim();
  if (next.macosShortcutOff?.trim()) value.macosShortcutOff = next.macosShortcutOff.trim();
  return value;
}

/** Focus settings: the pre-warning before planned blocks and do-not-disturb during blocks. */
export function FocusSettingsCard({ settings }: { settings: Settings }) {
  const save = useSettings((s) => s.save);
  const [dnd, setDnd] = useState<DndStatus | null>(null);
  const [warning, setWarning] = useState(String(settings.focusWarningMinutes));
  const [shortcutOn, setShortcutOn] = useState(settings.dnd.macosShortcutOn ?? '');
  const [shortcutOff, setShortcutOff] = useState(settings.dnd.macosShortcutOff ?? '');
  const [warningError, setWarningError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [toggling, setToggling] = useState(false);
  const switchHint = useId();

  // Re-read after every change of the switch: what Keel does now depends on it.
  const [dndRead, setDndRead] = useState(0);
  useEffect(() => {
    let live = true;
    void api.dnd.status().then((result) => {
      if (live) setDnd(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [dndRead]);
  // Main announces when do-not-disturb turns on or off around a block.
  useEffect(
    () =>
      api.onState((event) => {
        if (event.type === 'changed' && event.topics.includes('dnd')) setDndRead((n) => n + 1);
      }),
    [],
  );

  const macos = dnd?.desktop === MACOS;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setWarningError(null);
    setFormError(null);
    setSaved(false);
    const minutes = Number(warning);
    if (warning.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > 60) {
      setWarningError('Use 0 (no pre-warning) to 60 minutes.');
      return;
    }
    setSaving(true);
    try {
      if (minutes !== settings.focusWarningMinutes) {
        const result = await save({ key: 'focusWarningMinutes', value: minutes });
        if (!result.ok) {
          setWarningError(result.message);
          return;
        }
      }
      if (macos) {
        const value = dndValue(settings.dnd, { macosShortcutOn: shortcutOn, macosShortcutOff: shortcutOff });
        if (
          value.macosShortcutOn !== settings.dnd.macosShortcutOn ||
          value.macosShortcutOff !== settings.dnd.macosShortcutOff
        ) {
          const result = await save({ key: 'dnd', value });
          if (!result.ok) {
            setFormError(result.message);
            return;
          }
        }
      }
      setSaved(true);
    } finally {
      setSaving(false);
    }
  }

  async function toggle(enabled: boolean) {
    setToggling(true);
    setSwitchError(null);
    const result = await save({ key: 'dnd', value: dndValue(settings.dnd, { enabled }) });
    setToggling(false);
    if (!result.ok) setSwitchError(result.message);
    else setDndRead((n) => n + 1);
  }

  return (
    <Card title="Focus" description="How Keel prepares you for a block, and keeps it quiet.">
      <div className="focus-settings">
        <Switch
          label="Do not disturb during focus blocks"
          checked={settings.dnd.enabled}
          disabled={toggling}
          aria-describedby={dnd !== null ? switchHint : undefined}
          onChange={(e) => void toggle(e.target.checked)}
        />
        {dnd !== null && (
          <p id={switchHint} className="focus-settings__capability">
            {capabilityText(dnd)}
          </p>
        )}
        {switchError !== null && <Notice tone="error">{switchError}</Notice>}

        <form className="focus-settings__form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <Field
            label="Pre-warning (minutes)"
            hint="A quiet heads-up before each planned block. 0 turns it off."
            error={warningError}
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
                value={warning}
                onChange={(e) => {
                  setWarning(e.target.value);
                  setSaved(false);
                }}
              />
            )}
          </Field>
          {macos && (
            <div className="focus-settings__shortcuts">
              <Field label="Shortcut that turns Focus on" hint="The name of a shortcut in the Shortcuts app.">
                {(control) => (
                  <Input
                    {...control}
                    value={shortcutOn}
                    maxLength={100}
                    onChange={(e) => {
                      setShortcutOn(e.target.value);
                      setSaved(false);
                    }}
                  />
                )}
              </Field>
              <Field label="Shortcut that turns Focus off">
                {(control) => (
                  <Input
                    {...control}
                    value={shortcutOff}
                    maxLength={100}
                    onChange={(e) => {
                      setShortcutOff(e.target.value);
                      setSaved(false);
                    }}
                  />
                )}
              </Field>
            </div>
          )}
          {formError !== null && <Notice tone="error">{formError}</Notice>}
          <div className="focus-settings__actions">
            <Button type="submit" busy={saving}>
              Save focus settings
            </Button>
            <p className="focus-settings__feedback" role="status">
              {saved && (
                <>
                  <CheckIcon /> Saved
                </>
              )}
            </p>
          </div>
        </form>
      </div>
    </Card>
  );
}
