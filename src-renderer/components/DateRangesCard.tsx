import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { formatShortDate } from '../lib/format';
import { formatDateWithYear } from '../lib/rules';
import { useSaveBarEntry, type SaveBarSection } from '../stores/settingsDrafts';
import {
  AppliesFrom,
  appliesFromProblem,
  chosenFrom,
  FROM_TODAY,
  recountSentence,
  type AppliesFromValue,
} from './AppliesFrom';
import { Button } from './Button';
import { Card } from './Card';
import { Input } from './Input';
import { useMessages } from '../i18n/KeelIntl';
import { windowMessage } from '../i18n/window-locale';
import './DateRangesCard.css';

/** A span of calendar dates, both ends included, with an optional note. */
export interface DateRange {
  from: string;
  to: string;
  note?: string;
}

export interface DateRangesCardProps {
  title: ReactNode;
  description?: ReactNode;
  ranges: readonly DateRange[];
  /** Which kind of range, choosing the buttons' and messages' words: "pause", "holiday". */
  noun: string;
  /** Shown when there are none, e.g. "No pauses planned." */
  emptyText: string;
  notePlaceholder?: string;
  /** Today's date in the user's zone (main's), or null while unknown. */
  today: string | null;
  /**
   * Saves the whole list, from `from` (undefined: today); on failure answers main's sentence,
   * shown as-is.
   */
  onSave: (ranges: DateRange[], from?: string) => Promise<{ ok: true } | { ok: false; message: string }>;
  /**
   * In Settings: a range typed but not added is an unsaved edit, listed in the save bar (which adds
   * it) and asked about before leaving.
   */
  saveBar?: SaveBarSection;
}

/** "Mon 14 Apr" or "Mon 14 Apr – Fri 18 Apr". */
export function describeRange(range: DateRange): string {
  return range.from === range.to
    ? formatShortDate(range.from)
    : windowMessage('settings.rules.span', {
        from: formatShortDate(range.from),
        to: formatShortDate(range.to),
      });
}

/**
 * A list of date ranges (focus pauses, holidays) with a small form to add one; each change is
 * saved at once, from today or from the date chosen under "Applies from". A new range that starts
 * before that date offers its own start instead, saying what that recounts: never silently.
 * A refused range stays in the form with main's sentence under it.
 */
export function DateRangesCard(props: DateRangesCardProps) {
  const { ranges, noun, today } = props;
  const dated = useDatedWrite(props.onSave);
  const { busy, error, write, appliesFrom, chooseFrom, dateError } = dated;
  const { value: typed, set, onAdd } = useTypedRange(props, dated);
  const { from, to, note } = typed;
  const ids = { from: useId(), to: useId(), note: useId(), error: useId() };
  const t = useMessages();

  return (
    <Card title={props.title} description={props.description}>
      <RangeList
        ranges={ranges}
        noun={noun}
        emptyText={props.emptyText}
        busy={busy}
        onRemove={(i) =>
          void write(
            ranges.filter((_, j) => j !== i),
            `remove-${i}`,
          )
        }
      />
      <form className="date-ranges__add" onSubmit={onAdd} noValidate>
        <RangeFields
          ids={ids}
          value={{ from, to, note }}
          invalid={error !== null}
          notePlaceholder={props.notePlaceholder}
          onFrom={(v) => set({ from: v })}
          onTo={(v) => set({ to: v })}
          onNote={(v) => set({ note: v })}
        />
        <Button type="submit" busy={busy === 'add'}>
          {t('settings.ranges.add', { noun })}
        </Button>
        <EarlierStart
          start={from}
          effective={appliesFrom.choice === 'date' && appliesFrom.date !== '' ? appliesFrom.date : today}
          today={today}
          noun={noun}
          onChoose={(date) => chooseFrom({ choice: 'date', date })}
        />
      </form>
      {error !== null && (
        <p id={ids.error} className="date-ranges__error" role="alert">
          {error}
        </p>
      )}
      <div className="date-ranges__when">
        <AppliesFrom value={appliesFrom} onChange={chooseFrom} today={today} error={dateError} />
      </div>
    </Card>
  );
}

/**
 * The range being typed and adding it. Typed but not added, it is an unsaved edit for Settings'
 * save bar (when the card is in Settings).
 */
function useTypedRange(props: DateRangesCardProps, dated: ReturnType<typeof useDatedWrite>) {
  const { ranges, noun } = props;
  const { busy, setError, write } = dated;
  const empty = { from: '', to: '', note: '' };
  const [value, setValue] = useState(empty);
  const { from, to, note } = value;

  /** Adds the typed range; false (the form says why) when it was not added. */
  async function addTyped(): Promise<boolean> {
    if (busy !== null) return false;
    if (from === '') {
      setError(windowMessage('settings.ranges.chooseFirst', { noun }));
      return false;
    }
    const range: DateRange = {
      from,
      to: to === '' ? from : to,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const list = [...ranges, range].sort((a, b) => a.from.localeCompare(b.from));
    const added = await write(list, 'add');
    if (added) setValue(empty);
    return added;
  }

  const typed = from !== '' || to !== '' || note.trim() !== '';
  useSaveBarEntry(props.saveBar, typed, {
    save: addTyped,
    reset: () => {
      setValue(empty);
      setError(null);
    },
  });

  return {
    value,
    set: (change: Partial<typeof empty>) => setValue((v) => ({ ...v, ...change })),
    onAdd(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      void addTyped();
    },
  };
}

/** Saves a list from the day "Applies from" names; busy names the control waiting for main. */
function useDatedWrite(onSave: DateRangesCardProps['onSave']) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [appliesFrom, setAppliesFrom] = useState<AppliesFromValue>(FROM_TODAY);
  const [dateError, setDateError] = useState<string | null>(null);

  async function write(value: DateRange[], key: string): Promise<boolean> {
    const problem = appliesFromProblem(appliesFrom);
    if (problem !== null) {
      setDateError(problem);
      return false;
    }
    setBusy(key);
    setError(null);
    const result = await onSave(value, chosenFrom(appliesFrom));
    setBusy(null);
    if (!result.ok) setError(result.message);
    // The next change starts from "Today" again.
    else setAppliesFrom(FROM_TODAY);
    return result.ok;
  }

  function chooseFrom(value: AppliesFromValue) {
    setAppliesFrom(value);
    setDateError(null);
  }

  return { busy, error, setError, write, appliesFrom, chooseFrom, dateError };
}

/**
 * A new range that starts before the day the change applies from would leave its first days as
 * they were: offer its start as that day, with what it recounts.
 */
function EarlierStart({
  start,
  effective,
  today,
  noun,
  onChoose,
}: {
  start: string;
  /** The day the change applies from, or null while today is unknown. */
  effective: string | null;
  today: string | null;
  noun: string;
  onChoose: (date: string) => void;
}) {
  const t = useMessages();
  const earlier = /^\d{4}-\d{2}-\d{2}$/.test(start) && effective !== null && start < effective;
  const day = formatDateWithYear(start);
  const from = formatDateWithYear(effective ?? '');
  // A live region that is always there, so what appears in it is announced.
  return (
    <div className={earlier ? 'date-ranges__earlier' : 'visually-hidden'} role="status">
      {earlier && (
        <>
          <p>
            {effective === today
              ? t('settings.ranges.earlierToday', { noun, day })
              : t('settings.ranges.earlierDate', { noun, day, from })}{' '}
            {recountSentence(start)}
          </p>
          <Button size="sm" onClick={() => onChoose(start)}>
            {t('settings.ranges.applyFrom', { day })}
          </Button>
        </>
      )}
    </div>
  );
}

function RangeList({
  ranges,
  noun,
  emptyText,
  busy,
  onRemove,
}: {
  ranges: readonly DateRange[];
  noun: string;
  emptyText: string;
  busy: string | null;
  onRemove: (index: number) => void;
}) {
  const t = useMessages();
  if (ranges.length === 0) return <p className="date-ranges__none">{emptyText}</p>;
  return (
    <ul className="date-ranges">
      {ranges.map((range, i) => (
        <li key={`${range.from}-${range.to}-${i}`} className="date-ranges__item">
          <span className="date-ranges__dates tabular">{describeRange(range)}</span>
          {range.note !== undefined && <span className="date-ranges__note">{range.note}</span>}
          <Button
            variant="ghost"
            size="sm"
            className="date-ranges__remove"
            busy={busy === `remove-${i}`}
            aria-label={t('settings.ranges.removeLabel', { noun, dates: describeRange(range) })}
            onClick={() => onRemove(i)}
          >
            {t('settings.ranges.remove')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The add form's From, To and Note fields. */
function RangeFields({
  ids,
  value,
  invalid,
  notePlaceholder,
  onFrom,
  onTo,
  onNote,
}: {
  ids: { from: string; to: string; note: string; error: string };
  value: { from: string; to: string; note: string };
  invalid: boolean;
  notePlaceholder: string | undefined;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  onNote: (value: string) => void;
}) {
  const t = useMessages();
  return (
    <>
      <label className="date-ranges__field" htmlFor={ids.from}>
        <span>{t('settings.ranges.from')}</span>
        <Input
          id={ids.from}
          type="date"
          value={value.from}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? ids.error : undefined}
          onChange={(e) => onFrom(e.target.value)}
        />
      </label>
      <label className="date-ranges__field" htmlFor={ids.to}>
        <span>{t('settings.ranges.to')}</span>
        <Input
          id={ids.to}
          type="date"
          value={value.to}
          min={value.from || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? ids.error : undefined}
          onChange={(e) => onTo(e.target.value)}
        />
      </label>
      <label className="date-ranges__field date-ranges__field--grow" htmlFor={ids.note}>
        <span>{t('settings.ranges.note')}</span>
        <Input
          id={ids.note}
          value={value.note}
          maxLength={120}
          placeholder={notePlaceholder}
          onChange={(e) => onNote(e.target.value)}
        />
      </label>
    </>
  );
}
