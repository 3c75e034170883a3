import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { probeNameIn } from '../../../src-main/shared/i18n/probe-names';
import { api, type Outcome } from '../../api/keel';
import type { DesktopProbe, DesktopReport } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { AlertIcon, CheckIcon, CloseIcon } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { RetryNotice } from '../../components/RetryNotice';
import { useMessages } from '../../i18n/KeelIntl';
import { ShortcutOfferPart } from './ShortcutOfferPart';
import './ThisComputerCard.css';

/** Product names, the same in every language. */
const PLATFORM_NAMES: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
const STATE_WORDS: Record<DesktopProbe['state'], MessageId> = {
  works: 'system.computer.state.works',
  limited: 'system.computer.state.limited',
  'not-available': 'system.computer.state.notAvailable',
};
const STATE_ICONS: Record<DesktopProbe['state'], typeof CheckIcon> = {
  works: CheckIcon,
  limited: AlertIcon,
  'not-available': CloseIcon,
};

type Look = { report: DesktopReport } | { error: string } | null;

const lookOf = (outcome: Outcome<DesktopReport>): Look =>
  outcome.ok ? { report: outcome.value } : { error: outcome.message };

/** Main's report, and a fresh look ("Check again"); only the newest look is shown. */
function useDesktopLook(): [Look, () => Promise<void>] {
  const [look, setLook] = useState<Look>(null);
  const generation = useRef(0);
  const read = useCallback(async () => {
    const mine = ++generation.current;
    const outcome = await api.desktop.probes();
    if (mine === generation.current) setLook(lookOf(outcome));
  }, []);
  // Looked at afresh whenever Settings opens (a tray host or a portal may have come since), and
  // when main says what it sees changed (the idle time's verdict).
  useEffect(() => {
    const looks = generation; // a look still under way when Settings closes is dropped
    void read();
    const unsubscribe = api.onState((event) => {
      if (event.type === 'changed' && event.topics.includes('desktop')) void read();
    });
    return () => {
      looks.current++;
      unsubscribe();
    };
  }, [read]);
  return [look, read];
}

/**
 * Settings → This computer: what Keel can see on this desktop (idle time, the lock, notification
 * buttons, the tray, the shortcut…), the same as `keel doctor`, and a copy of it for a bug report.
 * Main looks (the window only shows); the copy is exactly the report on screen.
 */
export function ThisComputerCard() {
  const [look, readLook] = useDesktopLook();
  const [looking, setLooking] = useState(false);
  const [copied, setCopied] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const t = useMessages();

  async function lookAgain() {
    setLooking(true);
    setCopied(null);
    await readLook();
    setLooking(false);
  }

  async function copy() {
    const outcome = await api.desktop.copyReport();
    setCopied(
      outcome.ok
        ? { tone: 'success', message: t('system.computer.copied') }
        : { tone: 'error', message: outcome.message },
    );
  }

  let body;
  if (look === null) body = <Loading label={t('system.computer.loading')} />;
  else if ('error' in look) {
    body = (
      <RetryNotice busy={looking} onRetry={() => void lookAgain()}>
        {look.error}
      </RetryNotice>
    );
  } else {
    body = (
      <>
        <p className="this-computer__system">
          {t('system.computer.system', {
            version: look.report.version,
            platform: PLATFORM_NAMES[look.report.platform] ?? look.report.platform,
          })}
        </p>
        <ul className="this-computer__probes">
          {look.report.probes.map((probe) => (
            <ProbeLine key={probe.id} probe={probe} />
          ))}
        </ul>
        <ShortcutOfferPart report={look.report} />
        <div className="this-computer__copy">
          <p className="this-computer__english">{t('system.computer.reportInEnglish')}</p>
          <Button onClick={() => void copy()}>{t('system.computer.copy')}</Button>
          {copied && <Notice tone={copied.tone}>{copied.message}</Notice>}
        </div>
      </>
    );
  }

  return (
    <Card
      title={t('system.computer.title')}
      description={
        <FormattedMessage
          id="system.computer.description"
          values={{ code: (chunks: ReactNode[]) => <code>{chunks}</code> }}
        />
      }
      actions={
        look !== null && 'report' in look ? (
          <Button size="sm" variant="ghost" busy={looking} onClick={() => void lookAgain()}>
            {t('system.computer.checkAgain')}
          </Button>
        ) : undefined
      }
      className="this-computer"
    >
      {body}
    </Card>
  );
}

function ProbeLine({ probe }: { probe: DesktopProbe }) {
  const Icon = STATE_ICONS[probe.state];
  const t = useMessages();
  return (
    <li className="this-computer__probe">
      <div className="this-computer__head">
        <span className="this-computer__label">{probeNameIn(t, probe)}</span>
        <span className={`this-computer__state this-computer__state--${probe.state}`}>
          <Icon width={14} height={14} />
          {t(STATE_WORDS[probe.state])}
        </span>
      </div>
      <p className="this-computer__detail">{probe.detail}</p>
      {probe.action && (
        <p className="this-computer__action">
          <FormattedMessage id="system.computer.whatToDo" values={{ action: probe.action }} />
        </p>
      )}
    </li>
  );
}
