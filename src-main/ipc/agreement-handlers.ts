import type { Services } from '../services';
import type { FileDialogPort } from '../services/ports';
import type { Channel, ChannelOutput, ParsedInput } from './contract';

type AgreementChannel = Extract<Channel, `agreement:${string}`>;
// Spelled out here rather than imported from handlers.ts, which imports this file.
type AgreementHandlers = {
  [C in AgreementChannel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** The working agreement: previews, saves and copies through main's dialogs and clipboard. */
export function agreementHandlers(services: Services, shell: FileDialogPort): AgreementHandlers {
  return {
    'agreement:preview': ({ format, locale }) => services.agreement.preview(format, locale),
    'agreement:save': ({ format, contentHash, locale }) =>
      services.agreement.save(format, contentHash, shell, locale),
    'agreement:copy': ({ format, contentHash, locale }) =>
      services.agreement.copy(format, contentHash, shell, locale),
    'agreement:status': ({ locale }) => services.agreement.status(locale),
    'agreement:copyStatus': ({ contentHash, locale }) =>
      services.agreement.copyStatus(contentHash, shell, 'window', locale),
    'agreement:shares': () => services.agreement.shares(),
  };
}
