import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { updateLocale, type UpdateDraftDto, type UpdateEdits } from '../../api/update';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { PlusIcon } from '../../components/Icons';
import { Input } from '../../components/Input';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { RetryNotice } from '../../components/RetryNotice';
import { Switch } from '../../components/Switch';
import { useFocusTargetRef } from '../../components/focusRequest';
import { useMessages } from '../../i18n/KeelIntl';
import { draftStatus } from '../../lib/weeklyUpdate';
import { isKept, useWeeklyUpdate, type UpdateSection } from '../../stores/weeklyUpdate';
import './WeeklyUpdateCard.css';

/** How long typing must pause before the edits are kept in main (and previewed). */
export const SAVE_DEBOUNCE_MS = 400;
const SECTIONS: readonly UpdateSection[] = ['shipped', 'next', 'blockers'];

/**
 * The weekly update, drafted from the week's sign-offs: each section's lines can be edited, added,
 * removed and moved; the focus and mood lines are off until ticked. Edits are kept in main once
 * typing pauses, so closing the window loses nothing; the preview card shows what leaves.
 */
export function WeeklyUpdateCard() {
  const draft = useWeeklyUpdate((s) => s.draft);
  const edits = useWeeklyUpdate((s) => s.edits);
  const loadError = useWeeklyUpdate((s) => s.loadError);
  const saveError = useWeeklyUpdate((s) => s.saveError);
  const kept = useWeeklyUpdate(isKept);
  const load = useWeeklyUpdate((s) => s.load);
  const persist = useWeeklyUpdate((s) => s.persist);
  const heading = useRef<HTMLHeadingElement>(null);
  // Asked for by name (the sign-off screen's offer, the command palette): focus comes here.
  useFocusTargetRef(heading, 'weekly-update');
  const t = useMessages();

  useEffect(() => {
    void load();
  }, [load]);

  const editsKey = edits === null ? null : JSON.stringify(edits);
  useEffect(() => {
    if (editsKey === null || kept) return;
    const timer = setTimeout(() => void persist(), SAVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [editsKey, kept, persist]);

  return (
    <Card
      className="weekly-update"
      title={
        <span ref={heading} tabIndex={-1} id="weekly-update-title">
          {t('oneonone.update.title')}
        </span>
      }
      description={t('oneonone.update.description')}
    >
      {loadError !== null && <RetryNotice onRetry={() => void load()}>{loadError}</RetryNotice>}
      {draft === null || edits === null ? (
        loadError === null && <Loading label={t('oneonone.update.loading')} />
      ) : (
        <UpdateEditor draft={draft} edits={edits} />
      )}
      {saveError !== null && <Notice tone="error">{saveError}</Notice>}
    </Card>
  );
}

function UpdateEditor({ draft, edits }: { draft: UpdateDraftDto; edits: UpdateEdits }) {
  const moveWeek = useWeeklyUpdate((s) => s.moveWeek);
  const reset = useWeeklyUpdate((s) => s.reset);
  const setOption = useWeeklyUpdate((s) => s.setOption);
  const t = useMessages();
  return (
    <>
      <div className="weekly-update__week" role="group" aria-label={t('oneonone.update.week')}>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => moveWeek(-1)}
          aria-label={t('oneonone.update.weekBefore')}
        >
          <span aria-hidden="true">←</span>
        </Button>
        <p className="weekly-update__label" aria-live="polite">
          <FormattedMessage
            id="oneonone.update.weekOf"
            values={{ label: draft.label, b: (chunks) => <strong>{chunks}</strong> }}
          />
        </p>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => moveWeek(1)}
          aria-label={t('oneonone.update.weekAfter')}
        >
          <span aria-hidden="true">→</span>
        </Button>
      </div>
      <p className="weekly-update__status">
        {draftStatus(draft)}{' '}
        {draft.saved && (
          <Button size="sm" variant="ghost" onClick={() => void reset()}>
            {t('oneonone.update.reset')}
          </Button>
        )}
      </p>
      {SECTIONS.map((section) => (
        <LinesEditor
          key={section}
          section={section}
          title={t(`export.update.section.${section}`)}
          lines={edits[section]}
        />
      ))}
      <div className="weekly-update__options">
        <Switch
          label={<OptionLabel title={t('oneonone.update.focus')} line={draft.focusLine} />}
          checked={edits.focus}
          onChange={(e) => setOption('focus', e.target.checked)}
        />
        <Switch
          label={<OptionLabel title={t('oneonone.update.mood')} line={draft.moodLine} />}
          checked={edits.mood}
          onChange={(e) => setOption('mood', e.target.checked)}
        />
      </div>
    </>
  );
}

function OptionLabel({ title, line }: { title: string; line: string }) {
  return (
    <span className="weekly-update__option">
      <span>{title}</span>
      {/* Goes into the update as it is, so it is written in the update's language. */}
      <span className="weekly-update__option-line" lang={updateLocale()}>
        {line}
      </span>
    </span>
  );
}

/** One section's lines: each editable, movable (Alt+↑/↓) and removable, and a new one at the end. */
function LinesEditor({ section, title, lines }: { section: UpdateSection; title: string; lines: string[] }) {
  const setLine = useWeeklyUpdate((s) => s.setLine);
  const addLine = useWeeklyUpdate((s) => s.addLine);
  const removeLine = useWeeklyUpdate((s) => s.removeLine);
  const moveLine = useWeeklyUpdate((s) => s.moveLine);
  const list = useRef<HTMLOListElement>(null);
  const focusAt = (index: number) =>
    requestAnimationFrame(() => list.current?.querySelectorAll('input')[index]?.focus());
  const headingId = `weekly-update-${section}`;
  const t = useMessages();
  return (
    <section className="weekly-update__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="weekly-update__section-title">
        {title}
      </h3>
      {lines.length === 0 && <p className="weekly-update__empty">{t('oneonone.update.nothing')}</p>}
      <ol ref={list} className="weekly-update__lines">
        {lines.map((line, index) => (
          <li key={index} className="weekly-update__line">
            <Input
              value={line}
              maxLength={2000}
              aria-label={t('oneonone.update.lineLabel', { section: title, number: index + 1 })}
              onChange={(e) => setLine(section, index, e.target.value)}
              onKeyDown={(e) => {
                if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                e.preventDefault();
                const step = e.key === 'ArrowUp' ? -1 : 1;
                if (index + step < 0 || index + step >= lines.length) return;
                moveLine(section, index, step);
                focusAt(index + step);
              }}
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('oneonone.update.lineUp', { section: title, number: index + 1 })}
              aria-keyshortcuts="Alt+ArrowUp"
              disabled={index === 0}
              onClick={() => moveLine(section, index, -1)}
            >
              <span aria-hidden="true">↑</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('oneonone.update.lineDown', { section: title, number: index + 1 })}
              aria-keyshortcuts="Alt+ArrowDown"
              disabled={index === lines.length - 1}
              onClick={() => moveLine(section, index, 1)}
            >
              <span aria-hidden="true">↓</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('oneonone.update.lineRemove', { section: title, number: index + 1 })}
              onClick={() => {
                removeLine(section, index);
                focusAt(Math.max(0, index - 1));
              }}
            >
              <span aria-hidden="true">✕</span>
            </Button>
          </li>
        ))}
      </ol>
      <Button
        size="sm"
        onClick={() => {
          addLine(section);
          focusAt(lines.length);
        }}
      >
        <PlusIcon /> {t('oneonone.update.addLine', { section: title })}
      </Button>
    </section>
  );
}
