import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Outcome } from '../../api/keel';
import type { DesktopProbe, DesktopReport } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { AlertIcon, CheckIcon, CloseIcon } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { RetryNotice } from '../../components/RetryNotice';
import { ShortcutOfferPart } from './ShortcutOfferPart';
import './ThisComputerCard.css';

const PLATFORM_NAMES: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
const STATE_WORDS: Record<DesktopProbe['state'], string> = {
  works: 'Works',
  limited: 'Limited',
  'not-available': 'Not available',
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
        ? { tone: 'success', message: 'Copied. Paste it into your bug report; it holds what is shown here.' }
        : { tone: 'error', message: outcome.message },
    );
  }

  let body;
  if (look === null) body = <Loading label="Looking at this computer…" />;
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
          Keel {look.report.version} on {PLATFORM_NAMES[look.report.platform] ?? look.report.platform}
        </p>
        <ul className="this-computer__probes">
          {look.report.probes.map((probe) => (
            <ProbeLine key={probe.id} probe={probe} />
          ))}
        </ul>
        <ShortcutOfferPart report={look.report} />
        <div className="this-computer__copy">
          <Button onClick={() => void copy()}>Copy for a bug report</Button>
          {copied && <Notice tone={copied.tone}>{copied.message}</Notice>}
        </div>
      </>
    );
  }

  return (
    <Card
      title="This computer"
      description={
        <>
          What Keel can see on this desktop, the same as <code>keel doctor</code> shows. Nothing is sent
          anywhere.
        </>
      }
      actions={
        look !== null && 'report' in look ? (
          <Button size="sm" variant="ghost" busy={looking} onClick={() => void lookAgain()}>
            Check again
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
  return (
    <li className="this-computer__probe">
      <div className="this-computer__head">
        <span className="this-computer__label">{probe.label}</span>
        <span className={`this-computer__state this-computer__state--${probe.state}`}>
          <Icon width={14} height={14} />
          {STATE_WORDS[probe.state]}
        </span>
      </div>
      <p className="this-computer__detail">{probe.detail}</p>
      {probe.action && <p className="this-computer__action">What to do: {probe.action}</p>}
    </li>
  );
}
