import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createElectronTray,
  trayIconPaths,
  trayItemId,
  trayMenuTemplate,
} from '../../src-main/platform/electron-tray';
import { FakeTray, fakeMenu } from '../../src-main/platform/fakes/fake-tray';
import type { TrayCommand, TrayMenuItem, TrayState } from '../../src-main/services/ports';

const icons: Record<TrayState, string> = {
  idle: 'idle.png',
  focus: 'focus.png',
  'after-hours': 'after-hours.png',
};
const OPEN: TrayCommand = { kind: 'open' };
const QUIT: TrayCommand = { kind: 'quit' };
const MENU: TrayMenuItem[] = [
  { type: 'info', label: 'Next: Focus at 09:00' },
  { type: 'separator' },
  { type: 'item', command: { kind: 'focus-start', minutes: 25 }, label: '25 minutes', enabled: false },
  { type: 'item', command: OPEN, label: 'Open Keel' },
  { type: 'separator' },
  { type: 'item', command: QUIT, label: 'Quit Keel' },
];

function setup(clickSelects?: TrayCommand) {
  const fake = new FakeTray(icons.idle);
  const tray = createElectronTray({
    tray: fake,
    menu: fakeMenu,
    icons,
    ...(clickSelects ? { clickSelects } : {}),
  });
  const selected: TrayCommand[] = [];
  tray.onSelect((command) => selected.push(command));
  return { fake, tray, selected };
}

describe('createElectronTray', () => {
  it('shows each state with its own image and the given tooltip', () => {
    const { fake, tray } = setup();
    tray.setState('focus', 'Keel — focus until 11:00');
    expect(fake.image).toBe('focus.png');
    expect(fake.tooltip).toBe('Keel — focus until 11:00');

    tray.setState('after-hours', 'Keel — after hours');
    expect(fake.image).toBe('after-hours.png');
    expect(fake.tooltip).toBe('Keel — after hours');
  });

  it('does not set the same image again when only the tooltip changes', () => {
    const { fake, tray } = setup();
    tray.setState('idle', 'Keel');
    tray.setState('idle', 'Keel — next at 14:00');
    expect(fake.images).toEqual(['idle.png', 'idle.png']); // the constructor's, then the first setState
    expect(fake.tooltip).toBe('Keel — next at 14:00');
  });

  it('builds the menu from the items and routes a click to onSelect with the command', () => {
    const { fake, tray, selected } = setup();
    tray.setMenu(MENU);
    expect(fake.contextMenu?.labels).toEqual([
      'Next: Focus at 09:00',
      '---',
      '25 minutes',
      'Open Keel',
      '---',
      'Quit Keel',
    ]);
    expect(fake.contextMenu?.template[0]).toMatchObject({ label: 'Next: Focus at 09:00', enabled: false });
    expect(fake.contextMenu?.template[0]?.click).toBeUndefined();

    fake.select('open');
    fake.select('quit');
    expect(selected).toEqual([OPEN, QUIT]);
    expect(() => fake.select('focus-start:25')).toThrow(/No clickable/);
  });

  it('routes clicks of a rebuilt menu, and stops reporting after unsubscribe', () => {
    const fake = new FakeTray(icons.idle);
    const tray = createElectronTray({ tray: fake, menu: fakeMenu, icons });
    const selected: TrayCommand[] = [];
    const off = tray.onSelect((command) => selected.push(command));
    tray.setMenu(MENU);
    tray.setMenu([{ type: 'item', command: OPEN, label: 'Open Keel' }]);
    fake.select('open');
    off();
    fake.select('open');
    expect(selected).toEqual([OPEN]);
  });

  it('selects the configured item on a click of the icon (Windows), and nothing otherwise', () => {
    const withClick = setup(OPEN);
    withClick.fake.click();
    expect(withClick.selected).toEqual([OPEN]);

    const without = setup();
    without.fake.click();
    expect(without.selected).toEqual([]);
    expect(without.fake.listenerCount('click')).toBe(0);
  });

  it('destroys the tray on dispose and ignores later updates', () => {
    const { fake, tray } = setup();
    tray.dispose();
    expect(fake.isDestroyed()).toBe(true);
    expect(() => {
      tray.setState('focus', 'x');
      tray.setMenu(MENU);
      tray.dispose();
    }).not.toThrow();
  });
});

describe('trayMenuTemplate', () => {
  it('maps separators, info lines and items, enabled by default', () => {
    const template = trayMenuTemplate(MENU, () => undefined);
    expect(template.map((t) => t.type ?? 'normal')).toEqual([
      'normal',
      'separator',
      'normal',
      'normal',
      'separator',
      'normal',
    ]);
    expect(template[2]).toMatchObject({ id: 'focus-start:25', enabled: false });
    expect(template[3]).toMatchObject({ id: 'open', label: 'Open Keel', enabled: true });
  });

  it("opens submenus, and hands a submenu item's command over", () => {
    const chosen: TrayCommand[] = [];
    const chat: TrayCommand = { kind: 'interrupt', interruption: 'chat' };
    const [submenu] = trayMenuTemplate(
      [
        {
          type: 'submenu',
          label: 'I got interrupted',
          items: [{ type: 'item', command: chat, label: 'Chat' }],
        },
      ],
      (command) => chosen.push(command),
    );
    expect(submenu).toMatchObject({ label: 'I got interrupted', enabled: true });
    const items = submenu?.submenu as { id?: string; click?: () => void }[];
    expect(items[0]?.id).toBe('interrupt:chat');
    items[0]?.click?.();
    expect(chosen).toEqual([chat]);
  });
});

describe('trayItemId', () => {
  it('names every command apart', () => {
    const commands: TrayCommand[] = [
      { kind: 'focus-start', minutes: 25 },
      { kind: 'focus-start', minutes: 50 },
      { kind: 'focus-start', minutes: 90 },
      { kind: 'focus-start-next' },
      { kind: 'focus-stop' },
      { kind: 'interrupt', interruption: 'meeting' },
      { kind: 'interrupt', interruption: 'chat' },
      { kind: 'open' },
      { kind: 'open', view: 'checkin' },
      { kind: 'quit' },
    ];
    const ids = commands.map(trayItemId);
    expect(new Set(ids).size).toBe(commands.length);
    expect(ids).toContain('open:checkin');
  });
});

describe('trayIconPaths', () => {
  it('uses template images on macOS, .ico on Windows and colour PNGs elsewhere', () => {
    const mac = trayIconPaths('/app/assets', 'darwin');
    expect(mac.focus).toBe(path.join('/app/assets', 'tray', 'focusTemplate.png'));
    expect(trayIconPaths('/app/assets', 'win32').idle).toBe(path.join('/app/assets', 'tray', 'idle.ico'));
    expect(trayIconPaths('/app/assets', 'linux')['after-hours']).toBe(
      path.join('/app/assets', 'tray', 'after-hours.png'),
    );
  });

  it('points at icon files that exist, for every state and platform', () => {
    const assets = path.resolve(__dirname, '../../assets');
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const file of Object.values(trayIconPaths(assets, platform)))
        expect(fs.existsSync(file), file).toBe(true);
    }
  });
});
