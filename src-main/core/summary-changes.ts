import type { SummaryModel } from './summary-model';

/**
 * The sentence a save or copy is refused with when the summary is no longer what the user
 * previewed: what changed, in words, when Keel still knows the preview; the new fingerprint
 * otherwise.
 *
 * Decisions:
 * - Save and copy carry the fingerprint (SHA-256) of exactly the text the preview said would leave
 *   in that format; main renders again, and anything but the same text is refused, nothing written
 *   and no share logged. The window then shows the new preview, to check and save again.
 * - "What changed" names the sections whose content differs (in the summary's order), or the
 *   date the summary says it was prepared on; it never quotes the user's text.
 */

/** "Talking points", "Talking points and Notes", "Sustainability, Focus time and Notes". */
function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`;
}

/** What differs between the previewed model and the one built now, in a few words. */
export function summaryChanges(before: SummaryModel | undefined, after: SummaryModel): string {
  if (before === undefined) return 'it was built again from your latest data';
  const changed = after.sections
    .filter((section) => {
      const old = before.sections.find((s) => s.kind === section.kind);
      return JSON.stringify(old) !== JSON.stringify(section);
    })
    .map((s) => s.title);
  if (changed.length > 0) return `${inWords(changed)} changed`;
  if (before.generatedOn !== after.generatedOn) return 'the date it was prepared on changed';
  return 'it reads differently now';
}

/** The one sentence a refused save (`save`) or copy (`copy`) says. */
export function changedSentence(changes: string, action: 'save' | 'copy'): string {
  return `The summary changed since you previewed it (${changes}); here is the new preview — check it and ${action} again.`;
}
