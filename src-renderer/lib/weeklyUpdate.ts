/** The weekly update's small helpers for the window (its words come from main with the draft). */

const DAY_MS = 86_400_000;

/** `date` (`YYYY-MM-DD`, a calendar date: no zone involved) moved by `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "Drafted from 3 sign-offs." and what happened to it since. */
export function draftStatus(draft: { signoffCount: number; saved: boolean; edited: boolean }): string {
  const from =
    draft.signoffCount === 0
      ? 'No sign-offs in this week yet, so Keel has nothing to draft from; add lines yourself.'
      : `Drafted from ${draft.signoffCount} ${draft.signoffCount === 1 ? 'sign-off' : 'sign-offs'}.`;
  return draft.edited ? `${from} Your edits are kept on this computer.` : from;
}
