import type { Cadence, CheckForm } from '../../api/types';
import { useMessages } from '../../i18n/KeelIntl';
import { cadenceSentence, cadenceText, nextPromptSentence } from '../../lib/checkin';
import { weekdayName } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';
import { DEFAULT_CHECK_TIME, workingDayBefore } from '../../../src-main/shared/vocabulary';
import './CadenceLine.css';

/** The cadence in force as settings hold it: the chosen one, or weekly before the one-on-one. */
function useCadenceInForce(): Cadence | null {
  const settings = useSettings((s) => s.settings);
  if (!settings) return null;
  if (settings.checkins.cadence !== null) return settings.checkins.cadence;
  const oneOnOne = settings.oneOnOne;
  const weekday = oneOnOne ? workingDayBefore(oneOnOne.weekday, settings.workingHours) : 'fri';
  return { mode: 'weekly', weekday, time: DEFAULT_CHECK_TIME };
}

/**
 * When Keel asks for the quick check, when it asks next, and a way to Settings to change it.
 */
export function CadenceLine({ form }: { form: CheckForm }) {
  const t = useMessages();
  const hasOneOnOne = useSettings((s) => (s.settings?.oneOnOne ?? null) !== null);
  const inForce = useCadenceInForce();
  const today = useStatus((s) => s.status?.today.date ?? null);
  const navigate = useNavigation((s) => s.navigate);
  const { cadence, nextPrompt } = form;

  const parts: string[] = [];
  if (cadence.mode === 'signoff') parts.push(t('checkin.cadence.signoff'));
  else if (cadence.mode === 'manual') parts.push(t('checkin.cadence.manual'));
  else {
    // Main's words until the settings are read (they name the same cadence).
    const words = (inForce?.mode === cadence.mode ? cadenceText(inForce) : null) ?? cadence.text;
    parts.push(cadenceSentence(cadence, hasOneOnOne, words));
    const next = nextPrompt === null ? null : nextPromptSentence(nextPrompt, today);
    if (next !== null) parts.push(next);
    // Why it comes early: a holiday (with the user's own note) or a day off.
    const moved = form.nextPromptMoved;
    if (next !== null && moved !== null) {
      parts.push(
        t('checkin.cadence.moved', {
          weekday: weekdayName(moved.weekday),
          kind: moved.holiday ? (moved.note === null ? 'holiday' : 'note') : 'dayOff',
          note: moved.note ?? '',
        }),
      );
    }
  }

  return (
    <span className="cadence-line">
      <span>{parts.join(' ')}</span>{' '}
      <button
        type="button"
        className="cadence-line__link"
        onClick={() => navigate('settings', { target: 'section:Check-ins' })}
      >
        {t('checkin.cadence.change')}
      </button>
    </span>
  );
}
