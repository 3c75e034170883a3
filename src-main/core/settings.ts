import { z } from 'zod';
import { agreementSchema, defaultAgreement } from './agreement';
import { normaliseTags } from './checkin';
import { CUSTOM_TAGS_MAX } from './checkin-vocabulary';
import { cadenceSchema, oneOnOneSchema } from './checkin-cadence';
import { focusPausesSchema, focusPlanSchema } from './focus-plan';
import { DEFAULT_SUMMARY_SETTINGS, summarySettingsSchema } from './summary-settings';
import { cleanLine } from './text-hygiene';
import { systemZone } from './time';
import { clockTimeSchema } from './validation';
import { canonicalZone, unknownZoneMessage } from './zone-name';
import { holidaysSchema, workingHoursSchema, type TimeRange } from './working-hours';

/**
 * The settings aggregate: one schema per key, the defaults, and how stored values are read back.
 * Each piece's rules live with its domain (working hours and holidays, the focus plan, the
 * check-in cadence); this module only assembles them.
 */

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

/** A Shortcut's name, as `shortcuts run -- NAME` gets it (on one line; never read as an option). */
const shortcutName = z
  .string()
  .overwrite(cleanLine)
  .trim()
  .max(100)
  .refine((name) => !name.startsWith('-'), { message: 'Use a Shortcut name that does not start with "-".' });

/** Desktop do-not-disturb during focus blocks: off until the user turns it on. */
export const dndSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** macOS: names of the user's Shortcuts that turn a Focus mode on and off. */
    macosShortcutOn: shortcutName.optional(),
    macosShortcutOff: shortcutName.optional(),
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

export const CALENDAR_ADDRESSES_MAX = 10;

/**
 * How the imported calendar is read: the user's own addresses (their answer to an invitation
 * decides whether it is busy: declined is free) and whether tentative meetings warn.
 */
export const calendarSettingsSchema = z
  .object({
    addresses: z
      .array(
        z
          .string({ message: 'Write each address as text.' })
          .overwrite(cleanLine)
          .trim()
          .toLowerCase()
          .transform((a) => a.replace(/^mailto:/, ''))
          .pipe(
            z
              .string()
              .max(254, { message: 'That address is too long.' })
              .regex(/^[^\s@]+@[^\s@]+$/, { message: 'Write each address like ana@example.com.' }),
          ),
        { message: 'List addresses as a list.' },
      )
      .max(CALENDAR_ADDRESSES_MAX, { message: `Keep at most ${CALENDAR_ADDRESSES_MAX} addresses.` })
      .transform((list) => [...new Set(list)]),
    tentative: z.enum(['warn', 'ignore'], { message: 'Use warn or ignore.' }),
  })
  .strict();

/**
 * The languages Settings offers: "system" (the OS's preferred languages) or one Keel speaks
 * (shared/i18n/locale.ts's USER_LOCALES; test/i18n/locale.test.ts holds the two lists together —
 * core cannot import shared).
 */
export const LANGUAGE_CHOICES = ['system', 'en-US', 'en-GB', 'de', 'fr', 'es', 'pt-BR'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Each setting has its own schema, so one key can be validated and stored alone. */
export const settingSchemas = {
  /** Spelled as the tz database spells it (core/zone-name.ts): it goes into exported TZIDs. */
  zone: z.string().transform((zone, ctx) => {
    const canonical = canonicalZone(zone);
    if (canonical !== null) return canonical;
    ctx.addIssue({ code: 'custom', message: unknownZoneMessage(zone), input: zone });
    return z.NEVER;
  }),
  workingHours: workingHoursSchema,
  focusPlan: focusPlanSchema,
  dayBoundary: clockTimeSchema,
  theme: z.enum(['system', 'light', 'dark'], { message: 'Use system, light or dark.' }),
  /** The language of the window, notifications and tray; "system" follows the OS. Not dated. */
  language: z.enum(LANGUAGE_CHOICES, { message: `Use one of ${LANGUAGE_CHOICES.join(', ')}.` }),
  focusPauses: focusPausesSchema,
  holidays: holidaysSchema,
  signoff: signoffSettingsSchema,
  /** The usual one-on-one with the manager, if the user sets one. */
  oneOnOne: oneOnOneSchema.nullable(),
  checkins: checkinSettingsSchema,
  focusWarningMinutes: z
    .number({ message: 'Use a number of minutes.' })
    .int({ message: 'Use whole minutes.' })
    .min(0, { message: 'Use 0 (no heads-up) to 60 minutes.' })
    .max(60, { message: 'Use 0 (no heads-up) to 60 minutes.' }),
  dnd: dndSettingsSchema,
  /** Start Keel (in the tray) when the user logs in; applied by main through the autostart port. */
  autostart: z.boolean({ message: 'Use true or false.' }),
  calendar: calendarSettingsSchema,
  /** Notifications that would quote the user's own words show a neutral sentence instead. */
  hideWordsInNotifications: z.enum(['always', 'when-locked', 'never'], {
    message: 'Use always, when-locked or never.',
  }),
  /** The working agreement's own parts: teammates' zones, response norms, a note (core/agreement.ts). */
  agreement: agreementSchema,
  /** The one-on-one builder's name line and last chosen sections. */
  summary: summarySettingsSchema,
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
    language: 'system',
    focusPauses: [],
    holidays: [],
    signoff: { longDayCapMinutes: 9 * 60, quietAfterSignoff: false },
    oneOnOne: null,
    checkins: { cadence: null, customTags: [], burnout: false, who5: false },
    focusWarningMinutes: 5,
    dnd: { enabled: false },
    autostart: false,
    calendar: { addresses: [], tentative: 'warn' },
    hideWordsInNotifications: 'when-locked',
    agreement: defaultAgreement(),
    summary: DEFAULT_SUMMARY_SETTINGS,
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
