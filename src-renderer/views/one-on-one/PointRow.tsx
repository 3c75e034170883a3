import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TalkingPoint } from '../../api/types';
import { Button } from '../../components/Button';
import { Input } from '../../components/Input';
import { useMessages } from '../../i18n/KeelIntl';

export type Direction = 'up' | 'down';

export interface PointRowProps {
  point: TalkingPoint;
  /** Its place among the open points (1-based) and how many there are; absent when discussed. */
  place?: { index: number; count: number };
  boxRef?: (el: HTMLInputElement | null) => void;
  onToggle: (discussed: boolean) => void;
  onDelete: () => void;
  /** Saves new words; resolves to main's sentence when refused, null when saved. */
  onEdit?: (text: string) => Promise<string | null>;
  onMove?: (direction: Direction) => void;
}

/**
 * One talking point: a labelled "Discussed" box, the words (Edit turns them into a field: Enter
 * saves, Escape cancels), Move up / Move down (or Alt+Arrow keys anywhere on the row) for open
 * points, and Delete.
 */
export function PointRow({ point, place, boxRef, onToggle, onDelete, onEdit, onMove }: PointRowProps) {
  const t = useMessages();
  const done = point.discussedAt !== null;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Once the field is gone (saved or cancelled), focus returns to Edit.
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  function stopEditing() {
    refocus.current = true;
    setEditing(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (!onMove || editing || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? 'up' : 'down');
  }

  return (
    <li
      className={done ? 'talking-points__item talking-points__item--done' : 'talking-points__item'}
      data-point={point.id}
      onKeyDown={onKeyDown}
    >
      <label className="one-on-one__checkbox talking-points__discussed-box">
        <input
          ref={boxRef}
          type="checkbox"
          checked={done}
          aria-label={t('oneonone.point.discussedLabel', { text: point.text })}
          onChange={(e) => onToggle(e.target.checked)}
        />
        <span aria-hidden="true">{t('oneonone.point.discussed')}</span>
      </label>
      {editing && onEdit ? (
        <EditPoint point={point} onSave={onEdit} onDone={stopEditing} />
      ) : (
        <>
          <span className="talking-points__text">{point.text}</span>
          <span className="talking-points__controls">
            {onEdit && (
              <Button
                ref={editButton}
                size="sm"
                variant="ghost"
                aria-label={t('oneonone.point.editLabel', { text: point.text })}
                onClick={() => setEditing(true)}
              >
                {t('oneonone.point.edit')}
              </Button>
            )}
            {onMove && place && <MoveButtons point={point} place={place} onMove={onMove} />}
            <Button
              size="sm"
              variant="danger"
              aria-label={t('oneonone.point.deleteLabel', { text: point.text })}
              onClick={onDelete}
            >
              {t('oneonone.point.delete')}
            </Button>
          </span>
        </>
      )}
    </li>
  );
}

function MoveButtons({
  point,
  place,
  onMove,
}: {
  point: TalkingPoint;
  place: { index: number; count: number };
  onMove: (direction: Direction) => void;
}) {
  const t = useMessages();
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        data-control="up"
        aria-label={t('oneonone.point.upLabel', { text: point.text })}
        aria-keyshortcuts="Alt+ArrowUp"
        disabled={place.index === 1}
        onClick={() => onMove('up')}
      >
        <span aria-hidden="true">↑</span> {t('oneonone.point.up')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        data-control="down"
        aria-label={t('oneonone.point.downLabel', { text: point.text })}
        aria-keyshortcuts="Alt+ArrowDown"
        disabled={place.index === place.count}
        onClick={() => onMove('down')}
      >
        <span aria-hidden="true">↓</span> {t('oneonone.point.down')}
      </Button>
    </>
  );
}

/** The words in a field: Enter or Save keeps them, Escape or Cancel goes back; focus returns to Edit. */
function EditPoint({
  point,
  onSave,
  onDone,
}: {
  point: TalkingPoint;
  onSave: (text: string) => Promise<string | null>;
  onDone: () => void;
}) {
  const t = useMessages();
  const [text, setText] = useState(point.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save() {
    if (saving) return;
    setSaving(true);
    const refused = await onSave(text);
    setSaving(false);
    if (refused === null) onDone();
    else setError(refused);
  }

  return (
    <span className="talking-points__edit">
      <Input
        ref={input}
        value={text}
        maxLength={500}
        aria-label={t('oneonone.point.field', { text: point.text })}
        aria-invalid={error !== null || undefined}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <Button size="sm" variant="primary" busy={saving} onClick={() => void save()}>
        {t('oneonone.point.save')}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        {t('oneonone.point.cancel')}
      </Button>
      {error !== null && (
        <span id={errorId} className="talking-points__edit-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
