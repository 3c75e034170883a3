import fs from 'node:fs';
import { DATABASE_FILE } from '../storage/paths';

/** The files another connection's commit touches: the write-ahead log, and the file at checkpoints. */
export const DATABASE_FILE_NAMES: readonly string[] = [DATABASE_FILE, `${DATABASE_FILE}-wal`];

/** Subscribes to "the database files changed"; returns the function that stops it. */
export type DatabaseChangeTrigger = (onChange: () => void) => () => void;

/**
 * The trigger on the file system: one `fs.watch` on the data folder, filtered to `keel.db` and
 * `keel.db-wal` (the `-shm` index changes on every read). Event-driven, no polling; not
 * persistent, so it never keeps a process alive. Keel's own writes fire it too: the caller tells
 * them apart (PRAGMA data_version) and debounces, since one commit fires several events.
 */
export function watchDatabaseFiles(
  dataDir: string,
  watch: typeof fs.watch = fs.watch,
): DatabaseChangeTrigger {
  return (onChange) => {
    let watcher: fs.FSWatcher;
    try {
      watcher = watch(dataDir, { persistent: false }, (_event, name) => {
        // Some platforms cannot say which file changed; a spurious check is cheap.
        if (name === null || DATABASE_FILE_NAMES.includes(name.toString())) onChange();
      });
    } catch {
      // No folder to watch (it was removed): the app still works, it just won't see the CLI.
      return () => {};
    }
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  };
}
