/**
 * What "the user's alone" means in modes, in one place for every layer that writes files
 * (storage/ for the database and backups, platform/ for the umask, the repair, logs and exports).
 * Windows ignores modes; its AppData folder is private by its own permissions.
 */
/** Every Keel process's umask: nothing it creates is readable or writable by group or others. */
export const OWNER_ONLY_UMASK = 0o077;
/** Folders Keel creates: only the user may list, enter or change them. */
export const PRIVATE_FOLDER = 0o700;
/** Files Keel writes: only the user may read or write them. */
export const PRIVATE_FILE = 0o600;

/**
 * `mode` (a stat's) with every group and other bit taken away and the owner's kept, so what the
 * user made read-only stays read-only (0755 → 0700, 0644 → 0600, 0444 → 0400).
 */
export function ownerOnlyMode(mode: number): number {
  return mode & 0o777 & ~OWNER_ONLY_UMASK;
}
