import { useRef, useState } from 'react';
import type { CheckForm, Checkin } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { EditIcon } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { BACKUPS_KEEP_DELETED } from '../../../src-main/shared/backup-retention';
import { checkWhen, draftOf, periodPhrase, ratingText } from '../../lib/checkin';
import { useCheckin } from '../../stores/checkin';
import { CheckinForm } from './CheckinForm';
import { useFocusAfterRemoval } from '../../components/useFocusAfterRemoval';
import { RetryNotice } from '../../components/RetryNotice';
import './HistoryCard.css';

/** How many check-ins are listed at first, and how many more each "Show more" adds. */
const PAGE = 10;

const SUSTAINABLE_WORDS: Record<Checkin['sustainable'], string> = { yes: 'Yes', mostly: 'Mostly', no: 'No' };

/**
 * Every check-in of the period, most recent first, each with Edit (a dialog with the same
 * questions, saved with `checkin:update`) and Delete (after a confirmation).
 */
export function HistoryCard() {
  const history = useCheckin((s) => s.history);
  const loading = useCheckin((s) => s.historyLoading);
  const error = useCheckin((s) => s.historyError);
  const range = useCheckin((s) => s.range);
  const form = useCheckin((s) => s.form);
  const loadHistory = useCheckin((s) => s.loadHistory);
  const editing = useCheckin((s) => s.editing);
  const setEditing = useCheckin((s) => s.setEditing);
  const [shown, setShown] = useState(PAGE);
  const [deleting, setDeleting] = useState<Checkin | null>(null);
  // What purging the backups came to, after a delete that asked for it.
  const [purged, setPurged] = useState<string | null>(null);
  const heading = useRef<HTMLSpanElement>(null);
  // After a delete the button that was pressed is gone: focus the next entry's Edit, or the heading.
  const [editButtons] = useState(() => new Map<string, HTMLButtonElement>());
  const focusAfterRender = useFocusAfterRemoval(heading, editButtons);

  // A new period starts with the first page again.
  const [shownRange, setShownRange] = useState(range);
  if (shownRange !== range) {
    setShownRange(range);
    setShown(PAGE);
  }

  const editedCheck = editing ? (history?.find((c) => c.id === editing.id) ?? null) : null;

  function onDeleted(check: Checkin, backups?: { purged: number; failed: number }) {
    setPurged(backups ? purgeWords(backups) : null);
    const list = history ?? [];
    const index = list.findIndex((c) => c.id === check.id);
    const next = list[index + 1] ?? list[index - 1];
    focusAfterRender(next ? next.id : 'input');
    setDeleting(null);
  }

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          History
        </span>
      }
      headingLevel={3}
      description={`Your check-ins over ${periodPhrase(range)}, most recent first.`}
      className="history"
    >
      <div className="history__body" aria-busy={loading || undefined}>
        {purged !== null && <PurgedNotice onDismiss={() => setPurged(null)}>{purged}</PurgedNotice>}
        {error !== null && (
          <RetryNotice busy={loading} onRetry={() => void loadHistory()}>
            {error}
          </RetryNotice>
        )}
        {history === null ? (
          error === null && <Loading label="Reading your check-ins…" />
        ) : (
          <HistoryList
            history={history}
            shown={shown}
            form={form}
            editButtons={editButtons}
            onMore={() => setShown((n) => n + PAGE * 2)}
            onDelete={setDeleting}
          />
        )}
      </div>
      {form !== null && editing !== null && editedCheck !== null && (
        <EditDialog form={form} check={editedCheck} onClose={() => setEditing(null)} />
      )}
      {deleting !== null && (
        <DeleteDialog
          check={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(backups) => onDeleted(deleting, backups)}
        />
      )}
    </Card>
  );
}

function HistoryItem({
  check,
  canEdit,
  editRef,
  onEdit,
  onDelete,
}: {
  check: Checkin;
  canEdit: boolean;
  editRef: (el: HTMLButtonElement | null) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const when = checkWhen(check);
  return (
    <li className="history__item">
      <div className="history__head">
        <h4 className="history__when">
          <time dateTime={check.at} className="tabular">
            {when}
          </time>
          {check.edited && <span className="history__edited">edited</span>}
        </h4>
        <div className="history__actions">
          <Button
            ref={editRef}
            size="sm"
            variant="ghost"
            disabled={!canEdit}
            aria-label={`Edit the check-in of ${when}`}
            onClick={onEdit}
          >
            <EditIcon /> Edit
          </Button>
          <Button size="sm" variant="danger" aria-label={`Delete the check-in of ${when}`} onClick={onDelete}>
            Delete
          </Button>
        </div>
      </div>
      <dl className="history__facts">
        <div className="history__fact">
          <dt>Workload</dt>
          <dd className="tabular">{ratingText(check.workload, check.workloadLabel)}</dd>
        </div>
        <div className="history__fact">
          <dt>Energy</dt>
          <dd className="tabular">{ratingText(check.energy, check.energyLabel)}</dd>
        </div>
        <div className="history__fact">
          <dt>Sustainable</dt>
          <dd>{SUSTAINABLE_WORDS[check.sustainable]}</dd>
        </div>
      </dl>
      {check.stretched.length > 0 && (
        <div className="history__tags">
          <span className="visually-hidden">Stretched by: </span>
          <ul className="history__tag-list">
            {check.stretched.map((tag) => (
              <li key={tag.id} className="history__tag">
                {tag.label}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check.note !== null && (
        <div className="history__note">
          <span className={check.shareable ? 'history__marker history__marker--shared' : 'history__marker'}>
            {check.shareable ? 'May be shared' : 'Private'}
            <span className="visually-hidden"> note:</span>
          </span>
          <p className="history__note-text">{check.note}</p>
        </div>
      )}
    </li>
  );
}

function EditDialog({ form, check, onClose }: { form: CheckForm; check: Checkin; onClose: () => void }) {
  const editing = useCheckin((s) => s.editing);
  const setEditing = useCheckin((s) => s.setEditing);
  const update = useCheckin((s) => s.update);
  if (editing === null) return null;

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="Edit check-in"
      description={`From ${checkWhen(check)}. Its date and time stay as they are.`}
    >
      <CheckinForm
        form={form}
        draft={editing.draft}
        formLabel="Edit check-in"
        submitLabel="Save changes"
        onChange={(draft) => setEditing({ id: check.id, draft })}
        onSave={(input) => update({ id: check.id, ...input })}
        cancel={
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        }
      />
    </Dialog>
  );
}

/** What purging the backups came to, until dismissed. */
function PurgedNotice({ children, onDismiss }: { children: string; onDismiss: () => void }) {
  const dismiss = (
    <Button size="sm" variant="ghost" onClick={onDismiss}>
      Dismiss
    </Button>
  );
  return (
    <Notice tone="success" action={dismiss}>
      {children}
    </Notice>
  );
}

/** "Removed it from 3 backup copies." (and how many could not be changed). */
function purgeWords({ purged, failed }: { purged: number; failed: number }): string {
  const done = `Deleted, and removed from ${purged} backup ${purged === 1 ? 'copy' : 'copies'}.`;
  if (failed === 0) return done;
  return `${done} ${failed} ${failed === 1 ? 'copy' : 'copies'} could not be changed and may still hold it.`;
}

/**
 * Asks before a delete, says that the backups keep the check-in until they age out, and offers to
 * remove it from them too.
 */
function DeleteDialog({
  check,
  onClose,
  onDeleted,
}: {
  check: Checkin;
  onClose: () => void;
  onDeleted: (backups?: { purged: number; failed: number }) => void;
}) {
  const remove = useCheckin((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [purge, setPurge] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    const outcome = await remove(check.id, purge);
    setBusy(false);
    if (outcome.ok) onDeleted(outcome.backups);
    else setError(outcome.message);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Delete this check-in?"
      description={`The check-in of ${checkWhen(check)} leaves your history and trends. This cannot be undone.`}
      footer={
        <>
          <Button variant="ghost" data-autofocus onClick={onClose}>
            Keep it
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            Delete
          </Button>
        </>
      }
    >
      <p>{BACKUPS_KEEP_DELETED}</p>
      <Switch
        label="Also remove it from the backups now"
        checked={purge}
        onChange={(e) => setPurge(e.target.checked)}
      />
      {error !== null ? <Notice tone="error">{error}</Notice> : undefined}
    </Dialog>
  );
}

function HistoryList({
  history,
  shown,
  form,
  editButtons,
  onMore,
  onDelete,
}: {
  history: Checkin[];
  shown: number;
  form: CheckForm | null;
  editButtons: Map<string, HTMLButtonElement>;
  onMore: () => void;
  onDelete: (check: Checkin) => void;
}) {
  const setEditing = useCheckin((s) => s.setEditing);
  if (history.length === 0)
    return (
      <EmptyState
        compact
        headingLevel={4}
        title="No check-ins in these weeks"
        description="Each quick check you save is listed here, for you to look back on, change or delete."
      />
    );
  return (
    <>
      <ol className="history__list">
        {history.slice(0, shown).map((check) => (
          <HistoryItem
            key={check.id}
            check={check}
            canEdit={form !== null}
            editRef={(el) => {
              if (el) editButtons.set(check.id, el);
              else editButtons.delete(check.id);
            }}
            onEdit={() => setEditing({ id: check.id, draft: draftOf(check, form) })}
            onDelete={() => onDelete(check)}
          />
        ))}
      </ol>
      {history.length > shown && (
        <Button size="sm" className="history__more" onClick={onMore}>
          Show more ({history.length - shown} older)
        </Button>
      )}
    </>
  );
}
