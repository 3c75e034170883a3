import { z } from 'zod';
import { cleanLine, cleanText } from './text-hygiene';
import {
  AGREEMENT_NOTE_MAX_LENGTH,
  DEFAULT_NORMS,
  NORM_MAX_LENGTH,
  TEAM_ZONES_MAX,
  TEAMMATE_NAME_MAX_LENGTH,
} from './agreement-vocabulary';
import { canonicalZone, unknownZoneMessage } from './zone-name';

/**
 * The working agreement ("how to work with me", issue #19): what the user adds to what Keel
 * already knows. The hours and focus blocks come from the working-hours and focus-plan rules and
 * are never typed again; the agreement holds only the teammates' zones, how fast the user answers
 * on each channel, and a free note. A setting like the others (core/settings.ts): it takes effect
 * at once, it is in the data export, and it decides no day's figures.
 */

const zoneName = z.string({ message: 'Choose a time zone.' }).transform((zone, ctx) => {
  const canonical = canonicalZone(zone);
  if (canonical !== null) return canonical;
  ctx.addIssue({ code: 'custom', message: unknownZoneMessage(zone), input: zone });
  return z.NEVER;
});

/** A teammate's zone, with an optional name ("Sam", "Platform team"); the city names it otherwise. */
export const teamZoneSchema = z
  .object({
    zone: zoneName,
    name: z
      .string({ message: 'Write the name as text.' })
      .overwrite(cleanLine)
      .trim()
      .max(TEAMMATE_NAME_MAX_LENGTH, {
        message: `Keep a name under ${TEAMMATE_NAME_MAX_LENGTH} characters.`,
      }),
  })
  .strict();
export type TeamZone = z.infer<typeof teamZoneSchema>;

const norm = (channel: string) =>
  z
    .string({ message: `Write how soon you answer ${channel}.` })
    .overwrite(cleanLine)
    .trim()
    .min(1, { message: `Write how soon you answer ${channel}.` })
    .max(NORM_MAX_LENGTH, { message: `Keep it under ${NORM_MAX_LENGTH} characters.` });

export const agreementSchema = z
  .object({
    teamZones: z
      .array(teamZoneSchema, { message: 'List the zones as a list.' })
      .max(TEAM_ZONES_MAX, { message: `Add at most ${TEAM_ZONES_MAX} zones.` })
      .superRefine((zones, ctx) => {
        const seen = new Set<string>();
        zones.forEach((z, i) => {
          const key = `${z.zone}|${z.name.toLowerCase()}`;
          if (seen.has(key)) {
            ctx.addIssue({ code: 'custom', path: [i, 'zone'], message: 'That zone is in the list already.' });
          }
          seen.add(key);
        });
      }),
    norms: z
      .object({ chat: norm('chat messages'), email: norm('email'), urgent: norm('urgent matters') })
      .strict(),
    note: z
      .string({ message: 'Write the note as text.' })
      .overwrite(cleanText)
      .trim()
      .max(AGREEMENT_NOTE_MAX_LENGTH, {
        message: `Keep the note under ${AGREEMENT_NOTE_MAX_LENGTH} characters.`,
      }),
  })
  .strict();
export type Agreement = z.infer<typeof agreementSchema>;

export function defaultAgreement(): Agreement {
  return { teamZones: [], norms: { ...DEFAULT_NORMS }, note: '' };
}

/** A zone as people say it: its city ("America/New_York" → "New York", "UTC" → "UTC"). */
export function zoneCity(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

/** How the agreement names a teammate's zone: "Sam (New York)", or "New York" without a name. */
export function teamZoneLabel(team: TeamZone): string {
  const city = zoneCity(team.zone);
  return team.name.length > 0 ? `${team.name} (${city})` : city;
}
