/**
 * The offer Settings → This computer makes when Ctrl+Alt+F cannot reach Keel on Linux: the
 * desktop's own custom shortcut running `keel focus start`. On GNOME Keel adds it when the user
 * asks (gnome-shortcut.ts); on KDE and elsewhere the window shows the exact steps to copy.
 */
import path from 'node:path';
import { KeelError } from '../core/errors';
import type { ShortcutOfferPort } from '../services/ports';
import { NO_SHORTCUT_OFFER, type ShortcutOffer } from '../shared/shortcut-offer';
import { isGnome } from './doctor/probe';
import { FOCUS_COMMAND, shortcutSteps } from './doctor/shortcut';
import {
  addKeelShortcut,
  findKeelShortcut,
  KEEL_SHORTCUT_NAME,
  runGsettings,
  type Gsettings,
} from './gnome-shortcut';

/** Where this Keel runs from: main passes app.isPackaged and process.resourcesPath. */
export interface KeelInstall {
  platform: NodeJS.Platform;
  packaged: boolean;
  resourcesPath: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** A path as one word of a command line (GNOME parses it as a shell would; KDE runs a shell). */
function shellWord(word: string): string {
  return /^[\w/.+@%:=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that starts a focus block from this install: an installed .deb/.rpm/unpacked Keel
 * runs its own `resources/bin/keel` by its full path (found without PATH); an AppImage (its
 * resources are mounted afresh at a new path each run) and a development run use `keel` on PATH
 * (FOCUS_COMMAND; README "Packaging" says how to link it there).
 */
export function focusCommandFor(install: KeelInstall): string {
  if (install.platform !== 'linux' || !install.packaged || install.env.APPIMAGE) return FOCUS_COMMAND;
  return `${shellWord(path.posix.join(install.resourcesPath, 'bin', 'keel'))} focus start`;
}

export interface ShortcutOfferOptions {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The command the shortcut runs (focusCommandFor). */
  command: string;
  gsettings: Gsettings;
}

export interface ShortcutOffers extends ShortcutOfferPort {
  /** The command the desktop's own shortcut runs for this install (the one-time notice names it too). */
  readonly command: string;
  /** Main could not register Ctrl+Alt+F: from now on the offer shows. */
  registerFailed(): void;
}

const GSETTINGS_FAILED =
  "Keel could not add the shortcut to GNOME's settings (gsettings did not answer); you can add it yourself with the steps shown.";

export function createShortcutOffers(options: ShortcutOfferOptions): ShortcutOffers {
  const { platform, env, command, gsettings } = options;
  let failed = false;
  const steps = shortcutSteps(env, command);
  const manual = (said?: ShortcutOffer['said']): ShortcutOffer => ({
    kind: 'steps',
    command,
    steps,
    ...(said ? { said } : {}),
  });
  return {
    command,
    registerFailed: () => {
      failed = true;
    },
    async offer(shortcutMissing) {
      if (platform !== 'linux' || !(failed || shortcutMissing)) return NO_SHORTCUT_OFFER;
      if (!isGnome(env)) return manual();
      try {
        if (await findKeelShortcut(gsettings, command)) return NO_SHORTCUT_OFFER;
      } catch {
        return manual(); // gsettings missing or silent: the steps still work
      }
      return { kind: 'gnome', command, steps };
    },
    async add() {
      if (platform !== 'linux' || !isGnome(env)) {
        throw new KeelError(
          'invalid_input',
          'Keel can add the shortcut only on GNOME; follow the steps shown.',
        );
      }
      let outcome;
      try {
        outcome = await addKeelShortcut(gsettings, command);
      } catch (error) {
        throw new KeelError('storage', GSETTINGS_FAILED, { cause: error });
      }
      if (outcome.kind === 'taken') {
        return manual({
          tone: 'info',
          text: `Ctrl+Alt+F already runs "${outcome.by}" in your custom shortcuts, so Keel left it alone; add Keel's with another key as the steps say.`,
        });
      }
      return {
        ...NO_SHORTCUT_OFFER,
        said: {
          tone: 'success',
          text:
            outcome.kind === 'added'
              ? `Added: Ctrl+Alt+F now starts a focus block; it is "${KEEL_SHORTCUT_NAME}" in Settings → Keyboard → Custom Shortcuts.`
              : `"${KEEL_SHORTCUT_NAME}" is already in Settings → Keyboard → Custom Shortcuts.`,
        },
      };
    },
  };
}

/** The offers for this install, on the real gsettings (main's). */
export function shortcutOffersFor(install: KeelInstall): ShortcutOffers {
  const { platform, env } = install;
  return createShortcutOffers({
    platform,
    env,
    command: focusCommandFor(install),
    gsettings: runGsettings(),
  });
}
