import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { CheckIcon } from '../../components/Icons';
import { useNavigation } from '../../stores/navigation';
import {
  discardAllDrafts,
  listNames,
  saveAllDrafts,
  unsavedForms,
  useSettingsDrafts,
} from '../../stores/settingsDrafts';
import './SaveBar.css';

/**
 * Settings' one save: a bar that sticks to the bottom of the view while anything typed is unsaved,
 * naming the cards, with Save changes and Discard. "Saved" is announced in its live region.
 */
export function SaveBar() {
  const forms = useSettingsDrafts((s) => s.forms);
  const unsaved = unsavedForms(forms);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  async function save() {
    setBusy(true);
    try {
      setSaid('');
      if (await saveAllDrafts()) setSaid('All changes saved.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="save-bar" data-open={unsaved.length > 0 || undefined}>
      <p className="save-bar__status" role="status">
        {unsaved.length === 0 && said !== '' && (
          <>
            <CheckIcon /> {said}
          </>
        )}
      </p>
      {unsaved.length > 0 && (
        <section className="save-bar__panel" aria-label="Unsaved changes">
          <p className="save-bar__text">
            <strong>Unsaved changes</strong> in {listNames(unsaved)}.
          </p>
          <div className="save-bar__actions">
            <Button
              variant="ghost"
              disabled={busy}
              onClick={() => {
                discardAllDrafts();
                setSaid('Changes discarded.');
              }}
            >
              Discard
            </Button>
            <Button variant="primary" busy={busy} onClick={() => void save()}>
              Save changes
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

/**
 * While Settings is shown, leaving it (sidebar, Ctrl+1–6, the palette, a notification) with
 * unsaved edits asks first: Save, Discard or Stay.
 */
export function LeaveGuard() {
  const [proceed, setProceed] = useState<(() => void) | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const { setLeaveGuard } = useNavigation.getState();
    setLeaveGuard((go) => {
      if (unsavedForms().length === 0) return false;
      setProceed(() => go);
      return true;
    });
    return () => setLeaveGuard(null);
  }, []);
  const names = listNames(unsavedForms());

  async function save() {
    const go = proceed;
    setBusy(true);
    const saved = await saveAllDrafts();
    setBusy(false);
    setProceed(null);
    // Refused: the dialog closes and the sentence shows under the field, which takes focus.
    if (saved) go?.();
  }

  return (
    <Dialog
      open={proceed !== null}
      onClose={() => setProceed(null)}
      title="Save your changes?"
      description={`You changed ${names || 'Settings'} and have not saved yet.`}
      closeLabel="Stay in Settings"
      footer={
        <>
          <Button variant="ghost" disabled={busy} onClick={() => setProceed(null)}>
            Stay
          </Button>
          <Button
            variant="danger"
            disabled={busy}
            onClick={() => {
              const go = proceed;
              discardAllDrafts();
              setProceed(null);
              go?.();
            }}
          >
            Discard changes
          </Button>
          <Button variant="primary" data-autofocus busy={busy} onClick={() => void save()}>
            Save
          </Button>
        </>
      }
    />
  );
}
