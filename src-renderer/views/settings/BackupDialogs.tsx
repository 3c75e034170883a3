import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { useData, type ImportResult } from '../../stores/data';

/**
 * The full backup's two dialogs: "Back up all my data (includes private notes)", which says what
 * the file holds and takes an optional passphrase twice, and the passphrase a locked backup needs
 * to be imported. A passphrase lives only in this dialog's state and goes to main once.
 */

const MIN_PASSPHRASE = 8;

/** The backup dialog's state and its submit: checks the passphrase twice, then asks main. */
function useBackupAll(onSaved: (message: string | null) => void) {
  const exportAll = useData((s) => s.exportAll);
  const busy = useData((s) => s.busy === 'export');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useMessages();
  const locked = passphrase !== '' || again !== '';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (locked && [...passphrase].length < MIN_PASSPHRASE) {
      setProblem({
        field: 'passphrase',
        message: t('system.backupAll.tooShort', { count: MIN_PASSPHRASE }),
      });
      return;
    }
    if (locked && again !== passphrase) {
      setProblem({ field: 'again', message: t('system.backupAll.differ') });
      return;
    }
    setProblem(null);
    const result = await exportAll(locked ? passphrase : undefined);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const { saved, fileName } = result.value;
    if (!saved || fileName === null) onSaved(null);
    else if (locked) onSaved(t('system.backupAll.savedLocked', { file: fileName }));
    else onSaved(t('system.backupAll.savedPlain', { file: fileName }));
  }

  return { busy, passphrase, setPassphrase, again, setAgain, problem, error, locked, onSubmit };
}

export function BackupAllDialog({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (message: string | null) => void;
}) {
  const { busy, passphrase, setPassphrase, again, setAgain, problem, error, locked, onSubmit } =
    useBackupAll(onSaved);
  const t = useMessages();

  return (
    <Dialog
      open
      closeLabel={t('system.dialog.close')}
      onClose={() => {
        if (!busy) onClose();
      }}
      title={t('system.backupAll.title')}
      description={t('system.backupAll.description')}
    >
      <form className="backup-all" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          label={t('system.backupAll.passphrase')}
          hint={t('system.backupAll.passphraseHint')}
          error={problem?.field === 'passphrase' ? problem.message : null}
        >
          {(control) => (
            <Input
              {...control}
              data-autofocus
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('system.backupAll.again')}
          error={problem?.field === 'again' ? problem.message : null}
        >
          {(control) => (
            <Input
              {...control}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          )}
        </Field>
        {error !== null && <Notice tone="error">{error}</Notice>}
        <div className="delete-all__actions">
          <Button variant="ghost" disabled={busy} onClick={onClose}>
            {t('system.dialog.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {locked ? t('system.backupAll.saveLocked') : t('system.backupAll.savePlain')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** An encrypted backup was chosen: its passphrase, then the import. */
export function UnlockBackupDialog({
  fileName,
  onClose,
  onImported,
}: {
  fileName: string;
  onClose: () => void;
  onImported: (result: ImportResult & { fileName: string }) => void;
}) {
  const importFile = useData((s) => s.importFile);
  const busy = useData((s) => s.busy === 'import');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useMessages();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError(t('system.unlock.empty'));
      return;
    }
    setError(null);
    const result = await importFile(passphrase);
    if (!result.ok) setError(result.message);
    else onImported({ ...result.value, fileName: result.value.fileName ?? fileName });
  }

  return (
    <Dialog
      open
      closeLabel={t('system.dialog.close')}
      onClose={() => {
        if (!busy) onClose();
      }}
      title={t('system.unlock.title')}
      description={t('system.unlock.description', { file: fileName })}
    >
      <form className="backup-all" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('system.unlock.passphrase')} error={error}>
          {(control) => (
            <Input
              {...control}
              data-autofocus
              type="password"
              autoComplete="current-password"
              spellCheck={false}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
        <div className="delete-all__actions">
          <Button variant="ghost" disabled={busy} onClick={onClose}>
            {t('system.dialog.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('system.unlock.import')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
