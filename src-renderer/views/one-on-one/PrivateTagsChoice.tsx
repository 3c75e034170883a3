import type { SummaryOptions } from '../../api/types';
import { useMessages } from '../../i18n/KeelIntl';
import type { BuilderChoices } from '../../lib/oneOnOne';

/**
 * The custom tags of the period's check-ins whose notes are private: they count in "Where I feel
 * stretched" only when ticked here, one by one, and start unticked.
 */
export function PrivateTagsChoice({
  options,
  choice,
  onTag,
}: {
  options: SummaryOptions;
  choice: BuilderChoices;
  onTag: (id: string, on: boolean) => void;
}) {
  const t = useMessages();
  return (
    <fieldset className="summary-builder__group">
      <legend className="summary-builder__legend">{t('oneonone.builder.privateTags')}</legend>
      <p className="summary-builder__hint">{t('oneonone.builder.privateTagsHint')}</p>
      <ul className="summary-builder__list">
        {options.privateTags.map((tag) => (
          <li key={tag.id}>
            <label className="one-on-one__checkbox">
              <input
                type="checkbox"
                checked={choice.privateTags.includes(tag.id)}
                onChange={(e) => onTag(tag.id, e.target.checked)}
              />
              <span>
                {tag.label}{' '}
                <span className="summary-builder__note-date">
                  {t('oneonone.builder.namedIn', { count: tag.count })}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
