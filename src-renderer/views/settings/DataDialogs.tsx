import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { useData, type Backup } from '../../stores/data';
import { backupWhen, confirmWord, DELETED, kindLabel } from './data-words';

/** The two confirmations of Settings → Your data: restoring a backup and deleting everything. */

export function RestoreDialog({
  backup,
  today,
  onClose,
  onRestored,
}: {
  backup: Backup;
  today: string | null;
  onClose: () => void;
  onRestored: (message: string) => void;
}) {
  const restore = useData((s) => s.restore);
  const busy = useData((s) => s.busy === 'restore');
  const [error, setError] = useState<string | null>(null);
  const t = useMessages();
  const when = backupWhen(backup.createdAt, today);

  async function confirm() {
    setError(null);
    const result = await restore(backup.id);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const safety = result.value.safetyCopy;
    onRestored(
      t('system.restore.done', {
        when,
        kind: kindLabel(safety.kind),
        safetyWhen: backupWhen(safety.createdAt, today),
      }),
    );
  }

  return (
    <Dialog
      open
      closeLabel={t('system.dialog.close')}
      // A restore under way finishes before the dialog goes, so its answer is seen.
      onClose={() => {
        if (!busy) onClose();
      }}
      title={t('system.restore.title')}
      description={t('system.restore.description', { when })}
      footer={
        <>
          <Button variant="ghost" data-autofocus disabled={busy} onClick={onClose}>
            {t('system.dialog.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('system.restore.confirm')}
          </Button>
        </>
      }
    >
      {error !== null ? <Notice tone="error">{error}</Notice> : undefined}
    </Dialog>
  );
}

export function DeleteAllDialog({ onClose, onDeleted }: { onClose: () => void; onDeleted: () => void }) {
  const deleteAll = useData((s) => s.deleteAll);
  const busy = useData((s) => s.busy === 'delete');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const goesId = useId();
  const staysId = useId();
  const t = useMessages();
  const word = confirmWord();
  const confirmed = typed.trim() === word;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed || busy) return;
    setError(null);
    const result = await deleteAll();
    if (result.ok) onDeleted();
    else setError(result.message);
  }

  return (
    <Dialog
      open
      closeLabel={t('system.dialog.close')}
      onClose={() => {
        if (!busy) onClose();
      }}
      title={t('system.deleteAll.title')}
      description={t('system.deleteAll.description')}
    >
      <form className="delete-all" onSubmit={(e) => void onSubmit(e)} noValidate>
        <section className="delete-all__part" aria-labelledby={goesId}>
          <h3 id={goesId} className="delete-all__heading">
            {t('system.deleteAll.goes')}
          </h3>
          <ul className="delete-all__list">
            {DELETED.map((line) => (
              <li key={line}>{t(line)}</li>
            ))}
          </ul>
        </section>
        <section className="delete-all__part" aria-labelledby={staysId}>
          <h3 id={staysId} className="delete-all__heading">
            {t('system.deleteAll.stays')}
          </h3>
          <p className="delete-all__text">{t('system.deleteAll.staysText')}</p>
        </section>
        <Field label={t('system.deleteAll.typeToConfirm', { word })}>
          {(control) => (
            <Input
              {...control}
              data-autofocus
              className="delete-all__confirm"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
        {error !== null && <Notice tone="error">{error}</Notice>}
        <div className="delete-all__actions">
          <Button variant="ghost" disabled={busy} onClick={onClose}>
            {t('system.dialog.cancel')}
          </Button>
          <Button type="submit" className="data-card__danger" disabled={!confirmed} busy={busy}>
            {t('system.deleteAll.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
