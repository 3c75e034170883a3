/**
 * The runtime half of the IPC contract that the preload needs: channel names and the builder of
 * `window.keel`. Kept apart from the zod schemas (contract.ts) so the sandboxed preload stays a
 * few kilobytes; contract.ts checks at compile time that both name the same channels, and owns
 * the types (`KeelApi`) that this file's builder is called with. Imports nothing of contract.ts.
 */
import type { ErrorPayload } from '../core/errors';
import type { StateEvent } from '../shared/state';

export const CHANNELS = [
  'app:status',
  'app:quit',
  'today:card',
  'settings:get',
  'settings:set',
  'settings:changes',
  'settings:cancelChange',
  'agenda:list',
  'focus:status',
  'focus:start',
  'focus:stop',
  'focus:interrupt',
  'focus:leaveOff',
  'focus:skip',
  'focus:stats',
  'dnd:status',
  'desktop:probes',
  'desktop:copyReport',
  'desktop:shortcutOffer',
  'desktop:shortcutAnswer',
  'desktop:idleTrust',
  'welcome:status',
  'welcome:finish',
  'focus:exportIcs',
  'calendar:status',
  'calendar:import',
  'calendar:clear',
  'signoff:status',
  'signoff:submit',
  'signoff:respond',
  'signoff:creep',
  'checkin:form',
  'checkin:add',
  'checkin:update',
  'checkin:delete',
  'checkin:list',
  'checkin:trends',
  'checkin:questionnaire',
  'talk:add',
  'talk:list',
  'talk:discussed',
  'talk:delete',
  'talk:edit',
  'talk:move',
  'summary:options',
  'summary:preview',
  'summary:export',
  'summary:copy',
  'summary:shares',
  'update:draft',
  'update:save',
  'update:reset',
  'update:preview',
  'update:export',
  'update:copy',
  'update:offer',
  'update:answerOffer',
  'agreement:preview',
  'agreement:save',
  'agreement:copy',
  'agreement:status',
  'agreement:copyStatus',
  'agreement:shares',
  'data:overview',
  'data:backupNow',
  'data:restore',
  'data:dismissRecovery',
  'data:export',
  'data:import',
  'data:deleteAll',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** What every call returns: a value, or an error that is one clear sentence. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** The Electron IPC channel main uses to push `StateEvent`s to the window. */
export const STATE_CHANNEL = 'keel:state';

/** The transport under `window.keel`: Electron IPC in the app, HTTP in the preview. */
export type Invoke = (channel: ChannelName, input: unknown) => Promise<IpcResult<unknown>>;

/** Builds `window.keel` over a transport (Electron IPC in the app, HTTP in the preview). */
/**
 * Builds `window.keel` over a transport: one method per channel, grouped by domain. `Api` is the
 * contract's `KeelApi` (a type-only import for the caller, so the preload stays free of zod).
 */
export function buildApi<Api>(
  invoke: Invoke,
  onState: (listener: (event: StateEvent) => void) => () => void,
): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const name of CHANNELS) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    (api[domain] as Record<string, unknown>)[verb] = (input?: unknown) => invoke(name, input ?? {});
  }
  return Object.freeze({ ...api, onState }) as unknown as Api;
}
