import type { SummaryOptions } from '../../api/types';
import type { BuilderChoices } from '../../lib/oneOnOne';

/** "named in 1 check-in", "named in 3 check-ins". */
function namedIn(count: number): string {
  return `named in ${count} ${count === 1 ? 'check-in' : 'check-ins'}`;
}

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
  return (
    <fieldset className="summary-builder__group">
      <legend className="summary-builder__legend">Your own tags from private check-ins</legend>
      <p className="summary-builder__hint">
        These tags you made up come from check-ins whose notes are private. They stay out of “Where I feel
        stretched” unless you tick them.
      </p>
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
                {tag.label} <span className="summary-builder__note-date">({namedIn(tag.count)})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
