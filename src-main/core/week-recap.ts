import { exportLanguage, type ExportLanguage } from './export-language';
import type { EndOfDaySection, FocusSection, TalkingPointsSection, TrendsSection } from './summary-sections';
import type { LocalDate } from './time';

/**
 * The recap of the last week on the first working day of a new one, with the change from the
 * week before. Pure: it reads the same summary sections the one-on-one summary is built from
 * (core/summary-sections.ts, over core/day-figures.ts), so a figure here is the figure there.
 *
 * Decisions:
 * - Every figure carries its counting line (the summary's `howCounted`, with when Keel began
 *   counting if that was inside the week).
 * - A change is named only against a week Keel counted: a week before Keel started has no
 *   figures, and "up from 0" would be a number that lies. Then the line says so.
 * - Focus compares protected minutes; planned is shown beside them, never mixed in: a block
 *   started on the spot is protected time, never planned time, so protected is never called a
 *   part "of" planned ("2 h protected · 4 h planned", never "2 h protected of 4 h planned").
 * - Check-in averages are compared only when both weeks have check-ins.
 * - Talking points waiting are the open ones now, whenever they were added.
 * - Written in the window's language (`lang`: its words from the `today.recap.*` messages, its
 *   durations, dates and numbers through Intl); the counting lines are the summary's own, built in
 *   the same language.
 */

/** One week's sections, and whether Keel counted any of its days. */
export interface RecapWeekInput {
  from: LocalDate;
  to: LocalDate;
  counted: boolean;
  focus: FocusSection;
  endOfDay: EndOfDaySection;
  trends: TrendsSection;
}

export interface RecapFigure {
  /** The figure in words ("3 h 20 min protected · 4 h planned"). */
  value: string;
  /** The change from the week before in words, or why there is none. */
  change: string;
  howCounted: string;
}

export interface WeekRecap {
  week: { from: LocalDate; to: LocalDate; label: string };
  previous: { from: LocalDate; to: LocalDate; label: string };
  /** False when Keel counted no day of the week: the card says so and shows no figures. */
  counted: boolean;
  focus: RecapFigure & { protectedMinutes: number; plannedMinutes: number };
  evenings: RecapFigure & { late: number };
  checkins: RecapFigure & { count: number };
  talkingPoints: { waiting: number; value: string; howCounted: string };
}

function focusFigure(week: RecapWeekInput, before: RecapWeekInput, lang: ExportLanguage): WeekRecap['focus'] {
  const { t, duration } = lang;
  const { protectedMinutes, plannedMinutes } = week.focus;
  const value =
    plannedMinutes > 0
      ? t('today.recap.focusValue', {
          protected: duration(protectedMinutes),
          planned: duration(plannedMinutes),
        })
      : t('today.recap.focusValueUnplanned', { protected: duration(protectedMinutes) });
  let change = t('today.recap.notCounted');
  if (before.counted) {
    const diff = protectedMinutes - before.focus.protectedMinutes;
    const was = t('today.recap.focusValue', {
      protected: duration(before.focus.protectedMinutes),
      planned: duration(before.focus.plannedMinutes),
    });
    change =
      diff === 0
        ? t('today.recap.same', { was })
        : t(diff > 0 ? 'today.recap.focusMore' : 'today.recap.focusLess', {
            diff: duration(Math.abs(diff)),
            was,
          });
  }
  return { value, change, howCounted: week.focus.howCounted ?? '', protectedMinutes, plannedMinutes };
}

function eveningsFigure(
  week: RecapWeekInput,
  before: RecapWeekInput,
  { t }: ExportLanguage,
): WeekRecap['evenings'] {
  const late = week.endOfDay.lateEvenings;
  const value = t('today.recap.eveningsValue', { late, workdays: week.endOfDay.workdays });
  let change = t('today.recap.notCounted');
  if (before.counted) {
    const was = before.endOfDay.lateEvenings;
    const diff = late - was;
    change =
      diff === 0
        ? t('today.recap.same', { was })
        : t(diff > 0 ? 'today.recap.eveningsMore' : 'today.recap.eveningsFewer', {
            diff: Math.abs(diff),
            was,
          });
  }
  return { value, change, howCounted: week.endOfDay.howCounted ?? '', late };
}

type Rating = 'workload' | 'energy';

/** "Workload 3.4, up from 3.0", "… as the week before", or the average alone. */
function average(lang: ExportLanguage, rating: Rating, now: number | null, was: number | null): string {
  if (now === null) return '';
  const one = (n: number) => lang.fmt.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const a = now.toFixed(1);
  if (was === null) return lang.t(`today.recap.${rating}.alone`, { now: one(now) });
  const b = was.toFixed(1);
  if (a === b) return lang.t(`today.recap.${rating}.same`, { now: one(now) });
  return lang.t(`today.recap.${rating}.${now > was ? 'up' : 'down'}`, { now: one(now), was: one(was) });
}

function checkinsFigure(
  week: RecapWeekInput,
  before: RecapWeekInput,
  lang: ExportLanguage,
): WeekRecap['checkins'] {
  const { t } = lang;
  const now = week.trends;
  const was = before.trends;
  const count = now.count;
  let change: string;
  if (count === 0) change = t('today.recap.checkinsNone');
  else if (was.count === 0) {
    change = t('today.recap.checkinsNoBefore', {
      workload: average(lang, 'workload', now.avgWorkload, null),
      energy: average(lang, 'energy', now.avgEnergy, null),
    });
  } else {
    change = t('today.recap.checkinsChange', {
      workload: average(lang, 'workload', now.avgWorkload, was.avgWorkload),
      energy: average(lang, 'energy', now.avgEnergy, was.avgEnergy),
    });
  }
  return {
    value: t('today.recap.checkinsValue', { count }),
    change,
    howCounted: t('today.recap.checkinsHow'),
    count,
  };
}

/** The recap of `week` against `previous`, with the open talking points now, in `lang` (default en-US). */
export function weekRecap(
  week: RecapWeekInput,
  previous: RecapWeekInput,
  talkingPoints: TalkingPointsSection,
  lang: ExportLanguage = exportLanguage(),
): WeekRecap {
  const waiting = talkingPoints.items.length;
  return {
    week: { from: week.from, to: week.to, label: lang.period(week.from, week.to) },
    previous: { from: previous.from, to: previous.to, label: lang.period(previous.from, previous.to) },
    counted: week.counted,
    focus: focusFigure(week, previous, lang),
    evenings: eveningsFigure(week, previous, lang),
    checkins: checkinsFigure(week, previous, lang),
    talkingPoints: {
      waiting,
      value:
        waiting === 0
          ? lang.t('today.recap.talkingNone')
          : lang.t('today.recap.talkingWaiting', { count: waiting }),
      howCounted: lang.t('today.recap.talkingHow'),
    },
  };
}
