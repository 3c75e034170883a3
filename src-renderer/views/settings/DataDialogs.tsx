import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { useData, type Backup } from '../../stores/data';
import { BACKUP_ALL_LABEL } from './BackupDialogs';
import { backupWhen, CONFIRM_WORD, DELETED, KIND_LABELS } from './data-words';

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
      `Restored the copy from ${when}. Your data as it was just before is kept as “${KIND_LABELS[safety.kind]}, ${backupWhen(safety.createdAt, today)}”; restore that to undo.`,
    );
  }

  return (
    <Dialog
      open
      // A restore under way finishes before the dialog goes, so its answer is seen.
      onClose={() => {
        if (!busy) onClose();
      }}
      title="Restore this backup?"
      description={`Your data will be replaced by the copy from ${when}. Keel first keeps a copy of the data as it is now, so you can undo this.`}
      footer={
        <>
          <Button variant="ghost" data-autofocus disabled={busy} onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            Restore
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
  const confirmed = typed.trim() === CONFIRM_WORD;

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
      onClose={() => {
        if (!busy) onClose();
      }}
      title="Delete all your data?"
      description={`Everything Keel has stored on this computer goes, at once. This cannot be undone; “${BACKUP_ALL_LABEL}…” first keeps a copy for you.`}
    >
      <form className="delete-all" onSubmit={(e) => void onSubmit(e)} noValidate>
        <section className="delete-all__part" aria-labelledby={goesId}>
          <h3 id={goesId} className="delete-all__heading">
            What goes
          </h3>
          <ul className="delete-all__list">
            {DELETED.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section className="delete-all__part" aria-labelledby={staysId}>
          <h3 id={staysId} className="delete-all__heading">
            What stays
          </h3>
          <p className="delete-all__text">
            Nothing else of yours. Files you exported stay where you saved them, and Keel’s log, which never
            holds what you wrote, stays in its folder. Keel keeps running, with its default settings.
          </p>
        </section>
        <Field label={`Type ${CONFIRM_WORD} to confirm`}>
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
            Cancel
          </Button>
          <Button type="submit" className="data-card__danger" disabled={!confirmed} busy={busy}>
            Delete everything
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
