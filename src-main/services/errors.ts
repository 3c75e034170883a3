/**
 * How a use case can fail because of the machine rather than the input (a full disk, a read-only
 * folder, a busy or damaged file): the IPC door and the CLI turn such failures into one sentence.
 * The classification itself is storage's (it knows SQLite's codes); callers above services ask here.
 */
export { storageFailure } from '../storage/write-errors';
