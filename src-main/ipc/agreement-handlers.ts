import type { Services } from '../services';
import type { FileDialogPort } from '../services/ports';
import type { Channel } from './contract';
import type { Handlers } from './handlers';

type AgreementChannel = Extract<Channel, `agreement:${string}`>;

/** The working agreement: previews, saves and copies through main's dialogs and clipboard. */
export function agreementHandlers(
  services: Services,
  shell: FileDialogPort,
): Pick<Handlers, AgreementChannel> {
  return {
    'agreement:preview': ({ format }) => services.agreement.preview(format),
    'agreement:save': ({ format, contentHash }) => services.agreement.save(format, contentHash, shell),
    'agreement:copy': ({ format, contentHash }) => services.agreement.copy(format, contentHash, shell),
    'agreement:status': () => services.agreement.status(),
    'agreement:copyStatus': ({ contentHash }) => services.agreement.copyStatus(contentHash, shell),
    'agreement:shares': () => services.agreement.shares(),
  };
}
