import { describe, expect, it } from 'vitest';
import { ENERGY_LABELS } from '../../src-main/core/checkin';
import { ENERGY_RATING_LABELS } from '../../src-main/core/signoff-vocabulary';

describe('one energy scale everywhere', () => {
  it('the sign-off uses the check-in’s words, 1 drained … 5 full of energy', () => {
    expect(ENERGY_RATING_LABELS).toEqual(ENERGY_LABELS);
    expect(ENERGY_RATING_LABELS[5]).toBe('Full of energy');
    expect(ENERGY_RATING_LABELS[1]).toBe('Drained');
  });
});
