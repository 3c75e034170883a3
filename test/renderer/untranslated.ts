/**
 * Finds text on screen that did not come from the catalog. Render in the pseudo-locale (en-XA),
 * where every catalog message is bracketed ("[Ŧóóðááý]"): whatever text is left once each
 * bracketed message is taken out — and any aria-label, title, placeholder or alt that is not one
 * — was written some other way. User data and names that are not translated (Keel) are allowed
 * by the caller.
 */
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src-main/shared/i18n/pseudo';

const ATTRIBUTES = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'];

/** Between text nodes: a message's own text never holds it, so nothing joins across elements. */
const SEPARATOR = '\u0000';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One bracketed message with no other inside it (values inside are taken out first). */
const INNERMOST = new RegExp(
  `${escape(PSEUDO_OPEN)}[^${escape(PSEUDO_OPEN)}${escape(PSEUDO_CLOSE)}]*${escape(PSEUDO_CLOSE)}`,
  'g',
);

function withoutMessages(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(INNERMOST, SEPARATOR);
  }
  return rest;
}

/**
 * What is left of texts (a page's text nodes, in order) and attribute values once every catalog
 * message is taken out: the pieces written some other way, less the allowed ones. Pure, so an
 * e2e test can run it on what Chromium collected.
 */
export function untranslatedPieces(
  texts: readonly string[],
  attributes: readonly string[],
  allowed: readonly (string | RegExp)[] = [],
): string[] {
  const isAllowed = (piece: string) =>
    allowed.some((allow) => (typeof allow === 'string' ? allow === piece : allow.test(piece)));
  const pieces = withoutMessages(texts.join(SEPARATOR)).split(SEPARATOR);
  for (const value of attributes) pieces.push(...withoutMessages(value).split(SEPARATOR));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '' && !isAllowed(piece));
}

/** The attributes whose values are read out or shown (checked like text). */
export const CHECKED_ATTRIBUTES: readonly string[] = ATTRIBUTES;

/**
 * Text marked as another language than the pseudo-locale's (`lang="de"`): a language's own name
 * in a language menu, a document previewed in the language it will be written in. Not the
 * window's words, so not held to its catalog.
 */
export function inOtherLanguage(element: Element | null): boolean {
  const marked = element?.closest('[lang]');
  return marked != null && marked.getAttribute('lang') !== 'en-XA';
}

/** Every piece of text under `root` (and in its labels) that is not from the catalog. */
export function untranslatedText(root: Element, allowed: readonly (string | RegExp)[] = []): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!inOtherLanguage(node.parentElement)) texts.push(node.nodeValue ?? '');
  }
  const attributes: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (inOtherLanguage(element)) continue;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) attributes.push(value);
    }
  }
  return untranslatedPieces(texts, attributes, allowed);
}
