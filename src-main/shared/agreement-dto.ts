import type { ShareFormat } from './dto';

/** The working agreement's formats: Markdown, plain text for chat, and a calendar file. */
export const AGREEMENT_FORMATS = ['md', 'text', 'ics'] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];

/** Exactly what a save or copy in `format` writes, and its fingerprint (SHA-256, hex). */
export interface AgreementPreview {
  format: AgreementFormat;
  text: string;
  contentHash: string;
}

/** The one-line status for chat, and its fingerprint, which a copy carries. */
export interface AgreementStatusDto {
  text: string;
  contentHash: string;
}

/** One share of the agreement or its status line, for the list beside it. */
export interface AgreementShareDto {
  id: string;
  /** ISO 8601 in the user's zone. */
  at: string;
  kind: 'agreement' | 'status';
  format: ShareFormat;
  via: 'window' | 'cli';
  contentHash: string;
}
