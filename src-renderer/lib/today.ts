import type { Status, TodayCard } from '../api/types';

/** Helpers for the Today card (pure: main's clock comes in the card, the window's tick as a number). */

/** Main's time now, estimated from the card's `now` and the window's time since it arrived. */
export function mainNow(card: TodayCard, receivedAt: number, tick: number): number {
  return Date.parse(card.now) + Math.max(0, tick - receivedAt);
}

/** `HH:MM` of main's wall clock now (the card's local time plus the minutes since). */
export function wallTime(card: TodayCard, receivedAt: number, tick: number): string {
  const match = /T(\d\d):(\d\d)/.exec(card.now);
  if (!match) return '00:00';
  const minutes =
    Number(match[1]) * 60 + Number(match[2]) + Math.floor(Math.max(0, tick - receivedAt) / 60_000);
  const m = minutes % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Whether the card's state has changed by time alone since it was read (hours began or ended). */
export function phaseIsStale(card: TodayCard, receivedAt: number, tick: number): boolean {
  return card.changesAt !== null && mainNow(card, receivedAt, tick) >= Date.parse(card.changesAt);
}

/** Today's next planned block after `time` (`HH:MM`), from the status line's blocks. */
export function nextBlock(status: Status, time: string): { start: string; end: string } | null {
  return status.today.focusBlocks.find((b) => b.start > time) ?? null;
}
