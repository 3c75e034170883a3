import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, escapeForTerminal } from '../../src-main/core/text-hygiene';

/** Code points no stored text may hold (lone surrogates are checked apart). */
function forbidden(cp: number): boolean {
  return (
    (cp <= 0x1f && cp !== 0x09 && cp !== 0x0a) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x200b ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfeff
  );
}

function codePoints(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0) as number);
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Any string, weighted towards the characters that matter here. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(
      ...[0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x2028, 0x2029, 0xfeff, 0xd800, 0xdc00].map((c) =>
        String.fromCharCode(c),
      ),
    ),
    fc.integer({ min: 0x2060, max: 0x206f }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x202a, max: 0x202e }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'binary', maxLength: 3 }),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 60,
});

/** Ordinary writing: letters of many scripts, digits, punctuation, spaces, emoji. */
const ordinary = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...'abcXYZ 0123 .,;:!?-–—“”‘’()[]{}<>&%$€£@#*/\\\'"',
      'ü',
      'é',
      'ß',
      'İ',
      'שלום',
      'مرحبا',
      '\u200f', // right-to-left mark: kept
      '\u200e', // left-to-right mark: kept
      '\u061c', // Arabic letter mark: kept
      '日本語',
      '中文',
      '한국어',
      'क्षि',
      'می\u200cخواهم', // Persian with a zero-width non-joiner
      '👩\u200d💻',
      '👍🏽',
      '🇩🇪',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // Scotland: tag characters
      'e\u0301',
    ),
    fc.string({ unit: 'grapheme', maxLength: 2 }).filter((s) => codePoints(s).every((c) => !forbidden(c))),
  ),
  maxLength: 40,
});

describe('cleanText: what Keel keeps of typed text', () => {
  it('never keeps a control, bidi override or isolate, invisible character or lone surrogate', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const clean of [cleanText(text), cleanLine(text)]) {
          expect(codePoints(clean).filter(forbidden)).toEqual([]);
          expect(hasLoneSurrogate(clean)).toBe(false);
        }
        expect(cleanLine(text)).not.toMatch(/[\n\t]/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(cleanText(cleanText(text))).toBe(cleanText(text));
        expect(cleanLine(cleanLine(text))).toBe(cleanLine(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves ordinary writing as it is: emoji, CJK, Hebrew, Arabic, Persian joiners, direction marks', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(cleanText(text)).toBe(text);
        expect(cleanLine(text)).toBe(text);
      }),
      { numRuns: 1_000 },
    );
  });

  it('removes ESC, BEL, NUL, DEL, C1 and bidi overrides; keeps the line breaks and tabs of a note', () => {
    expect(cleanText('a\u001b[2Jb\u0007c\u0000d\u007fe\u009bf\u202eg\u2066h\u2069')).toBe('a[2Jbcdefgh');
    expect(cleanText('one\r\ntwo\rthree\u2028four\u0085five\n\tsix')).toBe(
      'one\ntwo\nthree\nfour\nfive\n\tsix',
    );
    expect(cleanText('\uFEFFpasted\u200b')).toBe('pasted');
    expect(cleanText('broken \uD800 half')).toBe('broken \uFFFD half');
  });

  it('cleanLine puts everything on one line', () => {
    expect(cleanLine('Focus\ton\r\nnow')).toBe('Focus on now');
  });
});

describe('escapeForTerminal: stored text shown on a terminal', () => {
  it('writes ESC, BEL, CR, C1 and bidi controls visibly and keeps line feeds and tabs', () => {
    expect(escapeForTerminal('a\u001b[2J\u0007b\rc\u009b\u202eд\n\tz')).toBe(
      'a\\u001b[2J\\u0007b\\u000dc\\u009b\\u202eд\n\tz',
    );
  });

  it('never lets a terminal-control character through, and keeps JSON valid with the same value', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = escapeForTerminal(text);
        expect(shown).not.toMatch(
          // eslint-disable-next-line no-control-regex -- the characters a terminal acts on
          /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/,
        );
        const json = escapeForTerminal(JSON.stringify({ text }, null, 2));
        expect(JSON.parse(json)).toEqual({ text });
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves ordinary writing as it is', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        expect(escapeForTerminal(text)).toBe(text);
      }),
    );
  });
});
