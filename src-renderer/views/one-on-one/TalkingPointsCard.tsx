import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { TalkingPoint } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { useFocusTargetRef } from '../../components/focusRequest';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import { splitPoints } from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';
import { RetryNotice } from '../../components/RetryNotice';
import { useFocusAfterRemoval } from '../../components/useFocusAfterRemoval';
import { PointRow, type Direction } from './PointRow';
import './TalkingPointsCard.css';

/** The open point to focus once `point` leaves the list: the next, else the previous, else the input. */
function neighbourOf(open: TalkingPoint[], point: TalkingPoint): string | 'input' {
  const index = open.findIndex((p) => p.id === point.id);
  return (open[index + 1] ?? open[index - 1])?.id ?? 'input';
}

/** The points, the add form's state, and ticking and deleting with focus kept in the list. */
function useTalkingPoints() {
  const points = useOneOnOne((s) => s.points);
  const pointsError = useOneOnOne((s) => s.pointsError);
  const loadPoints = useOneOnOne((s) => s.loadPoints);
  const addPoint = useOneOnOne((s) => s.addPoint);
  const setDiscussed = useOneOnOne((s) => s.setDiscussed);
  const deletePoint = useOneOnOne((s) => s.deletePoint);
  const arrange = useArrangePoints();
  const text = useOneOnOne((s) => s.pointDraft);
  const setText = useOneOnOne((s) => s.setPointDraft);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [justDiscussed, setJustDiscussed] = useState<TalkingPoint | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The palette's "Add a talking point" (without the text) lands here.
  useFocusTargetRef(input, 'new-talking-point');
  // Each open point's checkbox, to move focus once a point leaves the list.
  const [boxes] = useState(() => new Map<string, HTMLInputElement>());
  const focusAfterRender = useFocusAfterRemoval(input, boxes);

  const { open, discussed } = splitPoints(points ?? []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (adding) return;
    setAdding(true);
    const result = await addPoint(text);
    setAdding(false);
    if (result.ok) {
      setText('');
      setAddError(null);
    } else setAddError(result.message);
  }

  async function toggle(point: TalkingPoint, on: boolean) {
    const next = on ? neighbourOf(open, point) : null;
    const result = await setDiscussed(point.id, on);
    if (!result.ok) {
      setActionError(result.message);
      return;
    }
    setActionError(null);
    setJustDiscussed(on ? point : null);
    if (next !== null) focusAfterRender(next);
  }

  async function remove(point: TalkingPoint) {
    const next = point.discussedAt === null ? neighbourOf(open, point) : 'input';
    const result = await deletePoint(point.id);
    if (!result.ok) {
      setActionError(result.message);
      return;
    }
    setActionError(null);
    if (justDiscussed?.id === point.id) setJustDiscussed(null);
    focusAfterRender(next);
  }

  return {
    points,
    open,
    discussed,
    pointsError,
    loadPoints,
    text,
    setText,
    adding,
    addError,
    actionError,
    justDiscussed,
    input,
    boxes,
    onSubmit,
    toggle,
    remove,
    arrange,
  };
}

/**
 * Editing and moving open points. After a move focus stays on the control that did it (or, at
 * an end, on the other Move button), and a live region says where the point is now.
 */
function useArrangePoints() {
  const editPoint = useOneOnOne((s) => s.editPoint);
  const movePoint = useOneOnOne((s) => s.movePoint);
  const points = useOneOnOne((s) => s.points);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refocus = useRef<{ element: Element | null; id: string; direction: Direction } | null>(null);
  useEffect(() => {
    const moved = refocus.current;
    if (moved === null) return;
    refocus.current = null;
    const { element, id, direction } = moved;
    if (element instanceof HTMLElement && element.isConnected && !element.matches(':disabled')) {
      element.focus();
      return;
    }
    const other = direction === 'up' ? 'down' : 'up';
    document.querySelector<HTMLElement>(`[data-point="${id}"] [data-control="${other}"]`)?.focus();
  }, [points]);

  async function move(point: TalkingPoint, direction: Direction) {
    // Named before the list is drawn again, so the redraw that moves the row restores focus.
    refocus.current = { element: document.activeElement, id: point.id, direction };
    const result = await movePoint(point.id, direction);
    if (!result.ok) {
      refocus.current = null;
      setError(result.message);
      return;
    }
    setError(null);
    const open = splitPoints(useOneOnOne.getState().points ?? []).open;
    const place = open.findIndex((p) => p.id === point.id) + 1;
    setAnnouncement(windowMessage('oneonone.points.moved', { text: point.text, place, count: open.length }));
  }

  async function edit(point: TalkingPoint, text: string): Promise<string | null> {
    const result = await editPoint(point.id, text);
    return result.ok ? null : result.message;
  }

  return { move, edit, announcement, error };
}

/**
 * Talking points: write one (Enter adds it), tick it once discussed (it moves to the collapsed
 * "Discussed" list, where unticking brings it back), or delete it. Open points stay until
 * discussed, from one one-on-one to the next.
 */
export function TalkingPointsCard() {
  const {
    points,
    open,
    discussed,
    pointsError,
    loadPoints,
    text,
    setText,
    adding,
    addError,
    actionError,
    justDiscussed,
    input,
    boxes,
    onSubmit,
    toggle,
    remove,
    arrange,
  } = useTalkingPoints();
  const t = useMessages();
  return (
    <Card
      title={t('oneonone.points.title')}
      description={t('oneonone.points.description')}
      className="talking-points"
    >
      <AddPointForm
        inputRef={input}
        text={text}
        error={addError}
        adding={adding}
        onText={setText}
        onSubmit={(e) => void onSubmit(e)}
      />
      {pointsError !== null && <RetryNotice onRetry={() => void loadPoints()}>{pointsError}</RetryNotice>}
      {actionError !== null && <Notice tone="error">{actionError}</Notice>}
      {arrange.error !== null && <Notice tone="error">{arrange.error}</Notice>}
      <p className="visually-hidden" role="status">
        {arrange.announcement}
      </p>
      {points !== null &&
        (open.length === 0 ? (
          <p className="talking-points__empty">{t('oneonone.points.empty')}</p>
        ) : (
          <ol className="talking-points__list" aria-label={t('oneonone.points.openList')}>
            {open.map((point, i) => (
              <PointRow
                key={point.id}
                point={point}
                place={{ index: i + 1, count: open.length }}
                onEdit={(text) => arrange.edit(point, text)}
                onMove={(direction) => void arrange.move(point, direction)}
                boxRef={(el) => {
                  if (el) boxes.set(point.id, el);
                  else boxes.delete(point.id);
                }}
                onToggle={(on) => void toggle(point, on)}
                onDelete={() => void remove(point)}
              />
            ))}
          </ol>
        ))}
      {justDiscussed !== null && justDiscussed.discussedAt === null && (
        <UndoDiscussed point={justDiscussed} onUndo={() => void toggle(justDiscussed, false)} />
      )}
      {discussed.length > 0 && (
        <DiscussedList
          points={discussed}
          onToggle={(p, on) => void toggle(p, on)}
          onDelete={(p) => void remove(p)}
        />
      )}
    </Card>
  );
}

function AddPointForm({
  inputRef,
  text,
  error,
  adding,
  onText,
  onSubmit,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  error: string | null;
  adding: boolean;
  onText: (text: string) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const t = useMessages();
  return (
    <form className="talking-points__add" onSubmit={onSubmit}>
      <Field label={t('oneonone.points.newLabel')} error={error}>
        {(control) => (
          <Input
            {...control}
            ref={inputRef}
            value={text}
            maxLength={500}
            autoComplete="off"
            placeholder={t('oneonone.points.placeholder')}
            onChange={(e) => onText(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" busy={adding} className="talking-points__add-button">
        {t('oneonone.points.add')}
      </Button>
    </form>
  );
}

function UndoDiscussed({ point, onUndo }: { point: TalkingPoint; onUndo: () => void }) {
  const t = useMessages();
  return (
    <div className="talking-points__undo" role="status">
      <span>{t('oneonone.points.markedDiscussed', { text: point.text })}</span>
      <Button size="sm" variant="ghost" onClick={onUndo}>
        {t('oneonone.points.undo')}
      </Button>
    </div>
  );
}

function DiscussedList({
  points,
  onToggle,
  onDelete,
}: {
  points: TalkingPoint[];
  onToggle: (point: TalkingPoint, discussed: boolean) => void;
  onDelete: (point: TalkingPoint) => void;
}) {
  const t = useMessages();
  return (
    <details className="talking-points__discussed">
      <summary className="talking-points__summary">
        {t('oneonone.points.discussedSummary', { count: points.length })}
      </summary>
      <ul className="talking-points__list" aria-label={t('oneonone.points.discussedList')}>
        {points.map((point) => (
          <PointRow
            key={point.id}
            point={point}
            onToggle={(on) => onToggle(point, on)}
            onDelete={() => onDelete(point)}
          />
        ))}
      </ul>
    </details>
  );
}
