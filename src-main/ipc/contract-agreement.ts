/** The working agreement's channels (issue #19), spread into the IPC contract (contract.ts). */
import { z } from 'zod';
import {
  AGREEMENT_FORMATS,
  type AgreementPreview,
  type AgreementShareDto,
  type AgreementStatusDto,
} from '../shared/agreement-dto';
import { exportLocaleSchema } from '../core/export-language';
import type { ExportResult } from '../shared/dto';
import { channel, noInput } from './contract-kit';

/** The fingerprint of what the window showed (a preview's or the status line's `contentHash`). */
const shownHash = z
  .string({ message: 'Look at the preview before saving or copying it.' })
  .regex(/^[0-9a-f]{64}$/, { message: 'Look at the preview before saving or copying it.' });
const format = z.enum(AGREEMENT_FORMATS, { message: 'Use md, text or ics.' });
/** The agreement's language (the window's; none: en-US), as the summary's and the update's. */
const locale = exportLocaleSchema.optional();

export const agreementChannels = {
  /** Exactly what a save or copy in this format writes. Its parts are set with settings:set "agreement". */
  'agreement:preview': channel<AgreementPreview>()(z.object({ format, locale }).strict()),
  /** Main's save dialog chooses where; only the previewed text (its fingerprint) is written. */
  'agreement:save': channel<ExportResult>()(z.object({ format, contentHash: shownHash, locale }).strict()),
  'agreement:copy': channel<{ copied: true }>()(
    z
      .object({
        format: z.enum(['md', 'text'], { message: 'Copy md or text.' }),
        contentHash: shownHash,
        locale,
      })
      .strict(),
  ),
  /** The one-line status for chat now. */
  'agreement:status': channel<AgreementStatusDto>()(z.object({ locale }).strict()),
  /** Copies the status line while it still reads as shown. */
  'agreement:copyStatus': channel<AgreementStatusDto>()(
    z.object({ contentHash: shownHash, locale }).strict(),
  ),
  /** The agreement's and the status line's shares, most recent first. */
  'agreement:shares': channel<AgreementShareDto[]>()(noInput),
} as const;
