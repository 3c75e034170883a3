/** Settings → This computer's channels, spread into the IPC contract (contract.ts). */
import { z } from 'zod';
import type { DesktopReport } from '../shared/desktop-probes';
import type { IdleTrust } from '../shared/dto';
import type { ShortcutOffer } from '../shared/shortcut-offer';
import { channel, noInput } from './contract-kit';

export const desktopChannels = {
  /** What Keel can see on this desktop (`keel doctor`'s probes, run in main). */
  'desktop:probes': channel<DesktopReport>()(noInput),
  /** Puts the report last shown on the clipboard, as `keel doctor --json` prints it. */
  'desktop:copyReport': channel<{ copied: true }>()(noInput),
  /** Where Ctrl+Alt+F cannot reach Keel: the desktop's own shortcut for `keel focus start`. */
  'desktop:shortcutOffer': channel<ShortcutOffer>()(noInput),
  /** The answer to that offer: add it (GNOME, through gsettings), copy its command, or close it. */
  'desktop:shortcutAnswer': channel<ShortcutOffer>()(
    z
      .object({ answer: z.enum(['add', 'copy', 'dismiss'], { message: 'Answer add, copy or dismiss.' }) })
      .strict(),
  ),
  /** Whether Keel believes the desktop's idle time; when not, the sentence Settings shows. */
  'desktop:idleTrust': channel<IdleTrust>()(noInput),
} as const;
