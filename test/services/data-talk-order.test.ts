import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-main/core/export-format';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';

/** Issue #18: the full export carries the agenda's order (schema 8's `position`) and brings it back. */

const MONDAY = Date.parse('2027-03-15T08:00:00Z');
const HOUR = 3_600_000;

type Services = ReturnType<typeof makeServices>['services'];
const texts = (points: { text: string }[]) => points.map((p) => p.text);

function writeExport(dir: string, file: ExportFile | string): string {
  const name = path.join(dir, `export-${fs.readdirSync(dir).length}.json`);
  fs.writeFileSync(name, typeof file === 'string' ? file : JSON.stringify(file));
  return name;
}

/** The talking points as the summary's Markdown lists them. */
function summaryPoints(services: Services): string[] {
  const { text } = services.summary.preview(
    { from: '2027-03-02', to: '2027-03-15', sections: ['talkingPoints'] },
    'md',
  );
  return text
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).replace(/\\/g, ''));
}

/**
 * An agenda as a user shapes it: points an hour apart, two added in the same millisecond, moves,
 * a point added after the moves (it has no position), one discussed.
 */
function arranged() {
  const made = makeServices(MONDAY);
  const { services, clock } = made;
  const add = (text: string) => services.talkingPoints.add(text);
  const hiring = add('Hiring plan');
  clock.advanceTo(MONDAY + HOUR);
  add('On-call rotation');
  const zebra = add('Zebra: same millisecond, added first');
  add('Apple: same millisecond, added second');
  clock.advanceTo(MONDAY + 2 * HOUR);
  const budget = add('Conference budget');
  services.talkingPoints.move(budget.id, 'up');
  services.talkingPoints.move(budget.id, 'up');
  services.talkingPoints.move(hiring.id, 'down');
  clock.advanceTo(MONDAY + 3 * HOUR);
  add('Late: added after the moves');
  add('Beta: same millisecond as the late one');
  services.talkingPoints.setDiscussed(zebra.id, true);
  return made;
}

describe('the agenda’s order in the full export', () => {
  it('survives an export → import round trip: list, discussed points and summary', () => {
    const from = arranged();
    const open = texts(from.services.talkingPoints.list());
    expect(open).toEqual([
      'On-call rotation',
      'Hiring plan',
      'Conference budget',
      'Apple: same millisecond, added second',
      'Late: added after the moves',
      'Beta: same millisecond as the late one',
    ]);
    const file = JSON.parse(from.services.data.exportJson()) as ExportFile;
    expect(file.records.talking_points.every((p) => 'position' in p)).toBe(true);
    // In the agenda's order: positions alone cannot order the points added in the same millisecond.
    expect(texts(file.records.talking_points)).toEqual(texts(from.services.talkingPoints.list(true)));

    const to = makeServices(MONDAY + 4 * HOUR);
    expect(to.services.data.importFile(writeExport(from.dataDir, file))).toMatchObject({ added: 7 });
    expect(texts(to.services.talkingPoints.list())).toEqual(open);
    expect(texts(to.services.talkingPoints.list(true))).toEqual(
      texts(from.services.talkingPoints.list(true)),
    );
    expect(summaryPoints(to.services)).toEqual(open);
    // And it goes on as it was: the same move there and here gives the same agenda.
    const late = (services: Services) =>
      services.talkingPoints.list().find((p) => p.text.startsWith('Late'))?.id ?? '';
    expect(texts(to.services.talkingPoints.move(late(to.services), 'up'))).toEqual(
      texts(from.services.talkingPoints.move(late(from.services), 'up')),
    );
  });

  it('a backup restored brings the same agenda back', () => {
    const { services } = arranged();
    const agenda = texts(services.talkingPoints.list(true));
    const backup = services.data.backupNow().backups[0];
    services.talkingPoints.move(services.talkingPoints.list()[2]?.id ?? '', 'up');
    services.talkingPoints.add('After the backup');
    expect(texts(services.talkingPoints.list(true))).not.toEqual(agenda);
    services.data.restore(backup?.id ?? '');
    expect(texts(services.talkingPoints.list(true))).toEqual(agenda);
  });

  it('an export from before schema 8 (no position) comes in oldest first, whatever the file’s order', () => {
    const from = makeServices(MONDAY);
    const words = ['Zebra crossing', 'Apples', 'Middle of the road', 'Bananas', 'Carrots'];
    words.forEach((text, i) => {
      from.clock.advanceTo(MONDAY + i * HOUR);
      from.services.talkingPoints.add(text);
    });
    const file = JSON.parse(from.services.data.exportJson()) as ExportFile;
    const old = {
      ...file,
      schemaVersion: 7,
      records: {
        ...file.records,
        // As Keel wrote it then: no position, the records in the order of their (random) ids.
        talking_points: file.records.talking_points
          .map(({ position: _position, ...point }) => point)
          .sort((a, b) => b.text.localeCompare(a.text)),
      },
    };
    const to = makeServices(MONDAY + 5 * HOUR);
    expect(to.services.data.importFile(writeExport(from.dataDir, old))).toMatchObject({ added: 5 });
    expect(texts(to.services.talkingPoints.list())).toEqual(words);
    expect(summaryPoints(to.services)).toEqual(words);
    // A move there works as on any agenda.
    const apples = to.services.talkingPoints.list()[1]?.id ?? '';
    expect(texts(to.services.talkingPoints.move(apples, 'up')).slice(0, 2)).toEqual([
      'Apples',
      'Zebra crossing',
    ]);
  });

  it('merged into an agenda here: the points here keep their places, the new ones follow in the file’s order', () => {
    const from = arranged();
    const fileName = writeExport(from.dataDir, from.services.data.exportJson());
    const here = makeServices(MONDAY + 4 * HOUR);
    const mine = here.services.talkingPoints.add('Mine: first');
    here.services.talkingPoints.add('Mine: second');
    here.services.talkingPoints.move(mine.id, 'down');
    expect(here.services.data.importFile(fileName)).toMatchObject({ added: 7 });
    expect(texts(here.services.talkingPoints.list())).toEqual([
      'Mine: second',
      'Mine: first',
      ...texts(from.services.talkingPoints.list()),
    ]);
    // Importing the same file again adds nothing and moves nothing.
    const before = snapshot(here.services.db);
    expect(here.services.data.importFile(fileName)).toMatchObject({ added: 0 });
    expect(snapshot(here.services.db)).toBe(before);
  });
});
