import type { Page } from 'playwright-core';

/** Layout checks shared by the minimum-size and the language e2e tests. */

/** Controls and labels whose text is wider than their box, and a page wider than the window. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const selector = 'button, label, a, [role="radio"], [role="option"], [role="tab"], summary, legend';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      // Only what is drawn: not hidden, not the screen-reader-only text.
      if (el.getClientRects().length === 0 || el.closest('.visually-hidden, [hidden], .skip-link')) continue;
      if (getComputedStyle(el).display === 'inline') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60);
        found.push(`${el.tagName.toLowerCase()} “${name}”: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    // A control that sticks out of its card (clipped, or out of reach).
    for (const el of document.querySelectorAll<HTMLElement>(
      '.card input, .card select, .card button, .card table',
    )) {
      const card = el.closest<HTMLElement>('.card');
      if (card === null || el.getClientRects().length === 0 || el.closest('.visually-hidden')) continue;
      const sticks = el.getBoundingClientRect().right - card.getBoundingClientRect().right;
      if (sticks > 1) {
        // An input has no text of its own: name it by its label, then its placeholder or class.
        const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
        const name = (
          el.getAttribute('aria-label') ??
          (label || el.textContent || el.getAttribute('placeholder') || `.${el.className}`)
        )
          .trim()
          .slice(0, 60);
        found.push(
          `${el.tagName.toLowerCase()} “${name}” sticks out of its card by ${Math.round(sticks)} px`,
        );
      }
    }
    // A sidebar control that runs past the sidebar (which clips it).
    const sidebar = document.querySelector<HTMLElement>('.sidebar');
    if (sidebar) {
      const edge = sidebar.getBoundingClientRect().right;
      for (const el of sidebar.querySelectorAll<HTMLElement>('button, a, p')) {
        // A dialog opened from the sidebar is drawn over the window, not in the sidebar.
        if (el.getClientRects().length === 0 || el.closest('.visually-hidden, dialog')) continue;
        const sticks = el.getBoundingClientRect().left + el.scrollWidth - edge;
        if (sticks > 1) {
          const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60);
          found.push(
            `${el.tagName.toLowerCase()} “${name}” runs past the sidebar by ${Math.round(sticks)} px`,
          );
        }
      }
    }
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`page: ${root.scrollWidth} > ${window.innerWidth}`);
    return found;
  });
}

export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
}
