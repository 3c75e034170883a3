import { useId, useState, type FormEvent } from 'react';
import type { InterruptionKind } from '../../api/types';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { INTERRUPTION_KINDS } from '../../../src-main/shared/vocabulary';
import { useFocus } from '../../stores/focus';
import { useMessages } from '../../i18n/KeelIntl';
import './InterruptDialog.css';

/**
 * "I got interrupted": what interrupted the block, an optional note, and one line on where the
 * work stands. Saved as an interruption, then (when written) as the "where I left off" line.
 */
export function InterruptDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('focus.interrupt.title')}
      description={t('focus.interrupt.description')}
      footer={
        <>
          <Button onClick={onClose}>{t('focus.interrupt.cancel')}</Button>
          <Button variant="primary" type="submit" form="focus-interrupt-form">
            {t('focus.interrupt.save')}
          </Button>
        </>
      }
    >
      {open && <InterruptForm onDone={onClose} />}
    </Dialog>
  );
}

function InterruptForm({ onDone }: { onDone: () => void }) {
  const t = useMessages();
  const interrupt = useFocus((s) => s.interrupt);
  const leaveOff = useFocus((s) => s.leaveOff);
  const [kind, setKind] = useState<InterruptionKind | null>(null);
  const [note, setNote] = useState('');
  const [leftOff, setLeftOff] = useState('');
  const [kindError, setKindError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [leftOffError, setLeftOffError] = useState<string | null>(null);
  // Once the interruption is saved, a retry only saves the left-off line (no double count).
  const [counted, setCounted] = useState(false);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setKindError(null);
    setError(null);
    setLeftOffError(null);
    if (kind === null && !counted) {
      setKindError(t('focus.interrupt.chooseKind'));
      return;
    }
    setSaving(true);
    try {
      if (!counted && kind !== null) {
        const result = await interrupt(kind, note.trim() || undefined);
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setCounted(true);
      }
      const line = leftOff.trim();
      if (line.length > 0) {
        const result = await leaveOff(line);
        if (!result.ok) {
          setLeftOffError(result.message);
          return;
        }
      }
      onDone();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form id="focus-interrupt-form" className="interrupt" onSubmit={(e) => void onSubmit(e)} noValidate>
      <KindChoice kind={kind} counted={counted} error={kindError} onKind={setKind} />
      <Field label={t('focus.interrupt.note')}>
        {(control) => (
          <Input
            {...control}
            value={note}
            disabled={counted}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <LeftOffField value={leftOff} error={leftOffError} onChange={setLeftOff} />
      {error !== null && <Notice tone="error">{error}</Notice>}
      {counted && <p className="interrupt__counted">{t('focus.interrupt.saved')}</p>}
    </form>
  );
}

function KindChoice({
  kind,
  counted,
  error,
  onKind,
}: {
  kind: InterruptionKind | null;
  counted: boolean;
  error: string | null;
  onKind: (kind: InterruptionKind) => void;
}) {
  const t = useMessages();
  const name = useId();
  const errorId = useId();
  return (
    <fieldset
      className="interrupt__kinds"
      disabled={counted}
      aria-describedby={error !== null ? errorId : undefined}
    >
      <legend className="interrupt__legend">{t('focus.interrupt.kind')}</legend>
      <div className="interrupt__options">
        {INTERRUPTION_KINDS.map((value) => (
          <label key={value} className="interrupt__option">
            <input
              type="radio"
              name={name}
              value={value}
              checked={kind === value}
              onChange={() => onKind(value)}
              data-autofocus={value === 'meeting' ? true : undefined}
            />
            {t(`vocab.interruption.${value}`)}
          </label>
        ))}
      </div>
      {error !== null && (
        <p id={errorId} className="interrupt__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function LeftOffField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const t = useMessages();
  return (
    <Field label={t('focus.interrupt.leftOff')} hint={t('focus.interrupt.leftOffHint')} error={error}>
      {(control) => (
        <Input
          {...control}
          value={value}
          maxLength={280}
          placeholder={t('focus.interrupt.leftOffPlaceholder')}
          onChange={(e) => onChange(e.target.value.replace(/[\r\n]+/g, ' '))}
        />
      )}
    </Field>
  );
}
