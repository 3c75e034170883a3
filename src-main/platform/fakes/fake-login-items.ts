import type { LoginItemSettings, LoginItemSettingsOptions, Settings } from 'electron';
import type { LoginItemsSlice } from '../autostart';

/**
 * Electron's `app` as far as login items go, typed by Electron's own `Settings` and
 * `LoginItemSettings`. Like Windows, it answers `openAtLogin` only for the arguments the item
 * was registered with.
 */
export class FakeLoginItems implements LoginItemsSlice {
  readonly setCalls: Settings[] = [];
  readonly getCalls: (LoginItemSettingsOptions | undefined)[] = [];
  /** What `wasOpenedAtLogin` answers (macOS). */
  wasOpenedAtLogin = false;
  private item: { args: string[] } | null = null;

  setLoginItemSettings(settings: Settings): void {
    this.setCalls.push(structuredClone(settings));
    this.item = settings.openAtLogin ? { args: [...(settings.args ?? [])] } : null;
  }

  getLoginItemSettings(options?: LoginItemSettingsOptions): LoginItemSettings {
    this.getCalls.push(options === undefined ? undefined : structuredClone(options));
    const args = options?.args ?? [];
    const registered = this.item !== null;
    return {
      openAtLogin: registered && JSON.stringify(this.item?.args) === JSON.stringify(args),
      wasOpenedAtLogin: this.wasOpenedAtLogin,
      status: registered ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: registered,
      launchItems: [],
    };
  }
}
