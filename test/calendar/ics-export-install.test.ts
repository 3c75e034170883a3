import { afterEach, describe, expect, it } from 'vitest';
import { INSTALL_ID_KEY } from '../../src-main/services';
import { SettingsRepo } from '../../src-main/storage/settings-repo';
import { makeServices } from '../helpers/services';

/** The focus-plan export as the app writes it, through the real services and SQLite. */
async function exportedUids(services: ReturnType<typeof makeServices>['services']): Promise<string[]> {
  let content = '';
  await services.calendar.exportPlan({
    saveFile: (o) => {
      content = String(o.content);
      return Promise.resolve('keel-focus.ics');
    },
  });
  return [...content.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1] as string);
}

const open: { close(): void }[] = [];
const start = (...args: Parameters<typeof makeServices>) => {
  const made = makeServices(...args);
  open.push(made.services);
  return made;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('focus-plan export UIDs per install', () => {
  it('differ between two installs with the same plan, and are the same for every export of one', async () => {
    const a = start();
    const b = start();
    const uidsA = await exportedUids(a.services);
    const uidsB = await exportedUids(b.services);
    // The default plan: ten blocks, each its own UID, none shared between the installs.
    expect(new Set(uidsA).size).toBe(10);
    expect(uidsA.filter((uid) => uidsB.includes(uid))).toEqual([]);
    for (const uid of [...uidsA, ...uidsB]) {
      expect(uid).toMatch(/^focus-[a-z]{3}-\d{4}-\d{4}-[0-9a-f-]{36}@keel\.local$/);
    }

    // A week later, in a new process on the same data: the same events are updated.
    a.clock.advanceBy(7 * 86_400_000);
    expect(await exportedUids(a.services)).toEqual(uidsA);
    a.services.close();
    const again = start(Date.parse('2027-04-01T08:00:00Z'), 'Europe/Berlin', { dataDir: a.dataDir });
    expect(await exportedUids(again.services)).toEqual(uidsA);
  });

  it('keeps the id out of a data export and across a restore; deleting all data starts a new one', async () => {
    const { services } = start();
    const uids = await exportedUids(services);
    const id = new SettingsRepo(services.db).all()[INSTALL_ID_KEY] as string;
    expect(uids[0]).toContain(id);
    expect(services.data.exportJson()).not.toContain(id);

    const backup = services.data.backupNow().backups[0];
    if (!backup) throw new Error('no backup was written');
    // Restoring the backup brings back the data, not an older identity (the row stays as it is).
    new SettingsRepo(services.db).set(INSTALL_ID_KEY, '0a4b2c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d', 0);
    services.data.restore(backup.id);
    expect((await exportedUids(services))[0]).toContain('0a4b2c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d');

    services.data.deleteAll();
    const fresh = await exportedUids(services);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((uid) => uids.includes(uid))).toEqual([]);
  });

  it('replaces a stored id that is not a UUID (a hand-edited database) once, then keeps it', async () => {
    const { services } = start();
    new SettingsRepo(services.db).set(INSTALL_ID_KEY, 'x;y', 0);
    const uids = await exportedUids(services);
    expect(uids[0]).toMatch(/^focus-mon-0900-1100-[0-9a-f-]{36}@keel\.local$/);
    expect(await exportedUids(services)).toEqual(uids);
  });
});
