import type { IpcResult, KeelApi, StateEvent } from '../../src-main/ipc/contract';
import type { AgendaEvent, SettingKey, Settings, Status, TimeRange } from '../../src-renderer/api/types';

/**
 * An in-memory `KeelApi` for renderer tests (and for screenshots in a browser). `api` is typed as
 * `KeelApi`, so the fake breaks the build when the contract changes. It keeps settings, derives
 * `app.status()` from them like main does, validates `settings.set` roughly like main's zod
 * schemas (same sentences for the common cases), records every call, and pushes
 * `{type:'changed'}` after a successful save.
 */

export type FakeMethod = 'app.status' | 'settings.get' | 'settings.set' | 'agenda.list';

export interface FakeCall {
  method: FakeMethod;
  input: unknown;
}

export interface FakeKeelOptions {
  settings?: Partial<Settings>;
  /** Overrides for the status snapshot; `zone` and `today`'s hours/blocks come from settings. */
  status?: Partial<Omit<StatusBase, 'today'>> & { today?: Partial<StatusBase['today']> };
  /** Events `agenda.list` returns (filtered by date). */
  agenda?: AgendaEvent[];
  /** Milliseconds every answer waits (0: the next microtask). */
  delayMs?: number;
  /** Push `{type:'changed', topics:['settings','status']}` after each successful `settings.set`. */
  emitOnSet?: boolean;
}

export interface FakeKeel {
  /** Install as `window.keel`. */
  api: KeelApi;
  /** Every call, in order, with a copy of its input. */
  calls: FakeCall[];
  /** The stored settings (what a successful `settings.set` changed). */
  readonly settings: Settings;
  callsTo(method: FakeMethod): FakeCall[];
  /** The next call to `method` answers with this error instead. */
  failNext(method: FakeMethod, error: { code: string; message: string }): void;
  /** Replaces settings as if another process (the CLI) wrote them; does not emit. */
  replaceSettings(patch: Partial<Settings>): void;
  /** Changes the status snapshot; does not emit. */
  patchStatus(patch: FakeKeelOptions['status']): void;
  /** Pushes a state event to every `onState` listener. */
  emit(event: StateEvent): void;
  listenerCount(): number;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const weekdayHours: TimeRange = { start: '09:00', end: '17:30' };

export function defaultFakeSettings(): Settings {
  return {
    zone: 'Europe/Berlin',
    workingHours: {
      mon: weekdayHours,
      tue: weekdayHours,
      wed: weekdayHours,
      thu: weekdayHours,
      fri: weekdayHours,
      sat: null,
      sun: null,
    },
    focusPlan: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((weekday) => [
      { weekday, start: '09:00', end: '11:00' },
      { weekday, start: '14:00', end: '16:00' },
    ]),
    dayBoundary: '04:00',
    theme: 'system',
  };
}

/** What the fake keeps of a status; the rest is derived from settings. */
type StatusBase = Omit<Status, 'zone' | 'today'> & { today: Pick<Status['today'], 'date' | 'weekday'> };

const defaultStatus: StatusBase = {
  app: { name: 'Keel', version: '0.1.0' },
  dataDir: '/home/ada/.config/Keel',
  database: { path: '/home/ada/.config/Keel/keel.db', schemaVersion: 1 },
  now: '2025-03-11T08:40:00+01:00',
  today: { date: '2025-03-11', weekday: 'tue' },
  nextEvent: {
    id: 'focus:2025-03-11T09:00',
    kind: 'focus',
    title: 'Focus block',
    start: '2025-03-11T09:00:00+01:00',
    end: '2025-03-11T11:00:00+01:00',
  },
};

function isValidZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The sentence main would answer for an invalid `{key, value}`, or null when it is valid. */
export function validateSetting(key: unknown, value: unknown): string | null {
  switch (key as SettingKey) {
    case 'zone':
      return typeof value === 'string' && isValidZone(value)
        ? null
        : 'zone: Use an IANA time zone such as Europe/Berlin.';
    case 'theme':
      return value === 'system' || value === 'light' || value === 'dark'
        ? null
        : 'theme: Use system, light or dark.';
    case 'dayBoundary':
      return typeof value === 'string' && HHMM.test(value)
        ? null
        : 'dayBoundary: Use a 24-hour time such as 09:00.';
    case 'workingHours': {
      if (!isRecord(value)) return 'workingHours: Use working hours for each weekday.';
      for (const day of WEEKDAYS) {
        const range = value[day];
        if (range === null) continue;
        if (!isRecord(range)) return `workingHours.${day}: is required.`;
        for (const end of ['start', 'end'] as const) {
          const t = range[end];
          if (typeof t !== 'string' || !HHMM.test(t))
            return `workingHours.${day}.${end}: Use a 24-hour time such as 09:00.`;
        }
        if (range.start === range.end) return `workingHours.${day}: Start and end must differ.`;
      }
      return null;
    }
    case 'focusPlan': {
      if (!Array.isArray(value)) return 'focusPlan: Use a list of focus blocks.';
      for (const rule of value) {
        if (!isRecord(rule) || typeof rule.start !== 'string' || typeof rule.end !== 'string')
          return 'focusPlan: Use a 24-hour time such as 09:00.';
        if (!HHMM.test(rule.start) || !HHMM.test(rule.end))
          return 'focusPlan: Use a 24-hour time such as 09:00.';
        if (minutes(rule.end) <= minutes(rule.start))
          return 'focusPlan: A focus block must end after it starts, on the same day.';
      }
      return null;
    }
    default:
      return 'key: use one of zone, workingHours, focusPlan, dayBoundary, theme.';
  }
}

export function createFakeKeel(options: FakeKeelOptions = {}): FakeKeel {
  let settings: Settings = { ...defaultFakeSettings(), ...structuredClone(options.settings ?? {}) };
  let status: StatusBase = structuredClone(defaultStatus);
  patch(options.status);
  const agenda = structuredClone(options.agenda ?? []);
  const listeners = new Set<(event: StateEvent) => void>();
  const failures = new Map<FakeMethod, { code: string; message: string }[]>();
  const calls: FakeCall[] = [];
  const emitOnSet = options.emitOnSet ?? true;

  function answer<T>(method: FakeMethod, input: unknown, produce: () => IpcResult<T>): Promise<IpcResult<T>> {
    calls.push({ method, input: input === undefined ? undefined : structuredClone(input) });
    const failure = failures.get(method)?.shift();
    const result: IpcResult<T> = failure
      ? { ok: false, error: failure as Extract<IpcResult<T>, { ok: false }>['error'] }
      : produce();
    return new Promise((resolve) => {
      if (options.delayMs) setTimeout(() => resolve(result), options.delayMs);
      else queueMicrotask(() => resolve(result));
    });
  }

  function patch(overrides: FakeKeelOptions['status'] = {}) {
    const { today, ...rest } = structuredClone(overrides);
    status = { ...status, ...rest, today: { ...status.today, ...today } };
  }

  function currentStatus(): Status {
    const weekday = status.today.weekday;
    return structuredClone({
      ...status,
      zone: settings.zone,
      today: {
        date: status.today.date,
        weekday,
        workingHours: settings.workingHours[weekday],
        focusBlocks: settings.focusPlan
          .filter((r) => r.weekday === weekday)
          .map(({ start, end }) => ({ start, end }))
          .sort((a, b) => a.start.localeCompare(b.start)),
      },
    });
  }

  function emit(event: StateEvent) {
    for (const listener of [...listeners]) listener(event);
  }

  const api: KeelApi = {
    app: {
      status: (input) => answer('app.status', input, () => ({ ok: true, value: currentStatus() })),
    },
    settings: {
      get: (input) => answer('settings.get', input, () => ({ ok: true, value: structuredClone(settings) })),
      set: (input) =>
        answer('settings.set', input, () => {
          const { key, value } = input as { key: unknown; value: unknown };
          const problem = validateSetting(key, value);
          if (problem !== null) return { ok: false, error: { code: 'invalid_input', message: problem } };
          settings = { ...settings, [key as SettingKey]: structuredClone(value) };
          if (emitOnSet) queueMicrotask(() => emit({ type: 'changed', topics: ['settings', 'status'] }));
          return { ok: true, value: structuredClone(settings) };
        }),
    },
    agenda: {
      list: (input) =>
        answer('agenda.list', input, () => {
          if (input.from > input.to)
            return {
              ok: false,
              error: { code: 'invalid_input', message: 'The start date must not be after the end date.' },
            };
          const value = agenda.filter((e) => {
            const date = e.start.slice(0, 10);
            return date >= input.from && date <= input.to;
          });
          return { ok: true, value: structuredClone(value) };
        }),
    },
    onState(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  return {
    api,
    calls,
    get settings() {
      return settings;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    replaceSettings(patch) {
      settings = { ...settings, ...structuredClone(patch) };
    },
    patchStatus: patch,
    emit,
    listenerCount: () => listeners.size,
  };
}
