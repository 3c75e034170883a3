/** How long a view may take to draw the element asked for (its data is read first). */
const WAIT_MS = 3000;

// Tab stops only: in a roving group the other options (tabindex -1) are not where focus starts.
const TABBABLE = [
  'input:not([type="hidden"]):not([disabled]):not([tabindex="-1"])',
  'textarea:not([disabled]):not([tabindex="-1"])',
  'select:not([disabled]):not([tabindex="-1"])',
  'button:not([disabled]):not([tabindex="-1"])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

let pending = 0;

/** The view's h1, where focus goes when the element asked for never shows up. */
function viewHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('#main h1');
}

/**
 * Waits (up to 3 s) until `find` returns an element, then focuses it and brings it into view;
 * else the view's heading. A newer wait replaces an older one.
 */
export function focusWhenFound(find: () => HTMLElement | null): void {
  const mine = ++pending;
  const deadline = Date.now() + WAIT_MS;
  function attempt() {
    if (mine !== pending) return;
    const found = find();
    if (found === null && Date.now() < deadline) {
      setTimeout(attempt, 30);
      return;
    }
    const target = found ?? viewHeading();
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
  }
  setTimeout(attempt, 0);
}

/**
 * Focuses the first field of what `selector` matches (a form, or the field itself) once the
 * view shows it.
 */
export function focusWhenShown(selector: string): void {
  focusWhenFound(() => {
    const found = document.querySelector<HTMLElement>(selector);
    if (found === null) return null;
    return found.matches(TABBABLE) ? found : found.querySelector<HTMLElement>(TABBABLE);
  });
}

/** Focuses the heading of the Settings card titled `title`, once Settings shows it. */
export function focusSettingsSection(title: string): void {
  focusWhenFound(() => {
    const headings = document.querySelectorAll<HTMLElement>('#main section h2');
    const heading = [...headings].find((h) => h.textContent?.trim() === title) ?? null;
    if (heading === null) return null;
    // The card's own focusable title (some have one), else the heading itself.
    const focusable = heading.querySelector<HTMLElement>('[tabindex]') ?? heading;
    if (!focusable.hasAttribute('tabindex')) focusable.setAttribute('tabindex', '-1');
    return focusable;
  });
}
