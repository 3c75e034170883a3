import { CheckIcon } from '../../components/Icons';
import type { SaveFeedback } from './useSettingsForm';

/**
 * A settings form's status line (a live region): "Saved", or "No changes to save." in a quieter
 * style. Cards whose Save says "Saved" either way pass `sayUnchanged={false}`.
 */
export function SaveStatus({
  feedback,
  className,
  sayUnchanged = true,
}: {
  feedback: SaveFeedback;
  /** The card's class for the line; `--quiet` is added for "No changes to save.". */
  className: string;
  sayUnchanged?: boolean;
}) {
  const unchanged = feedback === 'unchanged' && sayUnchanged;
  const saved = feedback === 'saved' || (feedback === 'unchanged' && !sayUnchanged);
  return (
    <p className={unchanged ? `${className} ${className}--quiet` : className} role="status">
      {saved && (
        <>
          <CheckIcon /> Saved
        </>
      )}
      {unchanged && 'No changes to save.'}
    </p>
  );
}
