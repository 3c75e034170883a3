import { addLocalDays, weekdayOf } from '../../src-main/shared/vocabulary';
import type { TodayCard } from '../api/types';
import { windowMessage } from '../i18n/window-locale';
import { formatLongDate, greetingFor, localParts } from './format';

/** Helpers for the Today card (pure: main's clock comes in the card, the window's tick as a number). */

/** Main's time now, estimated from the card's `now` and the window's time since it arrived. */
export function mainNow(card: TodayCard, receivedAt: number, tick: number): number {
  return Date.parse(card.now) + Math.max(0, tick - receivedAt);
}

/**
 * Main's wall clock now: the card's local date and `HH:MM` plus the minutes since it arrived,
 * rolling over midnight (the date moves on with the time, not with the next read).
 */
export function wallNow(card: TodayCard, receivedAt: number, tick: number): { date: string; time: string } {
  const local = localParts(card.now);
  if (local === null) return { date: card.workday, time: '00:00' };
  const [h, m] = local.time.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m + Math.floor(Math.max(0, tick - receivedAt) / 60_000);
  const of = minutes % (24 * 60);
  const time = `${String(Math.floor(of / 60)).padStart(2, '0')}:${String(of % 60).padStart(2, '0')}`;
  return { date: addLocalDays(local.date, Math.floor(minutes / (24 * 60))), time };
}

/** `HH:MM` of main's wall clock now (the card's local time plus the minutes since). */
export function wallTime(card: TodayCard, receivedAt: number, tick: number): string {
  return wallNow(card, receivedAt, tick).time;
}

/**
 * Today's greeting, "Good morning. It’s Tuesday, 11 March.", from the same read as the live card
 * (its `now`), moved on by the window's minute tick.
 */
export function greetingLine(card: TodayCard, receivedAt: number, tick: number): string {
  const { date, time } = wallNow(card, receivedAt, tick);
  return windowMessage('today.greeting', {
    greeting: greetingFor(`${date}T${time}`),
    date: formatLongDate(date, weekdayOf(date)),
  });
}

/** Whether the card's state has changed by time alone since it was read (hours began or ended). */
export function phaseIsStale(card: TodayCard, receivedAt: number, tick: number): boolean {
  return card.changesAt !== null && mainNow(card, receivedAt, tick) >= Date.parse(card.changesAt);
}

/** The workday's next planned block after `time` (`HH:MM`), from the card's own blocks. */
export function nextBlock(card: TodayCard, time: string): { start: string; end: string } | null {
  return card.blocks.find((b) => b.start > time) ?? null;
}
