import path from 'node:path';
import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayCommand, TrayMenuItem, TrayPort, TrayState } from '../services/ports';

export const TRAY_STATES: readonly TrayState[] = ['idle', 'focus', 'after-hours'];

/** What `Tray#setImage` accepts: a loaded image or a file path. */
export type TrayImage = Parameters<Tray['setImage']>[0];

/**
 * The slice of Electron's `Tray` Keel uses. `on` is spelled out because Electron types it as
 * returning the whole Tray, which no fake could honestly return. The context menu's type is a
 * parameter so tests can hand in a recording menu instead of Electron's `Menu`, which only
 * Electron can construct. `Tray` and `Menu` themselves fit these types: main.ts passes them in.
 */
export interface TraySlice<M> extends Pick<Tray, 'setImage' | 'setToolTip' | 'destroy' | 'isDestroyed'> {
  on(event: 'click', listener: () => void): unknown;
  setContextMenu(menu: M | null): void;
}

/** The slice of Electron's `Menu` class Keel uses (its static `buildFromTemplate`). */
export interface MenuBuilder<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M;
}

export interface ElectronTrayOptions<M> {
  tray: TraySlice<M>;
  menu: MenuBuilder<M>;
  icons: Record<TrayState, TrayImage>;
  /**
   * The command a click on the icon itself selects. On Windows a click on a tray icon is
   * expected to open the app (the menu is on right-click); on macOS a click opens the menu, and
   * most Linux trays never report clicks, so main passes this on Windows only.
   */
  clickSelects?: TrayCommand;
}

/**
 * Icon files per state. macOS gets template images (black + alpha; the menu bar tints them for
 * light and dark) named `*Template.png`, which Electron recognises by name; each PNG has an `@2x`
 * sibling Electron picks up on high-density displays. Windows gets `.ico` files holding every
 * size, so the notification area picks the right one for its scaling.
 */
export function trayIconPaths(assetsDir: string, platform: NodeJS.Platform): Record<TrayState, string> {
  const suffix = platform === 'darwin' ? 'Template.png' : platform === 'win32' ? '.ico' : '.png';
  const file = (state: TrayState): string => path.join(assetsDir, 'tray', `${state}${suffix}`);
  return { idle: file('idle'), focus: file('focus'), 'after-hours': file('after-hours') };
}

/**
 * The Electron menu item id of a command (`focus-start:25`, `open:checkin`): a name for the item
 * in Electron's menu and in tests. Keel never reads it back; a click hands over the command.
 */
export function trayItemId(command: TrayCommand): string {
  switch (command.kind) {
    case 'focus-start':
      return `focus-start:${command.minutes}`;
    case 'interrupt':
      return `interrupt:${command.interruption}`;
    case 'open':
      return command.view ? `open:${command.view}` : 'open';
    default:
      return command.kind;
  }
}

/** Builds Electron's menu template: each item's click hands its command to `onSelect`. */
export function trayMenuTemplate(
  items: TrayMenuItem[],
  select: (command: TrayCommand) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'info') return { label: item.label, enabled: false };
    if (item.type === 'submenu') {
      return {
        label: item.label,
        enabled: item.enabled ?? true,
        submenu: trayMenuTemplate(item.items, select),
      };
    }
    return {
      id: trayItemId(item.command),
      label: item.label,
      enabled: item.enabled ?? true,
      // Electron passes (menuItem, window, event); the item's command is all Keel needs.
      click: () => select(item.command),
    };
  });
}

/** The tray port on an Electron `Tray`. Main must keep the port referenced (it holds the Tray). */
export function createElectronTray<M>(options: ElectronTrayOptions<M>): TrayPort {
  const { tray, menu, icons, clickSelects } = options;
  const listeners = new Set<(command: TrayCommand) => void>();
  let shownState: TrayState | undefined;
  let shownTooltip: string | undefined;

  const select = (command: TrayCommand): void => {
    for (const listener of [...listeners]) listener(command);
  };
  const alive = (): boolean => !tray.isDestroyed();

  if (clickSelects) tray.on('click', () => select(clickSelects));

  return {
    setState(state: TrayState, tooltip: string): void {
      if (!alive()) return;
      // Only touch the OS when something changed: some trays flicker on every setImage.
      if (state !== shownState) tray.setImage(icons[state]);
      if (tooltip !== shownTooltip) tray.setToolTip(tooltip);
      shownState = state;
      shownTooltip = tooltip;
    },
    setMenu(items: TrayMenuItem[]): void {
      if (!alive()) return;
      tray.setContextMenu(menu.buildFromTemplate(trayMenuTemplate(items, select)));
    },
    onSelect(listener: (command: TrayCommand) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose(): void {
      listeners.clear();
      if (alive()) tray.destroy();
    },
  };
}

/** Loads every state's icon once, so a state change is a pointer swap, not a disk read. */
export function loadTrayIcons(
  load: (file: string) => NativeImage,
  assetsDir: string,
  platform: NodeJS.Platform,
): Record<TrayState, NativeImage> {
  const paths = trayIconPaths(assetsDir, platform);
  return { idle: load(paths.idle), focus: load(paths.focus), 'after-hours': load(paths['after-hours']) };
}
