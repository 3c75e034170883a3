/**
 * What the catalog tests hold each translation to: every key of the English source and no other,
 * every message parses as ICU, keeps every placeholder of its English, and each plural has the
 * categories the language's `Intl.PluralRules` asks for.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The argument and tag names a message uses. */
export function placeholders(elements: MessageFormatElement[]): Set<string> {
  const names = new Set<string>();
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) for (const name of placeholders(element.children)) names.add(name);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) {
        for (const name of placeholders(option.value)) names.add(name);
      }
    }
  }
  return names;
}

/** Each plural in a message whose options lack a category `locale` needs. */
function pluralGaps(elements: MessageFormatElement[], locale: string): string[] {
  const gaps: string[] = [];
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      const rules = new Intl.PluralRules(locale, { type: element.pluralType ?? 'cardinal' });
      const needed = rules.resolvedOptions().pluralCategories;
      const missing = needed.filter((category) => !(category in element.options));
      if (missing.length > 0) gaps.push(`{${element.value}} lacks ${missing.join(', ')}`);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) gaps.push(...pluralGaps(option.value, locale));
    }
    if (element.type === TYPE.tag) gaps.push(...pluralGaps(element.children, locale));
  }
  return gaps;
}

function tryParse(message: string): MessageFormatElement[] | string {
  try {
    return parse(message);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Every way `translation` (in `locale`) falls short of `source`, one line each; empty: none. */
export function catalogProblems(
  locale: string,
  source: Readonly<Record<string, string>>,
  translation: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const id of Object.keys(source)) if (!(id in translation)) problems.push(`${id}: missing`);
  for (const id of Object.keys(translation)) if (!(id in source)) problems.push(`${id}: not in the source`);
  for (const [id, message] of Object.entries(translation)) {
    const parsed = tryParse(message);
    if (typeof parsed === 'string') {
      problems.push(`${id}: does not parse (${parsed})`);
      continue;
    }
    const english = source[id] === undefined ? undefined : tryParse(source[id]);
    if (english !== undefined && typeof english !== 'string') {
      const have = placeholders(parsed);
      const want = placeholders(english);
      for (const name of want) if (!have.has(name)) problems.push(`${id}: drops {${name}}`);
      for (const name of have) if (!want.has(name)) problems.push(`${id}: adds {${name}}`);
    }
    for (const gap of pluralGaps(parsed, locale)) problems.push(`${id}: ${gap}`);
  }
  return problems;
}
