/**
 * Issue #20: every sentence main writes in English for a person to read (a refusal, a problem, a
 * dialog's title) has a `main.*` message whose English is that sentence, so the window, the
 * notifications and the CLI can say it in their language (ipc/refusals.ts finds it by matching).
 *
 * The sentences are found in the source, not listed by hand: every string or template literal in
 * main's code that reads like a sentence (a capital, a space, a full stop). A template's values
 * become sample values. What is English on purpose is listed below, each with why.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sayRefusal, type RefusalSpeech } from '../../src-main/ipc/refusals';
import { createLocaleFormat } from '../../src-main/shared/i18n/format';
import { messagesFor } from '../../src-main/shared/i18n/intl';

const ROOT = path.resolve(__dirname, '../../src-main');

/**
 * Folders whose words are not main's sentences: the catalogs themselves, the CLI (its own
 * messages, tested in test/cli) and the development preview server.
 */
const SKIPPED_FOLDERS = ['shared/i18n', 'cli', 'preview'];

const WORDED_BY_THE_READER =
  'main keeps it for --json and its tests; the window, notifications and CLI word it from their catalogs';
const PUBLISHED =
  'a published questionnaire’s wording (the single-item burnout measure is English-only; the WHO-5 shows its published translations from the who5 catalog)';
const INSTANCES = 'built from a fixed English part; each instance has its own message (checked below)';

/** Sentences that stay English in the source, each with its reason. */
const ENGLISH_ON_PURPOSE: Record<string, string> = {
  'Overall, based on your definition of burnout, how would you rate your level of burnout?': PUBLISHED,
  'I enjoy my work. I have no symptoms of burnout.': PUBLISHED,
  'Occasionally I am under stress, and I don’t always have as much energy as I once did, but I don’t feel burned out.':
    PUBLISHED,
  'I am definitely burning out and have one or more symptoms of burnout, such as physical and emotional exhaustion.':
    PUBLISHED,
  'The symptoms of burnout that I’m experiencing won’t go away. I think about frustration at work a lot.':
    PUBLISHED,
  'I feel completely burned out and often wonder if I can go on. I am at the point where I may need some changes or may need to seek some sort of help.':
    PUBLISHED,
  'In the validation studies, answers of 1 or 2 are read as no symptoms of burnout.': WORDED_BY_THE_READER,
  'In the validation studies, answers of 3 or more are read as symptoms of burnout.': WORDED_BY_THE_READER,
  'Answer the burnout question with a whole number from 1 to 5.': WORDED_BY_THE_READER,
  'Psychother Psychosom. 2015;84(3):167–176.': 'a citation',
  'A score of 50 or below suggests low well-being.': WORDED_BY_THE_READER,
  'A score above 50 does not suggest low well-being.': WORDED_BY_THE_READER,
  'A change of 10 points or more is considered a meaningful change.': WORDED_BY_THE_READER,
  'Answer each of the five WHO-5 statements with a whole number from 0 (at no time) to 5 (all of the time).':
    WORDED_BY_THE_READER,
  'Talking with a friend, a family member or a colleague you trust can help.': WORDED_BY_THE_READER,
  'They can listen and help you think about what might help.': WORDED_BY_THE_READER,
  'If there is one, it is usually free and confidential.': WORDED_BY_THE_READER,
  'It may help to look at what has changed, and to talk it over with someone.': WORDED_BY_THE_READER,
  'This is a self-reflection aid, not a diagnosis.': WORDED_BY_THE_READER,
  'Is the workload sustainable right now?': WORDED_BY_THE_READER,
  'Where are you feeling stretched?': WORDED_BY_THE_READER,
  'Time to sign off?': WORDED_BY_THE_READER,
  'Keel restored the backup from {when}; anything saved after that is only in the moved file.':
    'the stored English account; every reader words it from the facts (shared/i18n/recovery-message.ts)',
  'There was no good backup, so Keel started with no data.':
    'the stored English account; every reader words it from the facts (shared/i18n/recovery-message.ts)',
  'Within 2 hours during my working hours; after a focus block ends if I am in one.':
    'Keel’s default norm: shown and written in the reader’s language while untouched (export.agreement.defaultNorm.*)',
  'By the end of my next working day.':
    'Keel’s default norm: shown and written in the reader’s language while untouched (export.agreement.defaultNorm.*)',
  'Call me. Outside my working hours, only if it cannot wait until I am back.':
    'Keel’s default norm: shown and written in the reader’s language while untouched (export.agreement.defaultNorm.*)',
  'Cabo Verde Is.': 'a time zone’s display name from Windows’ zone list (data, not a sentence)',
  'Write {what} as text.': INSTANCES,
  'Keep {what} under {max} characters.': INSTANCES,
  'Keep {what} to one line.': INSTANCES,
  'A {what} must end on or after the day it starts.': INSTANCES,
  'Keel keeps at most 200 {what}s.': INSTANCES,
  'The summary changed since you previewed it ({changes}); here is the new preview — check it and {action} again.':
    INSTANCES,
  'The agreement changed since the preview (your settings or the week); look at it again before you {action} it.':
    INSTANCES,
  'The update changed since the preview (an edit or a new sign-off), so nothing was {actionsavesavedcopied}; check the new preview and {action} again.':
    INSTANCES,
  "{system} shows Keel's icon in the {systemmacOSmenubarnotificationarea}.": INSTANCES,
  '{source}; {how}.': INSTANCES,
  '{capital}; the screen is {now} now.': INSTANCES,
  'The session does not say whether it is X11 or Wayland (XDG_SESSION_TYPE is {typetypenotset}).': INSTANCES,
  '{desktop}: Keel can turn it on during focus blocks{how}.': INSTANCES,
  'No session bus.':
    'an Error the do-not-disturb probe’s connection throws inside itself; the probe reports its own finding',
  'List {title} as a list of lines.': 'reached only by a malformed call: the window sends a list',
  'List at most {UPDATE_MAX_LINES} lines under {title}.':
    'reached only by a malformed call: the window’s editor stops at the limit',
  // Internal: D-Bus plumbing that only reaches the log.
  'Malformed call.': 'a D-Bus error name for a test bus, never shown',
  'No session bus address.': 'logged; the probe says it in its own words',
  'The session bus address is not one Keel can use.': 'logged; the probe says it in its own words',
  'The session bus connection closed.': 'logged',
  '{member}: no answer on the session bus within {timeoutMs} ms.': 'logged',
  'Notification inhibition {cookie} is not held by this connection.': 'a fake server’s D-Bus error',
};

/** The sentences of one source file, with their line, a template's values as `{name}`. */
function sentencesIn(file: string): { where: string; text: string }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { where: string; text: string }[] = [];
  const nameOf = (expression: ts.Expression) =>
    expression.getText().replace(/\(.*$/s, '').split('.').pop()?.replace(/\W/g, '') || 'value';
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text =
        node.head.text + node.templateSpans.map((s) => `{${nameOf(s.expression)}}${s.literal.text}`).join('');
    }
    if (
      text !== undefined &&
      /^[A-Z{][^]*[a-z][^]* [^]*[.?!]$/.test(text) &&
      !/^(SELECT|UPDATE|DELETE|INSERT)\b/.test(text)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ where: `${path.relative(ROOT, file)}:${line}`, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const relative = path.relative(ROOT, full);
    if (SKIPPED_FOLDERS.some((folder) => relative === folder)) return [];
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function speechIn(locale: string): RefusalSpeech {
  const messages = messagesFor({ messages: locale as 'de', format: locale });
  const format = createLocaleFormat(messages.locale);
  return { t: messages.t, clock: (hhmm) => format.clock(hhmm), format };
}

describe('main’s English sentences have messages', () => {
  const sentences = sourceFiles(ROOT).flatMap(sentencesIn);
  const pseudo = speechIn('en-XA');

  it('finds them in the source', () => {
    expect(sentences.length).toBeGreaterThan(250);
  });

  it('each one is found in the catalog (a template with sample values), or is English on purpose', () => {
    const missing = sentences
      .filter(({ text }) => !(text in ENGLISH_ON_PURPOSE))
      .filter(({ text }) => sayRefusal(pseudo, text.replace(/\{\w+\}/g, '7')) === undefined)
      .map(({ where, text }) => `${where}  ${text}`);
    expect(missing).toEqual([]);
  });

  it('lists as English on purpose only sentences that are still in the source', () => {
    const texts = new Set(sentences.map((s) => s.text));
    expect(Object.keys(ENGLISH_ON_PURPOSE).filter((text) => !texts.has(text))).toEqual([]);
  });

  it('says each instance of a sentence built from a fixed part, and the parts inside one', () => {
    const de = speechIn('de');
    const instances = [
      'Write the unfinished thing as text.',
      'Keep the plan under 200 characters.',
      'Keep the first thing tomorrow to one line.',
      'A holiday must end on or after the day it starts.',
      'Keel keeps at most 200 pauses.',
      'The agreement changed since the preview (your settings or the week); look at it again before you copy it.',
      'The update changed since the preview (an edit or a new sign-off), so nothing was saved; check the new preview and save again.',
      // What a desktop probe found (Settings → This computer, keel doctor).
      "macOS shows Keel's icon in the menu bar.",
      "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor); it tells Keel when you go idle and come back.",
      "The desktop's screensaver service (org.freedesktop.ScreenSaver, GetSessionIdleTime); read every quarter hour.",
      'The login manager (logind: LockedHint, Lock and Unlock); the screen is not locked now.',
      'The session does not say whether it is X11 or Wayland (XDG_SESSION_TYPE is not set).',
      'GNOME: Keel can turn it on during focus blocks.',
      'macOS Shortcuts: Keel can turn it on during focus blocks through the Shortcuts you name in Settings.',
    ];
    for (const english of instances) expect(sayRefusal(pseudo, english), english).toMatch(/^\[.*\]$/s);
    expect(
      sayRefusal(
        de,
        'The summary changed since you previewed it (the date it was prepared on changed); here is the new preview — check it and save again.',
      ),
    ).toBe(
      'Die Zusammenfassung hat sich seit deiner Vorschau geändert (das Datum, an dem sie erstellt wurde, hat sich geändert); hier ist die neue Vorschau – prüfe sie und speichere noch einmal.',
    );
    expect(
      sayRefusal(de, 'That backup cannot be restored because it holds no Keel data; nothing was changed.'),
    ).toBe(
      'Diese Sicherung lässt sich nicht wiederherstellen, weil sie keine Keel-Daten enthält; nichts wurde geändert.',
    );
    // A sentence that carries another: the inner one is said too.
    const inner = 'Keel could not write a backup copy of its data; the last good copy is kept.';
    expect(sayRefusal(de, `${inner} Keel tries again later; your data itself is safe.`)).toBe(
      `${sayRefusal(de, inner)} Keel versucht es später noch einmal; deine Daten selbst sind sicher.`,
    );
    expect(sayRefusal(de, inner)).not.toBe(inner);
    expect(sayRefusal(de, 'Write how soon you answer urgent matters.')).toBe(
      'Schreib, wie schnell du auf Dringendes antwortest.',
    );
    expect(sayRefusal(de, "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor); idle for 12 s now.")).toBe(
      'GNOMEs Leerlaufmonitor (org.gnome.Mutter.IdleMonitor); gerade 12 s untätig.',
    );
    // A weekday a sentence names in English is the locale's.
    expect(sayRefusal(de, 'Focus blocks on Monday overlap (09:00–10:00 and 09:30–11:00).')).toContain(
      'Montag',
    );
  });
});
