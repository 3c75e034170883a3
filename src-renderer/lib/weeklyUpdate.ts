/** The weekly update's small helpers for the window (its words come from main with the draft). */
import { windowMessage } from '../i18n/window-locale';

const DAY_MS = 86_400_000;

/** `date` (`YYYY-MM-DD`, a calendar date: no zone involved) moved by `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "Drafted from 3 sign-offs." and what happened to it since, in the window's language. */
export function draftStatus(draft: { signoffCount: number; saved: boolean; edited: boolean }): string {
  const count = draft.signoffCount;
  if (count === 0)
    return windowMessage(draft.edited ? 'oneonone.update.status.noneEdited' : 'oneonone.update.status.none');
  return windowMessage(draft.edited ? 'oneonone.update.status.fromEdited' : 'oneonone.update.status.from', {
    count,
  });
}
