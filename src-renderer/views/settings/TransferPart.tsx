import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import type { DataAction, ImportResult } from '../../stores/data';
import { useMessages } from '../../i18n/KeelIntl';
import { BackupAllDialog, UnlockBackupDialog } from './BackupDialogs';

/** The call under way, if any (every data button waits while one runs). */
export type Busy = DataAction | null;

/** The full backup and import, with their dialogs (what the file holds, a passphrase). */
export function TransferPart({
  busy,
  notice,
  onStart,
  onImport,
  onBackedUp,
  onImported,
}: {
  busy: Busy;
  notice: ReactNode;
  onStart: () => void;
  onImport: (unlock: (fileName: string) => void) => Promise<void>;
  onBackedUp: (message: string | null) => void;
  onImported: (value: ImportResult & { fileName: string }) => void;
}) {
  const [backingUp, setBackingUp] = useState(false);
  const [unlocking, setUnlocking] = useState<string | null>(null);
  return (
    <>
      <TransferSection
        busy={busy}
        notice={notice}
        onExport={() => {
          onStart();
          setBackingUp(true);
        }}
        onImport={() => void onImport(setUnlocking)}
      />
      {backingUp && (
        <BackupAllDialog
          onClose={() => setBackingUp(false)}
          onSaved={(message) => {
            setBackingUp(false);
            onBackedUp(message);
          }}
        />
      )}
      {unlocking !== null && (
        <UnlockBackupDialog
          fileName={unlocking}
          onClose={() => setUnlocking(null)}
          onImported={(value) => {
            setUnlocking(null);
            onImported(value);
          }}
        />
      )}
    </>
  );
}

function TransferSection({
  busy,
  notice,
  onExport,
  onImport,
}: {
  busy: Busy;
  notice: ReactNode;
  onExport: () => void;
  onImport: () => void;
}) {
  const headingId = useId();
  const t = useMessages();
  return (
    <section className="data-card__section" aria-labelledby={headingId}>
      <div className="data-card__section-titles">
        <h3 id={headingId} className="data-card__heading">
          {t('system.data.transfer.title')}
        </h3>
        <p className="data-card__text">{t('system.data.transfer.text')}</p>
      </div>
      <div className="data-card__actions">
        <Button busy={busy === 'export'} disabled={busy !== null} onClick={onExport}>
          {t('system.data.transfer.backupButton')}
        </Button>
        <Button busy={busy === 'import'} disabled={busy !== null} onClick={onImport}>
          {t('system.data.transfer.import')}
        </Button>
      </div>
      {notice}
    </section>
  );
}
