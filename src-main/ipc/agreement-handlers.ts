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
    'agreement:preview': ({ format }) => services.agreement.preview(format),
    'agreement:save': ({ format, contentHash }) => services.agreement.save(format, contentHash, shell),
    'agreement:copy': ({ format, contentHash }) => services.agreement.copy(format, contentHash, shell),
    'agreement:status': () => services.agreement.status(),
    'agreement:copyStatus': ({ contentHash }) => services.agreement.copyStatus(contentHash, shell),
    'agreement:shares': () => services.agreement.shares(),
  };
}
