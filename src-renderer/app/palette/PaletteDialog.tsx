import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useFocus } from '../../stores/focus';
import { useSignoff } from '../../stores/signoff';
import { modifierLabel } from '../useViewShortcuts';
import { useMessages } from '../../i18n/KeelIntl';
import { PALETTE_GROUP_MESSAGES, paletteCommands, type PaletteCommand } from './commands';
import { filterCommands, talkTextOf } from './match';
import { runPaletteAction, type PaletteUi } from './runAction';
import './CommandPalette.css';

export interface PaletteDialogProps {
  /** Closes the palette; `restore`: focus goes back to where it was before it opened. */
  onClose(restore: boolean): void;
  announce(message: string): void;
  openInterrupt(): void;
}

/** The commands as they stand now: a block running or not, signed off or not. */
function useCommands(query: string): PaletteCommand[] {
  const focus = useFocus((s) => s.status);
  const focusError = useFocus((s) => s.loadError);
  const signoff = useSignoff((s) => s.status);
  const talkText = talkTextOf(query);
  // The commands' words are the window's language's: they are made again when it changes.
  const t = useMessages();
  return useMemo(
    () =>
      paletteCommands(
        { focus, focusLoading: focus === null && focusError === null, signoff, mod: modifierLabel() },
        talkText,
      ),
    // `t` is not read here: paletteCommands reads the same catalog through windowMessage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [focus, focusError, signoff, talkText, t],
  );
}

/**
 * While mounted: a modal with focus in its input. `close(restore)` gives focus back (or leaves it
 * to what the command opens); unmounted otherwise (Ctrl+K again), focus goes back too.
 */
function useModalPalette(onClose: (restore: boolean) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const previous = useRef<HTMLElement | null>(null);
  const closed = useRef(false);

  function giveBack(restore: boolean) {
    closed.current = true;
    // Closed at once, so the page is no longer inert for whatever takes focus next.
    if (dialog.current?.open) dialog.current.close();
    if (!restore) return;
    const before = previous.current;
    if (before?.isConnected) before.focus();
    else document.querySelector<HTMLElement>('#main h1')?.focus();
  }

  useEffect(() => {
    closed.current = false;
    const active = document.activeElement;
    previous.current = active instanceof HTMLElement && active !== document.body ? active : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    input.current?.focus();
    // The block may have started or ended since the Focus view last looked.
    void useFocus.getState().load();
    return () => {
      if (!closed.current) giveBack(true);
    };
  }, []);

  function close(restore: boolean) {
    giveBack(restore);
    onClose(restore);
  }
  return { dialog, input, close };
}

/** The index of the first command that can run (else the first), for a fresh list. */
function firstRunnable(commands: readonly PaletteCommand[]): number {
  const index = commands.findIndex((c) => c.disabled === null);
  return Math.max(0, index);
}

/** The filtered, grouped list and which option is active. */
function usePaletteList(query: string) {
  const commands = useCommands(query);
  const sections = useMemo(() => filterCommands(commands, query), [commands, query]);
  const flat = useMemo(() => sections.flatMap((s) => s.commands), [sections]);
  const [chosen, setChosen] = useState(() => firstRunnable(flat));
  // Until the user moves, the first command that can run is the active one (it may change when
  // the focus status arrives, and with every letter typed).
  const [moved, setMoved] = useState(false);
  const active = moved ? Math.min(chosen, flat.length - 1) : firstRunnable(flat);
  return {
    sections,
    flat,
    active,
    current: flat[active],
    move(step: 1 | -1) {
      const last = flat.length - 1;
      if (last < 0) return;
      const next = active + step;
      setChosen(next > last ? 0 : next < 0 ? last : next);
      setMoved(true);
    },
    point(index: number) {
      setChosen(index);
      setMoved(true);
    },
    fresh: () => setMoved(false),
  };
}

/** Runs a command once at a time; a command that cannot run, or failed, says why. */
function useRunner(ui: PaletteUi, refocus: () => void) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(command: PaletteCommand | undefined) {
    if (command === undefined || busy) return;
    if (command.disabled !== null) {
      setMessage(command.disabled);
      return;
    }
    setBusy(true);
    setMessage(null);
    const error = await runPaletteAction(command.action, ui);
    if (error === null) return;
    setBusy(false);
    setMessage(error);
    refocus();
  }
  return { message, setMessage, busy, run };
}

/**
 * The command palette: a modal with a combobox (type to filter) over a grouped listbox. Up and
 * Down move, Enter runs, Esc closes and gives focus back.
 */
export function PaletteDialog({ onClose, announce, openInterrupt }: PaletteDialogProps) {
  const { dialog, input, close } = useModalPalette(onClose);
  const [query, setQuery] = useState('');
  const list = usePaletteList(query);
  const runner = useRunner({ close, announce, openInterrupt }, () => input.current?.focus());
  const ids = useId();
  const optionId = (index: number) => `${ids}-option-${index}`;
  const listId = `${ids}-list`;
  const hintId = `${ids}-hint`;
  const t = useMessages();

  useEffect(() => {
    document.getElementById(optionId(list.active))?.scrollIntoView?.({ block: 'nearest' });
  });

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      list.move(event.key === 'ArrowDown' ? 1 : -1);
      runner.setMessage(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void runner.run(list.current);
    }
  }

  return (
    <PaletteFrame dialog={dialog} busy={runner.busy} onClose={() => close(true)}>
      <input
        ref={input}
        className="palette__input"
        role="combobox"
        aria-label={t('app.palette.input')}
        aria-expanded={list.flat.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={list.current ? optionId(list.active) : undefined}
        aria-describedby={hintId}
        placeholder={t('app.palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={520}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          runner.setMessage(null);
          list.fresh();
        }}
        onKeyDown={onKeyDown}
      />
      {runner.message !== null && (
        <p className="palette__message" role="alert">
          {runner.message}
        </p>
      )}
      <PaletteList
        sections={list.sections}
        flat={list.flat}
        current={list.current}
        listId={listId}
        optionId={optionId}
        onPoint={list.point}
        onRun={(command) => void runner.run(command)}
      />
      {list.flat.length === 0 && (
        <p className="palette__empty">{t('app.palette.none', { query: query.trim() })}</p>
      )}
      <p id={hintId} className="palette__hint">
        {t('app.palette.hint')}
      </p>
    </PaletteFrame>
  );
}

/** The modal itself: Esc, the browser's own cancel and a click beside it close it. */
function PaletteFrame({
  dialog,
  busy,
  onClose,
  children,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  busy: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useMessages();
  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label={t('app.palette.label')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="palette__panel" aria-busy={busy || undefined}>
        {children}
      </div>
    </dialog>
  );
}

function PaletteList({
  sections,
  flat,
  current,
  listId,
  optionId,
  onPoint,
  onRun,
}: {
  sections: ReturnType<typeof filterCommands>;
  flat: readonly PaletteCommand[];
  current: PaletteCommand | undefined;
  listId: string;
  optionId: (index: number) => string;
  onPoint: (index: number) => void;
  onRun: (command: PaletteCommand) => void;
}) {
  const t = useMessages();
  return (
    <div
      id={listId}
      role="listbox"
      aria-label={t('app.palette.list')}
      className="palette__list"
      hidden={flat.length === 0}
    >
      {sections.map((section, at) => (
        <div key={section.group} role="group" aria-labelledby={`${listId}-group-${at}`}>
          <div id={`${listId}-group-${at}`} role="presentation" className="palette__group">
            {t(PALETTE_GROUP_MESSAGES[section.group])}
          </div>
          {section.commands.map((command) => {
            const index = flat.indexOf(command);
            return (
              <div
                key={command.id}
                id={optionId(index)}
                role="option"
                aria-selected={command === current}
                aria-disabled={command.disabled !== null || undefined}
                className="palette__option"
                onMouseMove={() => {
                  if (command !== current) onPoint(index);
                }}
                onClick={() => onRun(command)}
              >
                <span className="palette__label">{command.label}</span>{' '}
                {command.disabled !== null ? (
                  <span className="palette__why">{command.disabled}</span>
                ) : (
                  command.hint !== undefined && <span className="palette__shortcut">{command.hint}</span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
