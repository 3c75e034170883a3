import { z } from 'zod';
import type { ChannelName, IpcResult } from './channels';
import type { StateEvent } from '../shared/state';
import { channel, localDate, noInput } from './contract-kit';
import { agreementChannels } from './contract-agreement';
import { desktopChannels } from './contract-desktop';
import { todayChannels } from './contract-today';
import { welcomeChannels } from './contract-welcome';
import { updateChannels } from './contract-update';
import { summaryChannels } from './contract-summary';
import { settingSchemas, SETTING_KEYS, type SettingKey, type Settings } from '../core/settings';
import { DATED_KEYS, type DatedKey } from '../core/rules-vocabulary';
import { isLocalDate, localDaysBetween } from '../core/time';
import { INTERRUPTION_KINDS } from '../core/focus';
import { signoffInputSchema, type CreepStats } from '../core/signoff';
import { exportLocaleSchema } from '../core/export-language';
import { checkinInputSchema, type CheckinInput } from '../core/checkin';
import { TREND_RANGES } from '../core/checkin-trends';
import { QUESTIONNAIRE_KINDS } from '../core/questionnaires';
import { BACKUP_ID_PATTERN } from '../core/backup-id';
import { cleanLine, cleanText } from '../core/text-hygiene';
import type {
  AgendaEventDto,
  CalendarStatus,
  CheckForm,
  CheckinDto,
  CheckTrends,
  DataOverview,
  DndStatus,
  ExportResult,
  FocusStatsDto,
  FocusStatus,
  ImportResult,
  QuestionnaireOutcome,
  RestoreResult,
  RuleChangeDto,
  SignoffStatus,
  Status,
  TalkingPointDto,
} from '../shared/dto';

/**
 * The one IPC contract: channel -> input schema (zod) + output type. Main validates every
 * payload with it, the preload exposes exactly these channels, the renderer's types derive
 * from it. Channel names are `domain:verb`. Some domains keep their channels in files of their
 * own (contract-desktop.ts), spread in here.
 */
/** The longest agenda one call lists (to − from, in days). */
const AGENDA_MAX_DAYS = 365;

/**
 * `{ key, value, from? }` for one setting; errors name the setting ("theme: Use system, light or
 * dark."). `from` is when a dated rule's change takes effect (today without it); the settings
 * service refuses it, in one sentence, for a setting that takes effect at once.
 */
type SettingsSetInput = {
  [K in SettingKey]: { key: K; value: Settings[K]; from?: string };
}[SettingKey];
const settingsSetInput = z
  .object({
    key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], {
      error: () => `Use one of ${SETTING_KEYS.join(', ')}.`,
    }),
    value: z.unknown(),
    from: localDate.optional(),
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
    const from = input.from === undefined ? {} : { from: input.from };
    return { key: input.key, value: parsed.data, ...from } as SettingsSetInput;
  }) as unknown as z.ZodType<SettingsSetInput, SettingsSetInput>;

const datedKey = z.enum(DATED_KEYS as unknown as [DatedKey, ...DatedKey[]], {
  error: () => `Name a rule that takes effect on a date: ${DATED_KEYS.join(', ')}.`,
});

/** A record's id, or the start of one (the CLI names records by their first eight characters). */
export const recordId = z
  .string({ message: 'Name it by its id.' })
  .regex(/^[0-9a-f-]{4,36}$/i, { message: 'That is not an id Keel gave.' });
const checkId = z
  .string({ message: 'Name a check-in by its id.' })
  .regex(/^[0-9a-f-]{4,36}$/i, { message: 'That is not a check-in id.' });
type CheckinInputWithId = z.input<typeof checkinInputSchema> & { id: string };

/** A talking point's words, on one line. */
const pointText = z
  .string({ message: 'Write the talking point.' })
  .overwrite(cleanLine)
  .trim()
  .min(1, { message: 'Write the talking point.' })
  .max(500, { message: 'Keep a talking point under 500 characters.' });

export const contract = {
  'app:status': channel<Status>()(noInput),
  ...todayChannels,
  /** Quits Keel as the tray's Quit does: do-not-disturb is put back first (main's before-quit). */
  'app:quit': channel<{ quitting: true }>()(noInput),
  'settings:get': channel<Settings>()(noInput),
  'settings:set': channel<Settings>()(settingsSetInput),
  /** Every change of every dated rule, by rule and then date, with how it stands today. */
  'settings:changes': channel<RuleChangeDto[]>()(noInput),
  /** Withdraws a change that has not taken effect yet. */
  'settings:cancelChange': channel<Settings>()(z.object({ key: datedKey, from: localDate }).strict()),
  'agenda:list': channel<AgendaEventDto[]>()(
    z
      .object({ from: localDate, to: localDate })
      .strict()
      .refine((r) => r.from <= r.to, {
        message: 'The start date must not be after the end date.',
        abort: true,
      })
      // A year at a time: the agenda is computed, not stored, and the day after the last date
      // must still be a date.
      .refine(
        (r) =>
          !isLocalDate(r.from) || !isLocalDate(r.to) || localDaysBetween(r.from, r.to) <= AGENDA_MAX_DAYS,
        {
          message: `Ask for at most ${AGENDA_MAX_DAYS + 1} days at a time.`,
        },
      ),
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
        note: z
          .string()
          .overwrite(cleanText)
          .trim()
          .max(500, { message: 'Keep the note under 500 characters.' })
          .optional(),
      })
      .strict(),
  ),
  'focus:leaveOff': channel<FocusStatus>()(
    z
      .object({
        text: z
          .string({ message: 'Write one line.' })
          .overwrite(cleanText)
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
  'focus:stats': channel<FocusStatsDto>()(
    z
      .object({ from: localDate, to: localDate })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The start date must not be after the end date.' })
      .refine((r) => !isLocalDate(r.from) || !isLocalDate(r.to) || localDaysBetween(r.from, r.to) <= 400, {
        message: 'Ask for at most a year at a time.',
      }),
  ),
  'dnd:status': channel<DndStatus>()(noInput),
  ...desktopChannels,
  ...welcomeChannels,
  /** `locale`: the language of the events' titles (the window's; none: en-US). */
  'focus:exportIcs': channel<ExportResult>()(z.object({ locale: exportLocaleSchema.optional() }).strict()),
  'calendar:status': channel<CalendarStatus>()(noInput),
  'calendar:import': channel<CalendarStatus>()(noInput),
  'calendar:clear': channel<CalendarStatus>()(noInput),
  'signoff:status': channel<SignoffStatus>()(noInput),
  'signoff:submit': channel<SignoffStatus>()(signoffInputSchema),
  /** The window's answer to a shown suggestion: the same as the notification's buttons. */
  'signoff:respond': channel<SignoffStatus>()(
    z.object({ action: z.enum(['snooze', 'not-today'], { message: 'Use snooze or not-today.' }) }).strict(),
  ),
  'signoff:creep': channel<CreepStats>()(
    z
      .object({
        weeks: z
          .number({ message: 'Give a number of weeks.' })
          .int({ message: 'Use whole weeks.' })
          .min(1, { message: 'Ask for 1 to 52 weeks.' })
          .max(52, { message: 'Ask for 1 to 52 weeks.' }),
      })
      .strict(),
  ),
  'checkin:form': channel<CheckForm>()(noInput),
  'checkin:add': channel<CheckinDto>()(checkinInputSchema),
  'checkin:update': channel<CheckinDto>()(
    z
      .object({ id: checkId })
      .passthrough()
      .transform((value, ctx) => {
        const { id, ...rest } = value;
        const parsed = checkinInputSchema.safeParse(rest);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
          return z.NEVER;
        }
        return { id, input: parsed.data };
      }) as unknown as z.ZodType<{ id: string; input: CheckinInput }, CheckinInputWithId>,
  ),
  // purgeBackups: also remove it from every backup copy (else they keep it until they age out).
  'checkin:delete': channel<{ deleted: string; backups?: { purged: number; failed: number } }>()(
    z.object({ id: checkId, purgeBackups: z.boolean().optional() }).strict(),
  ),
  'checkin:list': channel<CheckinDto[]>()(
    z
      .object({ from: localDate, to: localDate })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The start date must not be after the end date.' })
      .refine((r) => !isLocalDate(r.from) || !isLocalDate(r.to) || localDaysBetween(r.from, r.to) <= 400, {
        message: 'Ask for at most a year at a time.',
      }),
  ),
  'checkin:trends': channel<CheckTrends>()(
    z.object({ range: z.enum(TREND_RANGES, { message: 'Use 4w, quarter or year.' }) }).strict(),
  ),
  'checkin:questionnaire': channel<QuestionnaireOutcome>()(
    z
      .object({
        kind: z.enum(QUESTIONNAIRE_KINDS, { message: 'Use burnout or who5.' }),
        answers: z
          .array(z.number({ message: 'Answer with numbers.' }), { message: 'Answer with a list of numbers.' })
          .max(5, { message: 'Give at most five answers.' }),
      })
      .strict(),
  ),
  'talk:add': channel<TalkingPointDto>()(z.object({ text: pointText }).strict()),
  'talk:list': channel<TalkingPointDto[]>()(
    z.object({ includeDiscussed: z.boolean({ message: 'Use true or false.' }).optional() }).strict(),
  ),
  'talk:discussed': channel<TalkingPointDto>()(
    z.object({ id: recordId, discussed: z.boolean({ message: 'Use true or false.' }) }).strict(),
  ),
  'talk:delete': channel<{ deleted: string }>()(z.object({ id: recordId }).strict()),
  'talk:edit': channel<TalkingPointDto>()(z.object({ id: recordId, text: pointText }).strict()),
  /** Answers every point, in the agenda's new order. */
  'talk:move': channel<TalkingPointDto[]>()(
    z.object({ id: recordId, direction: z.enum(['up', 'down'], { message: 'Use up or down.' }) }).strict(),
  ),
  ...summaryChannels,
  ...updateChannels,
  ...agreementChannels,
  'data:overview': channel<DataOverview>()(noInput),
  'data:backupNow': channel<DataOverview>()(noInput),
  'data:restore': channel<RestoreResult>()(
    z
      .object({
        id: z
          .string({ message: 'Name the backup to restore.' })
          .regex(BACKUP_ID_PATTERN, { message: 'That is not one of Keel’s backups.' }),
      })
      .strict(),
  ),
  'data:dismissRecovery': channel<DataOverview>()(noInput),
  /**
   * The window never names a path: main's save dialog chooses where the backup goes. With a
   * passphrase it is encrypted (services/export-crypto.ts); the passphrase is never logged.
   */
  'data:export': channel<ExportResult>()(
    z
      .object({
        passphrase: z
          .string()
          .min(8, { message: 'Use a passphrase of at least 8 characters.' })
          .max(1024, { message: 'Use a passphrase of at most 1,024 characters.' })
          .optional(),
      })
      .strict(),
  ),
  /** Main's open dialog chooses the file; an encrypted one is opened with `passphrase`. */
  'data:import': channel<ImportResult>()(
    z
      .object({
        passphrase: z
          .string()
          .min(1, { message: 'Type the backup’s passphrase.' })
          .max(1024, { message: 'That passphrase does not open this backup.' })
          .optional(),
      })
      .strict(),
  ),
  /** Only with the confirmation the window asked the user for. */
  'data:deleteAll': channel<{ deleted: true }>()(
    z
      .object({ confirm: z.literal(true, { message: 'Deleting everything needs your confirmation.' }) })
      .strict(),
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

export { buildApi, CHANNELS, STATE_CHANNEL } from './channels';
export type { Invoke, IpcResult } from './channels';
