/**
 * Text as literal Markdown with as few backslashes as CommonMark and GitHub-flavoured Markdown
 * allow: a backslash goes only where syntax could form, so pasted Markdown reads like the text
 * that was typed ("On-call rotation (Q2)", not "On\-call rotation \(Q2\)").
 *
 * Decisions:
 * - Line starts (where the text starts a line): ATX headings (`#` + space), block quotes (`>`),
 *   bullets (`-`, `+`, `*` + space), ordered items (`1.`/`1)` + space), thematic breaks, setext
 *   underlines (`===`, `---`), fences (`~~~`; backticks are always escaped) and table delimiter
 *   rows get their first character escaped. The caller trims leading spaces (indented code).
 * - Emphasis and strikethrough: a run of `*`, `~` or `$` (GitHub's math) is left alone only with
 *   whitespace on both sides, where it can neither open nor close; a run of `_` also when letters
 *   or digits are on both sides (`snake_case`, `a_b` in a URL), which GFM never reads as emphasis.
 *   Any other run is escaped, every character of it. An unknown neighbour (the edge of the text
 *   without a context) counts as punctuation: escaped rather than guessed.
 * - Always escaped: backticks (code spans), `[` and `]` (links, images, references, footnotes,
 *   task boxes), `<` before a letter, `/`, `!` or `?` (HTML, autolinks), `&` that would start an
 *   entity, `\` before punctuation or at the end (a hard break), and `|` in a table cell.
 * - A bare web address (`http://`, `https://`, `www.`) not glued to a word is
 *   left exactly as typed, so GFM autolinks it and the link goes where the text says. Its end
 *   follows GFM's rule: trailing `? ! . , : ; ' "` and an unbalanced `)` are not part of it.
 *   Renderers take everything up to the next space or `<` into the link, so nothing in it is
 *   escaped (a backslash would become part of the link). An address glued to a word
 *   ("xhttps://…") is not one to GitHub or markdown-it; marked would link it, so its `:` (or the
 *   dot after `www`) is escaped and no renderer does. The host must be one renderers end alike
 *   (no user name, `*` or `_`, a last label starting with a letter, or an IPv4 address).
 * - A bare e-mail address (`name@example.com`) is left as typed only where markdown-it's
 *   linkify, marked and GFM all link the same characters: an ASCII name and domain (labels of
 *   letters, digits and inner hyphens, a final label of letters), after a space or `(`, and
 *   followed by nothing but GFM's trailing punctuation up to the next space. Anywhere else an `@`
 *   after a non-space and before a dotted word is escaped, so no renderer links it (`a@b.coé` would otherwise link
 *   "a@b.coé" in one renderer and "a@b.co" in another, which mails somebody else).
 */

export interface MarkdownContext {
  /** The text starts a line (a paragraph, a list item's text, a continuation line). */
  lineStart?: boolean;
  /** The character written just before the text, if any; at a line start, a space. */
  before?: string;
  /** The character written just after the text, if any; at a line end, a space. */
  after?: string;
  /** The text is a table cell: `|` is escaped too. */
  tableCell?: boolean;
  /** The text is an ATX heading's content: a closing `#` run is escaped. */
  heading?: boolean;
}

type Kind = 'space' | 'word' | 'punct';

const WORD = /^[\p{L}\p{N}\p{M}]/u;
const SPACE = /^\s/u;
const ASCII_PUNCT = /^[!-/:-@[-`{-~]/;

function kindOf(char: string | undefined): Kind {
  if (char === undefined || char === '') return 'punct';
  if (SPACE.test(char)) return 'space';
  return WORD.test(char) ? 'word' : 'punct';
}

/** Line starts that open a block: the index of the character to escape, or -1. */
function lineStartEscape(text: string): number {
  if (/^#{1,6}(?:\s|$)/.test(text) || /^[>]/.test(text) || /^[-+*](?:\s|$)/.test(text)) return 0;
  const ordered = /^\d{1,9}[.)](?:\s|$)/.exec(text);
  if (ordered) return ordered[0].trimEnd().length - 1;
  if (/^([-*_])(?:\s*\1){2,}\s*$/.test(text)) return 0; // thematic break
  if (/^(?:=+|-+)\s*$/.test(text)) return 0; // setext underline
  if (/^(?:~{3,}|`{3,})/.test(text)) return 0; // fence
  if (/^[\s|:-]+$/.test(text) && text.includes('-')) return 0; // table delimiter row
  return -1;
}

/** As far as GFM (and markdown-it and marked) take an address: to the next space or `<`. */
const URL_CHARS = /^(?:https?:\/\/|www\.)[^\s<]+/i;
// GFM also leaves a trailing `*`, `_` or `~` out of the link; other renderers keep it. Kept as
// typed, it can only close emphasis (letters before it, space after), never open it, and every
// run that could open is escaped: so it is never escaped, and shows as typed in either case.
const URL_TRAILING = /[?!.,:;'"]$/;

/** What every renderer keeps inside an address: URL characters, letters and digits of any script. */
const URL_SAFE = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\p{L}\p{N}\p{M}]*$/u;

/**
 * A host every renderer ends where the others do: a dotted IPv4 address, or labels of letters,
 * digits, marks and inner hyphens whose last label starts with a letter; an optional port; then
 * the end, a path, a query or a fragment. No user name (`user@host`), no `*` or `_` in it.
 */
const URL_HOST =
  /^(?:https?:\/\/|(?=www\.))(?:\d{1,3}(?:\.\d{1,3}){3}|(?:[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?\.)*\p{L}[\p{L}\p{N}\p{M}-]*)(?::\d{1,5})?(?:[/?#]|$)/iu;

/**
 * A bare web address starting at `start`: its end (exclusive) when it is kept as typed, `start`
 * when there is none, or -1 when renderers would disagree about it (a character they treat
 * differently inside it, such as `[`, `>` or an entity): then its `:` is escaped, so no renderer
 * links it, and the rest is escaped as text.
 */
function urlEnd(text: string, start: number): number {
  const match = URL_CHARS.exec(text.slice(start));
  if (!match) return start;
  let url = match[0];
  for (;;) {
    if (URL_TRAILING.test(url)) url = url.slice(0, -1);
    else if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else break;
  }
  // "https://" alone is not an address.
  if (!/^(?:https?:\/\/[^/]|www\.[^.])/i.test(url)) return start;
  const rest = match[0].slice(url.length);
  const agreed =
    URL_SAFE.test(match[0]) &&
    URL_HOST.test(url) &&
    // linkify-it ends an address at a `)` that closes nothing; marked and GFM go on.
    parensNest(url) &&
    !/&#?[A-Za-z0-9]+;/.test(match[0]) &&
    // An escaped `<` right after it would lend the address its backslash.
    text[start + match[0].length] !== '<';
  // What follows the address up to the next space must be what all renderers leave out of it.
  return agreed && /^[?!.,:;'")]*$/.test(rest) ? start + url.length : -1;
}

/**
 * An e-mail address every renderer links alike, to the same characters: an ASCII name (no `..`,
 * letters or digits at both ends) and domain (labels of letters, digits and inner hyphens, a
 * final label of letters), followed by nothing but GFM's trailing punctuation up to a space.
 */
const EMAIL =
  /^[A-Za-z0-9](?:[A-Za-z0-9._+-]*[A-Za-z0-9])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?=([?!.,:;'")]*)(?:\s|$))/;
const EMAIL_BEFORE = /^[\s(]/u;
const EMAIL_AFTER = /^(?:\s|[?!.,:;'")])/u;

/** The end (exclusive) of an e-mail address kept as typed that starts at `start`, else `start`. */
function emailEnd(scan: Scan, start: number): number {
  const { text } = scan;
  const before = start === 0 ? scan.before : charBefore(text, start);
  if (before === undefined || !EMAIL_BEFORE.test(before)) return start;
  const match = EMAIL.exec(text.slice(start));
  if (!match || match[0].split('@')[0]?.includes('..')) return start;
  const end = start + match[0].length;
  // At the end of the text, what is written next must end the address too.
  const atEnd = end + (match[1] ?? '').length === text.length;
  return !atEnd || scan.after === undefined || EMAIL_AFTER.test(scan.after) ? end : start;
}

/**
 * An `@` outside such an address is escaped where a renderer could read an address around it:
 * after a non-space and before a word with a dot ("x!a@b.co", "a@b.coé"), not in "@alice" or
 * "foo@bar".
 */
function atNeedsEscape(scan: Scan, at: number): boolean {
  const prev = at === 0 ? scan.before : charBefore(scan.text, at);
  if (prev !== undefined && SPACE.test(prev)) return false;
  return /^[^\s.]*\.[^\s]/u.test(scan.text.slice(at + 1));
}

/** Every `)` closes a `(` before it. */
function parensNest(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return true;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The character before index `i` (a whole code point), or undefined at the start. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(i - 2, i) : text[i - 1];
}

function charAt(text: string, i: number): string | undefined {
  const code = text.codePointAt(i);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const RUN_CHARS = new Set(['*', '_', '~', '$']);

interface Scan {
  text: string;
  before: string | undefined;
  after: string | undefined;
  escape: Set<number>;
}

/** A run of `*`, `_`, `~` or `$` from `start`: escaped unless it can neither open nor close. */
function scanRun(scan: Scan, start: number): number {
  const { text } = scan;
  const char = text[start] as string;
  let end = start;
  while (text[end] === char) end++;
  const prev = kindOf(start === 0 ? scan.before : charBefore(text, start));
  const next = kindOf(end === text.length ? scan.after : charAt(text, end));
  const inert =
    (prev === 'space' && next === 'space') || (char === '_' && prev === 'word' && next === 'word');
  if (!inert) for (let i = start; i < end; i++) scan.escape.add(i);
  return end;
}

/**
 * Where every renderer autolinks an address: after a space or `(`. GFM also links after `*`, `_`
 * or `~`, linkify-it after `"`, `<` or `>`, marked after almost anything ("x\\https://…"); so
 * anywhere else the address is written so that none does.
 */
function mayStartUrl(scan: Scan, i: number): boolean {
  const prev = i === 0 ? scan.before : charBefore(scan.text, i);
  return prev !== undefined && /^[\s(]/u.test(prev);
}

/** The indices of the characters that need a backslash. */
function escapes(text: string, context: MarkdownContext): Set<number> {
  const lineStart = context.lineStart ?? true;
  const scan: Scan = {
    text,
    before: lineStart ? ' ' : context.before,
    after: context.after,
    escape: new Set(),
  };
  if (lineStart) {
    const at = lineStartEscape(text);
    if (at >= 0) scan.escape.add(at);
  }
  if (context.heading) {
    const closing = /(?:^|\s)(#+)\s*$/.exec(text);
    if (closing) scan.escape.add(closing.index + closing[0].indexOf('#'));
  }
  for (let i = 0; i < text.length;) {
    const c = text[i] as string;
    const email = /[A-Za-z0-9]/.test(c) ? emailEnd(scan, i) : i;
    if (email > i) {
      i = email;
      continue;
    }
    if (/[hHwW]/.test(c)) {
      // An address glued to a word is none to GFM or markdown-it; marked would link it, so its
      // `:` or `.` is escaped and nobody does.
      const end = mayStartUrl(scan, i) ? urlEnd(text, i) : URL_CHARS.test(text.slice(i)) ? -1 : i;
      if (end > i) {
        i = end;
        continue;
      }
      // "https\://…" and "www\.…" are no address to any renderer.
      if (end < 0) scan.escape.add(/^www/i.test(text.slice(i)) ? i + 3 : text.indexOf(':', i));
    }
    if (RUN_CHARS.has(c)) {
      i = scanRun(scan, i);
      continue;
    }
    if (needsEscape(scan, i, context)) scan.escape.add(i);
    i++;
  }
  return scan.escape;
}

function needsEscape(scan: Scan, i: number, context: MarkdownContext): boolean {
  const { text } = scan;
  const next = text[i + 1];
  switch (text[i]) {
    case '`':
    case '[':
    case ']':
      return true;
    case '<':
      return next === undefined || /[A-Za-z/!?]/.test(next);
    case '&':
      return ENTITY.test(text.slice(i));
    case '\\':
      return next === undefined || ASCII_PUNCT.test(next);
    case '|':
      return context.tableCell === true;
    case '@':
      return atNeedsEscape(scan, i);
    default:
      return false;
  }
}

/**
 * `text` (one line, already cleaned and trimmed) as literal Markdown: a backslash only before the
 * characters that could form syntax where the text stands (`context`; by default at a line start,
 * with unknown neighbours). Every escaped character is ASCII punctuation, so the backslash is
 * always read as an escape and never shown.
 */
export function escapeMarkdownText(text: string, context: MarkdownContext = {}): string {
  const escape = escapes(text, context);
  if (escape.size === 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += escape.has(i) ? `\\${text[i]}` : text[i];
  return out;
}
