import { z } from 'zod';
import {
  addLocalDays,
  instantAt,
  localDateOf,
  minutesOfDay,
  WEEKDAY_NAMES,
  weekdayOf,
  type LocalDate,
} from './time';
import { clockTimeSchema, dateRangesSchema, weekdaySchema } from './validation';
import { hoursOn, type Holiday, type WorkingHours } from './working-hours';

/** One weekly focus block: a weekday and local start and end times on that day. */
export const focusRuleSchema = z
  .object({ weekday: weekdaySchema, start: clockTimeSchema, end: clockTimeSchema })
  .strict()
  .refine((r) => minutesOfDay(r.end) > minutesOfDay(r.start), {
    message: 'A focus block must end after it starts, on the same day.',
  });
export type FocusRule = z.infer<typeof focusRuleSchema>;

/** The weekly focus plan: blocks on the same weekday may not overlap. */
export const focusPlanSchema = z
  .array(focusRuleSchema)
  .max(70, { message: 'A focus plan holds at most 70 blocks a week.' })
  .superRefine((rules, ctx) => {
    for (let i = 0; i < rules.length; i++) {
      for (let j = i + 1; j < rules.length; j++) {
        const a = rules[i] as FocusRule;
        const b = rules[j] as FocusRule;
        if (
          a.weekday === b.weekday &&
          minutesOfDay(a.start) < minutesOfDay(b.end) &&
          minutesOfDay(b.start) < minutesOfDay(a.end)
        ) {
          // The later block is the one to change; the day in words (main sends the path apart).
          ctx.addIssue({
            code: 'custom',
            path: [j],
            message: `Focus blocks on ${WEEKDAY_NAMES[a.weekday]} overlap (${a.start}–${a.end} and ${b.start}–${b.end}).`,
          });
          return;
        }
      }
    }
  });
export type FocusPlan = z.infer<typeof focusPlanSchema>;

/** Dates the focus plan is paused: an offsite, a week of on-call. */
export const focusPausesSchema = dateRangesSchema('pause');

/** A pause of the focus plan: every date from `from` to `to` inclusive (a holiday, a day off). */
export type FocusPause = z.infer<typeof focusPausesSchema>[number];

/** Every date the plan is paused: the user's pauses and, since a holiday has no hours, holidays. */
export function planPauses(settings: {
  focusPauses: readonly FocusPause[];
  holidays: readonly Holiday[];
}): readonly FocusPause[] {
  return settings.holidays.length === 0
    ? settings.focusPauses
    : [...settings.focusPauses, ...settings.holidays];
}

/** One planned block on one local date. */
export interface FocusOccurrence {
  /** Stable across re-plans: `focus:<date>@<start>`. */
  id: string;
  date: LocalDate;
  /** Local wall-clock times as planned. */
  startTime: string;
  endTime: string;
  start: number;
  end: number;
}

export function occurrenceId(date: LocalDate, startTime: string): string {
  return `focus:${date}@${startTime}`;
}

export function isPaused(date: LocalDate, pauses: readonly FocusPause[]): boolean {
  return pauses.some((p) => p.from <= date && date <= p.to);
}

/** What decides a date's focus blocks: the rules in force on it. */
export interface PlanRules {
  focusPlan: readonly FocusRule[];
  focusPauses: readonly FocusPause[];
  holidays: readonly Holiday[];
  workingHours: WorkingHours;
  zone: string;
}

/** The rules in force on each date (core/rules.ts RulesView, narrowed to what a plan reads). */
export interface PlanRulesByDate {
  readonly current: PlanRules;
  on(date: LocalDate): PlanRules;
}

/** Per rules object (they are memoised per set of rules in force), the blocks of each date. */
const occurrenceCache = new WeakMap<PlanRules, Map<string, readonly FocusOccurrence[]>>();

/**
 * The plan's blocks on `date` under the rules in force that day, in `zone` (default the rules'):
 * none on a paused date, a holiday or a day without working hours — planned means planned. Each
 * block keeps its local wall-clock times on every date, so a 09:00–11:00 block is 09:00–11:00 on
 * 23- and 25-hour days alike; a block whose times fall in a DST gap is shortened to what exists
 * that day (or dropped if nothing does).
 */
export function occurrencesOn(
  date: LocalDate,
  rules: PlanRules,
  zone: string = rules.zone,
): readonly FocusOccurrence[] {
  let byDate = occurrenceCache.get(rules);
  if (!byDate) {
    byDate = new Map();
    occurrenceCache.set(rules, byDate);
  }
  const key = `${date}|${zone}`;
  const known = byDate.get(key);
  if (known) return known;
  const out: FocusOccurrence[] = [];
  if (!isPaused(date, rules.focusPauses) && hoursOn(date, rules) !== null) {
    const weekday = weekdayOf(date);
    for (const rule of rules.focusPlan) {
      if (rule.weekday !== weekday) continue;
      const start = instantAt(date, rule.start, zone);
      const end = instantAt(date, rule.end, zone);
      if (end <= start) continue;
      out.push({
        id: occurrenceId(date, rule.start),
        date,
        startTime: rule.start,
        endTime: rule.end,
        start,
        end,
      });
    }
    out.sort((a, b) => a.start - b.start);
  }
  if (byDate.size > 5000) byDate.clear();
  byDate.set(key, out);
  return out;
}

/** The blocks that overlap [from, to), each date's from the rules in force on it. */
export function expandFocusPlan(rules: PlanRulesByDate, from: number, to: number): FocusOccurrence[] {
  if (to <= from) return [];
  const zone = rules.current.zone;
  const out: FocusOccurrence[] = [];
  // A block never spans midnight, so the local dates of [from, to) — padded by a day for zones
  // far from UTC — hold every overlapping occurrence.
  const last = addLocalDays(localDateOf(to, zone), 1);
  for (let date = addLocalDays(localDateOf(from, zone), -1); date <= last; date = addLocalDays(date, 1)) {
    for (const o of occurrencesOn(date, rules.on(date))) {
      if (o.end > from && o.start < to) out.push(o);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The planned block running at `instant`, if any. */
export function occurrenceAt(rules: PlanRulesByDate, instant: number): FocusOccurrence | undefined {
  return expandFocusPlan(rules, instant, instant + 1).find((o) => o.start <= instant && instant < o.end);
}
