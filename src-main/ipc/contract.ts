import { z } from 'zod';
import type { ChannelName } from './channels';
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
} as const satisfies Record<ChannelName, { input: z.ZodType; output: unknown }>;

// The channel list in channels.ts and this contract name exactly the same channels.
type AssertNever<T extends never> = T;
export type _NoChannelMissingFromList = AssertNever<Exclude<keyof typeof contract, ChannelName>>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export { buildApi, CHANNELS, STATE_CHANNEL, VIEWS } from './channels';
export type { Domain, Invoke, IpcResult, KeelApi, StateEvent, StateTopic, ViewName } from './channels';
