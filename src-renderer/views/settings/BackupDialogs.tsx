import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { useData, type ImportResult } from '../../stores/data';

/**
 * The full backup's two dialogs: "Back up all my data (includes private notes)", which says what
 * the file holds and takes an optional passphrase twice, and the passphrase a locked backup needs
 * to be imported. A passphrase lives only in this dialog's state and goes to main once.
 */

export const BACKUP_ALL_LABEL = 'Back up all my data (includes private notes)';
const MIN_PASSPHRASE = 8;

/** The backup dialog's state and its submit: checks the passphrase twice, then asks main. */
function useBackupAll(onSaved: (message: string | null) => void) {
  const exportAll = useData((s) => s.exportAll);
  const busy = useData((s) => s.busy === 'export');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locked = passphrase !== '' || again !== '';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (locked && [...passphrase].length < MIN_PASSPHRASE) {
      setProblem({
        field: 'passphrase',
        message: `Use a passphrase of at least ${MIN_PASSPHRASE} characters.`,
      });
      return;
    }
    if (locked && again !== passphrase) {
      setProblem({ field: 'again', message: 'The two passphrases differ; type the same one twice.' });
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
    else if (locked) onSaved(`Saved ${fileName}, locked with your passphrase.`);
    else
      onSaved(
        `Saved ${fileName}. It holds every private note in plain text; keep it where only you can read it.`,
      );
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

  return (
    <Dialog
      open
      onClose={() => {
        if (!busy) onClose();
      }}
      title={BACKUP_ALL_LABEL}
      description="One file with everything Keel keeps: every check-in and its note, private notes included, your talking points, focus blocks, sign-offs and settings. Anyone who can open the file can read all of it."
    >
      <form className="backup-all" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          label="Passphrase (optional)"
          hint="Locks the file: without the passphrase nobody can open it, you included. Keel cannot recover a forgotten one."
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
        <Field label="The same passphrase again" error={problem?.field === 'again' ? problem.message : null}>
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
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {locked ? 'Save locked backup…' : 'Save without a passphrase…'}
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError('Type the backup’s passphrase.');
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
      onClose={() => {
        if (!busy) onClose();
      }}
      title="Open a locked backup"
      description={`${fileName} is locked with a passphrase. Type it to import the backup; nothing changes until it opens.`}
    >
      <form className="backup-all" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label="Passphrase" error={error}>
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
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Import
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
