import { z } from 'zod';
import type { ErrorPayload } from '../core/errors';
import { settingSchemas, SETTING_KEYS, type SettingKey, type Settings } from '../core/settings';
import { isLocalDate } from '../core/time';
import type { AgendaEventDto, Status } from '../services/status-service';

/**
 * The one IPC contract: channel -> input schema (zod) + output type. Main validates every
 * payload with it, the preload exposes exactly these channels, the renderer's types derive
 * from it. Channel names are `domain:verb`.
 */
function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const noInput = z.object({}).strict();
const localDate = z.string().refine(isLocalDate, { message: 'Use a date written YYYY-MM-DD.' });

/** `{ key, value }` for one setting; errors name the setting ("theme: Use system, light or dark."). */
type SettingsSetInput = { [K in SettingKey]: { key: K; value: Settings[K] } }[SettingKey];
const settingsSetInput = z
  .object({
    key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], {
      error: () => `Use one of ${SETTING_KEYS.join(', ')}.`,
    }),
    value: z.unknown(),
  })
  .strict()
  .transform((input, ctx) => {
    const parsed = settingSchemas[input.key].safeParse(input.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [input.key, ...issue.path] });
      }
      return z.NEVER;
    }
    return { key: input.key, value: parsed.data } as SettingsSetInput;
  }) as unknown as z.ZodType<SettingsSetInput, SettingsSetInput>;

export const contract = {
  'app:status': channel<Status>()(noInput),
  'settings:get': channel<Settings>()(noInput),
  'settings:set': channel<Settings>()(settingsSetInput),
  'agenda:list': channel<AgendaEventDto[]>()(
    z
      .object({ from: localDate, to: localDate })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The start date must not be after the end date.' }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** What every call returns: a value, or an error that is one clear sentence. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** The Electron IPC channel main uses to push `StateEvent`s to the window. */
export const STATE_CHANNEL = 'keel:state';

/** The window's views, in navigation order. */
export const VIEWS = ['today', 'focus', 'checks', 'signoff', 'one-on-one', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Topics the main side announces when their data changed; the renderer re-reads them. */
export type StateTopic = 'settings' | 'status' | 'agenda';

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
