/**
 * Finding the message behind an English sentence Keel did not word through the catalog itself:
 * a refusal a service throws in English (ipc/refusals.ts), a command's `--help` text registered in
 * English beside its code, commander's own usage errors (cli/help.ts). Each such message's en-US
 * text is that very sentence, with `{name}` where the sentence carries a value; the value is read
 * back out of the English and handed to the translation.
 */
import { SOURCE_CATALOG, type MessageId } from './catalog';
import type { MessageValues } from './intl-core';

export interface EnglishPattern {
  id: MessageId;
  regex: RegExp;
  names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English of every message whose id starts with one of `prefixes`, as a pattern: literal
 * text, and `(.+?)` for each `{name}`. Sentences without placeholders come first, so an exact
 * sentence wins over a pattern. Only plain `{name}` placeholders are read back: a message with
 * a plural or a select has no single English sentence to match.
 */
export function englishPatterns(prefixes: readonly string[]): EnglishPattern[] {
  return Object.entries(SOURCE_CATALOG)
    .filter(([id]) => prefixes.some((prefix) => id.startsWith(prefix)))
    .map(([id, english]) => {
      const names: string[] = [];
      const source = english
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (name === undefined) return escape(part.replace(/''/g, "'"));
          names.push(name);
          return '(.+?)';
        })
        .join('');
      return { id: id as MessageId, regex: new RegExp(`^${source}$`, 's'), names };
    })
    .sort((a, b) => a.names.length - b.names.length);
}

/**
 * The message `english` is an instance of, with the values read out of it (each through
 * `valueOf`), or undefined when none of `patterns` matches.
 */
export function matchEnglish(
  patterns: readonly EnglishPattern[],
  english: string,
  valueOf: (raw: string, name: string) => string | number = (raw) => raw,
): { id: MessageId; values: MessageValues } | undefined {
  for (const { id, regex, names } of patterns) {
    const match = regex.exec(english);
    if (!match) continue;
    const values: MessageValues = {};
    names.forEach((name, index) => {
      values[name] = valueOf(match[index + 1] ?? '', name);
    });
    return { id, values };
  }
  return undefined;
}
