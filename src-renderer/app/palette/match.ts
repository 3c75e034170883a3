import { PALETTE_GROUPS, type PaletteCommand } from './commands';

/** "talk: text" (or "talk:" alone) adds a talking point; the text after the colon, trimmed. */
export function talkTextOf(query: string): string | null {
  const found = /^\s*talk\s*:(.*)$/is.exec(query);
  return found ? (found[1] ?? '').trim() : null;
}

function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** `token`'s letters in order within `word`, starting with its first letter ("chk" → "check"). */
function isAbbreviation(token: string, word: string): boolean {
  if (word[0] !== token[0]) return false;
  let at = 0;
  for (const letter of token) {
    at = word.indexOf(letter, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/** How well one typed word fits a list of words: 3 prefix, 1 abbreviation, 0 not at all. */
function tokenScore(token: string, words: readonly string[]): number {
  if (words.some((w) => w.startsWith(token))) return 3;
  if (token.length > 1 && words.some((w) => isAbbreviation(token, w))) return 1;
  return 0;
}

/**
 * How well `query` fits `command` (0: not at all). Every typed word must start a word of the
 * label, group or keywords, or abbreviate one; the label counts double.
 */
export function matchScore(command: PaletteCommand, query: string): number {
  const tokens = wordsOf(query);
  if (tokens.length === 0) return 1;
  const label = wordsOf(command.label);
  const rest = wordsOf(`${command.group} ${command.keywords}`);
  let score = 0;
  for (const token of tokens) {
    const inLabel = tokenScore(token, label) * 2;
    const best = Math.max(inLabel, tokenScore(token, rest));
    if (best === 0) return 0;
    score += best;
  }
  // The label read as typed ("start a 25") comes first.
  if (command.label.toLocaleLowerCase().startsWith(query.trim().toLocaleLowerCase())) score += 10;
  return score;
}

export interface PaletteSection {
  group: (typeof PALETTE_GROUPS)[number];
  commands: PaletteCommand[];
}

/**
 * The commands that fit `query`, by group in the palette's order and, within a group, best fit
 * first (ties keep the list's order). With "talk:", only the talking point.
 */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteSection[] {
  const talking = talkTextOf(query) !== null;
  const scored = commands
    .map((command, index) => ({
      command,
      index,
      score: talking ? (command.action.type === 'talk' ? 1 : 0) : matchScore(command, query),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return PALETTE_GROUPS.map((group) => ({
    group,
    commands: scored.filter((s) => s.command.group === group).map((s) => s.command),
  })).filter((section) => section.commands.length > 0);
}
