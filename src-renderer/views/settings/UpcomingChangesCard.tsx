import { useRef, useState } from 'react';
import type { RuleChange } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { changeText, formatDateWithYear } from '../../lib/rules';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';
import { useMessages } from '../../i18n/KeelIntl';
import { datedKeyLabel } from '../../lib/rules';
import './UpcomingChangesCard.css';

type Upcoming = RuleChange & { from: string };

/** The changes that take effect after today, soonest first (main's states; today's date, if known, too). */
export function upcomingOf(changes: readonly RuleChange[], today: string | null): Upcoming[] {
  return changes
    .filter(
      (c): c is Upcoming => c.state === 'upcoming' && c.from !== null && (today === null || c.from > today),
    )
    .sort((a, b) => a.from.localeCompare(b.from));
}

const keyOf = (c: Upcoming) => `${c.key}@${c.from}`;

/** The setting's name and the date, for the sentences about one change. */
const wordsOf = (c: Upcoming) => ({ setting: datedKeyLabel(c.key), date: formatDateWithYear(c.from) });

/**
 * Rules that take effect on a later date ("From 1 Jan 2027: working hours Mon–Fri 08:00–16:00"),
 * each with "Withdraw". Shown while there are any, and after the last one is withdrawn (so focus
 * has somewhere to go).
 */
export function UpcomingChangesCard() {
  const changes = useSettings((s) => s.changes);
  const withdraw = useSettings((s) => s.withdraw);
  const today = useStatus((s) => s.status?.today.date ?? null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const empty = useRef<HTMLParagraphElement>(null);
  const upcoming = upcomingOf(changes ?? [], today);
  const t = useMessages();

  if (upcoming.length === 0 && withdrawn === null) return null;

  async function onWithdraw(change: Upcoming, index: number) {
    const key = keyOf(change);
    setBusy(key);
    setError(null);
    const result = await withdraw(change.key, change.from);
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setWithdrawn(t('settings.upcoming.withdrawn', wordsOf(change)));
    // The pressed button is gone: focus the next change's, the one before, or the empty line.
    const rest = upcoming.filter((c) => keyOf(c) !== key);
    const next = rest[Math.min(index, rest.length - 1)];
    requestAnimationFrame(() =>
      (next === undefined ? empty.current : buttons.current.get(keyOf(next)))?.focus(),
    );
  }

  return (
    <Card title={t('settings.upcoming.title')} description={t('settings.upcoming.description')}>
      {upcoming.length === 0 ? (
        <p ref={empty} tabIndex={-1} className="upcoming__none">
          {t('settings.upcoming.none')}
        </p>
      ) : (
        <ul className="upcoming">
          {upcoming.map((change, i) => (
            <li key={keyOf(change)} className="upcoming__item">
              <p className="upcoming__text">
                <span className="upcoming__when">
                  {t('settings.upcoming.from', { date: formatDateWithYear(change.from) })}
                </span>{' '}
                {changeText(change)}
              </p>
              <Button
                ref={(el) => {
                  if (el) buttons.current.set(keyOf(change), el);
                  else buttons.current.delete(keyOf(change));
                }}
                variant="ghost"
                size="sm"
                className="upcoming__withdraw"
                busy={busy === keyOf(change)}
                aria-label={t('settings.upcoming.withdrawLabel', wordsOf(change))}
                onClick={() => void onWithdraw(change, i)}
              >
                {t('settings.upcoming.withdraw')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {withdrawn}
      </p>
      {error !== null && (
        <Notice tone="error" className="settings__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}
