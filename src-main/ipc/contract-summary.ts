/** The one-on-one summary's channels, spread into the IPC contract (contract.ts). */
import { z } from 'zod';
import { summaryChoicesSchema } from '../core/summary-choices';
import type { ExportResult, ShareDto, SummaryOptions, SummaryPreview } from '../shared/dto';
import { channel, localDate, noInput } from './contract-kit';

/** The fingerprint of the preview a save or copy was made from (SummaryPreview `hashes`). */
const previewHash = z
  .string({ message: 'Preview the summary before saving or copying it.' })
  .regex(/^[0-9a-f]{64}$/, { message: 'Preview the summary before saving or copying it.' });

export const summaryChannels = {
  /** Without dates: the notes since the last shared summary. */
  'summary:options': channel<SummaryOptions>()(
    z
      .object({ from: localDate.optional(), to: localDate.optional() })
      .strict()
      .refine((r) => (r.from === undefined) === (r.to === undefined), {
        message: 'Give both dates of the period, or neither.',
      })
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
        message: 'The start date must not be after the end date.',
      }),
  ),
  'summary:preview': channel<SummaryPreview>()(
    z
      .object({
        choices: summaryChoicesSchema,
        format: z.enum(['md', 'text', 'html'], { message: 'Use md, text or html.' }),
      })
      .strict(),
  ),
  /** `contentHash`: the preview's fingerprint for this format (`hashes.md`, or `hashes.html` for html and pdf). */
  'summary:export': channel<ExportResult>()(
    z
      .object({
        choices: summaryChoicesSchema,
        format: z.enum(['md', 'html', 'pdf'], { message: 'Use md, html or pdf.' }),
        contentHash: previewHash,
      })
      .strict(),
  ),
  /**
   * `format`: Markdown (the default), plain text for chat, or rich text (HTML and text together);
   * `contentHash`: the preview's fingerprint for it (`hashes.md`, `hashes.text`, `hashes.rich`).
   */
  'summary:copy': channel<{ copied: true }>()(
    z
      .object({
        choices: summaryChoicesSchema,
        contentHash: previewHash,
        format: z.enum(['md', 'text', 'rich'], { message: 'Use md, text or rich.' }).optional(),
      })
      .strict(),
  ),
  'summary:shares': channel<ShareDto[]>()(noInput),
} as const;
