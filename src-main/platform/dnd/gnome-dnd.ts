import type { CommandRunner } from './command-runner';
import { DndError, type DndController, type DndPrior } from '../../services/ports';

export const GNOME_SCHEMA = 'org.gnome.desktop.notifications';
export const GNOME_KEY = 'show-banners';

export const GNOME_UNAVAILABLE_HELP =
  "Keel could not read GNOME's notification settings (gsettings or the org.gnome.desktop.notifications schema is missing); turn on Do Not Disturb from the system menu instead.";

export const GNOME_LOCKED_HELP =
  "GNOME's notification settings are locked on this computer, so Keel can only show whether Do Not Disturb is on; turn it on from the system menu instead.";

export const READ_ONLY_HELP =
  "This desktop does not let apps turn on do-not-disturb; Keel can only read GNOME's notification setting. Turn do-not-disturb on from your desktop's notification settings.";

export interface GnomeDndOptions {
  desktop?: string;
  /** Read-only adapters report state and can still restore a change made earlier, but never turn on. */
  readOnly?: boolean;
  help?: string | null;
}

/**
 * GNOME's Do Not Disturb is the `show-banners` key: `true` means banners are shown (DND off).
 * Keel records the key's value before setting it to `false` and puts that exact value back,
 * so a user who already had banners off keeps them off.
 */
export class GnomeDndController implements DndController {
  readonly id = 'gnome';
  readonly desktop: string;
  readonly capability: 'control' | 'read-only';
  readonly help: string | null;

  constructor(
    private readonly runner: CommandRunner,
    options: GnomeDndOptions = {},
  ) {
    this.desktop = options.desktop ?? 'GNOME';
    this.capability = options.readOnly ? 'read-only' : 'control';
    this.help = options.help ?? (options.readOnly ? READ_ONLY_HELP : null);
  }

  async isOn(): Promise<boolean | null> {
    try {
      return !(await readShowBanners(this.runner));
    } catch {
      return null;
    }
  }

  async capturePrior(): Promise<DndPrior> {
    return { showBanners: await readShowBanners(this.runner) };
  }

  async turnOn(prior: DndPrior): Promise<DndPrior> {
    if (this.capability !== 'control') throw new DndError(this.help ?? READ_ONLY_HELP);
    await writeShowBanners(this.runner, false);
    return prior;
  }

  async restore(prior: DndPrior): Promise<void> {
    const value = prior.showBanners;
    if (typeof value !== 'boolean') {
      throw new DndError(
        "Keel's record of GNOME's notification setting is not readable, so it was left as it is.",
      );
    }
    await writeShowBanners(this.runner, value);
  }
}

/** Whether gsettings runs and has the key at all; false on any failure. */
export async function canReadGnomeBanners(runner: CommandRunner): Promise<boolean> {
  try {
    await readShowBanners(runner);
    return true;
  } catch {
    return false;
  }
}

/** Whether the key may be changed (a dconf lock makes it read-only); false on any failure. */
export async function canWriteGnomeBanners(runner: CommandRunner): Promise<boolean> {
  try {
    const result = await runner.run('gsettings', ['writable', GNOME_SCHEMA, GNOME_KEY]);
    return result.code === 0 && result.stdout.trim() === 'true';
  } catch {
    return false;
  }
}

async function readShowBanners(runner: CommandRunner): Promise<boolean> {
  const result = await runGsettings(runner, ['get', GNOME_SCHEMA, GNOME_KEY]);
  const value = result.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new DndError("GNOME's notification setting had a value Keel does not understand.");
}

async function writeShowBanners(runner: CommandRunner, value: boolean): Promise<void> {
  await runGsettings(runner, ['set', GNOME_SCHEMA, GNOME_KEY, String(value)]);
}

async function runGsettings(runner: CommandRunner, args: string[]): Promise<string> {
  let result;
  try {
    result = await runner.run('gsettings', args);
  } catch (error) {
    throw new DndError("Keel could not run gsettings to change GNOME's notification setting.", {
      cause: error,
    });
  }
  if (result.code !== 0) {
    throw new DndError(
      `gsettings could not ${args[0]} GNOME's notification setting (${firstLine(result.stderr)}).`,
    );
  }
  return result.stdout;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim() || 'no details';
}
