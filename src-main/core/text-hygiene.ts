/**
 * Text hygiene: what Keel keeps of the words the user types, and how it prints stored words to a
 * terminal. One place for both, so input and output agree on which characters are dangerous.
 *
 * Input (`cleanText`, `cleanLine`) is applied in the zod schemas every door uses (the window's
 * IPC, the preview, the CLI, the import), so no stored text carries:
 * - C0 control characters but tab and line feed, DEL and C1 controls: a terminal reads ESC, BEL,
 *   CSI and friends as commands, and a NUL cuts SQLite's length() short;
 * - bidirectional embeddings, overrides and isolates (U+202A–E, U+2066–9): they reorder what
 *   follows them, so stored text could display differently from what it is ("Trojan Source");
 * - invisible characters with no part in ordinary writing: the zero-width space U+200B, the
 *   block U+2060–F (word joiner, invisible operators, the isolates, deprecated format
 *   characters) and the byte order mark U+FEFF (pasted text often starts with one): they only
 *   make equal-looking text differ.
 * Kept on purpose: the zero-width (non-)joiners U+200C/D (Persian, Indic scripts and emoji
 * sequences such as 👩‍💻 need them) and the implicit direction marks U+200E/F and U+061C (right-to-
 * left writers use them to place punctuation and numbers; they steer a neutral character, they
 * cannot reorder a run the way an override does). Line breaks (CR LF, CR, NEL, U+2028/9) become
 * `\n`, and unpaired surrogates (not text; SQLite's UTF-8 cannot hold them) become U+FFFD.
 * Nothing else changes: emoji, CJK, Hebrew and Arabic pass as they are.
 */

const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const REMOVED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u206F\uFEFF]/g;

/** Text as stored where line breaks are allowed (notes): hygiene as above, `\n` and tabs kept. */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAK, '\n').replace(LONE_SURROGATE, '\uFFFD').replace(REMOVED, '');
}

/** Text as stored on one line (names, labels, tags): as `cleanText`, line breaks and tabs as spaces. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\n\t]/g, ' ');
}

/*
 * Output: what a terminal must not receive raw. C0 controls but tab and line feed, DEL and C1
 * (ESC starts escape sequences, BEL rings, CR returns to overwrite the line, U+009B is CSI on
 * 8-bit terminals), the bidirectional embeddings, overrides and isolates, and the line and
 * paragraph separators.
 */
const UNSAFE_FOR_TERMINAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` with every character a terminal could act on written visibly as `\uXXXX` (ESC as
 * `\u001b`, BEL as `\u0007`, RIGHT-TO-LEFT OVERRIDE as `\u202e`); line feeds and tabs stay.
 * The form is JSON's own escape, and JSON text has these characters only inside strings, so
 * JSON stays valid JSON with the same value.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
