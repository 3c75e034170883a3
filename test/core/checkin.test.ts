import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkinInputSchema,
  DEFAULT_TAGS,
  ENERGY_LABELS,
  makeCheckin,
  normaliseNote,
  normaliseTag,
  normaliseTags,
  parseCheckinArgs,
  parseCheckinAt,
  parseCheckinInput,
  RATINGS,
  SUSTAINABLE,
  tagLabel,
  WORKLOAD_LABELS,
  type CheckinInput,
} from '../../src-main/core/checkin';
import { KeelError } from '../../src-main/core/errors';
import { describeIssues } from '../../src-main/core/validation';

const WORKLOAD = 'Workload is a whole number from 1 (far too light) to 5 (unsustainable).';
const ENERGY = 'Energy is a whole number from 1 (drained) to 5 (full of energy).';
const SUSTAINABLE_MSG = 'Sustainable is one of yes, mostly or no.';

/** The message of the invalid_input KeelError `fn` throws; fails the test if it throws nothing else. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KeelError);
    expect((error as KeelError).code).toBe('invalid_input');
    return (error as KeelError).message;
  }
  throw new Error('expected an invalid_input KeelError');
}

/** One sentence: a capital first letter, a single full stop at the end, no line breaks. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/^[A-Z"].*[.]$/s);
  expect(message).not.toMatch(/\n/);
}

const valid = { workload: 3, energy: 4, sustainable: 'mostly' };

describe('labels and answers', () => {
  it('labels every rating from the light or low end to the heavy or high end', () => {
    expect(RATINGS).toEqual([1, 2, 3, 4, 5]);
    expect(WORKLOAD_LABELS[1]).toBe('Far too light');
    expect(WORKLOAD_LABELS[3]).toBe('About right');
    expect(WORKLOAD_LABELS[5]).toBe('Unsustainable');
    expect(ENERGY_LABELS[1]).toBe('Drained');
    expect(ENERGY_LABELS[5]).toBe('Full of energy');
    for (const r of RATINGS) {
      expect(WORKLOAD_LABELS[r].length).toBeGreaterThan(0);
      expect(ENERGY_LABELS[r].length).toBeGreaterThan(0);
    }
    expect(SUSTAINABLE).toEqual(['yes', 'mostly', 'no']);
  });

  it('offers the eight default tags with unique slug ids that normalise to themselves', () => {
    expect(DEFAULT_TAGS.map((t) => t.id)).toEqual([
      'meetings',
      'context-switching',
      'on-call',
      'unclear-priorities',
      'deadlines',
      'collaboration',
      'learning-curve',
      'personal-life',
    ]);
    for (const tag of DEFAULT_TAGS) {
      expect(normaliseTag(tag.id)).toBe(tag.id);
      // Typing the label gives the default's id.
      expect(normaliseTag(tag.label)).toBe(tag.id);
      expect(tagLabel(tag.id)).toBe(tag.label);
    }
  });
});

describe('normaliseTag', () => {
  it('trims, collapses spaces and lowercases into a slug', () => {
    expect(normaliseTag('  Code   Review ')).toBe('code-review');
    expect(normaliseTag('Code\tReview')).toBe('code-review');
    expect(normaliseTag('on_call_rota')).toBe('on-call-rota');
    expect(normaliseTag('a - b')).toBe('a-b');
    expect(normaliseTag('-hiring-')).toBe('hiring');
    expect(normaliseTag('2FA')).toBe('2fa');
    expect(normaliseTag('ON-CALL OR INCIDENTS')).toBe('on-call');
  });

  it('accepts letters of any script and normalises to NFC', () => {
    expect(normaliseTag('Über Stunden')).toBe('über-stunden');
    expect(normaliseTag('日本語')).toBe('日本語');
    expect(normaliseTag('Ελληνικά')).toBe('ελληνικά');
    // "é" typed as e + combining acute is the same tag as the precomposed é.
    expect(normaliseTag('Cafe\u0301')).toBe('caf\u00e9');
    expect(normaliseTag('हिन्दी')).toBe('हिन्दी');
  });

  it('refuses punctuation, symbols and emoji with one sentence naming the tag', () => {
    for (const bad of ['1:1s', 'c++', 'a/b', 'on.call', '🔥', 'fire 🔥']) {
      const message = errorOf(() => normaliseTag(bad));
      expect(message).toBe(`The tag "${bad}" can only use letters, digits, spaces and hyphens.`);
    }
  });

  it('refuses an empty tag', () => {
    for (const empty of ['', '   ', '---', '_']) {
      expect(errorOf(() => normaliseTag(empty))).toBe('A tag needs at least one letter or digit.');
    }
  });

  it('allows 32 characters, counted as characters not UTF-16 units, and refuses 33', () => {
    expect(normaliseTag('a'.repeat(32))).toBe('a'.repeat(32));
    expect(normaliseTag('ü'.repeat(32))).toBe('ü'.repeat(32));
    expect(normaliseTag('𝒜'.repeat(32))).toBe('𝒜'.repeat(32));
    const message = errorOf(() => normaliseTag('a'.repeat(33)));
    expect(message).toBe(`Keep the tag "${'a'.repeat(33)}" to 32 characters or fewer.`);
    // A very long tag is cut short in the message.
    expect(errorOf(() => normaliseTag('b'.repeat(500)))).toBe(
      `Keep the tag "${'b'.repeat(40)}…" to 32 characters or fewer.`,
    );
  });

  it('always yields a slug that normalises to itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        let tag: string;
        try {
          tag = normaliseTag(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(KeelError);
          return;
        }
        expect(tag).toMatch(/^[^\s_A-Z]+$/u);
        expect(tag).not.toMatch(/^-|-$|--/);
        expect(Array.from(tag).length).toBeLessThanOrEqual(32);
        expect(normaliseTag(tag)).toBe(tag);
      }),
    );
  });
});

describe('normaliseTags', () => {
  it('dedupes after normalising, keeping first-seen order', () => {
    expect(
      normaliseTags(['Meetings', 'deadlines', 'meetings', ' MEETINGS ', 'Code review', 'code-review']),
    ).toEqual(['meetings', 'deadlines', 'code-review']);
  });

  it('allows 12 distinct tags and refuses 13', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `tag-${i}`);
    expect(normaliseTags(twelve)).toEqual(twelve);
    expect(errorOf(() => normaliseTags([...twelve, 'tag-12']))).toBe('Pick at most 12 tags for one check.');
    // 13 items that are 12 tags after deduplication are fine.
    expect(normaliseTags([...twelve, 'TAG 0'])).toHaveLength(12);
  });

  it('reports the first invalid tag', () => {
    expect(errorOf(() => normaliseTags(['meetings', 'c++', '🔥']))).toBe(
      'The tag "c++" can only use letters, digits, spaces and hyphens.',
    );
  });
});

describe('tagLabel', () => {
  it('shows a custom slug as words with a capital first letter', () => {
    expect(tagLabel('code-review')).toBe('Code review');
    expect(tagLabel('über-stunden')).toBe('Über stunden');
    expect(tagLabel('2fa')).toBe('2fa');
  });
});

describe('checkinInputSchema / parseCheckinInput', () => {
  it('accepts the boundaries 1 and 5 and every sustainable answer', () => {
    for (const workload of [1, 5]) {
      for (const energy of [1, 5]) {
        for (const sustainable of SUSTAINABLE) {
          expect(parseCheckinInput({ workload, energy, sustainable })).toEqual({
            workload,
            energy,
            sustainable,
            stretched: [],
            shareable: false,
          });
        }
      }
    }
  });

  it('refuses 0, 6, 3.5, NaN, strings and missing ratings with a sentence naming the field', () => {
    for (const workload of [0, 6, 3.5, -1, NaN, Infinity, '3', null, undefined, true]) {
      expect(errorOf(() => parseCheckinInput({ ...valid, workload }))).toBe(WORKLOAD);
    }
    for (const energy of [0, 6, 2.5, '4', undefined]) {
      expect(errorOf(() => parseCheckinInput({ ...valid, energy }))).toBe(ENERGY);
    }
    const { workload: _, ...noWorkload } = valid;
    expect(errorOf(() => parseCheckinInput(noWorkload))).toBe(WORKLOAD);
  });

  it('refuses an unknown sustainable answer', () => {
    for (const sustainable of ['maybe', 'Yes', '', 1, undefined]) {
      expect(errorOf(() => parseCheckinInput({ ...valid, sustainable }))).toBe(SUSTAINABLE_MSG);
    }
  });

  it('reports the first problem in field order', () => {
    expect(errorOf(() => parseCheckinInput({ workload: 9, energy: 9, sustainable: 'x' }))).toBe(WORKLOAD);
    expect(errorOf(() => parseCheckinInput({ workload: 2, energy: 9, sustainable: 'x' }))).toBe(ENERGY);
  });

  it('refuses non-objects and unknown fields in one sentence', () => {
    for (const value of [null, undefined, 'x', 3, []]) {
      expect(errorOf(() => parseCheckinInput(value))).toBe(
        'A check-in needs workload, energy and whether the workload is sustainable.',
      );
    }
    expect(errorOf(() => parseCheckinInput({ ...valid, mood: 3 }))).toBe('A check-in has no field "mood".');
  });

  it('normalises stretched tags and refuses invalid ones', () => {
    expect(
      parseCheckinInput({ ...valid, stretched: ['Meetings', ' code  review', 'meetings'] }).stretched,
    ).toEqual(['meetings', 'code-review']);
    const thirteen = Array.from({ length: 13 }, (_, i) => `t${i}`);
    expect(errorOf(() => parseCheckinInput({ ...valid, stretched: thirteen }))).toBe(
      'Pick at most 12 tags for one check.',
    );
    expect(errorOf(() => parseCheckinInput({ ...valid, stretched: ['ok', 3] }))).toBe(
      'Stretched is a list of tags such as meetings or deadlines.',
    );
    expect(errorOf(() => parseCheckinInput({ ...valid, stretched: 'meetings' }))).toBe(
      'Stretched is a list of tags such as meetings or deadlines.',
    );
  });

  it('trims the note, turns CRLF into LF and drops an empty note', () => {
    expect(parseCheckinInput({ ...valid, note: '  Busy week.\r\nRelease on Thursday.\rDone.  ' }).note).toBe(
      'Busy week.\nRelease on Thursday.\nDone.',
    );
    expect(parseCheckinInput({ ...valid, note: '   \r\n ' })).not.toHaveProperty('note');
    expect(parseCheckinInput({ ...valid, note: null })).not.toHaveProperty('note');
    expect(errorOf(() => parseCheckinInput({ ...valid, note: 42 }))).toBe('The note is text.');
  });

  it('allows a 2000-character note and refuses 2001; emoji count as one character', () => {
    expect(parseCheckinInput({ ...valid, note: 'x'.repeat(2000) }).note).toHaveLength(2000);
    expect(errorOf(() => parseCheckinInput({ ...valid, note: 'x'.repeat(2001) }))).toBe(
      'Keep the note to 2000 characters or fewer.',
    );
    expect(parseCheckinInput({ ...valid, note: '🙂'.repeat(2000) }).note).toBe('🙂'.repeat(2000));
    // Surrounding whitespace does not count.
    expect(parseCheckinInput({ ...valid, note: `  ${'x'.repeat(2000)}\n` }).note).toHaveLength(2000);
    // Counted after CRLF becomes LF.
    expect(parseCheckinInput({ ...valid, note: 'a\r\n'.repeat(999) + 'ab' }).note).toHaveLength(2000);
  });

  it('keeps shareable off by default, and off whenever there is no note', () => {
    expect(parseCheckinInput({ ...valid, note: 'fine' }).shareable).toBe(false);
    expect(parseCheckinInput({ ...valid, note: 'fine', shareable: true }).shareable).toBe(true);
    expect(parseCheckinInput({ ...valid, shareable: true }).shareable).toBe(false);
    expect(parseCheckinInput({ ...valid, note: '  ', shareable: true }).shareable).toBe(false);
    expect(errorOf(() => parseCheckinInput({ ...valid, note: 'x', shareable: 'yes' }))).toBe(
      'Shareable is true or false.',
    );
  });

  it('gives one-sentence messages for any malformed input (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            workload: fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.string()),
            energy: fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.string()),
            sustainable: fc.oneof(fc.constantFrom('yes', 'mostly', 'no'), fc.string()),
            stretched: fc.array(fc.string({ maxLength: 40 }), { maxLength: 15 }),
            note: fc.string({ maxLength: 30 }),
            shareable: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (value) => {
          const result = checkinInputSchema.safeParse(value);
          if (result.success) {
            const out: CheckinInput = result.data;
            expect(RATINGS).toContain(out.workload);
            expect(RATINGS).toContain(out.energy);
            if (out.note === undefined) expect(out.shareable).toBe(false);
            return;
          }
          expectOneSentence(errorOf(() => parseCheckinInput(value)));
        },
      ),
    );
  });

  it('reads acceptably through the generic describeIssues too', () => {
    const result = checkinInputSchema.safeParse({ ...valid, workload: 7 });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toBe(`workload: ${WORKLOAD}`);
  });
});

describe('parseCheckinArgs', () => {
  it('parses the command line’s strings', () => {
    expect(
      parseCheckinArgs({
        workload: '3',
        energy: ' 4 ',
        sustainable: 'Mostly',
        stretched: 'meetings, Deadlines,,code review,',
        note: 'Release week.',
        shareable: true,
      }),
    ).toEqual({
      workload: 3,
      energy: 4,
      sustainable: 'mostly',
      stretched: ['meetings', 'deadlines', 'code-review'],
      note: 'Release week.',
      shareable: true,
    });
    expect(parseCheckinArgs({ workload: '1', energy: '5', sustainable: 'no' })).toEqual({
      workload: 1,
      energy: 5,
      sustainable: 'no',
      stretched: [],
      shareable: false,
    });
  });

  it('refuses malformed or out-of-range ratings with one line', () => {
    for (const workload of ['3.5', '', '6', '0', 'abc', '-1', '+3', '3e0', '0x3', ' ', '١', undefined]) {
      expect(errorOf(() => parseCheckinArgs({ workload, energy: '3', sustainable: 'yes' }))).toBe(WORKLOAD);
    }
    for (const energy of ['2.0', '', '7', 'high', undefined]) {
      expect(errorOf(() => parseCheckinArgs({ workload: '3', energy, sustainable: 'yes' }))).toBe(ENERGY);
    }
  });

  it('refuses a missing or unknown sustainable answer', () => {
    for (const sustainable of ['', 'maybe', 'y', undefined]) {
      expect(errorOf(() => parseCheckinArgs({ workload: '3', energy: '3', sustainable }))).toBe(
        SUSTAINABLE_MSG,
      );
    }
  });

  it('refuses bad tags and too many tags', () => {
    expect(
      errorOf(() =>
        parseCheckinArgs({ workload: '3', energy: '3', sustainable: 'yes', stretched: 'meetings,c++' }),
      ),
    ).toBe('The tag "c++" can only use letters, digits, spaces and hyphens.');
    const thirteen = Array.from({ length: 13 }, (_, i) => `t${i}`).join(',');
    expect(
      errorOf(() =>
        parseCheckinArgs({ workload: '3', energy: '3', sustainable: 'yes', stretched: thirteen }),
      ),
    ).toBe('Pick at most 12 tags for one check.');
  });

  it('drops --shareable without a note and refuses a note that is too long', () => {
    expect(
      parseCheckinArgs({ workload: '3', energy: '3', sustainable: 'yes', shareable: true }).shareable,
    ).toBe(false);
    expect(
      errorOf(() =>
        parseCheckinArgs({ workload: '3', energy: '3', sustainable: 'yes', note: 'n'.repeat(2001) }),
      ),
    ).toBe('Keep the note to 2000 characters or fewer.');
  });
});

describe('parseCheckinAt', () => {
  const zone = 'Europe/Berlin';
  const now = Date.parse('2027-03-15T18:00:00+01:00');
  const FORMAT = 'Use a date and time such as 2027-03-15T16:30, optionally with an offset such as +01:00.';

  it('reads a local time in the zone, or an explicit offset as written', () => {
    expect(parseCheckinAt('2027-03-15T16:30', zone, now)).toBe(Date.parse('2027-03-15T16:30:00+01:00'));
    expect(parseCheckinAt('2027-03-15 16:30:15', zone, now)).toBe(Date.parse('2027-03-15T16:30:15+01:00'));
    expect(parseCheckinAt('2027-03-15T16:30:15.250', zone, now)).toBe(
      Date.parse('2027-03-15T16:30:15.250+01:00'),
    );
    expect(parseCheckinAt('2027-03-15T12:00Z', zone, now)).toBe(Date.parse('2027-03-15T12:00:00Z'));
    expect(parseCheckinAt('2027-03-15T12:00:00-04:00', zone, now)).toBe(Date.parse('2027-03-15T16:00:00Z'));
    expect(parseCheckinAt('2027-03-15t12:00z', zone, now)).toBe(Date.parse('2027-03-15T12:00:00Z'));
  });

  it('keeps summer time in the zone', () => {
    expect(parseCheckinAt('2026-07-01T09:00', zone, now)).toBe(Date.parse('2026-07-01T09:00:00+02:00'));
    expect(parseCheckinAt('2026-07-01T09:00', 'America/New_York', now)).toBe(
      Date.parse('2026-07-01T09:00:00-04:00'),
    );
  });

  it('refuses malformed dates and times with one line', () => {
    for (const bad of [
      '',
      'yesterday',
      '2027-03-15',
      '2027-03-15T25:00',
      '2027-02-30T10:00',
      '2027-3-5T10:00',
      '2027-03-15T10:00:60',
      '2027-03-15T10:00+15:00',
      '2027-03-15T10:00+0100',
      '15/03/2027 10:00',
    ]) {
      expect(errorOf(() => parseCheckinAt(bad, zone, now))).toBe(FORMAT);
    }
  });

  it('refuses a time in the future, but not now itself', () => {
    expect(parseCheckinAt('2027-03-15T18:00', zone, now)).toBe(now);
    expect(errorOf(() => parseCheckinAt('2027-03-15T18:01', zone, now))).toBe(
      'A check-in cannot be in the future.',
    );
  });
});

describe('makeCheckin', () => {
  it('dates the record in its zone and stores an absent note as null', () => {
    const input = parseCheckinInput({ ...valid, stretched: ['meetings'], shareable: true });
    // 23:30 UTC on the 15th is already the 16th in Berlin.
    const at = Date.parse('2027-03-15T23:30:00Z');
    const record = makeCheckin(input, { id: 'c1', at, zone: 'Europe/Berlin' });
    expect(record).toEqual({
      id: 'c1',
      at,
      localDate: '2027-03-16',
      zone: 'Europe/Berlin',
      workload: 3,
      energy: 4,
      sustainable: 'mostly',
      stretched: ['meetings'],
      note: null,
      shareable: false,
    });
    expect(makeCheckin(input, { id: 'c2', at, zone: 'America/New_York' }).localDate).toBe('2027-03-15');
  });

  it('keeps a shareable note shareable', () => {
    const input = parseCheckinInput({ ...valid, note: 'ok', shareable: true });
    expect(makeCheckin(input, { id: 'c', at: 0, zone: 'UTC' })).toMatchObject({
      note: 'ok',
      shareable: true,
    });
  });
});

describe('normaliseNote', () => {
  it('normalises notes', () => {
    expect(normaliseNote('\r\n a\r\nb \r\n')).toBe('a\nb');
    expect(normaliseNote(' \t ')).toBeUndefined();
  });
});
