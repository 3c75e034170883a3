import { describe, expect, it } from 'vitest';
import { useFocus } from '../../src-renderer/stores/focus';
import { useOneOnOne } from '../../src-renderer/stores/oneOnOne';
import { createTestKeel } from './keel-bridge';

/**
 * Every store's actions answer with api/keel.ts's ActionOutcome: a refusal main placed on a field
 * says where (`where`), and its sentence comes without that path.
 */
function install() {
  const keel = createTestKeel();
  keel.start();
  window.keel = keel.api;
  return keel;
}

describe('ActionOutcome from the focus and one-on-one stores', () => {
  it('a refused focus start says which field, in plain words', async () => {
    install();
    const outcome = await useFocus.getState().start({ minutes: 0 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.where).toBe('minutes');
    expect(outcome.message).not.toMatch(/minutes:/);
  });

  it('a refused talking point says which field, in plain words', async () => {
    install();
    const outcome = await useOneOnOne.getState().addPoint('x'.repeat(5000));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.where).toBe('text');
    expect(outcome.message).not.toMatch(/text:/);
  });
});
