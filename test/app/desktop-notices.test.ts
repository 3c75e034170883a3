import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

// Monday 2027-03-15, 10:00 in Berlin: inside working hours, no block running.
const MONDAY = Date.UTC(2027, 2, 15, 9, 0);

describe('a one-time notice about the desktop', () => {
  it('is told once per topic, and not again after a restart on the same data', () => {
    const dataDir = tempDir();
    const first = makeApp(MONDAY, { dataDir });
    first.app.start();
    expect(first.app.noticeOnce('no-tray-host', 'No tray icon here', 'Install the extension.')).toBe(true);
    expect(first.notifier.shown).toHaveLength(1);
    expect(first.notifier.shown[0]).toMatchObject({
      title: 'No tray icon here',
      body: 'Install the extension.',
      view: 'settings',
    });
    expect(first.app.noticeOnce('no-tray-host', 'No tray icon here', 'Install the extension.')).toBe(false);
    // Another topic is its own notice.
    expect(first.app.noticeOnce('no-shortcut', 'No shortcut', 'Bind it.')).toBe(true);
    expect(first.notifier.shown).toHaveLength(2);
    first.app.close();

    const again = makeApp(MONDAY + 86_400_000, { dataDir });
    again.app.start();
    expect(again.app.noticeOnce('no-tray-host', 'No tray icon here', 'Install the extension.')).toBe(false);
    expect(again.app.noticeOnce('no-shortcut', 'No shortcut', 'Bind it.')).toBe(false);
    expect(again.notifier.shown.filter((n) => n.title !== 'Keel started afresh')).toEqual([]);
    again.app.close();
  });

  it('is Keel’s bookkeeping, not a setting: an export leaves it out', () => {
    const { app, services } = makeApp(MONDAY);
    app.noticeOnce('no-tray-host', 'No tray icon here', 'Install the extension.');
    expect(services.data.exportJson()).not.toContain('no-tray-host');
    app.close();
  });
});
