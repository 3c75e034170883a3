import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import type { SignoffStatus } from '../../api/types';
import { modifierLabel } from '../../app/useViewShortcuts';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { CloseIcon, PlusIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { Textarea } from '../../components/Textarea';
import {
  draftFor,
  invalidUnfinished,
  MAX_UNFINISHED,
  newRow,
  submitPayload,
  type RitualDraft,
  type UnfinishedRow,
} from '../../lib/signoff';
import { useSignoff } from '../../stores/signoff';
import { EnergyPicker } from './EnergyPicker';
import './RitualForm.css';

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/**
 * The shutdown ritual: what got done, what is unfinished and how it continues, the first thing
 * tomorrow, an optional energy rating, and whether to keep Keel quiet until the next working
 * start. Every field may stay empty. Ctrl/Cmd+Enter signs off from anywhere in the form. What
 * was typed lives in the store until it is saved, so a refused save or a trip to another view
 * loses nothing.
 */
export function RitualForm({
  status,
  editing,
  firstFieldRef,
  onCancel,
}: {
  status: SignoffStatus;
  editing: boolean;
  /** The first field, for the suggestion banner's "Sign off" to move focus to. */
  firstFieldRef: Ref<HTMLTextAreaElement>;
  onCancel: () => void;
}) {
  const stored = useSignoff((s) => s.draft);
  const setDraft = useSignoff((s) => s.setDraft);
  const submit = useSignoff((s) => s.submit);
  const [fresh] = useState(() => draftFor(status, editing ? status.signedOff : null));
  const draft = stored !== null && stored.workday === status.workday ? stored : fresh;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const rowInputs = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const quietHint = useId();
  const unfinishedHint = useId();
  const shortcutHint = useId();
  const invalid = error !== null ? invalidUnfinished(error, draft) : null;

  function edit(change: Partial<RitualDraft>) {
    setDraft({ ...draft, ...change });
  }

  function editRow(key: number, change: Partial<UnfinishedRow>) {
    edit({ unfinished: draft.unfinished.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  }

  // Adding or removing a row moves focus (to the new row, or the next one) once it is drawn.
  const pendingFocus = useRef<{ key: number | undefined } | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const input = target.key === undefined ? null : rowInputs.current.get(`${target.key}:item`);
    (input ?? addButton.current)?.focus();
  });

  function focusRow(key: number | undefined) {
    pendingFocus.current = { key };
  }

  function addRow() {
    if (draft.unfinished.length >= MAX_UNFINISHED) return;
    const row = newRow();
    edit({ unfinished: [...draft.unfinished, row] });
    focusRow(row.key);
  }

  function removeRow(index: number) {
    const rows = draft.unfinished.filter((_, i) => i !== index);
    edit({ unfinished: rows });
    focusRow((rows[index] ?? rows[index - 1])?.key);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    const outcome = await submit(submitPayload(draft));
    setSaving(false);
    if (outcome.ok) return;
    setError(outcome.message);
    const where = invalidUnfinished(outcome.message, draft);
    const row = where ? draft.unfinished[where.row] : undefined;
    if (where && row) rowInputs.current.get(`${row.key}:${where.field}`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const full = draft.unfinished.length >= MAX_UNFINISHED;
  const mod = modifierLabel();

  return (
    <Card
      title={editing ? 'Edit today’s sign-off' : 'Wrap up the day'}
      description={
        editing
          ? 'Change anything you like. Your sign-off time stays as it was.'
          : 'A minute to close the loops. Every field is optional.'
      }
      className="ritual"
    >
      <form
        ref={formRef}
        className="ritual__form"
        aria-label={editing ? 'Edit today’s sign-off' : 'Sign off for today'}
        aria-describedby={shortcutHint}
        onSubmit={(e) => void onSubmit(e)}
        onKeyDown={onKeyDown}
        noValidate
      >
        <Field label="What got done today">
          {(control) => (
            <Textarea
              {...control}
              ref={firstFieldRef}
              value={draft.done}
              maxLength={2000}
              rows={3}
              placeholder="e.g. Shipped the retry fix; paired with Sam on the migration"
              onChange={(e) => edit({ done: e.target.value })}
            />
          )}
        </Field>

        <fieldset className="ritual__unfinished" aria-describedby={unfinishedHint}>
          <legend className="ritual__legend">Unfinished</legend>
          <p id={unfinishedHint} className="ritual__hint">
            What is still open, and when and how it continues tomorrow.
          </p>
          {draft.unfinished.length > 0 && (
            <div className="ritual__rows">
              <div className="ritual__row ritual__row--head" aria-hidden="true">
                <span>Thing</span>
                <span>When and how it continues</span>
                <span />
              </div>
              {draft.unfinished.map((row, i) => {
                const n = i + 1;
                const bad = invalid?.row === i ? invalid.field : null;
                return (
                  <div key={row.key} className="ritual__row">
                    <Input
                      ref={(el) => {
                        if (el) rowInputs.current.set(`${row.key}:item`, el);
                        else rowInputs.current.delete(`${row.key}:item`);
                      }}
                      aria-label={`Unfinished thing ${n}`}
                      aria-invalid={bad === 'item' || undefined}
                      value={row.item}
                      maxLength={200}
                      placeholder={i === 0 ? 'e.g. Review Sam’s PR' : undefined}
                      onChange={(e) => editRow(row.key, { item: oneLine(e.target.value) })}
                    />
                    <Input
                      ref={(el) => {
                        if (el) rowInputs.current.set(`${row.key}:plan`, el);
                        else rowInputs.current.delete(`${row.key}:plan`);
                      }}
                      aria-label={`How unfinished thing ${n} continues`}
                      aria-invalid={bad === 'plan' || undefined}
                      value={row.plan}
                      maxLength={200}
                      placeholder={i === 0 ? 'e.g. 10:00, after stand-up' : undefined}
                      onChange={(e) => editRow(row.key, { plan: oneLine(e.target.value) })}
                    />
                    <Button
                      variant="ghost"
                      size="sm"
                      className="ritual__remove"
                      aria-label={`Remove unfinished thing ${n}`}
                      onClick={() => removeRow(i)}
                    >
                      <CloseIcon />
                    </Button>
                  </div>
                );
              })}
            </div>
          )}
          <div className="ritual__add">
            <Button ref={addButton} size="sm" disabled={full} onClick={addRow}>
              <PlusIcon /> Add an unfinished thing
            </Button>
            {full && <span className="ritual__hint">That’s the most Keel keeps: {MAX_UNFINISHED}.</span>}
          </div>
        </fieldset>

        <Field label="First thing tomorrow" hint="Keel shows it on Today when your next day starts.">
          {(control) => (
            <Input
              {...control}
              value={draft.firstTomorrow}
              maxLength={280}
              placeholder="e.g. Answer the design review comments"
              onChange={(e) => edit({ firstTomorrow: oneLine(e.target.value) })}
            />
          )}
        </Field>

        <EnergyPicker value={draft.energy} onChange={(energy) => edit({ energy })} />

        <div className="ritual__quiet">
          <Switch
            label="Quiet until tomorrow"
            checked={draft.quiet}
            aria-describedby={quietHint}
            onChange={(e) => edit({ quiet: e.target.checked })}
          />
          <p id={quietHint} className="ritual__quiet-hint">
            Hold Keel’s prompts and turn on do-not-disturb until your next working start.
          </p>
        </div>

        {error !== null && <Notice tone="error">{error}</Notice>}

        <div className="ritual__actions">
          <Button type="submit" variant="primary" busy={saving}>
            {editing ? 'Save changes' : 'Sign off'}
          </Button>
          {editing && (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <p id={shortcutHint} className="ritual__shortcut">
            <kbd>{mod}</kbd>
            <span aria-hidden="true">+</span>
            <kbd>Enter</kbd> {editing ? 'saves' : 'signs off'} from any field
          </p>
        </div>
      </form>
    </Card>
  );
}
