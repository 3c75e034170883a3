import { useEffect, useId, useRef, useState } from 'react';
import type { FocusRule, Weekday } from '../../api/types';
import { AppliesFrom } from '../../components/AppliesFrom';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { CheckIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { WEEKDAYS } from '../../../src-main/shared/vocabulary';
import { useMessages } from '../../i18n/KeelIntl';
import { localeWeekdays, weekdayName } from '../../lib/focus';
import { formatDateWithYear } from '../../lib/rules';
import { useStatus } from '../../stores/status';
import { useSettingsForm, type SaveFeedback } from '../settings/useSettingsForm';
import './PlanEditor.css';

interface DraftRule extends FocusRule {
  key: number;
}

let nextKey = 1;

function draftOf(plan: readonly FocusRule[]): DraftRule[] {
  return plan.map((r) => ({ ...r, key: nextKey++ }));
}

function valueOf(draft: readonly DraftRule[]): FocusRule[] {
  const order = (d: Weekday) => WEEKDAYS.indexOf(d);
  return draft
    .map(({ weekday, start, end }) => ({ weekday, start, end }))
    .sort((a, b) => order(a.weekday) - order(b.weekday) || a.start.localeCompare(b.start));
}

function sameRules(a: readonly DraftRule[], b: readonly DraftRule[]): boolean {
  const x = valueOf(a);
  const y = valueOf(b);
  return (
    x.length === y.length &&
    x.every((r, i) => r.weekday === y[i]?.weekday && r.start === y[i]?.start && r.end === y[i]?.end)
  );
}

/**
 * Where focus goes in the plan: after Save plan (its button is disabled once saved) on the "Saved"
 * line; after Discard on the heading.
 */
function usePlanFocus(saved: SaveFeedback) {
  const heading = useRef<HTMLSpanElement>(null);
  const feedback = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved === 'saved') feedback.current?.focus();
  }, [saved]);
  return { heading, feedback };
}

/** Main's refusal of the plan: on one block (its key and day) when main's path names it. */
interface Refused {
  message: string;
  key: number | null;
  weekday: Weekday | null;
}

/** The draft's block at `path` (`['focusPlan', 1]`, an index into the plan as sent, valueOf's order). */
function ruleAt(path: (string | number)[] | null, draft: DraftRule[]) {
  const index = path?.[0] === 'focusPlan' ? path[1] : undefined;
  const sent = typeof index === 'number' ? valueOf(draft)[index] : undefined;
  const rule =
    sent && draft.find((r) => r.weekday === sent.weekday && r.start === sent.start && r.end === sent.end);
  return rule ? { key: rule.key, weekday: rule.weekday } : null;
}

/**
 * Where main's refusal belongs: the block its path names, found in the draft as it was when main
 * answered (later edits do not move the sentence; React's pattern for state that follows a prop).
 */
function useRefused(message: string | null, path: (string | number)[] | null, draft: DraftRule[]) {
  const [placed, setPlaced] = useState({ path, where: ruleAt(path, draft) });
  let where = placed.where;
  if (placed.path !== path) {
    where = ruleAt(path, draft);
    setPlaced({ path, where });
  }
  if (message === null) return null;
  return { message, key: where?.key ?? null, weekday: where?.weekday ?? null } satisfies Refused;
}

/** The weekly plan: blocks per weekday, added, changed and removed here, saved together. */
export function PlanEditor({ plan }: { plan: readonly FocusRule[] }) {
  const t = useMessages();
  const today = useStatus((s) => s.status?.today.date ?? null);
  const form = useSettingsForm<readonly FocusRule[], DraftRule[], 'plan'>({
    saved: plan,
    draftOf,
    same: sameRules,
    saves: (draft) => [{ field: 'plan', update: { key: 'focusPlan', value: valueOf(draft) } }],
    dated: true,
  });
  const { draft, edit, dirty, saving } = form;
  const refused = useRefused(form.errors.plan ?? null, form.errorPath, draft);
  const errorId = useId();
  const { heading, feedback } = usePlanFocus(form.feedback);

  return (
    <Card
      title={
        <span ref={heading} tabIndex={-1}>
          {t('focus.plan.title')}
        </span>
      }
      description={t('focus.plan.description')}
      className="plan"
    >
      <form onSubmit={form.onSubmit} noValidate>
        <PlanDays draft={draft} refused={refused} errorId={errorId} edit={edit} />
        <AddBlock onAdd={(rule) => edit((d) => [...d, { ...rule, key: nextKey++ }])} />
        {refused !== null && refused.weekday === null && (
          <p id={errorId} className="plan__error" role="alert">
            {refused.message}
          </p>
        )}
        <div className="plan__when">
          <AppliesFrom
            value={form.appliesFrom}
            onChange={form.setAppliesFrom}
            today={today}
            error={form.errors.from ?? null}
          />
        </div>
        <div className="plan__actions">
          <Button type="submit" variant="primary" busy={saving} disabled={!dirty && !saving}>
            {t('focus.plan.save')}
          </Button>
          {dirty && (
            <Button
              variant="danger"
              onClick={() => {
                form.reset();
                // The button goes with the changes: focus the plan's heading.
                heading.current?.focus();
              }}
            >
              {t('focus.plan.discard')}
            </Button>
          )}
          <p ref={feedback} className="plan__feedback" role="status" tabIndex={-1}>
            {dirty && !saving ? (
              <span className="plan__unsaved">{t('focus.plan.unsaved')}</span>
            ) : (
              form.feedback === 'saved' && (
                <span className="plan__saved">
                  <CheckIcon />{' '}
                  {form.savedFrom === null
                    ? t('focus.plan.saved')
                    : t('focus.plan.savedFrom', { date: formatDateWithYear(form.savedFrom) })}
                </span>
              )
            )}
          </p>
        </div>
      </form>
    </Card>
  );
}

/**
 * Each weekday's blocks, in time order. Main's refusal sits under the day it is about (that day
 * and its block point to it); one about the whole plan goes under the editor.
 */
function PlanDays({
  draft,
  refused,
  errorId,
  edit,
}: {
  draft: DraftRule[];
  refused: Refused | null;
  errorId: string;
  edit: (change: (d: DraftRule[]) => DraftRule[]) => void;
}) {
  const t = useMessages();
  const dayId = useId();
  const wholePlan = refused !== null && refused.weekday === null;
  return (
    <div className="plan__days" aria-describedby={wholePlan ? errorId : undefined}>
      {localeWeekdays().map((day) => {
        const name = weekdayName(day);
        const rules = draft
          .filter((r) => r.weekday === day)
          .sort((a, b) => a.start.localeCompare(b.start) || a.key - b.key);
        return (
          <div
            key={day}
            className="plan__day"
            role="group"
            aria-labelledby={`${dayId}-${day}`}
            aria-describedby={refused?.weekday === day ? errorId : undefined}
          >
            <span id={`${dayId}-${day}`} className="plan__day-name">
              {name}
            </span>
            {rules.length === 0 ? (
              <p className="plan__none">{t('focus.plan.noBlocks')}</p>
            ) : (
              <ul className="plan__rules">
                {rules.map((rule, i) => (
                  <RuleRow
                    key={rule.key}
                    rule={rule}
                    weekday={name}
                    number={i + 1}
                    errorId={
                      wholePlan || (refused !== null && refused.key === rule.key) ? errorId : undefined
                    }
                    onChange={(change) =>
                      edit((d) => d.map((r) => (r.key === rule.key ? { ...r, ...change } : r)))
                    }
                    onRemove={() => edit((d) => d.filter((r) => r.key !== rule.key))}
                  />
                ))}
              </ul>
            )}
            {refused?.weekday === day && (
              <p id={errorId} className="plan__error plan__day-error" role="alert">
                {refused.message}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function RuleRow({
  rule,
  weekday,
  number,
  errorId,
  onChange,
  onRemove,
}: {
  rule: DraftRule;
  /** The day's name and the block's place in it, for the fields' labels: "Monday block 2 start". */
  weekday: string;
  number: number;
  /** Main's refusal, when it is about this block (or the whole plan). */
  errorId: string | undefined;
  onChange: (change: Partial<FocusRule>) => void;
  onRemove: () => void;
}) {
  const t = useMessages();
  return (
    <li className="plan__rule">
      <Input
        type="time"
        aria-label={t('focus.plan.rule.start', { weekday, number })}
        value={rule.start}
        aria-invalid={errorId !== undefined || undefined}
        aria-describedby={errorId}
        onChange={(e) => onChange({ start: e.target.value })}
      />
      <span className="plan__to" aria-hidden="true">
        {t('focus.plan.rule.to')}
      </span>
      <Input
        type="time"
        aria-label={t('focus.plan.rule.end', { weekday, number })}
        value={rule.end}
        aria-invalid={errorId !== undefined || undefined}
        aria-describedby={errorId}
        onChange={(e) => onChange({ end: e.target.value })}
      />
      <Button
        variant="ghost"
        size="sm"
        className="plan__remove"
        aria-label={t('focus.plan.rule.removeLabel', { weekday, number })}
        onClick={onRemove}
      >
        {t('focus.plan.rule.remove')}
      </Button>
    </li>
  );
}

function minutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

function AddBlock({ onAdd }: { onAdd: (rule: FocusRule) => void }) {
  const t = useMessages();
  const [weekday, setWeekday] = useState<Weekday>('mon');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('11:00');
  const [error, setError] = useState<string | null>(null);
  const ids = { day: useId(), start: useId(), end: useId(), error: useId() };

  function add() {
    if (!(minutes(end) > minutes(start))) {
      setError(t('focus.plan.add.endAfterStart'));
      return;
    }
    setError(null);
    onAdd({ weekday, start, end });
  }

  return (
    <div className="plan__add" role="group" aria-labelledby={`${ids.day}-title`}>
      <p id={`${ids.day}-title`} className="plan__add-title">
        {t('focus.plan.add.title')}
      </p>
      <div className="plan__add-row">
        <label className="plan__add-field" htmlFor={ids.day}>
          <span>{t('focus.plan.add.weekday')}</span>
          <select
            id={ids.day}
            className="input plan__select"
            value={weekday}
            onChange={(e) => setWeekday(e.target.value as Weekday)}
          >
            {localeWeekdays().map((d) => (
              <option key={d} value={d}>
                {weekdayName(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="plan__add-field" htmlFor={ids.start}>
          <span>{t('focus.plan.add.start')}</span>
          <Input
            id={ids.start}
            type="time"
            value={start}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? ids.error : undefined}
            onChange={(e) => setStart(e.target.value)}
          />
        </label>
        <label className="plan__add-field" htmlFor={ids.end}>
          <span>{t('focus.plan.add.end')}</span>
          <Input
            id={ids.end}
            type="time"
            value={end}
            aria-invalid={error !== null || undefined}
            aria-describedby={error !== null ? ids.error : undefined}
            onChange={(e) => setEnd(e.target.value)}
          />
        </label>
        <Button className="plan__add-button" onClick={add}>
          {t('focus.plan.add.button')}
        </Button>
      </div>
      {error !== null && (
        <p id={ids.error} className="plan__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
