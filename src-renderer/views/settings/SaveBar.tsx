import { useEffect, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { CheckIcon } from '../../components/Icons';
import { useNavigation } from '../../stores/navigation';
import {
  discardAllDrafts,
  saveAllDrafts,
  unsavedForms,
  useSettingsDrafts,
} from '../../stores/settingsDrafts';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
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
  const t = useMessages();
  const format = useLocaleFormat();

  async function save() {
    setBusy(true);
    try {
      setSaid('');
      if (await saveAllDrafts()) setSaid(t('settings.saveBar.saved'));
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
        <section className="save-bar__panel" aria-label={t('settings.saveBar.label')}>
          <p className="save-bar__text">
            <FormattedMessage
              id="settings.saveBar.text"
              values={{
                names: format.list(unsaved.map((f) => f.label)),
                strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
              }}
            />
          </p>
          <div className="save-bar__actions">
            <Button
              variant="ghost"
              disabled={busy}
              onClick={() => {
                discardAllDrafts();
                setSaid(t('settings.saveBar.discarded'));
              }}
            >
              {t('settings.saveBar.discard')}
            </Button>
            <Button variant="primary" busy={busy} onClick={() => void save()}>
              {t('settings.saveBar.save')}
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
  const t = useMessages();
  const format = useLocaleFormat();
  const names = unsavedForms().map((f) => f.label);

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
      title={t('settings.guard.title')}
      description={
        names.length === 0
          ? t('settings.guard.descriptionNone')
          : t('settings.guard.description', { names: format.list(names) })
      }
      closeLabel={t('settings.guard.close')}
      footer={
        <>
          <Button variant="ghost" disabled={busy} onClick={() => setProceed(null)}>
            {t('settings.guard.stay')}
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
            {t('settings.guard.discard')}
          </Button>
          <Button variant="primary" data-autofocus busy={busy} onClick={() => void save()}>
            {t('settings.guard.save')}
          </Button>
        </>
      }
    />
  );
}
