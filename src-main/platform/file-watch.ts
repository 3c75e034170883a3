import fs from 'node:fs';
import path from 'node:path';
import type { FileWatchPort } from '../services/ports/file-watch';

/**
 * Watches the file's folder and filters by name: editors and sync tools (and calendar apps
 * exporting again) usually replace a file by writing a temporary one and renaming it over the
 * old, which ends a watch on the file itself. Not persistent, so a CLI process can still exit.
 * Callers should debounce: one save fires several events.
 */
export const nodeFileWatch: FileWatchPort = {
  watch(filePath, onChange) {
    const folder = path.dirname(filePath);
    const name = path.basename(filePath);
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, { persistent: false }, (_event, changed) => {
        // Some platforms cannot say which file changed; a spurious re-read is harmless.
        if (changed === null || changed.toString() === name) onChange();
      });
    } catch {
      // The folder is gone (an unplugged drive, a deleted folder): nothing to watch.
      return () => {};
    }
    // A watcher error (the folder removed later) ends watching quietly rather than crashing main.
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  },
};

/** A watcher driven by hand in tests: `change(path)` plays the part of the file system. */
export class FakeFileWatch implements FileWatchPort {
  private readonly listeners = new Map<string, Set<() => void>>();

  watch(filePath: string, onChange: () => void): () => void {
    const set = this.listeners.get(filePath) ?? new Set();
    set.add(onChange);
    this.listeners.set(filePath, set);
    return () => {
      set.delete(onChange);
      if (set.size === 0) this.listeners.delete(filePath);
    };
  }

  /** How many watchers are on `filePath` (or on anything, without an argument). */
  watching(filePath?: string): number {
    if (filePath !== undefined) return this.listeners.get(filePath)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  change(filePath: string): void {
    for (const listener of [...(this.listeners.get(filePath) ?? [])]) listener();
  }
}
