import type { Settings } from './settings';

/** Kinds of planned events; later capabilities add theirs (focus, signoff, check, …). */
export type AgendaEventKind = 'focus' | 'focus-warning' | 'signoff' | 'check';

/** Something Keel plans to do or show at a moment. */
export interface AgendaEvent {
  /** Stable for the same occurrence across re-plans, so snoozes and skips can refer to it. */
  id: string;
  kind: AgendaEventKind;
  title: string;
  start: number;
  end?: number;
}

/** A contributor of events to the agenda (the focus plan, the sign-off policy, check-ins…). */
export interface AgendaSource {
  readonly name: string;
  /** Events that start in [from, to). */
  eventsBetween(from: number, to: number, settings: Settings): AgendaEvent[];
}

/** Every source's events starting in [from, to), in time order. */
export function collectAgenda(
  sources: readonly AgendaSource[],
  from: number,
  to: number,
  settings: Settings,
): AgendaEvent[] {
  const events = sources.flatMap((s) => s.eventsBetween(from, to, settings));
  return events
    .filter((e) => e.start >= from && e.start < to)
    .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/**
 * The first event starting strictly after `after` within `horizonMs`, skipping ids in `done`.
 * The shell arms exactly one timer for it.
 */
export function nextAgendaEvent(
  sources: readonly AgendaSource[],
  after: number,
  settings: Settings,
  options: { horizonMs?: number; done?: ReadonlySet<string> } = {},
): AgendaEvent | undefined {
  const horizon = options.horizonMs ?? 8 * 24 * 60 * 60 * 1000;
  const done = options.done;
  return collectAgenda(sources, after + 1, after + horizon, settings).find((e) => !done?.has(e.id));
}
