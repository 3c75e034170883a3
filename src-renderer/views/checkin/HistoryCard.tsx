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
import { KEEP, SAFETY_DAYS } from '../../../src-main/shared/backup-retention';
import { useMessages } from '../../i18n/KeelIntl';
import {
  checkWhen,
  draftOf,
  energyText,
  periodKey,
  ratingText,
  sustainableText,
  tagText,
  workloadText,
} from '../../lib/checkin';
import { windowMessage } from '../../i18n/window-locale';
import { useCheckin } from '../../stores/checkin';
import { CheckinForm } from './CheckinForm';
import { useFocusAfterRemoval } from '../../components/useFocusAfterRemoval';
import { RetryNotice } from '../../components/RetryNotice';
import './HistoryCard.css';

/** How many check-ins are listed at first, and how many more each "Show more" adds. */
const PAGE = 10;

/**
 * Every check-in of the period, most recent first, each with Edit (a dialog with the same
 * questions, saved with `checkin:update`) and Delete (after a confirmation).
 */
export function HistoryCard() {
  const t = useMessages();
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
          {t('checkin.history.title')}
        </span>
      }
      headingLevel={3}
      description={t('checkin.history.description', { range: periodKey(range) })}
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
          error === null && <Loading label={t('checkin.history.loading')} />
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
  const t = useMessages();
  const when = checkWhen(check);
  return (
    <li className="history__item">
      <div className="history__head">
        <h4 className="history__when">
          <time dateTime={check.at} className="tabular">
            {when}
          </time>
          {check.edited && <span className="history__edited">{t('checkin.history.edited')}</span>}
        </h4>
        <div className="history__actions">
          <Button
            ref={editRef}
            size="sm"
            variant="ghost"
            disabled={!canEdit}
            aria-label={t('checkin.history.editLabel', { when })}
            onClick={onEdit}
          >
            <EditIcon /> {t('checkin.history.edit')}
          </Button>
          <Button
            size="sm"
            variant="danger"
            aria-label={t('checkin.history.deleteLabel', { when })}
            onClick={onDelete}
          >
            {t('checkin.history.delete')}
          </Button>
        </div>
      </div>
      <HistoryFacts check={check} />
      {check.stretched.length > 0 && (
        <div className="history__tags">
          <span className="visually-hidden">{t('checkin.history.stretchedBy')} </span>
          <ul className="history__tag-list">
            {check.stretched.map((tag) => (
              <li key={tag.id} className="history__tag">
                {tagText(tag.id, tag.label)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check.note !== null && (
        <div className="history__note">
          <span className={check.shareable ? 'history__marker history__marker--shared' : 'history__marker'}>
            {check.shareable ? t('checkin.history.shared') : t('checkin.history.private')}
            <span className="visually-hidden"> {t('checkin.history.noteSuffix')}</span>
          </span>
          <p className="history__note-text">{check.note}</p>
        </div>
      )}
    </li>
  );
}

/** The three answers of one check-in. */
function HistoryFacts({ check }: { check: Checkin }) {
  const t = useMessages();
  return (
    <dl className="history__facts">
      <div className="history__fact">
        <dt>{t('checkin.history.workload')}</dt>
        <dd className="tabular">
          {ratingText(check.workload, workloadText(check.workload, check.workloadLabel))}
        </dd>
      </div>
      <div className="history__fact">
        <dt>{t('checkin.history.energy')}</dt>
        <dd className="tabular">{ratingText(check.energy, energyText(check.energy, check.energyLabel))}</dd>
      </div>
      <div className="history__fact">
        <dt>{t('checkin.history.sustainable')}</dt>
        <dd>{sustainableText(check.sustainable)}</dd>
      </div>
    </dl>
  );
}

function EditDialog({ form, check, onClose }: { form: CheckForm; check: Checkin; onClose: () => void }) {
  const editing = useCheckin((s) => s.editing);
  const setEditing = useCheckin((s) => s.setEditing);
  const update = useCheckin((s) => s.update);
  const t = useMessages();
  if (editing === null) return null;

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={t('checkin.edit.title')}
      description={t('checkin.edit.description', { when: checkWhen(check) })}
    >
      <CheckinForm
        form={form}
        draft={editing.draft}
        formLabel={t('checkin.edit.title')}
        submitLabel={t('checkin.edit.save')}
        onChange={(draft) => setEditing({ id: check.id, draft })}
        onSave={(input) => update({ id: check.id, ...input })}
        cancel={
          <Button variant="ghost" onClick={onClose}>
            {t('checkin.edit.cancel')}
          </Button>
        }
      />
    </Dialog>
  );
}

/** What purging the backups came to, until dismissed. */
function PurgedNotice({ children, onDismiss }: { children: string; onDismiss: () => void }) {
  const t = useMessages();
  const dismiss = (
    <Button size="sm" variant="ghost" onClick={onDismiss}>
      {t('checkin.delete.dismiss')}
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
  const done = windowMessage('checkin.delete.purged', { purged });
  if (failed === 0) return done;
  return `${done} ${windowMessage('checkin.delete.failed', { failed })}`;
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
  const t = useMessages();

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
      title={t('checkin.delete.title')}
      description={t('checkin.delete.description', { when: checkWhen(check) })}
      footer={
        <>
          <Button variant="ghost" data-autofocus onClick={onClose}>
            {t('checkin.delete.keep')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('checkin.delete.confirm')}
          </Button>
        </>
      }
    >
      <p>
        {t('checkin.delete.backups', {
          daily: KEEP.daily,
          weekly: KEEP.weekly,
          safety: KEEP.safety,
          safetyDays: SAFETY_DAYS,
        })}
      </p>
      <Switch
        label={t('checkin.delete.purge')}
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
  const t = useMessages();
  if (history.length === 0)
    return (
      <EmptyState
        compact
        headingLevel={4}
        title={t('checkin.history.emptyTitle')}
        description={t('checkin.history.emptyDescription')}
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
          {t('checkin.history.more', { count: history.length - shown })}
        </Button>
      )}
    </>
  );
}
