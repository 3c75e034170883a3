import { CheckIcon } from '../../components/Icons';
import { formatDateWithYear } from '../../lib/rules';
import type { SaveFeedback } from './useSettingsForm';
import { useMessages } from '../../i18n/KeelIntl';

/**
 * A settings form's status line (a live region): "Saved" (with the date, for a change from a named
 * date), or "No changes to save." in a quieter style. Cards whose Save says "Saved" either way pass
 * `sayUnchanged={false}`.
 */
export function SaveStatus({
  feedback,
  className,
  sayUnchanged = true,
  from = null,
}: {
  feedback: SaveFeedback;
  /** The card's class for the line; `--quiet` is added for "No changes to save.". */
  className: string;
  sayUnchanged?: boolean;
  /** The date the saved change takes effect, when the user named one: "Saved, from …". */
  from?: string | null;
}) {
  const t = useMessages();
  const unchanged = feedback === 'unchanged' && sayUnchanged;
  const saved = feedback === 'saved' || (feedback === 'unchanged' && !sayUnchanged);
  return (
    <p className={unchanged ? `${className} ${className}--quiet` : className} role="status">
      {saved && (
        <>
          <CheckIcon />{' '}
          {from === null
            ? t('settings.status.saved')
            : t('settings.status.savedFrom', { date: formatDateWithYear(from) })}
        </>
      )}
      {unchanged && t('settings.status.unchanged')}
    </p>
  );
}
