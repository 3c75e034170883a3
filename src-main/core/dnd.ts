/** Do-not-disturb as stored: plain JSON, so a later process can restore what Keel changed. */

/** What one desktop lets Keel do about do-not-disturb; mirrors `DndStatus['capability']`. */
export type DndCapability = 'control' | 'read-only' | 'unsupported';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * What an adapter needs to undo its change. It is stored as JSON in `dnd_state` so a later
 * process (after a crash) can restore it, hence plain JSON and nothing else.
 */
export type DndPrior = { [key: string]: JsonValue };
