import { useId, useState } from 'react';
import type { SummaryOptions } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { Loading } from '../../components/Loading';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import { formatShortDate } from '../../lib/format';
import {
  customErrors,
  NOTES_SECTION,
  periodText,
  privateNotesText,
  sectionsOf,
  STRETCHED_SECTION,
  sinceLastOf,
  type BuilderChoices,
  type PeriodChoice,
} from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';
import { RetryNotice } from '../../components/RetryNotice';
import { NameLineField } from './NameLineField';
import { PrivateTagsChoice } from './PrivateTagsChoice';
import { SummaryLanguageField } from './SummaryLanguageField';
import './SummaryBuilderCard.css';

const PERIODS: readonly PeriodChoice[] = ['sinceLast', 'twoWeeks', 'custom'];

/**
 * The summary's choices: a period, an optional name line, the sections (the last chosen ones
 * ticked, or main's defaults), and — with the Notes
 * section — the period's notes, each ticked one by one. Notes not marked "may be shared" are
 * counted ("3 private notes hidden"), shown only on request, and can never be ticked. With "Where I
 * feel stretched", the custom tags of check-ins with private notes are offered to tick, unticked.
 */
export function SummaryBuilderCard() {
  const options = useOneOnOne((s) => s.options);
  const optionsError = useOneOnOne((s) => s.optionsError);
  const optionsLoading = useOneOnOne((s) => s.optionsLoading);
  const loadOptions = useOneOnOne((s) => s.loadOptions);
  const choice = useOneOnOne((s) => s.choice);
  const t = useMessages();

  return (
    <Card
      title={t('oneonone.builder.title')}
      description={t('oneonone.builder.description')}
      className="summary-builder"
    >
      {optionsError !== null && (
        <RetryNotice busy={optionsLoading} onRetry={() => void loadOptions()}>
          {optionsError}
        </RetryNotice>
      )}
      {options === null ? (
        optionsError === null && <Loading label={t('oneonone.builder.loading')} />
      ) : (
        <Choices options={options} choice={choice} />
      )}
    </Card>
  );
}

/** The line under the period choice: which dates it covers. */
function periodHint(options: SummaryOptions, choice: BuilderChoices): string {
  if (choice.period === 'sinceLast') {
    const since = choice.since ?? sinceLastOf(options);
    return since.lastSharedOn === null
      ? windowMessage('oneonone.builder.hint.nothingShared', { period: periodText(since.period) })
      : windowMessage('oneonone.builder.hint.since', {
          date: formatShortDate(since.lastSharedOn),
          period: periodText(since.period),
        });
  }
  if (choice.period === 'twoWeeks')
    return windowMessage('oneonone.builder.hint.twoWeeks', { period: periodText(options.periods.twoWeeks) });
  return windowMessage('oneonone.builder.hint.custom');
}

function Choices({ options, choice }: { options: SummaryOptions; choice: BuilderChoices }) {
  const setPeriod = useOneOnOne((s) => s.setPeriod);
  const setCustom = useOneOnOne((s) => s.setCustom);
  const setSection = useOneOnOne((s) => s.setSection);
  const setNote = useOneOnOne((s) => s.setNote);
  const setPrivateTag = useOneOnOne((s) => s.setPrivateTag);
  const sections = sectionsOf(options, choice.sections);
  const notesOn = sections.includes(NOTES_SECTION);
  const dateErrors = customErrors(choice.custom);
  const t = useMessages();
  const periods = PERIODS.map((value) => ({ value, label: t(`oneonone.builder.period.${value}`) }));

  const hint = periodHint(options, choice);

  return (
    <div className="summary-builder__choices">
      <ChoiceGroup
        label={t('oneonone.builder.period')}
        layout="row"
        options={periods}
        value={choice.period}
        onChange={setPeriod}
        hint={hint}
      />
      {choice.period === 'custom' && (
        <div className="summary-builder__dates">
          <Field label={t('oneonone.builder.from')} error={dateErrors.from}>
            {(control) => (
              <Input
                {...control}
                type="date"
                value={choice.custom.from}
                max={choice.custom.to || undefined}
                onChange={(e) => setCustom(e.target.value, choice.custom.to)}
              />
            )}
          </Field>
          <Field label={t('oneonone.builder.to')} error={dateErrors.to}>
            {(control) => (
              <Input
                {...control}
                type="date"
                value={choice.custom.to}
                min={choice.custom.from || undefined}
                onChange={(e) => setCustom(choice.custom.from, e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <NameLineField />
      <SummaryLanguageField />
      <fieldset className="summary-builder__group">
        <legend className="summary-builder__legend">{t('oneonone.builder.sections')}</legend>
        <ul className="summary-builder__list">
          {options.sections.map((section) => (
            <li key={section.id}>
              <label className="one-on-one__checkbox">
                <input
                  type="checkbox"
                  checked={sections.includes(section.id)}
                  onChange={(e) => setSection(section.id, e.target.checked)}
                />
                <span>{t(`export.summary.section.${section.id}`)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {sections.includes(STRETCHED_SECTION) && options.privateTags.length > 0 && (
        <PrivateTagsChoice options={options} choice={choice} onTag={setPrivateTag} />
      )}
      {notesOn && <NotesChoice options={options} choice={choice} onNote={setNote} />}
    </div>
  );
}

/**
 * The period's notes, each ticked one by one; a note not marked "may be shared" cannot be. Private
 * notes are counted, not shown, until the user asks to see them (this screen is often shared in a
 * one-on-one): hidden again whenever the builder opens.
 */
function NotesChoice({
  options,
  choice,
  onNote,
}: {
  options: SummaryOptions;
  choice: BuilderChoices;
  onNote: (id: string, on: boolean) => void;
}) {
  const t = useMessages();
  const privateHint = useId();
  const privateList = useId();
  const [revealed, setRevealed] = useState(false);
  const shareable = options.notes.filter((n) => n.shareable);
  const hidden = options.notes.filter((n) => !n.shareable);
  const noteItem = (note: SummaryOptions['notes'][number]) => (
    <li key={note.id} className="summary-builder__note">
      <label className="one-on-one__checkbox">
        <input
          type="checkbox"
          checked={note.shareable && choice.noteIds.includes(note.id)}
          disabled={!note.shareable}
          aria-describedby={note.shareable ? undefined : `${privateHint}-${note.id}`}
          onChange={(e) => onNote(note.id, e.target.checked)}
        />
        <span>
          <span className="summary-builder__note-date">{formatShortDate(note.date)}</span> {note.text}
        </span>
      </label>
      {!note.shareable && (
        <p id={`${privateHint}-${note.id}`} className="summary-builder__private">
          {t('oneonone.builder.privateNote')}
        </p>
      )}
    </li>
  );
  return (
    <fieldset className="summary-builder__group">
      <legend className="summary-builder__legend">{t('oneonone.builder.notes')}</legend>
      <p className="summary-builder__hint">{t('oneonone.builder.notesHint')}</p>
      {options.notes.length === 0 ? (
        <p className="summary-builder__hint">{t('oneonone.builder.noNotes')}</p>
      ) : (
        shareable.length > 0 && <ul className="summary-builder__list">{shareable.map(noteItem)}</ul>
      )}
      {hidden.length > 0 && (
        <div className="summary-builder__hidden">
          <p className="summary-builder__hint">{privateNotesText(hidden.length, revealed)}</p>
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={revealed}
            aria-controls={privateList}
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? t('oneonone.builder.hidePrivate') : t('oneonone.builder.showPrivate')}
          </Button>
          {revealed && (
            <ul
              id={privateList}
              className="summary-builder__list"
              aria-label={t('oneonone.builder.privateList')}
            >
              {hidden.map(noteItem)}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
