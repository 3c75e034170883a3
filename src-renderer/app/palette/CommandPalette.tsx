import { useCallback, useEffect, useState } from 'react';
import { InterruptDialog } from '../../views/focus/InterruptDialog';
import { usePaletteShortcut } from '../useViewShortcuts';
import { PaletteDialog } from './PaletteDialog';
import './CommandPalette.css';

/** How long the line saying what a command did stays on screen. */
const TOLD_MS = 5000;

/**
 * Ctrl/⌘+K opens the command palette (and closes it again). It also holds what a command opens
 * on the spot ("What interrupted you?") and the line that says what a command did.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [interrupting, setInterrupting] = useState(false);
  const [told, setTold] = useState<string | null>(null);

  usePaletteShortcut(useCallback(() => setOpen((was) => !was), []));

  useEffect(() => {
    if (told === null) return;
    const timer = setTimeout(() => setTold(null), TOLD_MS);
    return () => clearTimeout(timer);
  }, [told]);

  return (
    <>
      {open && (
        <PaletteDialog
          onClose={() => setOpen(false)}
          announce={setTold}
          openInterrupt={() => setInterrupting(true)}
        />
      )}
      <InterruptDialog open={interrupting} onClose={() => setInterrupting(false)} />
      <div className="palette-told" role="status">
        {told !== null && <p className="palette-told__text">{told}</p>}
      </div>
    </>
  );
}
