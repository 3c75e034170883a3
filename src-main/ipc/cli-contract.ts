import { z } from 'zod';
import { exportLocaleSchema } from '../core/export-language';
import { checkinInputSchema } from '../core/checkin';
import { signoffInputSchema } from '../core/signoff';
import { summaryChoicesSchema } from '../core/summary-choices';
import { isLocalDate, localDaysBetween } from '../core/time';
import { UPDATE_MAX_DAYS } from '../core/weekly-update';
import { UPDATE_FORMATS } from '../core/weekly-update-document';
import type { Services } from '../services';
import type {
  CalendarConflictsDto,
  CheckinDto,
  ExportResult,
  SignoffStatus,
  TalkingPointDto,
} from '../shared/dto';
import { calendarConflicts } from '../services/calendar-conflicts';
import type { DayReport } from '../services/signoff-service';
import type { IpcResult } from './channels';
import { recordId } from './contract';
import { localDate } from './contract-kit';
import { dispatchThrough } from './dispatch';
import type { FileDialogPort } from '../services/ports';
import { AGREEMENT_FORMATS } from '../shared/agreement-dto';

/**
 * What only the `keel` command line may ask, beside the window's contract: back-date a check-in
 * or a sign-off (`--at`), read one workday (`keel day`), and write a summary to the file or the
 * stdout its arguments name. The window never reaches these channels: they are not in
 * CHANNELS, so the preload, ipcMain and the preview know nothing of them, and `dispatch` (bound
 * to the window's contract) refuses them as unknown. They still pass the same door
 * (`dispatchThrough`): zod first, then nothing but `{ code, message }` for anything thrown.
 */
function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** An instant, as the CLI resolved it from `--at` in the user's zone. */
const instant = z
  .number({ message: 'Give the time as epoch milliseconds.' })
  .int({ message: 'Give the time as epoch milliseconds.' })
  .min(0, { message: 'Give the time as epoch milliseconds.' });

/** `schema`'s fields plus `at`, parsed to `{ at, input }` (errors keep the field's name). */
function withInstant<S extends z.ZodType>(schema: S) {
  return z
    .object({ at: instant })
    .passthrough()
    .transform((value, ctx) => {
      const { at, ...rest } = value;
      const parsed = schema.safeParse(rest);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
        return z.NEVER;
      }
      return { at, input: parsed.data as z.output<S> };
    }) as unknown as z.ZodType<{ at: number; input: z.output<S> }, z.input<S> & { at: number }>;
}

const SUMMARY_FORMATS = ['md', 'text', 'html', 'json'] as const;
/** The file name's extension for each format. */
const EXTENSIONS: Record<(typeof SUMMARY_FORMATS)[number], string> = {
  md: 'md',
  text: 'txt',
  html: 'html',
  json: 'json',
};
type SummaryWriteInput = z.input<typeof summaryChoicesSchema> & { format: (typeof SUMMARY_FORMATS)[number] };
type SummaryWrite = {
  format: (typeof SUMMARY_FORMATS)[number];
  choices: z.output<typeof summaryChoicesSchema>;
};

const updateWriteInput = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    format: z.enum(UPDATE_FORMATS, { message: 'Use md, text or html.' }),
    /** The update's language (`keel update --locale`); en-US when not given. */
    locale: exportLocaleSchema.optional(),
  })
  .strict()
  .refine((r) => (r.from === undefined) === (r.to === undefined), {
    message: 'Give both --from and --to, or neither for the current week.',
  })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
    message: 'The start date must not be after the end date.',
  })
  .refine(
    (r) =>
      r.from === undefined ||
      r.to === undefined ||
      !isLocalDate(r.from) ||
      !isLocalDate(r.to) ||
      localDaysBetween(r.from, r.to) < UPDATE_MAX_DAYS,
    { message: `A weekly update covers at most ${UPDATE_MAX_DAYS} days.` },
  );

export const cliContract = {
  'checkin:addAt': channel<CheckinDto>()(withInstant(checkinInputSchema)),
  'signoff:submitAt': channel<SignoffStatus>()(withInstant(signoffInputSchema)),
  /** Without a date: the current workday. */
  'signoff:day': channel<DayReport>()(
    z
      .object({
        date: localDate.optional(),
      })
      .strict(),
  ),
  /** Planned blocks from `from` to `to` (local dates, both included) with their meetings. */
  'calendar:conflicts': channel<CalendarConflictsDto>()(
    z
      .object({
        from: localDate,
        to: localDate,
      })
      .strict(),
  ),
  /**
   * An open talking point put at a place on the agenda (1 for the top; `keel talk move --to`).
   * The window moves one place at a time (`talk:move`). Answers every point, in the new order.
   */
  'talk:moveTo': channel<TalkingPointDto[]>()(
    z
      .object({
        id: recordId,
        to: z
          .number({ message: 'Give the place as a whole number, 1 for the top.' })
          .int({ message: 'Give the place as a whole number, 1 for the top.' })
          .min(1, { message: 'Give the place as a whole number, 1 for the top.' }),
      })
      .strict(),
  ),
  /** The choices' fields and a format; the file (or stdout) comes from the CLI's arguments. */
  'summary:write': channel<ExportResult>()(
    z
      .object({ format: z.enum(SUMMARY_FORMATS, { message: 'Use md, text, html or json.' }) })
      .passthrough()
      .transform((value, ctx) => {
        const { format, ...rest } = value;
        const parsed = summaryChoicesSchema.safeParse(rest);
        if (!parsed.success) {
          // Without a field path, as parseSummaryChoices words it: the messages name the field.
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
          return z.NEVER;
        }
        return { format, choices: parsed.data };
      }) as unknown as z.ZodType<SummaryWrite, SummaryWriteInput>,
  ),
  /** The weekly update of the period (the current week without dates), printed or written, and logged. */
  'update:write': channel<ExportResult>()(updateWriteInput),
  /** The working agreement in a format, to the file (or stdout) the CLI's arguments name. */
  'agreement:write': channel<ExportResult>()(
    z
      .object({
        format: z.enum(AGREEMENT_FORMATS, { message: 'Use md, text or ics.' }),
        locale: exportLocaleSchema.optional(),
      })
      .strict(),
  ),
  /** The status line for chat, to stdout. */
  'agreement:writeStatus': channel<ExportResult>()(
    z.object({ locale: exportLocaleSchema.optional() }).strict(),
  ),
} as const;

export type CliContract = typeof cliContract;
export type CliChannel = keyof CliContract;
export type CliChannelInput<C extends CliChannel> = z.input<CliContract[C]['input']>;
export type CliParsedInput<C extends CliChannel> = z.output<CliContract[C]['input']>;
export type CliChannelOutput<C extends CliChannel> = CliContract[C]['output'];
export const CLI_CHANNELS = Object.keys(cliContract) as CliChannel[];

export type CliHandlers = {
  [C in CliChannel]: (input: CliParsedInput<C>) => CliChannelOutput<C> | Promise<CliChannelOutput<C>>;
};

/** The CLI's handler table; `outlet` writes where the command's arguments said. */
export function createCliHandlers(services: Services, outlet: Pick<FileDialogPort, 'saveFile'>): CliHandlers {
  return {
    'checkin:addAt': ({ at, input }) => services.checkin.add(input, at),
    'signoff:submitAt': ({ at, input }) => services.signoff.submit(input, at),
    'signoff:day': ({ date }) => services.signoff.day(date ?? services.signoff.workdayAt()),
    'calendar:conflicts': ({ from, to }) => calendarConflicts(services, from, to),
    'talk:moveTo': ({ id, to }) => services.talkingPoints.moveTo(id, to),
    'summary:write': async ({ choices, format }) => {
      // Built and rendered once: what is written, and what is logged, is this one text.
      const built = services.summary.render(choices, format);
      const text = built.text;
      const fileName = await outlet.saveFile({
        defaultName: `keel-one-on-one-${built.choices.from}-to-${built.choices.to}.${EXTENSIONS[format]}`,
        content: text,
        filters: [],
      });
      if (fileName === null) return { saved: false, fileName: null };
      // What left Keel is logged like the window's exports: when, period, sections, a hash.
      services.summary.logShare(built.choices, built.model, format, 'cli', text);
      return { saved: true, fileName };
    },
    'update:write': async ({ from, to, format, locale }) => {
      const update = services.weeklyUpdate;
      const period = from !== undefined && to !== undefined ? { from, to } : update.currentWeek();
      // Rendered once, with the edits kept for the period: what is printed is what is logged.
      const { text, model } = update.render({ ...period, locale }, format);
      const fileName = await outlet.saveFile({
        defaultName: `keel-weekly-update-${period.from}-to-${period.to}.${format === 'text' ? 'txt' : format}`,
        content: text,
        filters: [],
      });
      if (fileName === null) return { saved: false, fileName: null };
      update.logShare(model, format, 'cli', text);
      return { saved: true, fileName };
    },
    'agreement:write': async ({ format, locale }) => {
      const text = services.agreement.render(format, locale);
      const fileName = await outlet.saveFile({
        defaultName: `working-agreement.${format === 'text' ? 'txt' : format}`,
        content: text,
        filters: [],
      });
      if (fileName === null) return { saved: false, fileName: null };
      services.agreement.logShare('agreement', format, 'cli', text);
      return { saved: true, fileName };
    },
    'agreement:writeStatus': async ({ locale }) => {
      const { text } = services.agreement.status(locale);
      const fileName = await outlet.saveFile({
        defaultName: 'status.txt',
        content: `${text}\n`,
        filters: [],
      });
      if (fileName === null) return { saved: false, fileName: null };
      // The line is what is shared; the line feed only ends it in the terminal.
      services.agreement.logShare('status', 'text', 'cli', text);
      return { saved: true, fileName };
    },
  };
}

/** `dispatch` for the CLI's own channels: the same validation and error mapping. */
export function dispatchCli(
  handlers: CliHandlers,
  channel: unknown,
  payload: unknown,
  onUnexpected?: (error: unknown, channel: string) => void,
): Promise<IpcResult<unknown>> {
  return dispatchThrough(cliContract, handlers, channel, payload, onUnexpected);
}
