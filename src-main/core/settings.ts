import { z } from 'zod';
import { normaliseTags } from './checkin';
import { CUSTOM_TAGS_MAX } from './checkin-vocabulary';
import { cadenceSchema, oneOnOneSchema } from './checkin-cadence';
import {
  isClockTime,
  isLocalDate,
  isValidZone,
  minutesOfDay,
  systemZone,
  WEEKDAYS,
  type Weekday,
} from './time';

const clockTime = z.string().refine(isClockTime, { message: 'Use a 24-hour time such as 09:00.' });

const weekday = z.enum(WEEKDAYS, { message: 'Use a weekday: mon, tue, wed, thu, fri, sat or sun.' });

/** A span of local time on one day; `end` before `start` means it runs past midnight. */
export const timeRangeSchema = z
  .object({ start: clockTime, end: clockTime })
  .strict()
  .refine((r) => r.start !== r.end, { message: 'Start and end must differ.' });
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** Working hours per weekday; `null` is a day off. */
export const workingHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, timeRangeSchema.nullable()])) as Record<
      Weekday,
      z.ZodNullable<typeof timeRangeSchema>
    >,
  )
  .strict();
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const focusRuleSchema = z
  .object({ weekday, start: clockTime, end: clockTime })
  .strict()
  .refine((r) => minutesOfDay(r.end) > minutesOfDay(r.start), {
    message: 'A focus block must end after it starts, on the same day.',
  });
export type FocusRule = z.infer<typeof focusRuleSchema>;

export const focusPlanSchema = z
  .array(focusRuleSchema)
  .max(70, { message: 'A focus plan holds at most 70 blocks a week.' })
  .superRefine((rules, ctx) => {
    for (let i = 0; i < rules.length; i++) {
      for (let j = i + 1; j < rules.length; j++) {
        const a = rules[i] as FocusRule;
        const b = rules[j] as FocusRule;
        if (
          a.weekday === b.weekday &&
          minutesOfDay(a.start) < minutesOfDay(b.end) &&
          minutesOfDay(b.start) < minutesOfDay(a.end)
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `Focus blocks on ${a.weekday} overlap (${a.start}–${a.end} and ${b.start}–${b.end}).`,
          });
          return;
        }
      }
    }
  });
export type FocusPlan = z.infer<typeof focusPlanSchema>;

const localDate = z.string().refine(isLocalDate, { message: 'Use a date written YYYY-MM-DD.' });

function dateRangesSchema(what: string) {
  return z
    .array(
      z
        .object({
          from: localDate,
          to: localDate,
          note: z.string().trim().max(120, { message: 'Keep the note under 120 characters.' }).optional(),
        })
        .strict()
        .refine((p) => p.from <= p.to, { message: `A ${what} must end on or after the day it starts.` }),
    )
    .max(200, { message: `Keel keeps at most 200 ${what}s.` });
}

/** Dates the focus plan is paused: an offsite, a week of on-call. */
export const focusPausesSchema = dateRangesSchema('pause');

/**
 * Holidays and days off: no working hours (no sign-off suggestion at an end of hours, no focus
 * blocks). Work on them still counts as presence, and a long day still gets its nudge.
 */
export const holidaysSchema = dateRangesSchema('holiday');

/** The end-of-day sign-off. */
export const signoffSettingsSchema = z
  .object({
    /** Suggest signing off once the active span reaches this, even before the end of hours. */
    longDayCapMinutes: z
      .number({ message: 'Use a number of minutes.' })
      .int({ message: 'Use whole minutes.' })
      .min(240, { message: 'Use a long-day limit from 4 to 16 hours.' })
      .max(960, { message: 'Use a long-day limit from 4 to 16 hours.' }),
    /** The ritual's "quiet until tomorrow" box starts ticked. */
    quietAfterSignoff: z.boolean({ message: 'Use true or false.' }),
  })
  .strict();

/** Desktop do-not-disturb during focus blocks: off until the user turns it on. */
export const dndSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** macOS: names of the user's Shortcuts that turn a Focus mode on and off. */
    macosShortcutOn: z.string().trim().max(100).optional(),
    macosShortcutOff: z.string().trim().max(100).optional(),
  })
  .strict();

/**
 * Self-checks: when Keel asks (null: weekly, the working day before the usual one-on-one), the
 * user's own "stretched" tags, and the optional questionnaires (off until turned on).
 */
export const checkinSettingsSchema = z
  .object({
    cadence: cadenceSchema.nullable(),
    customTags: z
      .array(z.string({ message: 'Write each tag as text.' }), { message: 'List tags as a list.' })
      .max(CUSTOM_TAGS_MAX, { message: `Keep at most ${CUSTOM_TAGS_MAX} tags of your own.` })
      .transform((tags, ctx) => {
        try {
          return normaliseTags(tags);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: error instanceof Error ? error.message : 'Check the tags.',
          });
          return z.NEVER;
        }
      }),
    burnout: z.boolean({ message: 'Use true or false.' }),
    who5: z.boolean({ message: 'Use true or false.' }),
  })
  .strict();

/** Each setting has its own schema, so one key can be validated and stored alone. */
export const settingSchemas = {
  zone: z.string().refine(isValidZone, { message: 'Use an IANA time zone such as Europe/Berlin.' }),
  workingHours: workingHoursSchema,
  focusPlan: focusPlanSchema,
  dayBoundary: clockTime,
  theme: z.enum(['system', 'light', 'dark'], { message: 'Use system, light or dark.' }),
  focusPauses: focusPausesSchema,
  holidays: holidaysSchema,
  signoff: signoffSettingsSchema,
  /** The usual one-on-one with the manager, if the user sets one. */
  oneOnOne: oneOnOneSchema.nullable(),
  checkins: checkinSettingsSchema,
  focusWarningMinutes: z
    .number({ message: 'Use a number of minutes.' })
    .int({ message: 'Use whole minutes.' })
    .min(0, { message: 'Use 0 (no pre-warning) to 60 minutes.' })
    .max(60, { message: 'Use 0 (no pre-warning) to 60 minutes.' }),
  dnd: dndSettingsSchema,
  /** Start Keel (in the tray) when the user logs in; applied by main through the autostart port. */
  autostart: z.boolean({ message: 'Use true or false.' }),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.infer<(typeof settingSchemas)[K]> };
export const SETTING_KEYS = Object.keys(settingSchemas) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(settingSchemas, key);
}

const weekdayHours: TimeRange = { start: '09:00', end: '17:30' };

/** Keel's defaults; the zone follows the system unless the user sets one. */
export function defaultSettings(zone: string = systemZone()): Settings {
  return {
    zone,
    workingHours: {
      mon: weekdayHours,
      tue: weekdayHours,
      wed: weekdayHours,
      thu: weekdayHours,
      fri: weekdayHours,
      sat: null,
      sun: null,
    },
    focusPlan: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((d) => [
      { weekday: d, start: '09:00', end: '11:00' },
      { weekday: d, start: '14:00', end: '16:00' },
    ]),
    dayBoundary: '04:00',
    theme: 'system',
    focusPauses: [],
    holidays: [],
    signoff: { longDayCapMinutes: 9 * 60, quietAfterSignoff: false },
    oneOnOne: null,
    checkins: { cadence: null, customTags: [], burnout: false, who5: false },
    focusWarningMinutes: 5,
    dnd: { enabled: false },
    autostart: false,
  };
}

/**
 * Defaults overlaid with stored values. A stored value that no longer validates (written by
 * an older Keel, or edited by hand) is ignored rather than breaking start-up.
 */
export function resolveSettings(stored: Record<string, unknown>, zone?: string): Settings {
  const settings = defaultSettings(zone);
  for (const key of SETTING_KEYS) {
    if (!(key in stored)) continue;
    const parsed = settingSchemas[key].safeParse(stored[key]);
    if (parsed.success) (settings as Record<SettingKey, unknown>)[key] = parsed.data;
  }
  return settings;
}
