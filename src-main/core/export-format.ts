import { z } from 'zod';
import { isDatedKey, isEffectiveDate, SINCE_THE_BEGINNING, type RuleChange } from './rules';
import { isSettingKey, settingSchemas, SETTING_KEYS, type SettingKey } from './settings';
import { cleanLine, cleanText } from './text-hygiene';
import { isLocalDate } from './time';
import { canonicalZone } from './zone-name';

/** What a share log entry says left: the kinds of document Keel shares (the DTO's ShareKind). */
export const SHARE_KINDS = ['summary', 'weekly-update', 'agreement', 'status'] as const;

/**
 * Keel's export file: every record, as versioned JSON. The records keep the database's own
 * columns (snake_case, instants as Unix milliseconds) so nothing is lost in translation; JSON
 * columns are written as JSON values. `formatVersion` changes only when the meaning of a field
 * does; an older Keel refuses a newer format rather than guess.
 *
 * Version 2 (dated rules, core/rules.ts): `rules` holds every change of the settings that take
 * effect on a date, `{ key, from, value }`, and `settings` only the others. A version 1 file (from
 * a Keel without dated rules) is still read: its dated settings become changes in force since the
 * beginning, as migration 6 keeps them in a database.
 *
 * The file holds every private note. Locked with a passphrase, this JSON is wrapped in the
 * `KEEL-ENCRYPTED-EXPORT v1` envelope (scrypt + AES-256-GCM): docs/encrypted-export.md and
 * services/export-crypto.ts (the crypto lives outside core/, which stays pure).
 */
export const EXPORT_FORMAT = 'keel-export';
export const EXPORT_FORMAT_VERSION = 2;

const instant = z.number().int().min(0).max(8_640_000_000_000_000);
const optionalInstant = instant.nullable();
const localDate = z.string().refine(isLocalDate, { message: 'must be a date written YYYY-MM-DD' });
const zone = z.string().transform((name, ctx) => {
  const canonical = canonicalZone(name);
  if (canonical === null)
    ctx.addIssue({ code: 'custom', message: 'must be a time zone such as Europe/Berlin' });
  return canonical ?? z.NEVER;
});
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: 'must be an id Keel gave',
});
// Cleaned as the window's and the CLI's input is (core/text-hygiene.ts): an export written by an
// older Keel, or by hand, brings no control or bidi characters in.
const text = (max: number) =>
  z
    .string()
    .overwrite(cleanText)
    .max(max, { message: `must be at most ${max} characters` });
const rating = z.number().int().min(1).max(5);
const flag = z.union([z.literal(0), z.literal(1)]);
const tag = z.string().overwrite(cleanLine).min(1).max(40);

export const exportRecordSchemas = {
  checkins: z
    .object({
      id: uuid,
      at: instant,
      local_date: localDate,
      zone,
      workload: rating,
      energy: rating,
      sustainable: z.enum(['yes', 'mostly', 'no']),
      stretched: z.array(tag).max(12),
      note: text(2000).nullable(),
      shareable: flag,
      updated_at: optionalInstant,
    })
    .strict()
    .refine((c) => c.note !== null || c.shareable === 0, { message: 'only a note can be shareable' }),
  questionnaire_results: z
    .object({
      id: uuid,
      kind: z.enum(['burnout', 'who5']),
      at: instant,
      local_date: localDate,
      zone,
      answers: z.array(z.number().int().min(0).max(5)).min(1).max(5),
      score: z.number().int().min(0).max(100),
    })
    .strict(),
  check_prompt_answers: z
    .object({
      prompt_id: text(120).min(1),
      action: z.enum(['snooze', 'skip']),
      until: optionalInstant,
      at: instant,
    })
    .strict(),
  focus_sessions: z
    .object({
      id: z.number().int().positive(),
      kind: z.enum(['planned', 'adhoc']),
      occurrence_id: text(120).nullable(),
      started_at: instant,
      planned_end: instant,
      ended_at: optionalInstant,
      end_reason: z.enum(['completed', 'stopped']).nullable(),
      local_date: localDate,
      zone,
    })
    .strict()
    .refine((s) => s.planned_end > s.started_at, { message: 'a block must end after it starts' })
    .refine((s) => (s.ended_at === null) === (s.end_reason === null), {
      message: 'an ended block needs its reason, and only an ended one',
    })
    .refine((s) => s.ended_at === null || s.ended_at >= s.started_at, {
      message: 'a block cannot end before it starts',
    }),
  interruptions: z
    .object({
      id: z.number().int().positive(),
      session_id: z.number().int().positive(),
      at: instant,
      kind: z.enum(['meeting', 'chat', 'incident', 'other']),
      note: text(500).nullable(),
      local_date: localDate,
    })
    .strict(),
  focus_skips: z.object({ occurrence_id: text(120).min(1), skipped_at: instant }).strict(),
  resume_cues: z
    .object({
      id: z.number().int().positive(),
      at: instant,
      text: text(280).min(1),
      session_id: z.number().int().positive().nullable(),
      shown_at: optionalInstant,
    })
    .strict(),
  workdays: z
    .object({
      date: localDate,
      zone,
      first_active: optionalInstant,
      last_active: optionalInstant,
      suggested_at: z.array(instant).max(50),
      snoozed_until: optionalInstant,
      not_today: flag,
      signed_off_at: optionalInstant,
      done: text(2000).nullable(),
      unfinished: z.array(z.object({ item: text(280).min(1), plan: text(280).min(1) }).strict()).max(10),
      first_tomorrow: text(280).nullable(),
      energy: rating.nullable(),
      quiet_until: optionalInstant,
    })
    .strict()
    .refine((w) => (w.first_active === null) === (w.last_active === null), {
      message: 'presence needs both its first and last instant',
    })
    .refine((w) => w.last_active === null || w.first_active === null || w.last_active >= w.first_active, {
      message: 'the last activity cannot come before the first',
    }),
  talking_points: z
    .object({
      id: uuid,
      text: text(500).min(1),
      created_at: instant,
      discussed_at: optionalInstant,
      // The agenda's order (schema 8); files from before it have none.
      position: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    })
    .strict(),
  shares: z
    .object({
      id: uuid,
      at: instant,
      local_date: localDate,
      period_from: localDate,
      period_to: localDate,
      sections: z.array(z.string().max(40)).max(20),
      note_count: z.number().int().min(0),
      format: z.enum(['md', 'text', 'html', 'rich', 'pdf', 'clipboard', 'json', 'ics']),
      via: z.enum(['window', 'cli']),
      content_hash: z.string().regex(/^[0-9a-f]{64}$/),
      // What left (schema 10); files from before it hold summaries only.
      kind: z.enum(SHARE_KINDS).optional(),
    })
    .strict()
    .refine((s) => s.period_to >= s.period_from, { message: 'the period must not end before it starts' }),
  // The weekly update as the user edited it, per period (schema 10).
  update_drafts: z
    .object({
      period_from: localDate,
      period_to: localDate,
      edits: z
        .object({
          shipped: z.array(text(2000)).max(40),
          next: z.array(text(2000)).max(40),
          blockers: z.array(text(2000)).max(40),
          focus: z.boolean(),
          mood: z.boolean(),
        })
        .strict(),
      updated_at: instant,
    })
    .strict()
    .refine((d) => d.period_to >= d.period_from, { message: 'the period must not end before it starts' }),
} as const;

export type ExportTable = keyof typeof exportRecordSchemas;
export const EXPORT_TABLES = Object.keys(exportRecordSchemas) as ExportTable[];
export type ExportRecord<T extends ExportTable> = z.output<(typeof exportRecordSchemas)[T]>;

/** The columns that hold JSON text in the database and JSON values in the file. */
export const JSON_COLUMNS: Partial<Record<ExportTable, readonly string[]>> = {
  checkins: ['stretched'],
  questionnaire_results: ['answers'],
  workdays: ['suggested_at', 'unfinished'],
  shares: ['sections'],
  update_drafts: ['edits'],
};

const settingsSchema = z.record(z.string(), z.unknown()).superRefine((settings, ctx) => {
  for (const [key, value] of Object.entries(settings)) {
    if (!(SETTING_KEYS as readonly string[]).includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is not a Keel setting' });
      continue;
    }
    const parsed = settingSchemas[key as SettingKey].safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: parsed.error.issues[0]?.message ?? 'is not valid',
      });
    }
  }
});

/** One dated change; its value is checked with its key's schema and kept as that schema reads it. */
const ruleSchema = z
  .object({ key: z.string().max(40), from: z.string().max(10), value: z.unknown() })
  .strict()
  .transform((rule, ctx): RuleChange => {
    if (!isDatedKey(rule.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: isSettingKey(rule.key)
          ? 'takes effect at once, so it belongs in settings'
          : 'is not a Keel setting',
      });
      return z.NEVER;
    }
    if (!isEffectiveDate(rule.from)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be a date written YYYY-MM-DD' });
      return z.NEVER;
    }
    const parsed = settingSchemas[rule.key].safeParse(rule.value);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: parsed.error.issues[0]?.message ?? 'is not valid',
      });
      return z.NEVER;
    }
    return { key: rule.key, from: rule.from, value: parsed.data };
  });

const rulesSchema = z.array(ruleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const id = `${rule.key} ${rule.from}`;
    if (seen.has(id)) {
      ctx.addIssue({ code: 'custom', path: [index], message: `changes ${rule.key} twice on ${rule.from}` });
    }
    seen.add(id);
  });
});

const fileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, { message: 'is not a Keel backup' }),
    formatVersion: z
      .number()
      .int()
      .min(1)
      .max(EXPORT_FORMAT_VERSION, { message: 'is from a newer Keel; update Keel to import it' }),
    exportedAt: instant,
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1),
    settings: settingsSchema,
    rules: rulesSchema.optional(),
    records: z
      .object(
        Object.fromEntries(EXPORT_TABLES.map((t) => [t, z.array(exportRecordSchemas[t]).default([])])) as {
          [T in ExportTable]: z.ZodDefault<z.ZodArray<(typeof exportRecordSchemas)[T]>>;
        },
      )
      .strict(),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.formatVersion === 1 && file.rules !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['rules'], message: 'is not part of a version 1 export' });
    }
    if (file.formatVersion >= 2) {
      for (const key of Object.keys(file.settings).filter(isDatedKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['settings', key],
          message: 'takes effect on a date, so it belongs in rules',
        });
      }
    }
  });

/**
 * A version 1 or 2 export, read as version 2: a version 1 file's dated settings become changes
 * in force since the beginning ("today's rules as the ones always in force").
 */
export const exportFileSchema = fileSchema.transform((file) => {
  const settings: Record<string, unknown> = {};
  const rules: RuleChange[] = [...(file.rules ?? [])];
  for (const [key, value] of Object.entries(file.settings)) {
    if (isDatedKey(key)) {
      rules.push({ key, from: SINCE_THE_BEGINNING, value: settingSchemas[key].parse(value) });
    } else settings[key] = value;
  }
  return { ...file, settings, rules };
});

export type ExportFile = z.output<typeof exportFileSchema>;

/** One sentence naming the first problem, e.g. "records.checkins.3.workload: Too big…". */
export function describeExportProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'That file is not a Keel backup.';
  const where = issue.path.map(String).join('.');
  const message = issue.message.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '');
  return `That file cannot be imported (${where ? `${where} ` : ''}${message}); nothing was imported.`;
}
