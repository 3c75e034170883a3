import { z } from 'zod';
import type { ChannelName } from './channels';
import { settingSchemas, SETTING_KEYS, type SettingKey, type Settings } from '../core/settings';
import { isLocalDate } from '../core/time';
import { INTERRUPTION_KINDS, type FocusStats } from '../core/focus';
import type { CalendarStatus, DndStatus, ExportResult } from '../services/dto';
import type { FocusStatus } from '../services/focus-service';
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
  'focus:status': channel<FocusStatus>()(noInput),
  'focus:start': channel<FocusStatus>()(
    z.union(
      [
        z
          .object({
            minutes: z
              .number({ message: 'Give the block a length in minutes.' })
              .int({ message: 'Use whole minutes.' })
              .min(5, { message: 'A focus block lasts 5 to 480 minutes.' })
              .max(480, { message: 'A focus block lasts 5 to 480 minutes.' }),
          })
          .strict(),
        z.object({ until: z.literal('next') }).strict(),
      ],
      { error: () => 'Give minutes (5 to 480) or until: "next".' },
    ),
  ),
  'focus:stop': channel<FocusStatus>()(noInput),
  'focus:interrupt': channel<FocusStatus>()(
    z
      .object({
        kind: z.enum(INTERRUPTION_KINDS, { message: 'Use meeting, chat, incident or other.' }),
        note: z.string().trim().max(500, { message: 'Keep the note under 500 characters.' }).optional(),
      })
      .strict(),
  ),
  'focus:leaveOff': channel<FocusStatus>()(
    z
      .object({
        text: z
          .string({ message: 'Write one line.' })
          .trim()
          .min(1, { message: 'Write one line.' })
          .max(280, { message: 'Keep it to one line (280 characters).' })
          .refine((t) => !/[\r\n]/.test(t), { message: 'Keep it to one line.' }),
      })
      .strict(),
  ),
  'focus:skip': channel<FocusStatus>()(
    z
      .object({
        occurrenceId: z
          .string()
          .regex(/^focus:\d{4}-\d{2}-\d{2}@\d{2}:\d{2}$/, { message: 'Unknown focus block.' }),
      })
      .strict(),
  ),
  'focus:stats': channel<FocusStats>()(
    z
      .object({ from: localDate, to: localDate })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The start date must not be after the end date.' })
      .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, {
        message: 'Ask for at most a year at a time.',
      }),
  ),
  'dnd:status': channel<DndStatus>()(noInput),
  'focus:exportIcs': channel<ExportResult>()(noInput),
  'calendar:status': channel<CalendarStatus>()(noInput),
  'calendar:import': channel<CalendarStatus>()(noInput),
  'calendar:clear': channel<CalendarStatus>()(noInput),
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

export { buildApi, CHANNELS, STATE_CHANNEL, STATE_TOPICS, VIEWS } from './channels';
export type { Domain, Invoke, IpcResult, KeelApi, StateEvent, StateTopic, ViewName } from './channels';
