/** Watches one file for changes; `watch` returns the function that stops watching. */
export interface FileWatchPort {
  watch(filePath: string, onChange: () => void): () => void;
}

/** Subscribes to "the database files changed" (another process wrote); returns the function that stops it. */
export type DatabaseChangeTrigger = (onChange: () => void) => () => void;
