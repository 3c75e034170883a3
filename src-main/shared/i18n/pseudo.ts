/**
 * The pseudo-locale en-XA, generated from the English catalog (never stored): every letter
 * accented, each message about 35 % longer, and bracketed — "[Ŧóóðááý]". A screen in en-XA shows
 * at a glance a string that did not come from the catalog (plain English, no brackets), a layout
 * that clips longer words, and a glyph a font lacks. Placeholders, plurals and tags keep their
 * structure: only literal text changes.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const PLAIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const ACCENTED = [...'áƀçðéƒĝĥíĵķļɱñóþǫŕšŧúṽŵẋýžÅƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŦÚṼŴẊÝŽ'];
const ACCENTS = new Map(PLAIN.map((char, index) => [char, ACCENTED[index] ?? char]));

const VOWELS = new Set([...'aeiouyAEIOUY']);

/** How much longer a pseudo message is than its English: translations run that much longer. */
export const PSEUDO_GROWTH = 0.35;

/** The letters still to add to a message: vowels doubled until it is ~35 % longer. */
interface Budget {
  extra: number;
}

function pseudoText(text: string, budget: Budget): string {
  let out = '';
  for (const char of text) {
    const accented = ACCENTS.get(char) ?? char;
    out += accented;
    if (budget.extra > 0 && VOWELS.has(char)) {
      out += accented;
      budget.extra -= 1;
    }
  }
  return out;
}

function literalLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.replace(/\s/g, '').length;
    else if (element.type === TYPE.tag) length += literalLength(element.children);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      // The longest branch stands for the message.
      length += Math.max(0, ...Object.values(element.options).map((o) => literalLength(o.value)));
    }
  }
  return length;
}

function pseudoElements(elements: MessageFormatElement[], budget: Budget): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: pseudoText(element.value, budget) };
      case TYPE.plural:
      case TYPE.select: {
        // Each branch is read alone, so each gets the whole remaining budget.
        const options = Object.entries(element.options).map(([key, option]) => {
          const branch = { extra: budget.extra };
          return [key, { ...option, value: pseudoElements(option.value, branch) }] as const;
        });
        return { ...element, options: Object.fromEntries(options) };
      }
      case TYPE.tag:
        return { ...element, children: pseudoElements(element.children, budget) };
      default:
        return element;
    }
  });
}

/** Opens and closes every pseudo message, so a test can tell catalog text from anything else. */
export const PSEUDO_OPEN = '[';
export const PSEUDO_CLOSE = ']';

/** One message in the pseudo-locale, as ICU source. */
export function pseudoMessage(message: string): string {
  const parsed = parse(message);
  const budget = { extra: Math.round(literalLength(parsed) * PSEUDO_GROWTH) };
  const elements = pseudoElements(parsed, budget);
  // What vowels could not carry is padding at the end, inside the brackets.
  return `${PSEUDO_OPEN}${printAST(elements)}${'~'.repeat(budget.extra)}${PSEUDO_CLOSE}`;
}

/** The whole pseudo catalog from the English one. */
export function pseudoCatalog<K extends string>(source: Readonly<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(source).map(([id, message]) => [id, pseudoMessage(message)]),
  ) as Record<K, string>;
}
