import { useId, useState } from 'react';
import { recoveryMessageIn } from '../../src-main/shared/i18n/recovery-message';
import type { RecoveryNotice } from '../api/types';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { useMessages } from '../i18n/KeelIntl';
import { useData } from '../stores/data';
import { formatLongDate } from '../lib/format';
import { formatTime } from '../lib/time';
import { useNavigation } from '../stores/navigation';
import './RecoveryBanner.css';

/**
 * The account in the window's language, from main's facts; a notice stored by an older Keel
 * (without the restored backup's time) keeps the English it was stored with.
 */
function recoveryText(recovery: RecoveryNotice, t: ReturnType<typeof useMessages>): string {
  if (recovery.restoredFrom !== null && !recovery.restoredAt) return recovery.message;
  const at = recovery.restoredAt ?? null;
  return recoveryMessageIn(t, {
    reason: recovery.reason,
    movedTo: recovery.movedTo,
    restored:
      at === null ? null : { date: formatLongDate(at.slice(0, 10)), time: formatTime(at.slice(11, 16)) },
  });
}

/**
 * Told once, above every view, when Keel could not use its data file at start-up: what happened
 * and where the old file is (main's sentence), until the user dismisses it.
 */
export function RecoveryBanner() {
  const recovery = useData((s) => s.overview?.recovery ?? null);
  const busy = useData((s) => s.busy);
  const dismissRecovery = useData((s) => s.dismissRecovery);
  const navigate = useNavigation((s) => s.navigate);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const t = useMessages();

  if (recovery === null) return null;

  function showInSettings() {
    // The data card takes focus (its backups are where another copy can be restored).
    navigate('settings', { target: 'section:Your data' });
  }

  async function dismiss() {
    setError(null);
    const result = await dismissRecovery();
    if (!result.ok) {
      setError(result.message);
      return;
    }
    // The banner is gone with the button that had focus: continue at the view's heading.
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }

  return (
    <section className="recovery-banner" aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        {t('app.recovery.heading')}
      </h2>
      <Notice
        tone="info"
        className="recovery-banner__notice"
        action={
          <div className="recovery-banner__actions">
            <Button size="sm" onClick={showInSettings}>
              {t('app.recovery.show')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              busy={busy === 'dismiss'}
              disabled={busy !== null}
              onClick={() => void dismiss()}
            >
              {t('app.recovery.dismiss')}
            </Button>
          </div>
        }
      >
        {recoveryText(recovery, t)}
      </Notice>
      {error !== null && <Notice tone="error">{error}</Notice>}
    </section>
  );
}
