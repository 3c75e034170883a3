import { useEffect, useId, useState } from 'react';
import { api } from '../../api/keel';
import type { DesktopReport, ShortcutOffer } from '../../api/types';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';

type Said = { tone: 'success' | 'info' | 'error'; text: string };
type Answer = 'add' | 'copy' | 'dismiss';

/**
 * Inside Settings → This computer, only where Ctrl+Alt+F cannot reach Keel: the desktop's own
 * shortcut running `keel focus start`. On GNOME Keel adds it when the user presses the button;
 * elsewhere the steps and the command to copy. Once added or closed, main offers it no more.
 * Asked again with each new report (`report`), as "Check again" may have found a portal.
 */
export function ShortcutOfferPart({ report }: { report: DesktopReport }) {
  const headingId = useId();
  const [offer, setOffer] = useState<ShortcutOffer | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState<Answer | null>(null);
  const t = useMessages();

  useEffect(() => {
    let live = true;
    void api.desktop.shortcutOffer().then((outcome) => {
      if (live && outcome.ok) setOffer(outcome.value);
    });
    return () => {
      live = false;
    };
  }, [report]);

  async function answer(what: Answer) {
    setBusy(what);
    const outcome = await api.desktop.shortcutAnswer(what);
    setBusy(null);
    if (!outcome.ok) {
      setSaid({ tone: 'error', text: outcome.message });
      return;
    }
    setOffer(outcome.value);
    setSaid(outcome.value.said ?? null);
  }

  const message = said && <Notice tone={said.tone}>{said.text}</Notice>;
  if (offer === null || offer.kind === 'none')
    return said ? <div className="shortcut-offer">{message}</div> : null;
  return (
    <section className="shortcut-offer" aria-labelledby={headingId}>
      <h3 id={headingId} className="shortcut-offer__heading">
        {t('system.shortcut.heading')}
      </h3>
      {offer.kind === 'gnome' ? (
        <>
          <p className="shortcut-offer__text">{t('system.shortcut.gnomeText')}</p>
          <div className="shortcut-offer__buttons">
            <Button variant="primary" busy={busy === 'add'} onClick={() => void answer('add')}>
              {t('system.shortcut.add')}
            </Button>
            <Button variant="ghost" disabled={busy !== null} onClick={() => void answer('dismiss')}>
              {t('system.shortcut.noThanks')}
            </Button>
          </div>
          <p className="shortcut-offer__text">{t('system.shortcut.orYourself', { steps: offer.steps })}</p>
        </>
      ) : (
        <p className="shortcut-offer__text">{offer.steps}</p>
      )}
      <div className="shortcut-offer__command">
        <code aria-label={t('system.shortcut.commandLabel')}>{offer.command}</code>
        <Button size="sm" busy={busy === 'copy'} onClick={() => void answer('copy')}>
          {t('system.shortcut.copy')}
        </Button>
        {offer.kind === 'steps' && (
          <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => void answer('dismiss')}>
            {t('system.shortcut.done')}
          </Button>
        )}
      </div>
      {message}
    </section>
  );
}
