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
 *   ("xhttps://…") is not one to GitHub or markdown-it, so it is escaped as text (marked, which
 *   links it anyway, then shows a backslash in it).
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
    !/&#?[A-Za-z0-9]+;/.test(match[0]) &&
    // An escaped `<` right after it would lend the address its backslash.
    text[start + match[0].length] !== '<';
  // What follows the address up to the next space must be what all renderers leave out of it.
  return agreed && /^[?!.,:;'")]*$/.test(rest) ? start + url.length : -1;
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

/** Where renderers autolink an address: not glued to a word (what a scheme could be part of). */
function mayStartUrl(scan: Scan, i: number): boolean {
  const prev = i === 0 ? scan.before : charBefore(scan.text, i);
  return prev !== undefined && !/^[A-Za-z0-9.+-]/.test(prev);
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
    if (/[hHwW]/.test(c) && mayStartUrl(scan, i)) {
      const end = urlEnd(text, i);
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
