import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import {
  BURNOUT_OPTIONS,
  BURNOUT_QUESTION,
  BURNOUT_SOURCE,
  makeQuestionnaireResult,
  QUESTIONNAIRE_DISCLAIMER,
  QUESTIONNAIRES,
  questionnaireDue,
  questionnaireDueOn,
  scoreBurnout,
  scoreWho5,
  SUPPORT_RESOURCES,
  who5Note,
  WHO5_ITEMS,
  WHO5_OPTIONS,
  WHO5_SOURCE,
  WHO5_STEM,
} from '../../src-main/core/questionnaires';
import { instantAt } from '../../src-main/core/time';

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

const WHO5_MESSAGE =
  'Answer each of the five WHO-5 statements with a whole number from 0 (at no time) to 5 (all of the time).';

describe('published wording and sources', () => {
  it('keeps the disclaimer', () => {
    expect(QUESTIONNAIRE_DISCLAIMER).toBe('This is a self-reflection aid, not a diagnosis.');
  });

  it('has the five burnout statements, 1 (no symptoms) to 5 (completely burned out)', () => {
    expect(BURNOUT_QUESTION).toBe(
      'Overall, based on your definition of burnout, how would you rate your level of burnout?',
    );
    expect(BURNOUT_OPTIONS.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(BURNOUT_OPTIONS[0]?.text).toBe('I enjoy my work. I have no symptoms of burnout.');
    expect(BURNOUT_OPTIONS[2]?.text).toMatch(/^I am definitely burning out/);
    expect(BURNOUT_OPTIONS[4]?.text).toBe(
      'I feel completely burned out and often wonder if I can go on. I am at the point where I may need some changes or may need to seek some sort of help.',
    );
    expect(BURNOUT_SOURCE).toMatch(/Rohland BM, Kruse GR, Rohrer JE/);
    expect(BURNOUT_SOURCE).toMatch(/Stress and Health\. 2004/);
    expect(BURNOUT_SOURCE).toMatch(/Dolan ED/);
  });

  it('has the five WHO-5 statements and the six-step scale', () => {
    expect(WHO5_STEM).toBe('Over the last two weeks…');
    expect(WHO5_ITEMS).toEqual([
      'I have felt cheerful and in good spirits',
      'I have felt calm and relaxed',
      'I have felt active and vigorous',
      'I woke up feeling fresh and rested',
      'My daily life has been filled with things that interest me',
    ]);
    expect(WHO5_OPTIONS.map((o) => o.value)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(WHO5_OPTIONS[0]?.label).toBe('All of the time');
    expect(WHO5_OPTIONS[5]?.label).toBe('At no time');
    expect(WHO5_SOURCE).toMatch(/World Health Organization.*1998/);
    expect(WHO5_SOURCE).toMatch(/Topp CW.*2015/);
  });

  it('describes each questionnaire with its source and interval', () => {
    expect(QUESTIONNAIRES.burnout).toMatchObject({ intervalDays: 7, source: BURNOUT_SOURCE });
    expect(QUESTIONNAIRES.who5).toMatchObject({ intervalDays: 14, source: WHO5_SOURCE });
  });
});

describe('scoreBurnout', () => {
  it('reads 3 or more as symptoms of burnout', () => {
    expect(scoreBurnout(1)).toMatchObject({ score: 1, symptoms: false });
    expect(scoreBurnout(2)).toMatchObject({ score: 2, symptoms: false });
    expect(scoreBurnout(3)).toMatchObject({ score: 3, symptoms: true });
    expect(scoreBurnout(5)).toMatchObject({ score: 5, symptoms: true });
    expect(scoreBurnout(4).interpretation).toMatch(/3 or more are read as symptoms of burnout/);
    expect(scoreBurnout(1).interpretation).toMatch(/no symptoms of burnout/);
  });

  it('refuses anything but a whole number from 1 to 5', () => {
    for (const bad of [0, 6, 2.5, '3', null, undefined, NaN]) {
      expect(errorOf(() => scoreBurnout(bad))).toBe(
        'Answer the burnout question with a whole number from 1 to 5.',
      );
    }
  });
});

describe('scoreWho5', () => {
  it.each([
    [[5, 5, 5, 5, 5], 25, 100, false],
    [[0, 0, 0, 0, 0], 0, 0, true],
    [[3, 3, 2, 3, 2], 13, 52, false],
    [[3, 2, 2, 3, 2], 12, 48, true],
    [[5, 4, 3, 2, 1], 15, 60, false],
    [[1, 0, 0, 1, 0], 2, 8, true],
    [[4, 4, 4, 4, 4], 20, 80, false],
  ])('scores %j as raw %i, %i%%', (answers, raw, percent, low) => {
    expect(scoreWho5(answers)).toEqual({ answers, raw, percent, low });
  });

  it('is raw × 4 and between 0 and 100 for every valid answer set (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }), (answers) => {
        const { raw, percent, low } = scoreWho5(answers);
        expect(raw).toBe(answers.reduce((a, b) => a + b, 0));
        expect(percent).toBe(raw * 4);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        expect(low).toBe(percent <= 50);
        expect(low).toBe(raw < 13);
      }),
    );
  });

  it('refuses anything but exactly five whole numbers from 0 to 5', () => {
    for (const bad of [
      [5, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [],
      [5, 5, 5, 5, 6],
      [5, 5, 5, 5, -1],
      [5, 5, 2.5, 5, 5],
      [5, 5, '5', 5, 5],
      [5, null, 5, 5, 5],
      '55555',
      null,
    ]) {
      expect(errorOf(() => scoreWho5(bad))).toBe(WHO5_MESSAGE);
    }
  });
});

describe('who5Note', () => {
  it('gives a calm "low" note at or below 50', () => {
    const note = who5Note(50, null);
    expect(note?.reason).toBe('low');
    expect(who5Note(48, 52)?.reason).toBe('low');
    expect(who5Note(0, null)?.reason).toBe('low');
    expect(who5Note(52, null)).toBeNull();
    expect(who5Note(100, null)).toBeNull();
  });

  it('gives a "drop" note when the score falls by 10 or more', () => {
    expect(who5Note(52, 62)).toMatchObject({ reason: 'drop' });
    expect(who5Note(52, 62)?.body).toMatch(/10 points lower/);
    expect(who5Note(60, 100)).toMatchObject({ reason: 'drop' });
    expect(who5Note(53, 62)).toBeNull();
    expect(who5Note(56, 64)).toBeNull();
    // A rise is never a note.
    expect(who5Note(80, 60)).toBeNull();
    expect(who5Note(72, 72)).toBeNull();
  });

  it('prefers the "low" note when both apply', () => {
    expect(who5Note(40, 80)?.reason).toBe('low');
  });

  it('is kind, carries general resources, never alarms, and repeats nothing the outcome says', () => {
    for (const note of [who5Note(40, null), who5Note(60, 80)]) {
      expect(note).not.toBeNull();
      if (!note) continue;
      // The outcome carries the disclaimer and the interpretation (the threshold) on its own.
      expect(note.body).not.toContain(QUESTIONNAIRE_DISCLAIMER);
      expect(note.body).not.toMatch(/50 or below/);
      expect(note.resources).toBe(SUPPORT_RESOURCES);
      const text = `${note.title} ${note.body}`;
      expect(text).not.toMatch(/!|urgent|warning|danger|depress|disorder|immediately|emergency/i);
    }
    const resources = SUPPORT_RESOURCES.map((r) => `${r.title} ${r.detail}`).join(' ');
    expect(resources).toMatch(/someone you trust/i);
    expect(resources).toMatch(/doctor or a mental-health professional/i);
    expect(resources).toMatch(/findahelpline\.com lists free, confidential helplines by country/);
    expect(resources).toMatch(/assistance programme/);
    // No phone numbers: nothing country-specific.
    expect(resources).not.toMatch(/\d{3}/);
  });
});

describe('questionnaireDue', () => {
  const zone = 'Europe/Berlin';
  const at = (date: string, time: string) => instantAt(date, time, zone);

  it('is never due when not enabled', () => {
    expect(questionnaireDue('burnout', null, at('2027-03-15', '09:00'), zone, false)).toBe(false);
    expect(questionnaireDue('who5', at('2026-01-01', '09:00'), at('2027-03-15', '09:00'), zone, false)).toBe(
      false,
    );
  });

  it('is due at once when never taken', () => {
    expect(questionnaireDue('burnout', null, at('2027-03-15', '09:00'), zone, true)).toBe(true);
    expect(questionnaireDue('who5', null, at('2027-03-15', '09:00'), zone, true)).toBe(true);
  });

  it('makes burnout due 7 local days later, whatever the time of day', () => {
    const last = at('2027-03-15', '23:50');
    expect(questionnaireDue('burnout', last, at('2027-03-21', '23:59'), zone, true)).toBe(false);
    expect(questionnaireDue('burnout', last, at('2027-03-22', '00:05'), zone, true)).toBe(true);
    expect(questionnaireDueOn('burnout', last, zone)).toBe('2027-03-22');
  });

  it('makes WHO-5 due 14 local days later', () => {
    const last = at('2027-03-01', '09:00');
    expect(questionnaireDue('who5', last, at('2027-03-14', '20:00'), zone, true)).toBe(false);
    expect(questionnaireDue('who5', last, at('2027-03-15', '08:00'), zone, true)).toBe(true);
    expect(questionnaireDueOn('who5', last, zone)).toBe('2027-03-15');
    expect(questionnaireDueOn('who5', null, zone)).toBeNull();
  });

  it('counts calendar days over the DST change (a 23-hour day still counts as one)', () => {
    // 2027-03-28 is 23 hours long in Berlin; 7 days later at the same local time is due.
    const last = at('2027-03-25', '10:00');
    const sevenDaysLater = at('2027-04-01', '09:30');
    expect(sevenDaysLater - last).toBeLessThan(7 * 24 * 3_600_000);
    expect(questionnaireDue('burnout', last, sevenDaysLater, zone, true)).toBe(true);
  });

  it('is not due when the clock went backwards', () => {
    expect(
      questionnaireDue('burnout', at('2027-03-20', '09:00'), at('2027-03-10', '09:00'), zone, true),
    ).toBe(false);
  });
});

describe('makeQuestionnaireResult', () => {
  it('stores the burnout answer as the score', () => {
    const at = Date.parse('2027-03-15T12:00:00Z');
    expect(makeQuestionnaireResult('burnout', 3, { id: 'q1', at, zone: 'UTC' })).toEqual({
      id: 'q1',
      kind: 'burnout',
      at,
      localDate: '2027-03-15',
      zone: 'UTC',
      answers: [3],
      score: 3,
    });
    expect(makeQuestionnaireResult('burnout', [2], { id: 'q2', at, zone: 'UTC' }).score).toBe(2);
  });

  it('stores the WHO-5 percentage score', () => {
    const at = Date.parse('2027-03-15T23:30:00Z');
    expect(
      makeQuestionnaireResult('who5', [3, 3, 2, 3, 2], { id: 'q3', at, zone: 'Asia/Tokyo' }),
    ).toMatchObject({
      localDate: '2027-03-16',
      answers: [3, 3, 2, 3, 2],
      score: 52,
    });
  });

  it('refuses invalid answers', () => {
    expect(errorOf(() => makeQuestionnaireResult('who5', [1, 2, 3], { id: 'q', at: 0, zone: 'UTC' }))).toBe(
      WHO5_MESSAGE,
    );
    expect(() => makeQuestionnaireResult('burnout', [1, 2], { id: 'q', at: 0, zone: 'UTC' })).toThrow(
      KeelError,
    );
  });
});
