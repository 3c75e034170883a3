/**
 * The working agreement's vocabulary, shared with the window through shared/vocabulary.ts: its
 * channels, their labels and default norms, and its limits. No zod, so the renderer's bundle
 * stays free of main's schemas (core/agreement.ts holds those).
 */

export const TEAM_ZONES_MAX = 8;
export const NORM_MAX_LENGTH = 160;
export const AGREEMENT_NOTE_MAX_LENGTH = 1000;
export const TEAMMATE_NAME_MAX_LENGTH = 40;

/** The channels a norm is set for, in the order the agreement lists them. */
export const NORM_CHANNELS = ['chat', 'email', 'urgent'] as const;
export type NormChannel = (typeof NORM_CHANNELS)[number];

/** How each channel is named in the agreement and the window. */
export const NORM_LABELS: Readonly<Record<NormChannel, string>> = {
  chat: 'Chat',
  email: 'Email',
  urgent: 'Urgent (call)',
};

/** Plain words a user can keep as they are. */
export const DEFAULT_NORMS: Readonly<Record<NormChannel, string>> = {
  chat: 'Within 2 hours during my working hours; after a focus block ends if I am in one.',
  email: 'By the end of my next working day.',
  urgent: 'Call me. Outside my working hours, only if it cannot wait until I am back.',
};
