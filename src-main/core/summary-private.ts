import type { Checkin } from './checkin';
import { DEFAULT_TAGS, tagLabel } from './checkin-vocabulary';
import { oneLine, textLines } from './summary-text';

/**
 * What of a private check-in may reach a one-on-one summary, and which ticks could never be
 * honoured (the service refuses them rather than leave them out silently).
 *
 * Decisions:
 * - A check-in is private when it has a note the user did not mark "may be shared". Its note never
 *   leaves (summary-sections.ts). Its custom tags (the user's own words, not the eight defaults)
 *   reach "Where I feel stretched" only when the user ticks them, tag by tag; unticked, that
 *   check-in does not count towards them. Default tags, and every tag of a check-in without a
 *   private note, count as they always have.
 * - A ticked note must name a check-in of the period whose note may be shared, and the Notes
 *   section must be chosen; a ticked tag must be one of the period's private custom tags, and the
 *   stretched section must be chosen. Anything else is refused with one sentence: a tick that
 *   would be dropped silently would make the summary say less than the user thinks it says.
 */

const DEFAULT_TAG_IDS: ReadonlySet<string> = new Set(DEFAULT_TAGS.map((t) => t.id));

/** True when the check-in's note may be shared at all (marked shareable, and there is a note). */
export function mayShare(check: Checkin): check is Checkin & { note: string } {
  return check.shareable === true && typeof check.note === 'string' && textLines(check.note).length > 0;
}

/** A check-in with a note the user did not mark "may be shared". */
export function isPrivateCheck(check: Checkin): boolean {
  return typeof check.note === 'string' && textLines(check.note).length > 0 && check.shareable !== true;
}

/** A tag the user made up (not one of the eight offered with every check). */
export function isCustomTag(id: string): boolean {
  return !DEFAULT_TAG_IDS.has(id);
}

export interface PrivateTagOption {
  id: string;
  /** As the summary would show it. */
  label: string;
  /** Private check-ins of the period that name it. */
  count: number;
}

/**
 * The custom tags named in the period's private check-ins (`checks` are the period's), most named
 * first: the ones the user may tick into "Where I feel stretched".
 */
export function privateTagOptions(checks: readonly Checkin[]): PrivateTagOption[] {
  const counts = new Map<string, number>();
  for (const check of checks) {
    if (!isPrivateCheck(check)) continue;
    for (const id of new Set(check.stretched)) {
      if (isCustomTag(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([id, count]) => ({ id, label: oneLine(tagLabel(id)), count }))
    .filter((t) => t.label.length > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en') || (a.id < b.id ? -1 : 1));
}

/** The tags of `check` that count in "Where I feel stretched", given the ticked private tags. */
export function countedTags(check: Checkin, ticked: ReadonlySet<string>): string[] {
  if (!isPrivateCheck(check)) return check.stretched;
  return check.stretched.filter((id) => !isCustomTag(id) || ticked.has(id));
}

export const PRIVATE_CHOICE_MESSAGES = {
  unshareable: 'Only notes marked “may be shared” can go in a summary.',
  unknownNote: 'One of the ticked notes is not a note of this period; tick only notes written in it.',
  notesOff: 'Ticked notes go in only with the Notes section; choose that section too.',
  unknownTag:
    'One of the ticked tags is not a custom tag of this period’s private check-ins; tick only tags listed for it.',
  tagsOff: 'Ticked tags go in only with the “Where I feel stretched” section; choose that section too.',
} as const;

/**
 * Why these ticks cannot be honoured, in one sentence; null when every ticked note and tag can go
 * in. `checks` are the period's check-ins.
 */
export function tickProblem(
  checks: readonly Checkin[],
  choices: {
    readonly sections: readonly string[];
    readonly noteIds: readonly string[];
    readonly privateTags: readonly string[];
  },
): string | null {
  const byId = new Map(checks.map((c) => [c.id, c]));
  for (const id of choices.noteIds) {
    const check = byId.get(id);
    if (check === undefined) return PRIVATE_CHOICE_MESSAGES.unknownNote;
    if (!mayShare(check)) return PRIVATE_CHOICE_MESSAGES.unshareable;
  }
  if (choices.noteIds.length > 0 && !choices.sections.includes('notes'))
    return PRIVATE_CHOICE_MESSAGES.notesOff;
  const offered = new Set(privateTagOptions(checks).map((t) => t.id));
  if (choices.privateTags.some((id) => !offered.has(id))) return PRIVATE_CHOICE_MESSAGES.unknownTag;
  if (choices.privateTags.length > 0 && !choices.sections.includes('stretched'))
    return PRIVATE_CHOICE_MESSAGES.tagsOff;
  return null;
}
