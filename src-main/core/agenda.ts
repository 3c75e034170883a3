import type { RulesView } from './rules';
import type { LocalDate } from './time';

/** Kinds of planned events; later capabilities add theirs (signoff, check, …). */
export type AgendaEventKind = 'focus' | 'signoff' | 'check' | 'workday' | 'rules';

/** Something Keel plans: a focus block, a sign-off suggestion, a check-in prompt. */
export interface AgendaEvent {
  /** Stable for the same occurrence across re-plans, so snoozes and skips can refer to it. */
  id: string;
  kind: AgendaEventKind;
  title: string;
  start: number;
  end?: number;
  /** When to warn ahead of the start (a focus block's pre-warning), if at all. */
  warnAt?: number;
  /** Whether Keel must act when the event ends (a focus block's end). */
  wakeAtEnd?: boolean;
  /** Keel's own bookkeeping (e.g. when working hours begin): scheduled, but not listed. */
  internal?: boolean;
  /** The date it was due on, when that was a day off and it moved earlier (a weekly check-in). */
  movedFrom?: LocalDate;
}

/** A contributor of events to the agenda (the focus plan, the sign-off policy, check-ins…). */
export interface AgendaSource {
  readonly name: string;
  /** Events that start in [from, to), each planned by the rules in force on its date. */
  eventsBetween(from: number, to: number, rules: RulesView): AgendaEvent[];
}

export type MomentPhase = 'warn' | 'start' | 'end';

/** An instant Keel wakes for: an event's pre-warning, start or end. */
export interface AgendaMoment {
  /** `<event id>#<phase>`: stable, so a moment is handled once. */
  id: string;
  phase: MomentPhase;
  at: number;
  event: AgendaEvent;
}

/** How far around a range to look for events whose warning or end falls inside it. */
const LOOKBACK_MS = 9 * 60 * 60 * 1000;
const LOOKAHEAD_MS = 61 * 60 * 1000;
const PHASE_ORDER: Record<MomentPhase, number> = { end: 0, warn: 1, start: 2 };

/** Every source's events starting in [from, to), in time order. */
export function collectAgenda(
  sources: readonly AgendaSource[],
  from: number,
  to: number,
  rules: RulesView,
): AgendaEvent[] {
  const events = sources.flatMap((s) => s.eventsBetween(from, to, rules));
  return events
    .filter((e) => e.start >= from && e.start < to)
    .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

export function momentsOf(event: AgendaEvent): AgendaMoment[] {
  const moments: AgendaMoment[] = [];
  if (event.warnAt !== undefined && event.warnAt < event.start) {
    moments.push({ id: `${event.id}#warn`, phase: 'warn', at: event.warnAt, event });
  }
  moments.push({ id: `${event.id}#start`, phase: 'start', at: event.start, event });
  if (event.wakeAtEnd && event.end !== undefined && event.end > event.start) {
    moments.push({ id: `${event.id}#end`, phase: 'end', at: event.end, event });
  }
  return moments;
}

/**
 * Moments in [from, to), in time order; at the same instant an end comes before a start, so a
 * block ending at 11:00 is closed before the one starting at 11:00 opens.
 */
export function collectMoments(
  sources: readonly AgendaSource[],
  from: number,
  to: number,
  rules: RulesView,
): AgendaMoment[] {
  return collectAgenda(sources, from - LOOKBACK_MS, to + LOOKAHEAD_MS, rules)
    .flatMap(momentsOf)
    .filter((m) => m.at >= from && m.at < to)
    .sort((a, b) => a.at - b.at || PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.id.localeCompare(b.id));
}

/**
 * The first moment strictly after `after` within `horizonMs`, skipping ids in `done`.
 * The shell arms exactly one timer for it.
 */
export function nextMoment(
  sources: readonly AgendaSource[],
  after: number,
  rules: RulesView,
  options: { horizonMs?: number; done?: ReadonlySet<string> } = {},
): AgendaMoment | undefined {
  const horizon = options.horizonMs ?? 8 * 24 * 60 * 60 * 1000;
  const done = options.done;
  return collectMoments(sources, after + 1, after + horizon, rules).find((m) => !done?.has(m.id));
}
