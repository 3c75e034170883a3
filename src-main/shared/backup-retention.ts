/**
 * How long Keel's backups keep what they hold, shared by storage (which prunes by these numbers)
 * and the window (which tells the user, when a note is deleted, that its backups still hold it).
 */

/** How many copies of each kind are kept (issue #9: 7 daily and 4 weekly). */
export const KEEP = { daily: 7, weekly: 4, safety: 3 } as const;
/** Safety copies younger than this are never pruned. */
export const SAFETY_DAYS = 7;

/** What a deletion leaves in the backups, and for how long: said wherever a note is deleted. */
export const BACKUPS_KEEP_DELETED =
  `Keel’s backups still hold it until they age out: daily copies after ${KEEP.daily} days, ` +
  `weekly copies after ${KEEP.weekly} weeks, and safety copies (taken before a restore, an import ` +
  `or deleting all data) once they are ${SAFETY_DAYS} days old and ${KEEP.safety} newer ones exist.`;
