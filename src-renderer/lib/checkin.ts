import type {
  Cadence,
  CheckCadenceInfo,
  CheckForm,
  Checkin,
  CheckinInput,
  QuestionnaireKind,
  Sustainable,
  TrendDirection,
  TrendRange,
  Weekday,
  WorkingHours,
} from '../api/types';
import {
  addLocalDays,
  DEFAULT_CHECK_TIME,
  QUESTIONNAIRE_INTERVAL_DAYS,
  TAGS_PER_CHECK_MAX,
  tagSlug,
  WEEKDAYS,
  weekdayOf,
  workingDayBefore,
} from '../../src-main/shared/vocabulary';
import type { MessageId } from '../../src-main/shared/i18n/catalog';
import { ENGLISH_CATALOG as SOURCE_CATALOG } from '../i18n/catalogs';
import { windowFormat, windowMessage } from '../i18n/window-locale';
import { daysBetween, formatShortDate, localParts } from './format';
import { formatTime } from './time';

/**
 * Display helpers and the quick check's draft for the Check-ins view. Pure: no clock, no zone
 * guesses; dates and times are the ones main computed in the user's zone. Main's rules used here
 * (the tag slug, the tag limit, the working day before) come from src-main/shared/vocabulary.ts and
 * only guide the user before saving: main's answer is authoritative.
 */

/* ---------- The draft ---------- */

/** A tag typed for one check (not one of the form's): shown as a chip after the form's tags. */
export interface ExtraTag {
  /** The slug main will store, for matching and as the chip's key. */
  key: string;
  label: string;
  /** What is sent: the text as typed (main normalises it and names it in its sentence). */
  send: string;
}

export interface CheckDraft {
  workload: number | null;
  energy: number | null;
  sustainable: Sustainable | null;
  /** Chosen tags by key: a form tag's id, or an extra tag's key. */
  tags: string[];
  extra: ExtraTag[];
  /** What is typed in "Add your own tag", kept so a view switch loses nothing. */
  tagInput: string;
  note: string;
  /** "May be shared in a one-on-one summary": off by default, only with a note. */
  shareable: boolean;
}

export type CheckField = 'workload' | 'energy' | 'sustainable';

export function emptyDraft(): CheckDraft {
  return {
    workload: null,
    energy: null,
    sustainable: null,
    tags: [],
    extra: [],
    tagInput: '',
    note: '',
    shareable: false,
  };
}

/** A draft holding a recorded check's answers, for "Edit". */
export function draftOf(check: Checkin, form: CheckForm | null): CheckDraft {
  const known = new Set(form?.tags.map((t) => t.id) ?? []);
  return {
    workload: check.workload,
    energy: check.energy,
    sustainable: check.sustainable,
    tags: check.stretched.map((t) => t.id),
    // A tag no longer offered (a removed custom tag, a one-off) stays as it was stored.
    extra: check.stretched
      .filter((t) => !known.has(t.id))
      .map((t) => ({ key: t.id, label: t.label, send: t.id })),
    tagInput: '',
    note: check.note ?? '',
    shareable: check.note !== null && check.shareable,
  };
}

/** The answers still missing, in the form's order. */
export function missingAnswers(draft: CheckDraft): CheckField[] {
  const missing: CheckField[] = [];
  if (draft.workload === null) missing.push('workload');
  if (draft.energy === null) missing.push('energy');
  if (draft.sustainable === null) missing.push('sustainable');
  return missing;
}

const MISSING_SENTENCES: Record<CheckField, MessageId> = {
  workload: 'checkin.form.missingWorkload',
  energy: 'checkin.form.missingEnergy',
  sustainable: 'checkin.form.missingSustainable',
};

/** The sentence under a question left unanswered, in the window's language. */
export function missingSentence(field: CheckField): string {
  return windowMessage(MISSING_SENTENCES[field]);
}

/** The chips in the order they are shown: the form's tags, then this check's own. */
export function chipsOf(
  form: CheckForm,
  draft: CheckDraft,
): { key: string; label: string; custom: boolean }[] {
  return [
    ...form.tags.map((t) => ({ key: t.id, label: t.label, custom: t.custom })),
    ...draft.extra.map((t) => ({ key: t.key, label: t.label, custom: true })),
  ];
}

/**
 * What `keel.checkin.add` gets: the three answers, the chosen tags in the order shown, and the note
 * (trimmed) with its "may be shared" tick; without a note nothing is shareable.
 */
export function payloadOf(form: CheckForm, draft: CheckDraft): CheckinInput | null {
  if (draft.workload === null || draft.energy === null || draft.sustainable === null) return null;
  const chosen = new Set(draft.tags);
  const stretched = chipsOf(form, draft)
    .filter((chip) => chosen.has(chip.key))
    .map((chip) => draft.extra.find((e) => e.key === chip.key)?.send ?? chip.key);
  const note = draft.note.trim();
  return {
    workload: draft.workload,
    energy: draft.energy,
    sustainable: draft.sustainable,
    stretched,
    ...(note === '' ? {} : { note }),
    shareable: note !== '' && draft.shareable,
  };
}

export type AddTagResult = { ok: true; draft: CheckDraft } | { ok: false; message: string };

/**
 * Adds what is typed in "Add your own tag": an offered tag with that name is ticked instead of
 * added twice; a new one becomes a ticked chip. Main checks the characters when saving.
 */
export function addTypedTag(form: CheckForm, draft: CheckDraft, typed: string): AddTagResult {
  const text = typed.trim().replace(/\s+/gu, ' ');
  const slug = tagSlug(text);
  if (slug === '') return { ok: false, message: windowMessage('checkin.tags.needsLetter') };
  const offered = form.tags.find((t) => t.id === slug || tagSlug(t.label) === slug);
  const key = offered?.id ?? draft.extra.find((e) => e.key === slug)?.key ?? slug;
  const extra =
    offered || draft.extra.some((e) => e.key === key)
      ? draft.extra
      : [...draft.extra, { key, label: text, send: text }];
  if (draft.tags.includes(key)) return { ok: true, draft: { ...draft, extra, tagInput: '' } };
  if (draft.tags.length >= TAGS_PER_CHECK_MAX)
    return { ok: false, message: windowMessage('checkin.tags.tooMany', { max: TAGS_PER_CHECK_MAX }) };
  return { ok: true, draft: { ...draft, extra, tags: [...draft.tags, key], tagInput: '' } };
}

/* ---------- Shared words (main sends them in English) ---------- */

function vocabOr(key: string, fallback: string): string {
  return key in SOURCE_CATALOG ? windowMessage(key as MessageId) : fallback;
}

/** A tag as shown: a default tag in the window's language, the user's own as typed. */
export function tagText(id: string, label: string): string {
  return vocabOr(`vocab.tag.${id}`, label);
}

/** A workload rating's words ("Heavy"), by its value. */
export function workloadText(value: number, label: string): string {
  return vocabOr(`vocab.workload.${value}`, label);
}

/** An energy rating's words ("Drained"), by its value. */
export function energyText(value: number, label: string): string {
  return vocabOr(`vocab.energy.${value}`, label);
}

/** "Yes", "Mostly", "No", by value. */
export function sustainableText(value: Sustainable): string {
  return vocabOr(`vocab.sustainable.${value}`, value);
}

/* ---------- Periods ---------- */

/** `key` names the period in messages (`{range, select, fourWeeks {…} quarter {…} other {…}}`). */
export const PERIODS: readonly {
  range: TrendRange;
  key: 'fourWeeks' | 'quarter' | 'year';
  label: MessageId;
  weeks: number;
}[] = [
  { range: '4w', key: 'fourWeeks', label: 'checkin.period.fourWeeks', weeks: 4 },
  { range: 'quarter', key: 'quarter', label: 'checkin.period.quarter', weeks: 13 },
  { range: 'year', key: 'year', label: 'checkin.period.year', weeks: 52 },
];

function periodOf(range: TrendRange) {
  return PERIODS.find((p) => p.range === range) ?? (PERIODS[0] as (typeof PERIODS)[number]);
}

/** The period's name for a message's `select` ("the last 4 weeks", "the last quarter (13 weeks)"…). */
export function periodKey(range: TrendRange): 'fourWeeks' | 'quarter' | 'year' {
  return periodOf(range).key;
}

/**
 * The history's dates for a period: whole weeks (from Monday) ending with the week of `today`, as
 * main's trends count them, up to today.
 */
export function periodDates(range: TrendRange, today: string): { from: string; to: string } {
  const monday = addLocalDays(today, -WEEKDAYS.indexOf(weekdayOf(today)));
  return { from: addLocalDays(monday, -7 * (periodOf(range).weeks - 1)), to: today };
}

/* ---------- Sentences ---------- */

/** "Tue, Mar 11, 16:02" for a check-in. */
export function checkWhen(check: Checkin): string {
  return windowMessage('checkin.when', { date: formatShortDate(check.date), time: formatTime(check.time) });
}

/** "Mar 3" / "3. März": a week's short axis label. */
export function dayMonth(date: string): string {
  return windowFormat().day(date, { weekday: false, month: 'short' });
}

/** "Friday" / "Freitag": a weekday's name in the window's language. */
export function weekdayName(day: Weekday): string {
  // 2024-01-01 was a Monday; WEEKDAYS starts on Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(windowFormat().locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** Weeks with check-ins a direction needs (core/checkin-trends.ts's TREND_MIN_POINTS). */
export const DIRECTION_NEEDS_WEEKS = 3;

/**
 * "Workload: rising"; without a direction yet, what it needs and how far along it is ("Workload:
 * shows after 3 weeks with check-ins (2 so far)"), so the label never contradicts the chart beside it.
 */
export function directionText(
  what: 'workload' | 'energy',
  direction: TrendDirection,
  weeksWithChecks: number,
): string {
  if (direction !== 'not enough data')
    return windowMessage(
      what === 'workload' ? 'checkin.trends.workloadDirection' : 'checkin.trends.energyDirection',
      {
        direction,
      },
    );
  return windowMessage(
    what === 'workload' ? 'checkin.trends.workloadWaiting' : 'checkin.trends.energyWaiting',
    {
      needs: DIRECTION_NEEDS_WEEKS,
      count: weeksWithChecks,
    },
  );
}

/** A timed cadence in words: "Every workday at 16:00", "Weekly on Friday at 16:00". */
export function cadenceText(cadence: Cadence): string | null {
  if (cadence.mode === 'daily')
    return windowMessage('checkin.cadence.daily', { time: formatTime(cadence.time) });
  if (cadence.mode === 'weekly')
    return windowMessage('checkin.cadence.weekly', {
      weekday: weekdayName(cadence.weekday),
      time: formatTime(cadence.time),
    });
  return null;
}

/**
 * The cadence as the view's header says it, and why it is the default ("Weekly on Friday at
 * 16:00 — the working day before your one-on-one"). `text` is the cadence in words.
 */
export function cadenceSentence(cadence: CheckCadenceInfo, hasOneOnOne: boolean, text: string): string {
  if (!cadence.isDefault) return windowMessage('checkin.cadence.sentence', { cadence: text });
  return windowMessage(
    hasOneOnOne ? 'checkin.cadence.defaultWithOneOnOne' : 'checkin.cadence.defaultWithoutOneOnOne',
    { cadence: text },
  );
}

/** "Next prompt today at 16:00.", "… tomorrow at 16:00.", "… on Fri, Mar 14 at 16:00.". */
export function nextPromptSentence(iso: string, today: string | null): string | null {
  const local = localParts(iso);
  if (!local) return null;
  const time = formatTime(local.time);
  const days = today === null ? Number.NaN : daysBetween(today, local.date);
  if (days === 0) return windowMessage('checkin.cadence.nextToday', { time });
  if (days === 1) return windowMessage('checkin.cadence.nextTomorrow', { time });
  return windowMessage('checkin.cadence.nextOn', { date: formatShortDate(local.date), time });
}

/** "4 · Heavy". */
export function ratingText(value: number, label: string): string {
  return windowMessage('checkin.rating', { value: windowFormat().number(value), label });
}

/** "58%" / "58 %" for a share 0–1. */
export function percent(share: number): string {
  return windowFormat().number(share, { style: 'percent', maximumFractionDigits: 0 });
}

/** A weekly average as the table shows it: "3.5", "4" ("3,5" in German). */
export function average(value: number): string {
  return windowFormat().number(value, { maximumFractionDigits: 1 });
}

/* ---------- Cadence and questionnaires (Settings) ---------- */

/** How often main offers each questionnaire again, from its interval. */
export function questionnaireEvery(kind: QuestionnaireKind): string {
  const days = QUESTIONNAIRE_INTERVAL_DAYS[kind];
  if (days === 7) return windowMessage('checkin.cadence.offeredWeekly');
  if (days === 14) return windowMessage('checkin.cadence.offeredFortnightly');
  return windowMessage('checkin.cadence.offeredEvery', { days });
}

/** What the default cadence means with this one-on-one: "Weekly on Thursday at 16:00". */
export function defaultCadenceText(oneOnOne: { weekday: Weekday } | null, hours: WorkingHours): string {
  const day = oneOnOne ? workingDayBefore(oneOnOne.weekday, hours) : 'fri';
  return windowMessage('checkin.cadence.weekly', {
    weekday: weekdayName(day),
    time: formatTime(DEFAULT_CHECK_TIME),
  });
}

/** Whether two cadences (null: the default) are the same. */
export function sameCadence(a: Cadence | null, b: Cadence | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.mode !== b.mode) return false;
  if (a.mode === 'daily' && b.mode === 'daily') return a.time === b.time;
  if (a.mode === 'weekly' && b.mode === 'weekly') return a.weekday === b.weekday && a.time === b.time;
  return true;
}
