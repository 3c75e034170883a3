import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TalkingPoint } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { splitPoints } from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';
import { RetryNotice } from '../../components/RetryNotice';
import './TalkingPointsCard.css';

/**
 * Talking points: write one (Enter adds it), tick it once discussed (it moves to the collapsed
 * "Discussed" list, where unticking brings it back), or delete it. Open points stay until
 * discussed, from one one-on-one to the next.
 */
export function TalkingPointsCard() {
  const points = useOneOnOne((s) => s.points);
  const pointsError = useOneOnOne((s) => s.pointsError);
  const loadPoints = useOneOnOne((s) => s.loadPoints);
  const addPoint = useOneOnOne((s) => s.addPoint);
  const setDiscussed = useOneOnOne((s) => s.setDiscussed);
  const deletePoint = useOneOnOne((s) => s.deletePoint);
  const text = useOneOnOne((s) => s.pointDraft);
  const setText = useOneOnOne((s) => s.setPointDraft);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [justDiscussed, setJustDiscussed] = useState<TalkingPoint | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const boxes = useRef(new Map<string, HTMLInputElement>());
  // After a point leaves the open list its checkbox is gone: focus the next one, or the input.
  const pendingFocus = useRef<string | 'input' | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    (target === 'input' ? input.current : (boxes.current.get(target) ?? input.current))?.focus();
  });

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

  function neighbourOf(point: TalkingPoint): string | 'input' {
    const index = open.findIndex((p) => p.id === point.id);
    return (open[index + 1] ?? open[index - 1])?.id ?? 'input';
  }

  async function toggle(point: TalkingPoint, on: boolean) {
    const next = on ? neighbourOf(point) : null;
    const result = await setDiscussed(point.id, on);
    if (!result.ok) {
      setActionError(result.message);
      return;
    }
    setActionError(null);
    setJustDiscussed(on ? point : null);
    if (next !== null) pendingFocus.current = next;
  }

  async function remove(point: TalkingPoint) {
    const next = point.discussedAt === null ? neighbourOf(point) : 'input';
    const result = await deletePoint(point.id);
    if (!result.ok) {
      setActionError(result.message);
      return;
    }
    setActionError(null);
    if (justDiscussed?.id === point.id) setJustDiscussed(null);
    pendingFocus.current = next;
  }

  return (
    <Card
      title="Talking points"
      description="What you want to bring up. Points you have not discussed yet stay here for the next one-on-one."
      className="talking-points"
    >
      <form className="talking-points__add" onSubmit={(e) => void onSubmit(e)}>
        <Field label="New talking point" error={addError}>
          {(control) => (
            <Input
              {...control}
              ref={input}
              value={text}
              maxLength={500}
              autoComplete="off"
              placeholder="e.g. Ask about the on-call rotation"
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={adding} className="talking-points__add-button">
          Add
        </Button>
      </form>
      {pointsError !== null && <RetryNotice onRetry={() => void loadPoints()}>{pointsError}</RetryNotice>}
      {actionError !== null && <Notice tone="error">{actionError}</Notice>}
      {points !== null &&
        (open.length === 0 ? (
          <p className="talking-points__empty">
            No open talking points. Add one above when something comes to mind.
          </p>
        ) : (
          <ul className="talking-points__list" aria-label="Open talking points">
            {open.map((point) => (
              <PointRow
                key={point.id}
                point={point}
                boxRef={(el) => {
                  if (el) boxes.current.set(point.id, el);
                  else boxes.current.delete(point.id);
                }}
                onToggle={(on) => void toggle(point, on)}
                onDelete={() => void remove(point)}
              />
            ))}
          </ul>
        ))}
      {justDiscussed !== null && justDiscussed.discussedAt === null && (
        <div className="talking-points__undo" role="status">
          <span>Marked “{justDiscussed.text}” as discussed.</span>
          <Button size="sm" variant="ghost" onClick={() => void toggle(justDiscussed, false)}>
            Undo
          </Button>
        </div>
      )}
      {discussed.length > 0 && (
        <details className="talking-points__discussed">
          <summary className="talking-points__summary">Discussed ({discussed.length})</summary>
          <ul className="talking-points__list" aria-label="Discussed talking points">
            {discussed.map((point) => (
              <PointRow
                key={point.id}
                point={point}
                onToggle={(on) => void toggle(point, on)}
                onDelete={() => void remove(point)}
              />
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}

function PointRow({
  point,
  boxRef,
  onToggle,
  onDelete,
}: {
  point: TalkingPoint;
  boxRef?: (el: HTMLInputElement | null) => void;
  onToggle: (discussed: boolean) => void;
  onDelete: () => void;
}) {
  const done = point.discussedAt !== null;
  return (
    <li className={done ? 'talking-points__item talking-points__item--done' : 'talking-points__item'}>
      <label className="one-on-one__checkbox talking-points__label">
        <input
          ref={boxRef}
          type="checkbox"
          checked={done}
          aria-label={done ? `Discussed: ${point.text}` : point.text}
          onChange={(e) => onToggle(e.target.checked)}
        />
        <span>{point.text}</span>
      </label>
      <Button size="sm" variant="ghost" aria-label={`Delete “${point.text}”`} onClick={onDelete}>
        Delete
      </Button>
    </li>
  );
}
