import { describe, expect, it } from 'vitest';
import { reportDndOutcome } from '../../src-main/app/dnd-outcome';
import { englishSpeech } from '../../src-main/app/speech';
import type { StateSource } from '../../src-main/app/state-publisher';

function setup() {
  const notices: [string, string, string][] = [];
  const published: StateSource[] = [];
  const follow = reportDndOutcome(
    { notice: (topic, title, body) => void notices.push([topic, title, body]), speech: englishSpeech },
    { publish: (source) => void published.push(source) },
  );
  return { follow, notices, published };
}

describe('reportDndOutcome', () => {
  it('says a problem once, in a notice, and has the window re-read do-not-disturb', async () => {
    const { follow, notices, published } = setup();
    const problem = 'Keel could not turn on do-not-disturb on GNOME.';
    follow(Promise.resolve(problem));
    await Promise.resolve();
    await Promise.resolve();
    expect(notices).toEqual([['dnd', 'Do not disturb', problem]]);
    expect(published).toEqual(['dnd']);
  });

  it('only has the window re-read when all went well', async () => {
    const { follow, notices, published } = setup();
    follow(Promise.resolve(null));
    await Promise.resolve();
    await Promise.resolve();
    expect(notices).toEqual([]);
    expect(published).toEqual(['dnd']);
  });
});
