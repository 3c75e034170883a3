import { useEffect, useId, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { useFocusTarget } from '../../components/focusRequest';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { RetryNotice } from '../../components/RetryNotice';
import { useMessages } from '../../i18n/KeelIntl';
import { useData, type Backup, type DataOverview, type ImportResult } from '../../stores/data';
import { useStatus } from '../../stores/status';
import { DeleteAllDialog, RestoreDialog } from './DataDialogs';
import { TransferPart, type Busy } from './TransferPart';
import {
  backupWhen,
  backupWhenAlone,
  formatSize,
  holdingSentence,
  importSentence,
  kindLabel,
} from './data-words';
import './DataCard.css';

/** One sentence after an action, shown next to the part of the card it belongs to. */
interface Feedback {
  area: 'backups' | 'transfer' | 'delete';
  tone: 'success' | 'error' | 'info';
  message: string;
}

/**
 * Settings → Your data: where it lives (and that it stays there), the backups with Restore and
 * Back up now, the full backup (every private note in it, a passphrase to lock it) and import,
 * and deleting everything. Main shows the save and open
 * dialogs; the window learns only file names.
 */
export function DataCard() {
  const overview = useData((s) => s.overview);
  const loading = useData((s) => s.loading);
  const loadError = useData((s) => s.loadError);
  const load = useData((s) => s.load);
  const t = useMessages();
  // "Show in Settings" on the recovery notice and the palette land here.
  const heading = useFocusTarget<HTMLSpanElement>('section:Your data');

  // The counts move with every check-in and block: read afresh whenever Settings opens.
  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (overview !== null) {
    body = <DataSections overview={overview} />;
  } else if (loadError !== null) {
    body = (
      <RetryNotice busy={loading} onRetry={() => void load()}>
        {loadError}
      </RetryNotice>
    );
  } else {
    body = <Loading label={t('system.data.loading')} />;
  }

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          {t('system.data.title')}
        </span>
      }
      description={t('system.data.description')}
      className="data-card"
    >
      {body}
    </Card>
  );
}

/** Back up, export and import, each answered by one sentence next to its section. */
function useDataActions() {
  const backupNow = useData((s) => s.backupNow);
  const importFile = useData((s) => s.importFile);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const t = useMessages();

  async function onBackupNow() {
    setFeedback(null);
    const result = await backupNow();
    setFeedback(
      result.ok
        ? {
            area: 'backups',
            tone: 'success',
            message: t('system.data.backedUp'),
          }
        : { area: 'backups', tone: 'error', message: result.message },
    );
  }

  /** The full backup's dialog has its own answer: saved (a sentence), or cancelled (none). */
  function onBackedUp(message: string | null) {
    setFeedback(message === null ? null : { area: 'transfer', tone: 'success', message });
  }

  /** An import's answer; a locked backup opens the passphrase dialog instead (`unlock`). */
  async function onImport(unlock: (fileName: string) => void) {
    setFeedback(null);
    const result = await importFile();
    if (!result.ok) setFeedback({ area: 'transfer', tone: 'error', message: result.message });
    else if (result.value.fileName !== null && result.value.needsPassphrase) unlock(result.value.fileName);
    else if (result.value.fileName !== null) onImported({ ...result.value, fileName: result.value.fileName });
  }

  function onImported(value: ImportResult & { fileName: string }) {
    setFeedback({
      area: 'transfer',
      tone: value.added > 0 ? 'success' : 'info',
      message: importSentence(value),
    });
  }

  return { feedback, setFeedback, onBackupNow, onBackedUp, onImport, onImported };
}

function DataSections({ overview }: { overview: DataOverview }) {
  const today = useStatus((s) => s.status?.today.date ?? null);
  const busy = useData((s) => s.busy);
  const loadError = useData((s) => s.loadError);
  const { feedback, setFeedback, onBackupNow, onBackedUp, onImport, onImported } = useDataActions();
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [deleting, setDeleting] = useState(false);
  const t = useMessages();

  const notice = (area: Feedback['area']) =>
    feedback !== null && feedback.area === area ? (
      <Notice tone={feedback.tone}>{feedback.message}</Notice>
    ) : null;

  return (
    <div className="data-card__sections">
      <div className="data-card__where">
        <p className="data-card__label">{t('system.data.storedIn')}</p>
        <code className="data-card__path">{overview.folder}</code>
        <p className="data-card__holding">{holdingSentence(overview.counts)}</p>
        {loadError !== null && <Notice tone="error">{loadError}</Notice>}
      </div>
      <BackupsSection
        overview={overview}
        today={today}
        busy={busy}
        notice={notice('backups')}
        onBackupNow={() => void onBackupNow()}
        onRestore={(backup) => {
          setFeedback(null);
          setRestoring(backup);
        }}
      />
      <TransferPart
        busy={busy}
        notice={notice('transfer')}
        onStart={() => setFeedback(null)}
        onImport={onImport}
        onBackedUp={onBackedUp}
        onImported={onImported}
      />
      <DeleteSection
        busy={busy}
        notice={notice('delete')}
        onDelete={() => {
          setFeedback(null);
          setDeleting(true);
        }}
      />
      {restoring !== null && (
        <RestoreDialog
          backup={restoring}
          today={today}
          onClose={() => setRestoring(null)}
          onRestored={(message) => {
            setRestoring(null);
            setFeedback({ area: 'backups', tone: 'success', message });
          }}
        />
      )}
      {deleting && (
        <DeleteAllDialog
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            setFeedback({
              area: 'delete',
              tone: 'success',
              message: t('system.data.deleted'),
            });
          }}
        />
      )}
    </div>
  );
}

function BackupsSection({
  overview,
  today,
  busy,
  notice,
  onBackupNow,
  onRestore,
}: {
  overview: DataOverview;
  today: string | null;
  busy: Busy;
  notice: ReactNode;
  onBackupNow: () => void;
  onRestore: (backup: Backup) => void;
}) {
  const headingId = useId();
  const t = useMessages();
  return (
    <section className="data-card__section" aria-labelledby={headingId}>
      <div className="data-card__section-head">
        <div className="data-card__section-titles">
          <h3 id={headingId} className="data-card__heading">
            {t('system.data.backups.title')}
          </h3>
          <p className="data-card__text">{t('system.data.backups.text', { daily: 7, weekly: 4 })}</p>
        </div>
        <Button busy={busy === 'backup'} disabled={busy !== null} onClick={onBackupNow}>
          {t('system.data.backups.now')}
        </Button>
      </div>
      {overview.backups.length === 0 ? (
        <EmptyState
          compact
          headingLevel={4}
          title={t('system.data.backups.emptyTitle')}
          description={t('system.data.backups.emptyText')}
        />
      ) : (
        <ul className="data-card__backups">
          {overview.backups.map((backup) => (
            <BackupRow
              key={backup.id}
              backup={backup}
              today={today}
              disabled={busy !== null}
              onRestore={() => onRestore(backup)}
            />
          ))}
        </ul>
      )}
      <p className="data-card__folder">
        <FormattedMessage
          id="system.data.backups.folder"
          values={{
            folder: overview.backupsFolder,
            code: (chunks: ReactNode[]) => <code className="data-card__path">{chunks}</code>,
          }}
        />
      </p>
      {notice}
    </section>
  );
}

function DeleteSection({ busy, notice, onDelete }: { busy: Busy; notice: ReactNode; onDelete: () => void }) {
  const headingId = useId();
  const t = useMessages();
  return (
    <section className="data-card__section" aria-labelledby={headingId}>
      <div className="data-card__section-head">
        <div className="data-card__section-titles">
          <h3 id={headingId} className="data-card__heading">
            {t('system.data.delete.title')}
          </h3>
          <p className="data-card__text">{t('system.data.delete.text')}</p>
        </div>
        <Button variant="danger" busy={busy === 'delete'} disabled={busy !== null} onClick={onDelete}>
          {t('system.data.delete.button')}
        </Button>
      </div>
      {notice}
    </section>
  );
}

function BackupRow({
  backup,
  today,
  disabled,
  onRestore,
}: {
  backup: Backup;
  today: string | null;
  disabled: boolean;
  onRestore: () => void;
}) {
  const t = useMessages();
  const when = backupWhen(backup.createdAt, today);
  return (
    <li className="data-card__backup">
      <span className={`data-card__kind data-card__kind--${backup.kind}`}>{kindLabel(backup.kind)}</span>
      <time dateTime={backup.createdAt} className="data-card__when tabular">
        {backupWhenAlone(backup.createdAt, today)}
      </time>
      <span className="data-card__size tabular">{formatSize(backup.sizeBytes)}</span>
      <Button
        size="sm"
        variant="ghost"
        className="data-card__restore"
        disabled={disabled}
        aria-label={t('system.data.backups.restoreLabel', { kind: backup.kind, when })}
        onClick={onRestore}
      >
        {t('system.data.backups.restore')}
      </Button>
    </li>
  );
}
