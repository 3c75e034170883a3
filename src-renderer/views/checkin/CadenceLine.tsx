import type { CheckForm } from '../../api/types';
import { cadenceSentence, promptWhen } from '../../lib/checkin';
import { useNavigation } from '../../stores/navigation';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';
import './CadenceLine.css';

/**
 * When Keel asks for the quick check, when it asks next, and a way to Settings to change it.
 */
export function CadenceLine({ form }: { form: CheckForm }) {
  const hasOneOnOne = useSettings((s) => (s.settings?.oneOnOne ?? null) !== null);
  const today = useStatus((s) => s.status?.today.date ?? null);
  const navigate = useNavigation((s) => s.navigate);
  const { cadence, nextPrompt } = form;

  let text: string;
  if (cadence.mode === 'signoff') text = 'Keel asks for the quick check when you sign off.';
  else if (cadence.mode === 'manual') text = 'Keel does not prompt you; check in whenever you like.';
  else {
    text = `${cadenceSentence(cadence, hasOneOnOne)}.`;
    if (nextPrompt !== null) text += ` Next prompt ${promptWhen(nextPrompt, today)}.`;
    if (nextPrompt !== null && form.nextPromptMoved !== null) text += ` ${form.nextPromptMoved}`;
  }

  return (
    <span className="cadence-line">
      <span>{text}</span>{' '}
      <button
        type="button"
        className="cadence-line__link"
        onClick={() => navigate('settings', { target: 'section:Check-ins' })}
      >
        Change in Settings
      </button>
    </span>
  );
}
