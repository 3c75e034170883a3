import { KeelError } from '../core/errors';
import type { DesktopReport } from '../shared/desktop-probes';
import { NO_SHORTCUT_OFFER } from '../shared/shortcut-offer';
import type { FileDialogPort, ShortcutOfferPort } from '../services/ports';
import type { Services } from '../services';
import type { ChannelOutput, ParsedInput } from './contract';
import { spokenOffer, type Say } from './spoken-data';

/** Kept with the told notices: once the offer is taken or closed, it does not come back. */
export const SHORTCUT_OFFER_CLOSED = 'shortcut-offer-closed';

/**
 * Settings → This computer's shortcut offer: shown where Ctrl+Alt+F failed to register or the
 * shortcut probe last shown says not available; gone for good once added or dismissed.
 */
export function shortcutOfferHandlers(
  shell: FileDialogPort,
  data: Services['data'],
  offers: ShortcutOfferPort | undefined,
  shown: () => DesktopReport | undefined,
  say: Say = (english) => english,
): {
  'desktop:shortcutOffer': () => Promise<ChannelOutput<'desktop:shortcutOffer'>>;
  'desktop:shortcutAnswer': (
    input: ParsedInput<'desktop:shortcutAnswer'>,
  ) => Promise<ChannelOutput<'desktop:shortcutAnswer'>>;
} {
  const offer = async () => {
    if (!offers || data.toldBefore(SHORTCUT_OFFER_CLOSED)) return NO_SHORTCUT_OFFER;
    const line = shown()?.probes.find((probe) => probe.id === 'shortcut');
    return offers.offer(line?.state === 'not-available');
  };
  return {
    // Its steps and what an answer did are main's English: said in the window's language.
    'desktop:shortcutOffer': async () => spokenOffer(await offer(), say),
    'desktop:shortcutAnswer': async ({ answer }) => {
      if (answer === 'copy') {
        const now = await offer();
        if (now.kind === 'none')
          throw new KeelError('invalid_input', 'There is no shortcut command to copy.');
        await shell.copyText(now.command);
        return spokenOffer({ ...now, said: { tone: 'info', text: 'Copied the command.' } }, say);
      }
      if (answer === 'dismiss') {
        data.firstTimeFor(SHORTCUT_OFFER_CLOSED);
        return NO_SHORTCUT_OFFER;
      }
      if (!offers) throw new KeelError('invalid_input', 'Only the Keel app can add a desktop shortcut.');
      const added = await offers.add();
      if (added.kind === 'none') data.firstTimeFor(SHORTCUT_OFFER_CLOSED);
      return spokenOffer(added, say);
    },
  };
}
