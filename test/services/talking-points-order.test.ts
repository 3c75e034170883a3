import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { RecordingShell } from '../../src-main/platform/recording';
import { databasePath } from '../../src-main/storage/paths';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
const at = (hhmm: string) => instantAt('2027-03-15', hhmm, zone);

/** Three points added at 09:00, 10:00 and 11:00. */
function setup() {
  const made = makeServices(at('09:00'), zone);
  const { services, clock } = made;
  const first = services.talkingPoints.add('First: hiring plan');
  clock.advanceTo(at('10:00'));
  const second = services.talkingPoints.add('Second: on-call rotation');
  clock.advanceTo(at('11:00'));
  const third = services.talkingPoints.add('Third: conference budget');
  return { ...made, first, second, third };
}

const texts = (points: { text: string }[]) => points.map((p) => p.text);

/** The talking points as the summary's Markdown lists them. */
function summaryPoints(services: ReturnType<typeof setup>['services']): string[] {
  const { text } = services.summary.preview(
    { from: '2027-03-02', to: '2027-03-15', sections: ['talkingPoints'] },
    'md',
  );
  return text
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).replace(/\\/g, ''));
}

describe('talking points: the agenda in the order the user keeps', () => {
  it('lists them oldest first, and the summary in the same order', () => {
    const { services } = setup();
    expect(texts(services.talkingPoints.list())).toEqual([
      'First: hiring plan',
      'Second: on-call rotation',
      'Third: conference budget',
    ]);
    expect(summaryPoints(services)).toEqual(texts(services.talkingPoints.list()));
  });

  it('keeps points added in the same millisecond in the order they were added', () => {
    const { services } = makeServices(at('09:00'), zone);
    const words = ['Zebra crossing', 'Apples', 'Middle of the road', 'Bananas', 'Carrots'];
    for (const text of words) services.talkingPoints.add(text);
    expect(texts(services.talkingPoints.list())).toEqual(words);
  });

  it('moves a point up and down; the list, a later point and the summary follow', () => {
    const { services, clock, third, first } = setup();
    expect(texts(services.talkingPoints.move(third.id, 'up'))).toEqual([
      'First: hiring plan',
      'Third: conference budget',
      'Second: on-call rotation',
    ]);
    services.talkingPoints.move(first.id.slice(0, 8), 'down');
    clock.advanceTo(at('12:00'));
    services.talkingPoints.add('Fourth: added after the moves');
    const order = [
      'Third: conference budget',
      'First: hiring plan',
      'Second: on-call rotation',
      'Fourth: added after the moves',
    ];
    expect(texts(services.talkingPoints.list())).toEqual(order);
    expect(summaryPoints(services)).toEqual(order);
    // At an end it stays where it is.
    expect(texts(services.talkingPoints.move(third.id, 'up')).slice(0, 4)).toEqual(order);
  });

  it('edits a point in place: same id, same place, new words', () => {
    const { services, second } = setup();
    const edited = services.talkingPoints.edit(second.id, '  Second:\tthe on-call rotation, again ');
    expect(edited).toMatchObject({ id: second.id, text: 'Second: the on-call rotation, again' });
    expect(texts(services.talkingPoints.list())[1]).toBe('Second: the on-call rotation, again');
    expect(summaryPoints(services)[1]).toBe('Second: the on-call rotation, again');
  });

  it('refuses an empty edit or moving a discussed point with one sentence, and writes nothing', async () => {
    const { services, first, second } = setup();
    const handlers = createHandlers(services, new RecordingShell());
    const empty = await dispatch(handlers, 'talk:edit', { id: first.id, text: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(empty.ok ? '' : empty.error.message).toMatch(/Write the talking point\.$/);
    services.talkingPoints.setDiscussed(second.id, true);
    const moved = await dispatch(handlers, 'talk:move', { id: second.id, direction: 'up' });
    expect(moved).toMatchObject({
      ok: false,
      error: { message: 'Only a talking point not yet discussed can be moved.' },
    });
    expect(texts(services.talkingPoints.list(true))).toEqual([
      'First: hiring plan',
      'Second: on-call rotation',
      'Third: conference budget',
    ]);
  });

  it('keeps the order in the data file: a new start reads it back', () => {
    const { services, dataDir, third } = setup();
    services.talkingPoints.move(third.id, 'up');
    services.talkingPoints.move(third.id, 'up');
    const db = new Database(databasePath(dataDir), { readonly: true });
    const rows = db
      .prepare('SELECT text FROM talking_points ORDER BY position')
      .all()
      .map((r) => (r as { text: string }).text);
    db.close();
    expect(rows).toEqual(['Third: conference budget', 'First: hiring plan', 'Second: on-call rotation']);
  });
});
