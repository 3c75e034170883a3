import type { MenuItemConstructorOptions, Point, Rectangle, Tray } from 'electron';
import type { MenuBuilder, TrayImage, TraySlice } from '../electron-tray';
import { FakeEmitter, type FakeListener } from './fake-events';

/** What `Menu.buildFromTemplate` built, kept as the template so tests can read and click it. */
export class FakeMenu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}

  /** The labels in order, separators as '---'. */
  get labels(): string[] {
    return this.template.map((item) => (item.type === 'separator' ? '---' : (item.label ?? '')));
  }

  item(id: string): MenuItemConstructorOptions | undefined {
    return this.template.find((item) => item.id === id);
  }

  /** Test helper: a user clicks the item with this id, as Electron would (disabled items cannot be clicked). */
  click(id: string): void {
    const item = this.item(id);
    if (!item || item.enabled === false || !item.click) throw new Error(`No clickable menu item "${id}"`);
    // Electron passes (menuItem, window, event); a MenuItem can only be made inside Electron,
    // and Keel's handlers ignore the arguments, so the fake passes none.
    Reflect.apply(item.click, undefined, []);
  }
}

/** Electron's `Menu` class, as far as the tray uses it. */
export const fakeMenu = {
  buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => new FakeMenu(template),
} satisfies MenuBuilder<FakeMenu>;

/**
 * Electron's `Tray`, as far as Keel uses it. `implements Pick<Tray, …>` keeps those methods in
 * step with Electron's types; `on` and `setContextMenu` follow the adapter's slice, which the
 * real Tray must also fit.
 */
export class FakeTray
  implements Pick<Tray, 'setImage' | 'setToolTip' | 'destroy' | 'isDestroyed'>, TraySlice<FakeMenu>
{
  image: TrayImage;
  /** Every image set, in order, including the one the tray was created with. */
  readonly images: TrayImage[];
  tooltip = '';
  contextMenu: FakeMenu | null = null;
  private destroyed = false;
  private readonly emitter = new FakeEmitter();

  constructor(image: TrayImage) {
    this.image = image;
    this.images = [image];
  }

  setImage(image: TrayImage): void {
    this.assertAlive();
    this.image = image;
    this.images.push(image);
  }

  setToolTip(toolTip: string): void {
    this.assertAlive();
    this.tooltip = toolTip;
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.assertAlive();
    this.contextMenu = menu;
  }

  on(event: string, listener: FakeListener): this {
    this.emitter.add(event, listener);
    return this;
  }

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Test helper: a click on the icon itself. */
  click(): void {
    const bounds: Rectangle = { x: 0, y: 0, width: 16, height: 16 };
    const position: Point = { x: 8, y: 8 };
    this.emitter.emit('click', {}, bounds, position);
  }

  /** Test helper: choose a menu item from the context menu. */
  select(id: string): void {
    if (!this.contextMenu) throw new Error('The tray has no context menu');
    this.contextMenu.click(id);
  }

  listenerCount(event: string): number {
    return this.emitter.count(event);
  }

  // Electron throws when a destroyed tray is used; so does the fake, so tests catch it.
  private assertAlive(): void {
    if (this.destroyed) throw new Error('Tray used after destroy()');
  }
}
