import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseChangeTrigger } from '../services/ports';

/**
 * The trigger on the file system: one `fs.watch` on the data folder, filtered to `keel.db` and
 * `keel.db-wal` (the `-shm` index changes on every read). Event-driven, no polling; not
 * persistent, so it never keeps a process alive. Keel's own writes fire it too: the caller tells
 * them apart (PRAGMA data_version) and debounces, since one commit fires several events.
 */
export function watchDatabaseFiles(
  databaseFile: string,
  watch: typeof fs.watch = fs.watch,
): DatabaseChangeTrigger {
  // The files another connection's commit touches: the write-ahead log, and the file at checkpoints.
  const dataDir = path.dirname(databaseFile);
  const names = [path.basename(databaseFile), `${path.basename(databaseFile)}-wal`];
  return (onChange) => {
    let watcher: fs.FSWatcher;
    try {
      watcher = watch(dataDir, { persistent: false }, (_event, name) => {
        // Some platforms cannot say which file changed; a spurious check is cheap.
        if (name === null || names.includes(name.toString())) onChange();
      });
    } catch {
      // No folder to watch (it was removed): the app still works, it just won't see the CLI.
      return () => {};
    }
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  };
}
