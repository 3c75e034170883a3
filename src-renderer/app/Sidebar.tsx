import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ViewName } from '../../src-main/shared/views';
import { Button } from '../components/Button';
import {
  ConversationIcon,
  FocusIcon,
  KeelMark,
  KeyboardIcon,
  MoonIcon,
  PowerIcon,
  PulseIcon,
  SlidersIcon,
  SunIcon,
} from '../components/Icons';
import { api } from '../api/keel';
import { useMessages } from '../i18n/KeelIntl';
import { useNavigation } from '../stores/navigation';
import { ShortcutsDialog } from './ShortcutsDialog';
import { VIEW_MESSAGES, VIEW_ORDER } from './views';
import './Sidebar.css';

const VIEW_ICONS: Record<ViewName, ReactNode> = {
  today: <SunIcon />,
  focus: <FocusIcon />,
  checkin: <PulseIcon />,
  signoff: <MoonIcon />,
  'one-on-one': <ConversationIcon />,
  settings: <SlidersIcon />,
};

/**
 * The left navigation. One tab stop (roving tabindex): Up/Down/Home/End move between items,
 * Enter/Space open one, and the open view is marked aria-current="page".
 */
export function Sidebar() {
  const view = useNavigation((s) => s.view);
  const navigate = useNavigation((s) => s.navigate);
  const t = useMessages();
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  // Which item holds the tab stop; after a navigation it falls back to the open view.
  const [rover, setRover] = useState<{ view: ViewName; index: number } | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const activeIndex = VIEW_ORDER.indexOf(view);
  const tabStop = rover !== null && rover.view === view ? rover.index : activeIndex;

  function moveTo(index: number) {
    const last = VIEW_ORDER.length - 1;
    const next = index < 0 ? last : index > last ? 0 : index;
    setRover({ view, index: next });
    items.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const current = items.current.findIndex((el) => el === document.activeElement);
    const from = current === -1 ? tabStop : current;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      Home: 0,
      End: VIEW_ORDER.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <nav className="sidebar" aria-label={t('app.nav.label')}>
      <div className="sidebar__brand">
        <KeelMark className="sidebar__mark" />
        <span className="sidebar__name">Keel</span>
      </div>
      <ul className="sidebar__list" onKeyDown={onKeyDown}>
        {VIEW_ORDER.map((id, index) => (
          <li key={id}>
            <button
              ref={(el) => {
                items.current[index] = el;
              }}
              type="button"
              className="sidebar__item"
              tabIndex={index === tabStop ? 0 : -1}
              aria-current={id === view ? 'page' : undefined}
              onClick={() => navigate(id)}
              onFocus={() => setRover({ view, index })}
            >
              <span className="sidebar__icon">{VIEW_ICONS[id]}</span>
              <span>{t(VIEW_MESSAGES[id])}</span>
            </button>
          </li>
        ))}
      </ul>
      <SidebarFooter onShortcuts={() => setShortcutsOpen(true)} />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </nav>
  );
}

/** The note, the shortcuts list and Quit (closing the window only hides Keel). */
function SidebarFooter({ onShortcuts }: { onShortcuts: () => void }) {
  const [quitError, setQuitError] = useState<string | null>(null);
  const t = useMessages();
  return (
    <div className="sidebar__footer">
      <p className="sidebar__note">{t('app.sidebar.note')}</p>
      <Button variant="ghost" size="sm" className="sidebar__shortcuts" onClick={onShortcuts}>
        <KeyboardIcon />
        {t('app.sidebar.shortcuts')}
      </Button>
      {/* Closing the window only hides Keel; without a tray this is the way out. */}
      <Button
        variant="ghost"
        size="sm"
        className="sidebar__shortcuts"
        // Unsaved Settings edits ask first (Save, Discard or Stay), as switching views does.
        onClick={() => useNavigation.getState().leave(() => void quitKeel(setQuitError))}
      >
        <PowerIcon />
        {t('app.sidebar.quit')}
      </Button>
      {quitError && (
        <p className="sidebar__note" role="alert">
          {quitError}
        </p>
      )}
    </div>
  );
}

/** Quits Keel (as the tray's Quit); a refusal is shown in one sentence. */
async function quitKeel(setError: (message: string | null) => void): Promise<void> {
  const outcome = await api.quit();
  setError(outcome.ok ? null : outcome.message);
}
