/**
 * The runtime half of the IPC contract that the preload needs: channel names and the builder of
 * `window.keel`. Kept apart from the zod schemas (contract.ts) so the sandboxed preload stays a
 * few kilobytes; contract.ts checks at compile time that both name the same channels.
 */
import type { ErrorPayload } from '../core/errors';
import type { Channel, ChannelInput, ChannelOutput } from './contract';

export const CHANNELS = [
  'app:status',
  'settings:get',
  'settings:set',
  'agenda:list',
  'focus:status',
  'focus:start',
  'focus:stop',
  'focus:interrupt',
  'focus:leaveOff',
  'focus:skip',
  'focus:stats',
  'dnd:status',
  'focus:exportIcs',
  'calendar:status',
  'calendar:import',
  'calendar:clear',
  'signoff:status',
  'signoff:submit',
  'signoff:respond',
  'signoff:creep',
  'checks:form',
  'checks:add',
  'checks:update',
  'checks:delete',
  'checks:list',
  'checks:trends',
  'checks:questionnaire',
  'talk:add',
  'talk:list',
  'talk:discussed',
  'talk:delete',
  'summary:options',
  'summary:preview',
  'summary:export',
  'summary:copy',
  'summary:shares',
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

/** The window's views, in navigation order. */
export const VIEWS = ['today', 'focus', 'checks', 'signoff', 'one-on-one', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Topics the main side announces when their data changed; the renderer re-reads them. */
export const STATE_TOPICS = [
  'settings',
  'status',
  'agenda',
  'focus',
  'dnd',
  'calendar',
  'signoff',
  'checks',
  'talk',
  'summary',
  'data',
] as const;
export type StateTopic = (typeof STATE_TOPICS)[number];

/** Main -> renderer pushes, through the one `keel.onState` subscription. */
export type StateEvent = { type: 'changed'; topics: StateTopic[] } | { type: 'navigate'; view: ViewName };

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;
type MethodOf<C extends Channel> =
  Record<string, never> extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

/** `window.keel`: one method per channel, grouped by domain (`keel.settings.set(...)`). */
export type KeelApi = {
  [D in Domain]: { [C in Channel as C extends `${D}:${infer V}` ? V : never]: MethodOf<C> };
} & {
  onState(listener: (event: StateEvent) => void): () => void;
};

export type Invoke = (channel: Channel, input: unknown) => Promise<IpcResult<unknown>>;

/** Builds `window.keel` over a transport (Electron IPC in the app, HTTP in the preview). */
export function buildApi(invoke: Invoke, onState: KeelApi['onState']): KeelApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const name of CHANNELS) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    (api[domain] as Record<string, unknown>)[verb] = (input?: unknown) => invoke(name, input ?? {});
  }
  return Object.freeze({ ...api, onState }) as unknown as KeelApi;
}
