import type { CommandRunner } from './command-runner';
import {
  DndError,
  type DndCapability,
  type DndController,
  type DndPrior,
  type DndSettings,
} from '../../services/ports';

export const MACOS_SHORTCUTS_HELP =
  'Create two Shortcuts that turn a Focus on and off (e.g. "Keel focus on"/"Keel focus off") and enter their names in Settings.';

/**
 * macOS has no public API to set a Focus, but the user's own Shortcuts can: Keel runs the
 * "on" Shortcut at block start and the "off" one at restore. The names come from settings,
 * which may change while Keel runs, so capability is read live.
 */
export class MacosShortcutsDndController implements DndController {
  readonly id = 'macos-shortcuts';
  readonly desktop = 'macOS Shortcuts';

  constructor(
    private readonly runner: CommandRunner,
    private readonly settings: () => DndSettings,
  ) {}

  get capability(): DndCapability {
    return this.names() ? 'control' : 'unsupported';
  }

  get help(): string | null {
    return this.names() ? null : MACOS_SHORTCUTS_HELP;
  }

  /** Shortcuts cannot report whether a Focus is on. */
  async isOn(): Promise<boolean | null> {
    return null;
  }

  /**
   * The Focus state cannot be read, so the prior is the "off" Shortcut chosen now: restore
   * still works if the setting is cleared mid-block.
   */
  async capturePrior(): Promise<DndPrior> {
    const names = this.names();
    if (!names) throw new DndError(MACOS_SHORTCUTS_HELP);
    return { shortcutOff: names.off };
  }

  async turnOn(prior: DndPrior): Promise<DndPrior> {
    const names = this.names();
    if (!names) throw new DndError(MACOS_SHORTCUTS_HELP);
    await this.runShortcut(names.on);
    return prior;
  }

  async restore(prior: DndPrior): Promise<void> {
    // The current setting wins: a user who renamed the Shortcut updates Settings to match.
    const name = this.names()?.off ?? prior.shortcutOff;
    if (typeof name !== 'string' || name === '') {
      throw new DndError(
        'Keel does not know which Shortcut turns your Focus off; turn it off from Control Center.',
      );
    }
    await this.runShortcut(name);
  }

  private names(): { on: string; off: string } | null {
    const { macosShortcutOn: on, macosShortcutOff: off } = this.settings();
    return on && off ? { on, off } : null;
  }

  private async runShortcut(name: string): Promise<void> {
    let result;
    try {
      // An argv array, never a shell string: a Shortcut name is user text. `--` ends the options
      // (the tool parses its arguments with Swift's ArgumentParser, which honours it), so a name
      // starting with "-" is still a name; settings refuse such names too, in case it did not.
      result = await this.runner.run('shortcuts', ['run', '--', name]);
    } catch (error) {
      throw new DndError(`Keel could not run the Shortcut "${name}".`, { cause: error });
    }
    if (result.code !== 0) {
      throw new DndError(`The Shortcut "${name}" did not run; check that it exists in the Shortcuts app.`);
    }
  }
}
