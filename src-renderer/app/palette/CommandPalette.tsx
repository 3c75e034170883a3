import { Suspense, useCallback, useEffect, useState } from 'react';
import { lazyView } from '../lazyViews';
import { usePaletteShortcut } from '../useViewShortcuts';
import './CommandPalette.css';

/**
 * The palette and the interrupt dialog load on first use (their own chunk), so the window's first
 * frame does not carry their code; `preloadPalette` fetches it once Today has drawn. Once loaded
 * they render at once, without a suspended frame: Ctrl+K and typing straight away lose no key.
 */
const palette = lazyView(() => import('./PaletteDialog').then((m) => m.PaletteDialog));
const interrupt = lazyView(() => import('../../views/focus/InterruptDialog').then((m) => m.InterruptDialog));
const PaletteDialog = palette.View;
const InterruptDialog = interrupt.View;

/** Fetches the palette's code ahead of its first use (a failure waits for that use). */
export async function preloadPalette(): Promise<void> {
  await Promise.all([palette.preload(), interrupt.preload()]).catch(() => undefined);
}

/** How long the line saying what a command did stays on screen. */
const TOLD_MS = 5000;

/**
 * Ctrl/⌘+K opens the command palette (and closes it again). It also holds what a command opens
 * on the spot ("What interrupted you?") and the line that says what a command did.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [interrupting, setInterrupting] = useState(false);
  // Mounted from its first opening on, so it can close (and hand focus back) as a dialog does.
  const [interruptUsed, setInterruptUsed] = useState(false);
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
        <Suspense fallback={null}>
          <PaletteDialog
            onClose={() => setOpen(false)}
            announce={setTold}
            openInterrupt={() => {
              setInterruptUsed(true);
              setInterrupting(true);
            }}
          />
        </Suspense>
      )}
      {interruptUsed && (
        <Suspense fallback={null}>
          <InterruptDialog open={interrupting} onClose={() => setInterrupting(false)} />
        </Suspense>
      )}
      <div className="palette-told" role="status">
        {told !== null && <p className="palette-told__text">{told}</p>}
      </div>
    </>
  );
}
