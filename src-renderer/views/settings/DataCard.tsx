import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { daysBetween, formatShortDate, localParts } from '../../lib/format';
import {
  useData,
  type Backup,
  type BackupKind,
  type DataOverview,
  type ImportResult,
  type RecordKind,
} from '../../stores/data';
import { useStatus } from '../../stores/status';
import { RetryNotice } from '../../components/RetryNotice';
import './DataCard.css';

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  safety: 'Before a change',
};

/** How a backup is named in a sentence ("Restore the daily copy from today at 08:30"). */
const KIND_PHRASES: Record<BackupKind, string> = {
  daily: 'the daily copy',
  weekly: 'the weekly copy',
  safety: 'the copy made before a change',
};

/** Every kind of record, in the order the summary names them: [one, many]. */
const RECORD_WORDS: Record<RecordKind, [string, string]> = {
  checkins: ['check-in', 'check-ins'],
  questionnaire_results: ['questionnaire answer', 'questionnaire answers'],
  check_prompt_answers: ['answer to a check-in prompt', 'answers to check-in prompts'],
  focus_sessions: ['focus block', 'focus blocks'],
  interruptions: ['interruption', 'interruptions'],
  focus_skips: ['skipped focus block', 'skipped focus blocks'],
  resume_cues: ['“where I left off” note', '“where I left off” notes'],
  workdays: ['workday', 'workdays'],
  talking_points: ['talking point', 'talking points'],
  shares: ['shared summary', 'shared summaries'],
};

/** What "Delete all my data" removes, word for word in the dialog. */
const DELETED = [
  'Every check-in and its note, and your questionnaire answers',
  'Every talking point, and the record of what you shared',
  'Every focus block, interruption and “where I left off” note',
  'Every sign-off and workday',
  'Every setting, so Keel goes back to its defaults',
  'Every backup, and any damaged data file Keel set aside',
];

const CONFIRM_WORD = 'DELETE';

/** "today at 08:30", "yesterday at 17:02", "Mon 15 Mar at 09:00" (with the year if not this one). */
function backupWhen(iso: string, today: string | null): string {
  const local = localParts(iso);
  if (!local) return iso;
  const days = today === null ? Number.NaN : daysBetween(local.date, today);
  let day = days === 0 ? 'today' : days === 1 ? 'yesterday' : formatShortDate(local.date);
  if (days !== 0 && days !== 1 && today !== null && local.date.slice(0, 4) !== today.slice(0, 4))
    day += ` ${local.date.slice(0, 4)}`;
  return `${day} at ${local.time}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "820 bytes", "96 KB", "1.4 MB". */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

function count(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Keel holds 12 check-ins, 3 talking points and 9 workdays." */
function holdingSentence(counts: DataOverview['counts']): string {
  const parts = (Object.keys(RECORD_WORDS) as RecordKind[])
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => count(counts[kind], RECORD_WORDS[kind]));
  if (parts.length === 0) return 'Keel holds no records yet.';
  const last = parts.pop() as string;
  return `Keel holds ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}

function importSentence(result: ImportResult & { fileName: string }): string {
  const { fileName, added, skipped } = result;
  if (added === 0) {
    if (skipped === 0) return `Nothing new in ${fileName}: it holds no records.`;
    return `Nothing new in ${fileName}: ${skipped === 1 ? 'its one record was' : `all ${skipped} records were`} already here.`;
  }
  const records = count(added, ['record', 'records']);
  if (skipped === 0) return `Imported ${records} from ${fileName}.`;
  return `Imported ${records} from ${fileName}; ${skipped === 1 ? '1 was' : `${skipped} were`} already here.`;
}

/** One sentence after an action, shown next to the part of the card it belongs to. */
interface Feedback {
  area: 'backups' | 'transfer' | 'delete';
  tone: 'success' | 'error' | 'info';
  message: string;
}

/**
 * Settings → Your data: where it lives (and that it stays there), the backups with Restore and
 * Back up now, export and import as JSON, and deleting everything. Main shows the save and open
 * dialogs; the window learns only file names.
 */
export function DataCard() {
  const overview = useData((s) => s.overview);
  const loading = useData((s) => s.loading);
  const loadError = useData((s) => s.loadError);
  const load = useData((s) => s.load);
  const reveal = useData((s) => s.reveal);
  const clearReveal = useData((s) => s.clearReveal);
  const heading = useRef<HTMLSpanElement>(null);

  // The counts move with every check-in and block: read afresh whenever Settings opens.
  useEffect(() => {
    void load();
  }, [load]);

  // "Show in Settings" on the recovery notice lands here rather than at the top of Settings.
  useEffect(() => {
    if (!reveal) return;
    heading.current?.focus();
    clearReveal();
  }, [reveal, clearReveal]);

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
    body = <Loading label="Reading your data…" />;
  }

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          Your data
        </span>
      }
      description="Everything stays on this computer; nothing is sent anywhere."
      className="data-card"
    >
      {body}
    </Card>
  );
}

function DataSections({ overview }: { overview: DataOverview }) {
  const today = useStatus((s) => s.status?.today.date ?? null);
  const busy = useData((s) => s.busy);
  const loadError = useData((s) => s.loadError);
  const backupNow = useData((s) => s.backupNow);
  const exportAll = useData((s) => s.exportAll);
  const importFile = useData((s) => s.importFile);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [deleting, setDeleting] = useState(false);
  const backupsId = useId();
  const transferId = useId();
  const deleteId = useId();
  const held = busy !== null;

  const notice = (area: Feedback['area']) =>
    feedback !== null && feedback.area === area ? (
      <Notice tone={feedback.tone}>{feedback.message}</Notice>
    ) : null;

  async function onBackupNow() {
    setFeedback(null);
    const result = await backupNow();
    setFeedback(
      result.ok
        ? {
            area: 'backups',
            tone: 'success',
            message: 'Backed up. Today’s copy now holds your data as it is.',
          }
        : { area: 'backups', tone: 'error', message: result.message },
    );
  }

  async function onExport() {
    setFeedback(null);
    const result = await exportAll();
    if (!result.ok) setFeedback({ area: 'transfer', tone: 'error', message: result.message });
    else if (result.value.saved && result.value.fileName !== null)
      setFeedback({ area: 'transfer', tone: 'success', message: `Saved ${result.value.fileName}.` });
  }

  async function onImport() {
    setFeedback(null);
    const result = await importFile();
    if (!result.ok) setFeedback({ area: 'transfer', tone: 'error', message: result.message });
    else if (result.value.fileName !== null) {
      const value = { ...result.value, fileName: result.value.fileName };
      setFeedback({
        area: 'transfer',
        tone: value.added > 0 ? 'success' : 'info',
        message: importSentence(value),
      });
    }
  }

  return (
    <div className="data-card__sections">
      <div className="data-card__where">
        <p className="data-card__label">Stored in</p>
        <code className="data-card__path">{overview.folder}</code>
        <p className="data-card__holding">{holdingSentence(overview.counts)}</p>
        {loadError !== null && <Notice tone="error">{loadError}</Notice>}
      </div>

      <section className="data-card__section" aria-labelledby={backupsId}>
        <div className="data-card__section-head">
          <div className="data-card__section-titles">
            <h3 id={backupsId} className="data-card__heading">
              Backups
            </h3>
            <p className="data-card__text">
              Keel backs up your data every day and keeps 7 daily and 4 weekly copies.
            </p>
          </div>
          <Button busy={busy === 'backup'} disabled={held} onClick={() => void onBackupNow()}>
            Back up now
          </Button>
        </div>
        {overview.backups.length === 0 ? (
          <EmptyState
            compact
            headingLevel={4}
            title="No backups yet"
            description="Keel makes the first copy today. Back up now makes one at once."
          />
        ) : (
          <ul className="data-card__backups">
            {overview.backups.map((backup) => (
              <BackupRow
                key={backup.id}
                backup={backup}
                today={today}
                disabled={held}
                onRestore={() => {
                  setFeedback(null);
                  setRestoring(backup);
                }}
              />
            ))}
          </ul>
        )}
        <p className="data-card__folder">
          In <code className="data-card__path">{overview.backupsFolder}</code>
        </p>
        {notice('backups')}
      </section>

      <section className="data-card__section" aria-labelledby={transferId}>
        <div className="data-card__section-titles">
          <h3 id={transferId} className="data-card__heading">
            Export and import
          </h3>
          <p className="data-card__text">
            One JSON file with every record and setting, to keep or to bring to another computer. Importing
            adds what is new and leaves what is already here.
          </p>
        </div>
        <div className="data-card__actions">
          <Button busy={busy === 'export'} disabled={held} onClick={() => void onExport()}>
            Export all my data…
          </Button>
          <Button busy={busy === 'import'} disabled={held} onClick={() => void onImport()}>
            Import…
          </Button>
        </div>
        {notice('transfer')}
      </section>

      <section className="data-card__section" aria-labelledby={deleteId}>
        <div className="data-card__section-head">
          <div className="data-card__section-titles">
            <h3 id={deleteId} className="data-card__heading">
              Delete all my data
            </h3>
            <p className="data-card__text">
              Removes every record, setting and backup from this computer. It cannot be undone.
            </p>
          </div>
          <Button
            className="data-card__danger-outline"
            busy={busy === 'delete'}
            disabled={held}
            onClick={() => {
              setFeedback(null);
              setDeleting(true);
            }}
          >
            Delete all my data…
          </Button>
        </div>
        {notice('delete')}
      </section>

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
              message: 'Everything Keel stored is deleted. Keel is running with its default settings.',
            });
          }}
        />
      )}
    </div>
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
  const when = backupWhen(backup.createdAt, today);
  return (
    <li className="data-card__backup">
      <span className={`data-card__kind data-card__kind--${backup.kind}`}>{KIND_LABELS[backup.kind]}</span>
      <time dateTime={backup.createdAt} className="data-card__when tabular">
        {capitalised(when)}
      </time>
      <span className="data-card__size tabular">{formatSize(backup.sizeBytes)}</span>
      <Button
        size="sm"
        variant="ghost"
        className="data-card__restore"
        disabled={disabled}
        aria-label={`Restore ${KIND_PHRASES[backup.kind]} from ${when}…`}
        onClick={onRestore}
      >
        Restore…
      </Button>
    </li>
  );
}

function RestoreDialog({
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
          <Button variant="primary" busy={busy} onClick={() => void confirm()}>
            Restore
          </Button>
        </>
      }
    >
      {error !== null ? <Notice tone="error">{error}</Notice> : undefined}
    </Dialog>
  );
}

function DeleteAllDialog({ onClose, onDeleted }: { onClose: () => void; onDeleted: () => void }) {
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
      description="Everything Keel has stored on this computer goes, at once. This cannot be undone; an export made first keeps a copy for you."
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
